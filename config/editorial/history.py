"""Full history of every record and row: who changed what, when, and the values before.

Each app registers its models at the end of its ``translation.py`` with ``track()``, after the
translation registration, so that the historical tables carry every language's column. The
generated search columns are left out: they are derived from the fields that are kept.

Bulk writes and ``QuerySet.update()`` send no signals and so record no history; code that writes in
bulk uses ``bulk_create_tracked``, which writes the history rows with the records.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from simple_history import register
from simple_history.utils import bulk_create_with_history


def track(*tracked: type[models.Model]) -> None:
    """Keep the full history of each model in ``tracked``."""
    for model in tracked:
        generated = [field.name for field in model._meta.fields if isinstance(field, models.GeneratedField)]
        register(model, excluded_fields=generated, cascade_delete_history=False)


def tracked_models() -> list[type[models.Model]]:
    """Every model of the atlas whose history is kept."""
    return [
        model
        for label in settings.ATLAS_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "history") and not model.__name__.startswith("Historical")
    ]


def bulk_create_tracked(model, objects, *, by=None, reason: str = "", batch_size: int = 500):
    """``bulk_create`` that also writes each new row's "created" history entry."""
    return bulk_create_with_history(
        objects, model, batch_size=batch_size, default_user=by, default_change_reason=reason or None
    )


def record_existing_rows(app_label: str):
    """A migration step: give every row of ``app_label`` that predates its history a first entry,
    and a publish date to the published records that lack one, so that every record has a
    version to compare with and revert to."""

    def forwards(migration_apps, schema_editor):
        db = schema_editor.connection.alias
        for model in migration_apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            field_names = {field.name for field in model._meta.concrete_fields}
            if {"published_at", "status"} <= field_names:
                model._default_manager.using(db).filter(status="published", published_at__isnull=True).update(
                    published_at=models.F("created_at")
                )
            try:
                historical = migration_apps.get_model(app_label, f"Historical{model.__name__}")
            except LookupError:
                continue
            kept = [
                field.attname
                for field in historical._meta.concrete_fields
                if not field.name.startswith("history_")
            ]
            batch = [
                historical(
                    **{name: getattr(row, name) for name in kept},
                    history_date=row.updated_at,
                    history_type="+",
                    history_change_reason="The record as it was when history began.",
                )
                for row in model._default_manager.using(db).iterator(chunk_size=1000)
            ]
            historical._default_manager.using(db).bulk_create(batch, batch_size=1000)

    return forwards


CHANGE_VIEW = "atlas_change"


def change_view_sql(historical_models) -> str:
    """SQL for the view of every history table at once (the admin's "Recent changes")."""
    parts = []
    for model in historical_models:
        columns = {field.column for field in model._meta.concrete_fields}
        if "name" in columns:
            label = "name"
        elif "title" in columns:
            label = "title"
        elif {"given_name", "family_name"} <= columns:
            label = "concat_ws(' ', given_name, family_name)"
        else:
            label = "NULL"
        original = model.__name__.removeprefix("Historical").lower()
        kind = f"{model._meta.app_label}.{original}"
        parts.append(
            f"SELECT '{kind}:' || history_id AS key, '{kind}' AS model, id AS object_id, "
            f"coalesce(({label})::text, '') AS object_repr, history_date, history_type, "
            f"coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id "
            f'FROM "{model._meta.db_table}"'
        )
    return f"CREATE VIEW {CHANGE_VIEW} AS\n" + "\nUNION ALL\n".join(parts)


def create_change_view(migration_apps, schema_editor):
    """A migration step: (re)create the view over the history tables that exist now."""
    historical = [
        model
        for label in settings.ATLAS_APPS
        for model in migration_apps.get_app_config(label).get_models()
        if model.__name__.startswith("Historical")
    ]
    schema_editor.execute(f"DROP VIEW IF EXISTS {CHANGE_VIEW}")
    schema_editor.execute(change_view_sql(historical))


def drop_change_view(migration_apps, schema_editor):
    schema_editor.execute(f"DROP VIEW IF EXISTS {CHANGE_VIEW}")
