"""Full history of every record and row: who changed what, when, and the values before.

Each app registers its models at the end of its ``translation.py`` with ``track()``, after the
translation registration, so that the historical tables carry every language's column. The
generated search columns are left out: they are derived from the fields that are kept.

Bulk writes and ``QuerySet.update()`` send no signals and so record no history; code that writes in
bulk uses ``bulk_create_tracked``, which writes the history rows with the records, or, after
writing, ``record_rows`` (the workflow's ``save_records``, the import).

Every history entry also holds (``VersionedHistory``, the base of every historical model):

- ``history_links``: the entry's many-to-many links, ``{field: [sorted ids]}`` (topics, projects,
  documents, sources, a session's topics …), which simple-history does not keep. A save fills them
  as stored (``pre_create_historical_record``); a change of links (``m2m_changed``, and the
  import's ``links_changed``) updates the entries its transaction wrote, or writes an entry of its
  own when the transaction wrote none. NULL in entries written before links were kept.
- ``history_transaction``: which write made the entry. The entries of one write — a record, the
  rows saved with it, its links — share it and are one version of the record
  (``config.editorial.versions``). A write is a request (the admin's save of a form and its
  inlines, an API call), or a ``one_version()`` block: each of the workflow's writes and each import
  opens one unless a request or an outer block is under way. Those keys are negative; outside
  them the database transaction's id (``txid_current()``) groups the entries of one transaction.
  Entries written in bulk by simple-history alone have none, and are grouped as old entries are.
"""

import contextlib
import functools
import json
import secrets
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.signals import m2m_changed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_create_with_history

# What a history entry adds to the record's columns, in the order ``record_rows`` writes them.
HISTORY_COLUMNS = ("history_date", "history_user", "history_change_reason", "history_type")


class VersionedHistory(models.Model):
    """What every history entry holds besides the record's columns: its links and its transaction."""

    history_links = models.JSONField(_("links"), null=True, blank=True, editable=False)
    history_transaction = models.BigIntegerField(_("transaction"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


_version: ContextVar[int | None] = ContextVar("history_version", default=None)


def _new_version_key() -> int:
    return -secrets.randbits(62) - 1  # negative: never a transaction id


def version_key() -> int | None:
    """The key of the write under way (``history_transaction``); None: the database transaction's."""
    key = _version.get()
    if key is not None:
        return key
    request = getattr(HistoricalRecords.context, "request", None)
    if request is None:
        return None
    if getattr(request, "history_version", None) is None:
        request.history_version = _new_version_key()
    return request.history_version


@contextlib.contextmanager
def one_version():
    """What is written inside the block is one version of each record it writes (unless a request
    or an outer block already makes one)."""
    if version_key() is not None:
        yield
        return
    token = _version.set(_new_version_key())
    try:
        yield
    finally:
        _version.reset(token)


def versioned(function):
    """Decorator: ``function``'s writes are one version (``one_version``)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with one_version():
            return function(*args, **kwargs)

    return wrapper


def track(*tracked: type[models.Model]) -> None:
    """Keep the full history of each model in ``tracked``."""
    for model in tracked:
        generated = [field.name for field in model._meta.fields if isinstance(field, models.GeneratedField)]
        register(model, excluded_fields=generated, cascade_delete_history=False, bases=[VersionedHistory])


def link_fields(model) -> list[models.ManyToManyField]:
    """The many-to-many fields of ``model`` whose links its history keeps."""
    return sorted(model._meta.local_many_to_many, key=lambda field: field.name)


def links_sql(model, alias: str) -> str:
    """SQL for the links of the record of ``model`` aliased ``alias``: a ``jsonb`` object of each
    many-to-many field's sorted target ids."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    parts = []
    for field in link_fields(model):
        through = field.remote_field.through._meta
        source = through.get_field(field.m2m_field_name()).column
        target = through.get_field(field.m2m_reverse_field_name()).column
        parts.append(
            f"'{field.name}', (SELECT coalesce(jsonb_agg(l.{quote(target)} ORDER BY l.{quote(target)}), "
            f"'[]'::jsonb) FROM {quote(through.db_table)} AS l WHERE l.{quote(source)} = "
            f"{alias}.{quote(model._meta.pk.column)})"
        )
    return f"jsonb_build_object({', '.join(parts)})" if parts else "'{}'::jsonb"


def tracked_models() -> list[type[models.Model]]:
    """Every model of the atlas whose history is kept."""
    return [
        model
        for label in settings.ATLAS_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "history") and not model.__name__.startswith("Historical")
    ]


@transaction.atomic
def bulk_create_tracked(model, objects, *, by=None, reason: str = "", batch_size: int = 500):
    """``bulk_create`` that also writes each new row's "created" history entry."""
    created = bulk_create_with_history(
        objects, model, batch_size=batch_size, default_user=by, default_change_reason=reason or None
    )
    record_links(model, [record.pk for record in created], bulk=True)
    return created


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
    source = [f"r.{quote(field.column)}" for field in tracked]
    extra = [
        quote(history._meta.get_field(name).column)
        for name in (*HISTORY_COLUMNS, "history_links", "history_transaction")
    ]
    pk = f"r.{quote(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join([*target, *extra])}) "
            f"SELECT {', '.join(source)}, %s, %s, %s, %s, {links_sql(model, 'r')}, "
            f"coalesce(%s, txid_current()) "
            f"FROM {quote(model._meta.db_table)} AS r WHERE {pk} = ANY(%s) ORDER BY {pk}",
            [timezone.now(), getattr(by, "pk", None), reason or None, history_type, version_key(), list(pks)],
        )


