"""The changes feed, ``/api/v1/changes/``: every change to what a reader sees, for partner copies.

**What is recorded.** Each write enters, in its own transaction, the records whose representation
it may have altered (``FeedEntry``). Which records those are is read off the API itself: for each
endpoint, the relations its detail serializer shows — references to other records, nested rows and
the references inside them — and the relations its visibility depends on (``visible_through``).
A write of an organisation therefore enters the organisation, the events whose participations
name it, the dialogues whose roles do, the people who belong to it …; a moved row enters both the
record it left and the one it joined (the relations are read before and after the write); a
deleted record enters everything that showed it, before the deletion cascades. Publications
scheduled for later are entered when their time comes, by the first feed read after it.

Model signals carry this (``post_save``, ``pre_save``, ``pre_delete``, ``m2m_changed``), as they
carry the response cache's invalidation; the workflow's bulk writes (``save_records``, the import)
send its own signals with the ids they wrote, which enter the same records in one statement each.
Other code that writes without them (``QuerySet.update()``, ``bulk_create``, raw SQL) calls
``record_write`` for what it wrote. The demo generator writes with
``COPY`` and records nothing: a copy of demo data starts with an export.

**What is read.** An entry says only *which* record; the feed shows each record as the reader may
see it when the feed is read: its detail representation (``upsert``), or ``remove`` when the
reader may not see it (deleted, unpublished, made partners-only or internal, hidden with what it
hangs on). Entries come in ``(txid, seq)`` order below the watermark (``config.api.changes``), so a
client that follows the cursor misses no committed change, and a record changed several times
comes once a page, as it is now.

Entries are kept ``API_CHANGES_RETENTION_DAYS`` (30); a cursor older than what was pruned is a 410.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.changes import WATERMARK_SQL, CursorExpired, Position, decode_cursor, encode_cursor
from config.api.models import FeedEntry, FeedState
from config.api.pagination import whole_number
from config.api.parameters import QueryParameters
from config.api.permissions import TokenScope
from config.atlas.endpoints import APP_APIS
from config.editorial import workflow
from config.framework.links import absolute
from config.operations.database import long_statements

# Where a serializer shows a relation: a reference (compact) or a nested row (in full).
REFERENCE, ROW = "reference", "row"


@dataclass(frozen=True)
class Endpoint:
    """One kind of record the feed reports: the API path it lives at and its viewset."""

    kind: str
    viewset: type

    @property
    def model(self):
        return self.viewset.queryset.model


@dataclass(frozen=True)
class Dependency:
    """Records of ``endpoint`` whose representation shows rows of ``target`` through ``lookup``."""

    endpoint: Endpoint
    lookup: str
    target: type
    shown_as: str


def endpoints() -> list[Endpoint]:
    return [
        Endpoint(prefix, viewset) for api in APP_APIS for prefix, viewset, _basename in api.router.registry
    ]


def relation(model, attribute: str):
    """``(lookup, related model)`` of the relation ``model.<attribute>`` (a serializer's source),
    forward or reverse; ``None`` if it is not a relation."""
    for field in model._meta.get_fields():
        if not field.is_relation or field.related_model is None:
            continue
        reverse = field.auto_created and not field.concrete
        if (field.get_accessor_name() if reverse else field.name) == attribute:
            return field.name, field.related_model
    return None


def shown_relations(serializer, model, prefix: str = ""):
    """``(lookup, model, shown_as)`` for every relation ``serializer`` shows, nested rows walked."""
    for field in serializer.fields.values():
        if field.write_only or field.source == "*":
            continue
        found = relation(model, field.source.split(".")[0])
        if found is None:
            continue
        lookup, target = prefix + found[0], found[1]
        child = getattr(field, "child", field)
        if isinstance(child, serializers.BaseSerializer):
            yield lookup, target, ROW
            yield from shown_relations(child, target, lookup + "__")
            yield from visibility_relations(target, lookup + "__")
        else:
            yield lookup, target, REFERENCE
            yield from visibility_relations(target, lookup + "__")


def visibility_relations(model, prefix: str = ""):
    """The relations whose visibility ``model``'s rows depend on (``visible_through``), recursively."""
    for name in getattr(model, "visible_through", ()):
        target = model._meta.get_field(name).related_model
        yield prefix + name, target, REFERENCE
        yield from visibility_relations(target, f"{prefix}{name}__")


@functools.cache
def graph() -> tuple[dict, dict]:
    """``(endpoint by model, dependencies by target model)``, read off the API once."""
    by_model, dependencies = {}, defaultdict(set)
    for endpoint in endpoints():
        by_model[endpoint.model] = endpoint
        serializer = endpoint.viewset.serializer_class()
        found = {*shown_relations(serializer, endpoint.model), *visibility_relations(endpoint.model)}
        for lookup, target, shown_as in found:
            if target is endpoint.model and "__" in lookup:
                continue  # a row's way back to the record it hangs on: the record itself
            dependencies[target].add(Dependency(endpoint, lookup, target, shown_as))
    return by_model, {
        model: sorted(deps, key=lambda d: (d.endpoint.kind, d.lookup)) for model, deps in dependencies.items()
    }


def record_write(model, pks, *, using: str = DEFAULT_DB_ALIAS, rows_only: bool = False) -> None:
    """Enter in the feed the records of ``model`` with ``pks`` and every record that shows them.

    ``rows_only``: only records that show them in full (as nested rows), not as a reference — what
    a change of their many-to-many relations can alter.
    """
    model = model._meta.concrete_model
    by_model, dependencies = graph()
    pks = [pk for pk in pks if pk is not None]
    if not pks or (model not in by_model and model not in dependencies):
        return
    connection = connections[using]
    parts, params = [], []
    if model in by_model:
        parts.append("SELECT %s::varchar, unnest(%s::bigint[])")
        params += [by_model[model].kind, pks]
    for dependency in dependencies.get(model, ()):
        if rows_only and dependency.shown_as != ROW:
            continue
        query = dependency.endpoint.model._base_manager.filter(**{f"{dependency.lookup}__in": pks})
        sql, query_params = query.values_list("pk").query.get_compiler(using).as_sql()
        parts.append(f"SELECT %s::varchar, t.id FROM ({sql}) AS t(id)")
        params += [dependency.endpoint.kind, *query_params]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO api_feedentry (txid, kind, object_id) "
            "SELECT DISTINCT pg_current_xact_id()::text::bigint, c.kind, c.id "
            f"FROM ({' UNION '.join(parts)}) AS c(kind, id) "
            # Once a record per transaction; a later write in the same transaction moves its entry
            # on, so that the record's version (its ETag) changes with every write.
            "ON CONFLICT (txid, kind, object_id) DO UPDATE "
            "SET seq = nextval(pg_get_serial_sequence('api_feedentry', 'seq'))",
            params,
        )


