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