def record_links(model, pks, *, by=None, reason: str = "", bulk: bool = False) -> None:
    """Keep the links of the records of ``model`` with ``pks`` as they are stored now.

    The history entries this write (``version_key``) made for them take the links; a record
    without one (its links changed alone) gets an entry of its own, naming ``by`` and ``reason``.
    ``bulk``: the entries were just written in bulk by simple-history (``bulk_history_create``),
    with the transaction's id; they take the links and the write's key.
    """
    pks = sorted({pk for pk in pks if pk is not None})
    if not pks:
        return
    history = model.history.model
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    key = version_key()
    written = (
        "h.history_links IS NULL AND h.history_id = "
        f"(SELECT max(l.history_id) FROM {quote(history._meta.db_table)} AS l WHERE l.{pk} = h.{pk})"
        if bulk
        else "h.history_transaction = coalesce(%s, txid_current())"
    )
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(history._meta.db_table)} AS h SET history_links = {links_sql(model, 'r')}, "
            f"history_transaction = coalesce(%s, txid_current()) "
            f"FROM {table} AS r WHERE r.{pk} = h.{pk} AND h.{pk} = ANY(%s) AND {written} RETURNING h.{pk}",
            [key, pks] if bulk else [key, pks, key],
        )
        updated = {row[0] for row in cursor.fetchall()}
    if bulk:
        return
    # A record with no entry yet (loaded raw, its creation entry still to come) waits for that one.
    alone = [pk for pk in pks if pk not in updated]
    alone = sorted(set(history.objects.filter(id__in=alone).values_list("id", flat=True))) if alone else []
    if alone:
        record_rows(model, alone, by=by, reason=reason or str(_("Links changed.")))


def _request_user():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _links_of_new_entry(sender, instance, history_instance, **kwargs):
    """A history entry takes its record's links as stored (a deleted record's: its last entry's)."""
    model = type(instance)
    if not hasattr(model, "history"):
        return
    key = version_key()
    if key is None:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT txid_current()")
            key = cursor.fetchone()[0]
    history_instance.history_transaction = key
    if history_instance.history_type == "-":
        last = model.history.filter(id=instance.pk).order_by("-history_date", "-history_id").first()
        history_instance.history_links = getattr(last, "history_links", None)
        return
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            f"SELECT {links_sql(model, 'r')} FROM {quote(model._meta.db_table)} AS r "
            f"WHERE r.{quote(model._meta.pk.column)} = %s",
            [instance.pk],
        )
        row = cursor.fetchone()
    history_instance.history_links = _as_links(row[0]) if row else None


def _as_links(value):
    return json.loads(value) if isinstance(value, str) else value


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """``m2m_changed``: the links of the tracked records on the changed side are kept."""
    if action not in ("pre_clear", "post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        records, pks = type(instance), [instance.pk]
    else:
        records = model
        if not hasattr(records, "history"):
            return
        if action == "pre_clear":
            field = next((f for f in link_fields(model) if f.remote_field.through is sender), None)
            if field is None:
                return
            instance._cleared_link_pks = list(
                sender._base_manager.filter(**{field.m2m_reverse_field_name(): instance.pk}).values_list(
                    f"{field.m2m_field_name()}_id", flat=True
                )
            )
            return
        pks = instance.__dict__.pop("_cleared_link_pks", []) if action == "post_clear" else list(pk_set or ())
    if action == "pre_clear" or not hasattr(records, "history"):
        return
    record_links(records, pks, by=_request_user())


def links_written(sender, pks, **kwargs):
    """The workflow's ``links_changed`` (links written in bulk, by the import): keep them."""
    if hasattr(sender, "history"):
        record_links(sender, pks, by=_request_user())


pre_create_historical_record.connect(_links_of_new_entry, dispatch_uid="atlas-history-links")
m2m_changed.connect(_links_changed, dispatch_uid="atlas-history-links")
