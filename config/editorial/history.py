"""Full history of every record and row: who changed what, when, and the values before.

Each app registers its models at the end of its ``translation.py`` with ``track()``, after the
translation registration, so that the historical tables carry every language's column. The
generated search columns are left out: they are derived from the fields that are kept.

Bulk writes and ``QuerySet.update()`` send no signals and so record no history; code that writes in
bulk uses ``bulk_create_tracked``, which writes the history rows with the records, or, after
writing, ``record_rows`` (the workflow's ``save_records``, the import).
"""

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone
from simple_history import register
from simple_history.utils import bulk_create_with_history

# What a history entry adds to the record's columns, in the order ``record_rows`` writes them.
HISTORY_COLUMNS = ("history_date", "history_user", "history_change_reason", "history_type")


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


def record_rows(model, pks, *, by=None, reason: str = "", history_type: str = "~") -> None:
    """One history entry for each record of ``model`` with ``pks``, as it is stored now, naming
    ``by`` and ``reason``: what a ``save()`` records, for rows written in bulk.

    One ``INSERT … SELECT`` from the record's table: simple-history's ``bulk_history_create``
    builds a historical instance per row in Python, which took 2.3 s for 500 events (profiled
    with cProfile on the rows of bench/import_speed.py), about as long as the rest of writing them.
    """
    history = model.history.model
    connection = connections[DEFAULT_DB_ALIAS]
    quote = connection.ops.quote_name
    tracked = history.tracked_fields
    target = [quote(history._meta.get_field(field.name).column) for field in tracked]
    source = [quote(field.column) for field in tracked]
    extra = [quote(history._meta.get_field(name).column) for name in HISTORY_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join([*target, *extra])}) "
            f"SELECT {', '.join(source)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} = ANY(%s) ORDER BY {quote(model._meta.pk.column)}",
            [timezone.now(), getattr(by, "pk", None), reason or None, history_type, list(pks)],
        )
