"""Look-alikes told apart: what distinguishes records in the admin, likely duplicates, and merging.

Two people called "Jürgen Landgrebe" look the same in an autocomplete. What tells records of a
model apart is registered for it (``distinguish``: its details, and the prefetch that loads them for
a page of results in a fixed number of queries); the admin's autocomplete (``AutocompleteView``,
the site's ``autocomplete_view``) shows each result with them, and a model without a registration
shows its slug. How likely duplicates of a model are found is registered as a ``DuplicateRule``
(``duplicates``): PostgreSQL's trigram similarity (``pg_trgm``) of a name, with conditions of its
own. The registrations name app models, so they live in ``config/atlas/lookalikes.py``.

The admin's *Possible duplicates* page (``duplicates_view``) lists, per registered model, the pairs
whose names are most alike with what distinguishes them, and lets an editor merge a pair:
``merge()`` moves every reference to the record merged away (foreign keys, many-to-many links,
rows) to the one kept, through the workflow and the history (reason "Merged <other> into <kept>"),
then deletes it. It is refused, writing nothing, where the workflow forbids a step (an editor may
not delete a published record, nor change a published row) and where a moved row would collide
with a row the kept record has (a unique constraint): the message names the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.editorial import workflow

# What tells records apart ------------------------------------------------------------------------


@dataclass(frozen=True)
class Distinction:
    """What tells records of a model apart: ``details(record)`` (texts, most telling first) and
    ``prefetch(queryset)``, which loads what ``details`` reads for a whole page of records."""

    details: Callable[[models.Model], list[str]]
    prefetch: Callable[[models.QuerySet], models.QuerySet] | None = None


DISTINCTIONS: dict[type[models.Model], Distinction] = {}


def distinguish(model, details, prefetch=None) -> None:
    """Register what tells records of ``model`` apart (config/atlas/lookalikes.py)."""
    DISTINCTIONS[model] = Distinction(details, prefetch)


def details_of(record) -> list[str]:
    """What tells ``record`` apart from a look-alike: its registered details, then its slug."""
    distinction = DISTINCTIONS.get(type(record))
    details = [str(detail) for detail in (distinction.details(record) if distinction else []) if detail]
    slug = getattr(record, "slug", "")
    if slug and slug not in details:
        details.append(slug)
    return details


def label(record) -> str:
    """``record`` as a choice among look-alikes: "Jürgen Landgrebe — UBA · 2015–2023 · juergen-landgrebe"."""
    details = details_of(record)
    return f"{record} — {' · '.join(details)}" if details else str(record)


def for_labels(queryset: models.QuerySet) -> models.QuerySet:
    """``queryset`` loading what ``label`` shows of its records, in a fixed number of queries."""
    distinction = DISTINCTIONS.get(queryset.model)
    if distinction is None or distinction.prefetch is None:
        return queryset
    return distinction.prefetch(queryset)


class AutocompleteView(AutocompleteJsonView):
    """Django's autocomplete of ``autocomplete_fields``, each result labelled with what tells it apart."""

    def get_queryset(self):
        return for_labels(super().get_queryset())

    def serialize_result(self, obj, to_field_name):
        return {**super().serialize_result(obj, to_field_name), "text": label(obj)}


# Likely duplicates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateRule:
    """How likely duplicates of ``model`` are found, in SQL over two rows ``a`` and ``b``.

    ``name`` is the text compared, over the row ``{t}`` ("concat_ws(' ', {t}.given_name,
    {t}.family_name)"); a pair is alike when the trigram similarity of the two texts is at least
    ``threshold``, or when ``also`` holds (same acronym); ``require`` must hold as well (the same
    date). ``also`` and ``require`` name the rows ``{a}`` and ``{b}`` and read only ``columns``.
    """

    model: type[models.Model]
    name: str
    threshold: float = 0.6
    also: str = ""
    require: str = ""
    columns: tuple[str, ...] = ()  # the columns ``also`` and ``require`` read


RULES: dict[type[models.Model], DuplicateRule] = {}
# Pairs listed per kind of record: the most alike first.
PAIRS_SHOWN = 50


def duplicates(rule: DuplicateRule) -> None:
    """Register how likely duplicates of ``rule.model`` are found (config/atlas/lookalikes.py)."""
    RULES[rule.model] = rule


@dataclass(frozen=True)
class Pair:
    first: models.Model
    second: models.Model
    similarity: float