# Signals ---------------------------------------------------------------------------------------


def before_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    # The relations as they were: a row moved to another record changes the one it left.
    if not instance._state.adding and instance.pk is not None:
        record_write(sender, [instance.pk], using=using)


def after_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    record_write(sender, [instance.pk], using=using)


def before_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs):
    # Before the deletion cascades or sets references to NULL, which sends no signal.
    record_write(sender, [instance.pk], using=using)


def m2m_partners(through, instance) -> list:
    """The ids ``instance`` is linked to through ``through`` (before a ``clear()``)."""
    own = type(instance)._meta.concrete_model
    links = [field for field in through._meta.concrete_fields if field.is_relation]
    if len(links) != 2:
        return []
    source, target = links if links[0].related_model is own else links[::-1]
    return list(
        through._base_manager.filter(**{source.attname: instance.pk}).values_list(target.attname, flat=True)
    )


def after_m2m_change(sender, instance, action, reverse, model, pk_set, using=DEFAULT_DB_ALIAS, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    partners = m2m_partners(sender, instance) if action == "pre_clear" else list(pk_set or ())
    record_write(type(instance), [instance.pk], using=using, rows_only=True)
    record_write(model, partners, using=using, rows_only=True)


def before_bulk_change(sender, pks, **kwargs):
    record_write(sender, pks)


def after_bulk_save(sender, pks, **kwargs):
    record_write(sender, pks)


def after_bulk_links(sender, pks, related, related_pks, **kwargs):
    # As ``after_m2m_change`` for each record: the rows shown on both sides.
    record_write(sender, pks, rows_only=True)
    record_write(related, related_pks, rows_only=True)


def connect_signals() -> None:
    # The editorial workflow's bulk writes (``save_records``) send these instead of model signals.
    workflow.records_changing.connect(before_bulk_change, dispatch_uid="atlas-feed-bulk-changing")
    workflow.records_saved.connect(after_bulk_save, dispatch_uid="atlas-feed-bulk-saved")
    workflow.links_changed.connect(after_bulk_links, dispatch_uid="atlas-feed-bulk-links")
    pre_save.connect(before_save, dispatch_uid="atlas-feed-pre-save")
    post_save.connect(after_save, dispatch_uid="atlas-feed-save")
    pre_delete.connect(before_delete, dispatch_uid="atlas-feed-delete")
    m2m_changed.connect(after_m2m_change, dispatch_uid="atlas-feed-m2m")


# Housekeeping ----------------------------------------------------------------------------------


def housekeeping(using: str = DEFAULT_DB_ALIAS) -> FeedState | None:
    """Enter the publications whose time has come, prune entries past their retention; return the
    state (``None`` while another request is doing this).

    With the statement timeout of long work: a prune after weeks without a feed read deletes many
    entries, and one cut off by the request's timeout would be rolled back on every read after it.
    """
    with long_statements(using):
        state = FeedState.objects.using(using).select_for_update(skip_locked=True).first()
        if state is None:
            if FeedState.objects.using(using).exists():
                return None
            state = FeedState.objects.using(using).create()
            state.refresh_from_db()
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT now(), now() - make_interval(days => %s)", [settings.API_CHANGES_RETENTION_DAYS]
            )
            now, cutoff = cursor.fetchone()
        by_model, _dependencies = graph()
        for model in by_model:
            if any(field.name == "published_at" for field in model._meta.concrete_fields):
                # Only those saved before their time: a later write entered them already.
                due = model._base_manager.using(using).filter(
                    Q(published_at__gt=F("updated_at")),
                    published_at__gt=state.due_checked_at,
                    published_at__lte=now,
                )
                record_write(model, list(due.values_list("pk", flat=True)), using=using)
        state.due_checked_at = now
        pruned = FeedEntry.objects.using(using).filter(at__lt=cutoff)
        last = pruned.order_by("-txid", "-seq").values_list("txid", "seq").first()
        if last is not None and Position(*last) > Position(state.pruned_txid, state.pruned_seq):
            state.pruned_txid, state.pruned_seq = last
        pruned.delete()
        state.save()
        return state


