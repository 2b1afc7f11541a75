"""What a record uses that the public does not see: the drafts its publication would leave out.

An event names organisations (its participations), people (its speakers), topics, a dialogue, a
working group, documents …; its public page and the API show each only once it is published itself
(``visible_through``, ``visible_to``). Publishing the event alone silently leaves out whatever of
these is still a draft, in review or scheduled for later. ``unpublished_dependencies`` finds them
generically, from the models' relations: the foreign keys and many-to-many links of the records
and of their rows (the rows that belong to a record: a cascading foreign key to it) to models with a
workflow, and the rows that are not published themselves. ``publish_with_dependencies`` publishes
them together with the records, through the workflow, in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from config.editorial import workflow
from config.framework.visibility import Status


@dataclass
class Dependency:
    """An unpublished record or row that ``used_by`` (records about to be published) use, and how."""

    record: models.Model
    used_by: list[models.Model] = field(default_factory=list)
    via: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.record._meta.verbose_name)

    @property
    def is_row(self) -> bool:
        return not workflow.has_workflow(type(self.record))

    @property
    def status(self) -> str:
        """Draft, in review, or the date a scheduled record goes public."""
        record = self.record
        if record.status == Status.PUBLISHED and getattr(record, "published_at", None):
            when = formats.date_format(timezone.localtime(record.published_at), "DATETIME_FORMAT")
            return _("scheduled for %(date)s") % {"date": when}
        return str(Status(record.status).label)

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])
        except NoReverseMatch:
            return ""

    def describe(self) -> str:
        """ "organisation “GIZ” (draft)": the kind, name and status, for a message."""
        return _("%(kind)s “%(name)s” (%(status)s)") % {
            "kind": self.kind,
            "name": self.record,
            "status": self.status,
        }


def is_published_now(record: models.Model) -> bool:
    """Whether the public may see ``record`` as far as its status goes (its visibility aside)."""
    if record.status != Status.PUBLISHED:
        return False
    published_at = getattr(record, "published_at", None)
    return published_at is None or published_at <= timezone.now()


def published_now_condition() -> Q:
    return Q(status=Status.PUBLISHED) & (Q(published_at__isnull=True) | Q(published_at__lte=timezone.now()))


def workflow_links(model) -> tuple[list[models.ForeignKey], list[models.ManyToManyField]]:
    """``model``'s foreign keys and many-to-many fields to models with a workflow."""
    foreign_keys = [
        link
        for link in model._meta.concrete_fields
        if link.many_to_one and workflow.has_workflow(link.related_model)
    ]
    many = [link for link in model._meta.many_to_many if workflow.has_workflow(link.related_model)]
    return foreign_keys, many


def row_relations(model) -> list[models.ForeignObjectRel]:
    """The kinds of rows that belong to a record of ``model``: their foreign key to it cascades
    (a participation's event, not its organisation), and they have a status of their own."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is models.CASCADE
        and any(column.name == "status" for column in relation.related_model._meta.concrete_fields)
    ]


class _Collector:
    """The records each of the records being published uses, gathered by model, then read in one
    query per model."""

    def __init__(self, records: Sequence[models.Model]):
        self.records = list(records)
        self.selected = {(type(record), record.pk) for record in self.records}
        self.wanted: dict[type, dict[int, list[tuple[models.Model, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.found: dict[tuple[type, int], Dependency] = {}

    def add(self, dependency_record, owner, via: str) -> None:
        key = (type(dependency_record), dependency_record.pk)
        if key in self.selected:
            return
        dependency = self.found.setdefault(key, Dependency(dependency_record))
        if owner not in dependency.used_by:
            dependency.used_by.append(owner)
        if via not in dependency.via:
            dependency.via.append(via)

    def links_of(self, model, items, owner_of, prefix: str = "", skip: str | None = None) -> None:
        """Note what ``items`` (of ``model``) link to; ``owner_of(item)`` is the record published."""
        foreign_keys, many = workflow_links(model)
        for link in foreign_keys:
            if link.name == skip:
                continue
            for item in items:
                pk = getattr(item, link.attname)
                if pk is not None:
                    self.wanted[link.related_model][pk].append(
                        (owner_of(item), prefix + str(link.verbose_name))
                    )
        by_pk = {item.pk: item for item in items}
        for link in many:
            through = link.remote_field.through
            source = through._meta.get_field(link.m2m_field_name()).attname
            target = through._meta.get_field(link.m2m_reverse_field_name()).attname
            pairs = through._default_manager.filter(**{f"{source}__in": list(by_pk)}).values_list(
                source, target
            )
            for item_pk, target_pk in pairs:
                self.wanted[link.related_model][target_pk].append(
                    (owner_of(by_pk[item_pk]), prefix + str(link.verbose_name))
                )

    def collect(self) -> list[Dependency]:
        by_model = defaultdict(list)
        for record in self.records:
            by_model[type(record)].append(record)
        for model, records in by_model.items():
            self.links_of(model, records, lambda record: record)
            by_pk = {record.pk: record for record in records}
            for relation in row_relations(model):
                row_model = relation.related_model
                parent = relation.field
                rows = list(
                    row_model._base_manager.filter(**{f"{parent.name}__in": list(by_pk)}).order_by("pk")
                )
                kind = str(row_model._meta.verbose_name)
                for row in rows:
                    if not is_published_now(row):
                        self.add(row, by_pk[getattr(row, parent.attname)], kind)
                self.links_of(
                    row_model,
                    rows,
                    lambda row, parent=parent, by_pk=by_pk: by_pk[getattr(row, parent.attname)],
                    prefix=f"{kind}: ",
                    skip=parent.name,
                )
        for model, uses in self.wanted.items():
            for target in model._base_manager.filter(pk__in=list(uses)).exclude(published_now_condition()):
                for owner, via in uses[target.pk]:
                    self.add(target, owner, via)
        return sorted(
            self.found.values(),
            key=lambda dependency: (dependency.is_row, dependency.kind, str(dependency.record)),
        )


def unpublished_dependencies(records: Sequence[models.Model]) -> list[Dependency]:
    """What ``records`` (about to be published) use that the public would not see: the records
    their foreign keys and many-to-many links name, and those of their rows, that are drafts, in
    review or scheduled for later; and their rows that are not published. Records among
    ``records`` themselves are left out. A few queries per kind of relation, whatever the number
    of records."""
    if not records:
        return []
    return _Collector(records).collect()


@transaction.atomic
def publish_with_dependencies(*, records: Sequence[models.Model], by, reason: str = "") -> list[Dependency]:
    """Publish ``records`` and what they use that the public does not see, as ``by``, each through
    ``workflow.transition`` (so each is checked and kept in history); all or nothing.

    A dependency scheduled for later is published now. Raises ``WorkflowError`` when ``by`` may
    not publish one of them, and nothing is written. Returns the dependencies published.
    """
    dependencies = unpublished_dependencies(records)
    now = timezone.now()
    for dependency in dependencies:
        target = dependency.record
        publish_at = None
        if workflow.has_workflow(type(target)) and target.status == Status.PUBLISHED:
            publish_at = now  # scheduled for later: public now, with the record that uses it
        names = ", ".join(str(owner) for owner in dependency.used_by)
        workflow.transition(
            record=target,
            to=Status.PUBLISHED,
            by=by,
            reason=_("Published with %(records)s. %(reason)s") % {"records": names, "reason": reason},
            publish_at=publish_at,
        )
    for record in records:
        workflow.transition(record=record, to=Status.PUBLISHED, by=by, reason=reason)
    return dependencies