def likely_duplicates(rule: DuplicateRule, limit: int = PAIRS_SHOWN) -> list[Pair]:
    """The pairs of ``rule.model``'s records alike by ``rule``, the most alike first.

    Comparing every record with every other is quadratic (2,000 people: 2 million similarities, past
    a request's statement timeout), so the records are copied with their compared name into a
    temporary table with a trigram index, which finds each record's look-alikes (``%`` at the
    rule's threshold); ``also`` is a second join, ``require`` a condition of both.
    """
    model = rule.model
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    names = quote(f"lookalikes_{model._meta.db_table}")
    require = f" AND {rule.require.format(a='a', b='b')}" if rule.require else ""
    alike = [f"a.lookalike_name %% b.lookalike_name{require}"]
    if rule.also:
        alike.append(f"({rule.also.format(a='a', b='b')}){require}")
    joins = " UNION ".join(
        f"SELECT a.{pk} AS first, b.{pk} AS second, similarity(a.lookalike_name, b.lookalike_name) AS score "
        f"FROM {names} a JOIN {names} b ON a.{pk} < b.{pk} AND {condition}"
        for condition in alike
    )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {names}")
        columns = "".join(f", t.{quote(column)}" for column in rule.columns)
        cursor.execute(
            f"CREATE TEMPORARY TABLE {names} ON COMMIT DROP AS "
            f"SELECT t.{pk}{columns}, {rule.name.format(t='t')} AS lookalike_name FROM {table} t"
        )
        cursor.execute(f"CREATE INDEX ON {names} USING gin (lookalike_name gin_trgm_ops)")
        cursor.execute(f"ANALYZE {names}")
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(rule.threshold)])
        cursor.execute(
            f"SELECT first, second, score FROM ({joins}) pairs ORDER BY score DESC, first, second LIMIT %s",
            [limit],
        )
        found = cursor.fetchall()
        cursor.execute(f"DROP TABLE {names}")
    ids = {pk for row in found for pk in row[:2]}
    records = for_labels(model._default_manager.filter(pk__in=ids)).in_bulk()
    return [
        Pair(records[a], records[b], round(score, 2))
        for a, b, score in found
        if a in records and b in records
    ]


# Merging -----------------------------------------------------------------------------------------


class MergeError(Exception):
    """A merge refused, with every reason (nothing was written)."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def merge(*, keep: models.Model, other: models.Model, by) -> int:
    """Merge ``other`` into ``keep``: every reference moves to ``keep``, ``other`` is deleted.

    In one transaction, through the workflow and the history; returns the references moved.
    Raises ``MergeError`` with every reason, having written nothing, when the workflow forbids a
    step or a moved row would collide with one of ``keep``'s.
    """
    model = type(keep)
    if type(other) is not model or other.pk == keep.pk:
        raise MergeError([_("Choose two different records of the same kind.")])
    reason = _("Merged %(other)s into %(kept)s") % {"other": named(other), "kept": named(keep)}
    check(by, workflow.Action.DELETE, other)
    check(by, workflow.Action.CHANGE, keep)
    moved, problems = 0, []
    with transaction.atomic():
        for relation in model._meta.related_objects:
            if relation.many_to_many:
                if relation.field.remote_field.through._meta.auto_created:  # else: its rows move
                    moved += move_links(relation.field, relation.field.m2m_reverse_field_name(), keep, other)
            else:
                count, refused = move_rows(relation, keep, other, by, reason)
                moved, problems = moved + count, problems + refused
        for field in model._meta.many_to_many:
            if field.remote_field.through._meta.auto_created:
                moved += move_links(field, field.m2m_field_name(), keep, other)
        if problems:
            raise MergeError(problems)  # leaving the block rolls back what moved
        keep.refresh_from_db()
        workflow.save_record(record=keep, by=by, reason=reason)
        workflow.delete_record(record=other, by=by, reason=reason)
    return moved


def named(record) -> str:
    """``record`` with its slug: look-alikes share their names."""
    slug = getattr(record, "slug", "")
    return f"{record} ({slug})" if slug else str(record)


def check(by, action, record) -> None:
    try:
        workflow.check_action(by, action, record, status=workflow.stored_status(record))
    except workflow.WorkflowError as error:
        raise MergeError([f"{record}: {error.message}"]) from None


def move_rows(relation, keep, other, by, reason) -> tuple[int, list[str]]:
    """Point the rows that ``relation`` (a foreign key to the model) holds to ``other`` at ``keep``,
    each saved through the workflow; the rows that cannot move, and why."""
    field = relation.field
    manager = relation.related_model._base_manager
    moved, problems = 0, []
    for row in manager.filter(**{field.name: other}).order_by("pk"):
        setattr(row, field.name, keep)
        try:
            row.validate_unique()
            row.validate_constraints()
        except ValidationError as error:
            collides = collision(row, field, keep)
            problems.append(
                _("%(kind)s “%(row)s” cannot move to %(kept)s: %(why)s%(collides)s")
                % {
                    "kind": str(row._meta.verbose_name).capitalize(),
                    "row": row,
                    "kept": named(keep),
                    "why": " ".join(dict.fromkeys(error.messages)),
                    "collides": f" ({_('it collides with %(other)s') % {'other': collides}})"
                    if collides
                    else "",
                }
            )
            continue
        try:
            workflow.save_record(record=row, by=by, reason=reason)
        except workflow.WorkflowError as error:
            problems.append(f"{row._meta.verbose_name} “{row}”: {error.message}")
            continue
        moved += 1
    return moved, problems


def collision(row, field, keep) -> str:
    """The row ``keep`` already has that ``row`` would duplicate under a unique constraint, if any."""
    model = type(row)
    for constraint in model._meta.constraints:
        names = getattr(constraint, "fields", ())
        if not isinstance(constraint, models.UniqueConstraint) or field.name not in names:
            continue
        values = {name: getattr(row, model._meta.get_field(name).attname) for name in names}
        values[field.attname] = keep.pk
        values.pop(field.name, None)
        existing = model._base_manager.filter(**values).exclude(pk=row.pk).first()
        if existing is not None:
            return f"“{existing}”"
    return ""


def move_links(field, end: str, keep, other) -> int:
    """Move the many-to-many links of ``field`` whose end ``end`` is ``other`` to ``keep``; a link
    ``keep`` has already is dropped. The changes feed is told through ``links_changed``."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    partner = target if end == source else source
    links = through._base_manager.filter(**{end: other})
    partners = list(links.values_list(f"{partner}_id", flat=True))
    if not partners:
        return 0
    kept = set(through._base_manager.filter(**{end: keep}).values_list(f"{partner}_id", flat=True))
    links.filter(**{f"{partner}_id__in": kept}).delete()
    through._base_manager.filter(**{end: other}).exclude(**{f"{partner}_id": keep.pk}).update(
        **{f"{end}_id": keep.pk}
    )
    through._base_manager.filter(**{end: other}).delete()  # a link of other to keep itself
    owner = field.model
    if end == field.m2m_field_name():
        workflow.links_changed.send(
            sender=owner, pks=[keep.pk, other.pk], related=field.related_model, related_pks=partners
        )
    else:
        workflow.links_changed.send(
            sender=owner, pks=partners, related=field.related_model, related_pks=[keep.pk, other.pk]
        )
    return len(partners)