def pruned_position(using: str = DEFAULT_DB_ALIAS) -> Position:
    state = FeedState.objects.using(using).first()
    return Position(state.pruned_txid, state.pruned_seq) if state else Position(0, 0)


def read_entries(after: Position, limit: int, kinds, using: str = DEFAULT_DB_ALIAS):
    """Up to ``limit`` entries after ``after`` below the watermark, and the watermark — in one
    statement, so both come from one snapshot."""
    kind_filter = "AND e.kind = ANY(%s)" if kinds else ""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"WITH w AS ({WATERMARK_SQL}) "
            "SELECT w.xmin, e.txid, e.seq, e.kind, e.object_id FROM w LEFT JOIN LATERAL ("
            "  SELECT txid, seq, kind, object_id FROM api_feedentry e"
            "  WHERE (e.txid, e.seq) > (%s, %s) AND e.txid < w.xmin " + kind_filter + ""
            "  ORDER BY e.txid, e.seq LIMIT %s) e ON true",
            [after.txid, after.seq, *([list(kinds)] if kinds else []), limit],
        )
        rows = cursor.fetchall()
    xmin = rows[0][0]
    return xmin, [row[1:] for row in rows if row[1] is not None]


def representations(request, kind_ids: dict[str, set[int]]) -> dict[tuple[str, int], dict]:
    """The detail representation of each record the reader may see, by ``(kind, id)``."""
    by_kind = {endpoint.kind: endpoint for endpoint in graph()[0].values()}
    shown = {}
    for kind, ids in kind_ids.items():
        view = by_kind[kind].viewset(
            request=request, format_kwarg=None, action="retrieve", args=(), kwargs={}
        )
        queryset = view.get_queryset().using(DEFAULT_DB_ALIAS).filter(pk__in=ids)
        serializer = view.get_serializer_class()(context=view.get_serializer_context())
        shown.update({(kind, record.pk): serializer.to_representation(record) for record in queryset})
    return shown


