"""The review queue: what awaits a publisher, on the admin home and on a page of its own.

Items come from *sources*, each a callable taking the user and returning the items newest first,
as a sequence (``len()`` counts them, a slice reads a window). An item has ``record``, ``author``,
``date`` and ``url`` (where to review it), and may have ``kind``, ``what`` and ``history_url``.
``SOURCES`` lists them; adding a source is one line (say, the proposed revisions of published
records, ``config.editorial.revisions.open_revisions``).

``records_in_review`` is the first: the records of every kind with a workflow whose status is
*in review*, each with the history entry that submitted it (who, when) — in one query for the
window and one for the count whatever their number, plus one per kind of record shown and one
for the authors.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import CharField, DateTimeField, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.editorial import history, revisions, workflow
from config.editorial.models import Revision
from config.framework.visibility import Status

PANEL_LENGTH = 10
PAGE_LENGTH = 50


@dataclass(frozen=True)
class QueueItem:
    """One thing awaiting review: the record, who submitted it and when, where to review it."""

    record: Any
    author: Any
    date: Any
    url: str
    kind: str = ""
    what: str = ""
    history_url: str = ""


def as_item(entry) -> QueueItem:
    """A source's item as the queue shows it (what a source leaves out is derived)."""
    if isinstance(entry, QueueItem):
        return entry
    record = entry.record
    return QueueItem(
        record=record,
        author=getattr(entry, "author", None),
        date=entry.date,
        url=entry.url,
        kind=getattr(entry, "kind", "") or str(record._meta.verbose_name),
        what=getattr(entry, "what", "") or _("proposed revision"),
        history_url=getattr(entry, "history_url", "") or admin_url(record, "history"),
    )


def admin_url(record, view: str) -> str:
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[record.pk])
    except NoReverseMatch:
        return ""


def reviewable_models(user) -> list[type]:
    """The kinds of record with a workflow that ``user`` may see in the admin."""
    return [
        model
        for model in history.tracked_models()
        if workflow.has_workflow(model)
        and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]


def submissions(model):
    """``model``'s records in review, each with the history entry that put it there: the first of
    the entries in review since its last entry in another status."""
    entries = model.history.model.objects
    later_elsewhere = entries.filter(id=OuterRef("id"), history_date__gt=OuterRef("history_date")).exclude(
        status=Status.REVIEW
    )
    submission = (
        entries.filter(id=OuterRef("pk"), status=Status.REVIEW)
        .exclude(Exists(later_elsewhere))
        .order_by("history_date", "history_id")
    )
    label = model._meta.label_lower
    return (
        model._base_manager.filter(status=Status.REVIEW)
        .annotate(
            queue_kind=Value(label, output_field=CharField()),
            queue_date=Coalesce(
                Subquery(submission.values("history_date")[:1]), "updated_at", output_field=DateTimeField()
            ),
            queue_author=Subquery(submission.values("history_user_id")[:1], output_field=IntegerField()),
        )
        .values_list("queue_kind", "pk", "queue_date", "queue_author")
    )


class RecordsInReview:
    """The records in review ``user`` may see, newest submission first; counted and read lazily."""

    def __init__(self, user):
        self.models = {model._meta.label_lower: model for model in reviewable_models(user)}
        self._count = None

    def _union(self):
        queries = [submissions(model).order_by() for model in self.models.values()]
        return queries[0].union(*queries[1:], all=True) if queries else None

    def __len__(self) -> int:
        if self._count is None:
            union = self._union()
            self._count = union.count() if union is not None else 0
        return self._count

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        union = self._union()
        if union is None:
            return []
        rows = list(union.order_by("-queue_date", "queue_kind", "-pk")[window])
        by_kind = {}
        for label, pk, _date, _author in rows:
            by_kind.setdefault(label, []).append(pk)
        records = {label: self.models[label]._base_manager.in_bulk(pks) for label, pks in by_kind.items()}
        authors = get_user_model()._default_manager.in_bulk({author for *_rest, author in rows if author})
        items = []
        for label, pk, date, author in rows:
            record = records[label].get(pk)
            if record is None:  # deleted meanwhile
                continue
            items.append(
                QueueItem(
                    record=record,
                    author=authors.get(author),
                    date=date,
                    url=admin_url(record, "change"),
                    kind=str(record._meta.verbose_name),
                    what=_("in review"),
                    history_url=admin_url(record, "history"),
                )
            )
        return items


def records_in_review(user) -> RecordsInReview:
    return RecordsInReview(user)


def proposed_revisions(user) -> list[QueueItem]:
    """The changes editors propose to published records (``config.editorial.revisions``)."""
    return [
        QueueItem(
            record=revision.record,
            author=revision.author,
            date=revision.created_at,
            url=revision.url,
            kind=str(revision.record._meta.verbose_name),
            what=_("proposed revert") if revision.kind == Revision.Kind.REVERT else _("proposed change"),
            history_url=admin_url(revision.record, "history"),
        )
        for revision in revisions.open_revisions(user)
    ]


# The sources of the queue: add one per line.
SOURCES = [
    records_in_review,
    proposed_revisions,
]


@dataclass
class Queue:
    items: list[QueueItem]
    count: int


def review_queue(user, length: int = PANEL_LENGTH) -> Queue:
    """The ``length`` newest items of every source, and how many there are in all."""
    found = [source(user) for source in SOURCES]
    items = sorted(
        (as_item(entry) for entry in chain.from_iterable(each[:length] for each in found)),
        key=lambda item: item.date,
        reverse=True,
    )
    return Queue(items=items[:length], count=sum(len(each) for each in found))


class _AllSources:
    """Every source's items as one sequence for the paginator: all of them, sorted once."""

    def __init__(self, user):
        self.items = sorted(
            (as_item(entry) for source in SOURCES for entry in source(user)[:]),
            key=lambda item: item.date,
            reverse=True,
        )

    def __len__(self):
        return len(self.items)

    def __getitem__(self, window):
        return self.items[window]


def review_queue_view(request, admin_site):
    """The whole queue, a page at a time."""
    page = Paginator(_AllSources(request.user), PAGE_LENGTH).get_page(request.GET.get("page"))
    context = {
        **admin_site.each_context(request),
        "title": gettext_lazy("Awaiting review"),
        "page": page,
        "items": page.object_list,
    }
    return TemplateResponse(request, "admin/editorial/review_queue.html", context)