# The admin page ----------------------------------------------------------------------------------


def may_merge(user, model) -> bool:
    return user.has_perms(
        [workflow.permission_name(model, "change"), workflow.permission_name(model, "delete")]
    )


def duplicates_view(site, request):
    """*Possible duplicates*: per kind of record the user may see, the pairs most alike; a merge
    form per pair for a user who may change and delete such records."""
    if request.method == "POST":
        return merge_view(site, request)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    # One kind of record per page (?kind=institutions.person): finding the pairs of one kind takes
    # up to a few seconds on thousands of records.
    kinds = [model for model in RULES if request.user.has_perm(workflow.permission_name(model, "view"))]
    model = next(
        (m for m in kinds if m._meta.label_lower == request.GET.get("kind")), kinds[0] if kinds else None
    )
    section = None
    if model is not None:
        section = {
            "opts": model._meta,
            "label": model._meta.label_lower,
            "pairs": [
                {"pair": pair, "first": details_of(pair.first), "second": details_of(pair.second)}
                for pair in likely_duplicates(RULES[model])
            ],
            "may_merge": may_merge(request.user, model),
        }
    context = {
        **site.each_context(request),
        "title": _("Possible duplicates"),
        "subtitle": None,
        "kinds": [{"label": m._meta.label_lower, "opts": m._meta, "current": m is model} for m in kinds],
        "section": section,
    }
    return TemplateResponse(request, "admin/duplicates.html", context)


def merge_view(site, request):
    """A pair's merge form posts here: the model, the record kept and the record merged away."""
    kind = request.POST.get("model", "")
    back = HttpResponseRedirect(f"{reverse(f'{site.name}:duplicates')}?{urlencode({'kind': kind})}")
    model = next((m for m in RULES if m._meta.label_lower == request.POST.get("model")), None)
    # The form names the pair and the record kept; the other of the pair is merged away.
    try:
        pair = [int(pk) for pk in request.POST.get("pair", "").split()]
        keep_pk = int(request.POST.get("keep", ""))
        (other_pk,) = [pk for pk in pair if pk != keep_pk]
        if len(pair) != 2 or keep_pk not in pair:
            raise ValueError(pair)
    except ValueError:
        model = None
    if model is None:
        messages.error(request, _("Choose the record to keep."))
        return back
    if not may_merge(request.user, model):
        messages.error(
            request,
            _("You may not merge %(models)s: it needs the change and delete permissions.")
            % {"models": model._meta.verbose_name_plural},
        )
        return back
    records = model._default_manager.in_bulk([keep_pk, other_pk])
    if keep_pk not in records or other_pk not in records:
        messages.error(request, _("One of the two records no longer exists."))
        return back
    keep, other = records[keep_pk], records[other_pk]
    try:
        moved = merge(keep=keep, other=other, by=request.user)
    except MergeError as error:
        messages.error(
            request,
            _("%(other)s was not merged into %(kept)s:") % {"other": named(other), "kept": named(keep)},
        )
        for reason in error.reasons:
            messages.error(request, reason)
        return back
    messages.success(
        request,
        ngettext(
            "Merged %(other)s into %(kept)s: %(count)s reference moved.",
            "Merged %(other)s into %(kept)s: %(count)s references moved.",
            moved,
        )
        % {"other": named(other), "kept": named(keep), "count": moved},
    )
    return back