# The view --------------------------------------------------------------------------------------

PARAMETERS = [
    OpenApiParameter(
        "cursor",
        OpenApiTypes.STR,
        required=True,
        description="Where to go on from: the `X-Changes-Cursor` of an export, or the `cursor` of the "
        "previous answer.",
    ),
    OpenApiParameter(
        "type",
        OpenApiTypes.STR,
        many=True,
        explode=True,
        description="Only these kinds of record (the endpoint paths: `events`, `organisations` …).",
    ),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="Entries a page, 1–1000 (default 200)."),
]

CHANGE_FIELDS = (
    "Change",
    {
        "type": serializers.CharField(help_text="The endpoint path of the record's kind: `events` …"),
        "id": serializers.IntegerField(),
        "action": serializers.ChoiceField(["upsert", "remove"]),
        "record": serializers.DictField(
            required=False, help_text="With `upsert`: the record as its detail endpoint shows it."
        ),
    },
)
ChangesSerializer = inline_serializer(
    "Changes",
    {
        "cursor": serializers.CharField(help_text="Where the next request goes on from."),
        "next": serializers.URLField(help_text="This address with the new cursor."),
        "more": serializers.BooleanField(help_text="Whether more changes wait now: ask again at once."),
        "changes": inline_serializer(*CHANGE_FIELDS, many=True),
    },
)


class ChangesView(QueryParameters, APIView):
    """Every change to what the caller may see, in commit order, from a cursor on. A token needs
    the ``read`` scope; what it reads goes through the visibility rule."""

    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]
    error_statuses = (410,)
    DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 200, 1000

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | {parameter.name for parameter in PARAMETERS}

    @extend_schema(operation_id="changes", parameters=PARAMETERS, responses={200: ChangesSerializer})
    def get(self, request, *args, **kwargs):
        raw = request.query_params.get("cursor")
        if not raw:
            raise ValidationError(
                {"cursor": [gettext("Give the cursor of an export (X-Changes-Cursor) or of the feed.")]}
            )
        after = decode_cursor(raw)
        limit = whole_number(request.query_params.get("page_size", str(self.DEFAULT_PAGE_SIZE)))
        if limit is None or not 1 <= limit <= self.MAX_PAGE_SIZE:
            raise ValidationError(
                {
                    "page_size": [
                        gettext("Enter a whole number from 1 to %(limit)s.") % {"limit": self.MAX_PAGE_SIZE}
                    ]
                }
            )
        known = {endpoint.kind for endpoint in graph()[0].values()}
        kinds = request.query_params.getlist("type")
        if unknown := sorted(set(kinds) - known):
            raise ValidationError(
                {
                    "type": [
                        gettext("No kind of record “%(kind)s”; the kinds: %(kinds)s.")
                        % {"kind": unknown[0], "kinds": ", ".join(sorted(known))}
                    ]
                }
            )
        state = housekeeping()
        if after < (pruned_position() if state is None else Position(state.pruned_txid, state.pruned_seq)):
            raise CursorExpired()
        xmin, entries = read_entries(after, limit + 1, kinds)
        more = len(entries) > limit
        entries = entries[:limit]
        # Everything below the watermark has been handed out once the page is not full.
        position = Position(*entries[-1][:2]) if more else max(after, Position(xmin, 0))
        latest = {}
        for _txid, _seq, kind, object_id in entries:
            latest.pop((kind, object_id), None)
            latest[(kind, object_id)] = True
        kind_ids = defaultdict(set)
        for kind, object_id in latest:
            kind_ids[kind].add(object_id)
        shown = representations(request, kind_ids)
        changes = [
            {"type": kind, "id": object_id, "action": "upsert", "record": shown[(kind, object_id)]}
            if (kind, object_id) in shown
            else {"type": kind, "id": object_id, "action": "remove"}
            for kind, object_id in latest
        ]
        cursor = encode_cursor(position)
        query = request.query_params.copy()
        query["cursor"] = cursor
        data = {
            "cursor": cursor,
            "next": absolute(request, f"{request.path}?{query.urlencode()}"),
            "more": more,
            "changes": changes,
        }
        return Response(data, headers={"Cache-Control": "private, no-store"})
