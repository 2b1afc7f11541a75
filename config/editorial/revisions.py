"""Revisions: a change an editor proposes to a published record, beside the live one.

An editor (no ``publish_<model>`` permission) may not change a published record, because the change
would be public at once. Saving the record's change form — or reverting it to an earlier version —
stores a ``Revision`` instead: the form as it was submitted. The public keeps seeing the live record
until a publisher publishes the revision, which replays the same form as the publisher through the
normal save path (config/editorial/revision_admin.py), or rejects it; its author may withdraw it.

This module holds what does not depend on the admin's views: storing, listing and deciding
proposals, what changed since a proposal was made, and the readable diff of a bound form.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.forms.models import ModelChoiceField, ModelMultipleChoiceField
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext as _

from config.editorial import workflow
from config.editorial.models import Revision
from config.framework.visibility import Status

# The note an editor gives with a proposal, and a publisher's with a rejection: fields of the change
# form's page that are not the record's (they are left out of the stored data).
NOTE_FIELD = "revision_note"
DECISION_NOTE_FIELD = "revision_decision_note"
NOT_DATA = {"csrfmiddlewaretoken", NOTE_FIELD, DECISION_NOTE_FIELD}


def submitted_data(post) -> dict[str, list[str]]:
    """The record's part of a submitted change form (a QueryDict), each name with its list of values.

    Left out: the CSRF token, the notes, and the admin's buttons and flags (``_save``,
    ``_continue``, ``_changelist_filters`` …), whose names start with an underscore.
    """
    return {key: post.getlist(key) for key in post if key not in NOT_DATA and not key.startswith("_")}


def as_querydict(data: dict[str, list[str]]):
    """A stored proposal's data as the QueryDict a form is bound to."""
    bound = QueryDict(mutable=True)
    for key, values in data.items():
        bound.setlist(key, list(values))
    bound._mutable = False
    return bound


def proposes(user, record: models.Model, status: str | None = None) -> bool:
    """Whether a change ``user`` makes to ``record`` is stored as a proposal: the record is published
    and ``user``, of the staff, may change it only as long as it is not (an editor)."""
    if user is None or not getattr(user, "is_active", False) or not workflow.is_editorial(user):
        return False
    if record is None or not workflow.has_workflow(type(record)):
        return False
    if status is None:
        status = workflow.stored_status(record)
    if status != Status.PUBLISHED:
        return False
    return not workflow.allowed(user, workflow.Action.CHANGE, record, status) and workflow.allowed(
        user, workflow.Action.CHANGE, record, Status.DRAFT
    )


def may_decide(user, record: models.Model) -> bool:
    """Whether ``user`` may publish or reject a proposal for ``record``: whether they may change it
    while it is published."""
    return workflow.allowed(user, workflow.Action.CHANGE, record, Status.PUBLISHED)


def revisions_of(record: models.Model):
    """Every revision of ``record``, newest first."""
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).select_related("author", "decided_by")


def open_revisions_of(record: models.Model) -> list[Revision]:
    """The open proposals for ``record``, newest first."""
    return list(revisions_of(record).filter(state=Revision.State.PROPOSED))


def own_open_revision(record: models.Model, user) -> Revision | None:
    """``user``'s open proposal for ``record``, if any (one per editor and record)."""
    return revisions_of(record).filter(state=Revision.State.PROPOSED, author=user).first()


def revision_url(revision: Revision) -> str:
    """The admin page of ``revision``: the change form bound to it, its diff and its buttons."""
    content_type = revision.content_type
    try:
        return reverse(
            f"admin:{content_type.app_label}_{content_type.model}_revision",
            args=[revision.object_id, revision.pk],
        )
    except NoReverseMatch:
        return ""


def open_revisions(user=None) -> list[Revision]:
    """The open proposals, newest first, each with its ``record``, ``author``, ``created_at`` and
    ``url`` (its admin page) — what the review queue lists.

    With ``user``: the proposals ``user`` may decide (those for records they may publish) and their
    own. Proposals for records deleted since are left out.
    """
    proposals = list(
        Revision.objects.filter(state=Revision.State.PROPOSED)
        .select_related("author", "content_type")
        .prefetch_related("record")
    )
    shown = []
    for revision in proposals:
        record = revision.record
        if record is None:
            continue
        if user is not None and revision.author_id != user.pk and not may_decide(user, record):
            continue
        revision.url = revision_url(revision)
        shown.append(revision)
    return shown


@transaction.atomic
def propose(
    *,
    record: models.Model,
    by,
    data: dict[str, list[str]],
    fields: list[str],
    note: str = "",
    kind: str = Revision.Kind.CHANGE,
    version: int | None = None,
) -> Revision:
    """Store ``data`` (a submitted form) as ``by``'s proposal for ``record``; it replaces ``by``'s
    open proposal for it, if there is one. The record itself is not written."""
    if not proposes(by, record):
        raise workflow.WorkflowError(_("Only a change to a published record by an editor is proposed."))
    content_type = ContentType.objects.get_for_model(type(record))
    based_on = type(record)._base_manager.filter(pk=record.pk).values_list("updated_at", flat=True).get()
    revision = (
        Revision.objects.select_for_update()
        .filter(content_type=content_type, object_id=record.pk, author=by, state=Revision.State.PROPOSED)
        .first()
    )
    if revision is None:
        revision = Revision(content_type=content_type, object_id=record.pk, author=by, based_on=based_on)
    elif revision.data and not data:
        # A revert (no form data) never replaces the changes an editor typed into an open proposal.
        raise workflow.WorkflowError(
            _(
                "You have an open proposal with your changes to this record (revision %(number)s). "
                "Withdraw it first, or wait until a publisher has decided on it."
            )
            % {"number": revision.pk}
        )
    # An open proposal keeps the version it was first made against: what the record's publishers
    # changed since stays listed as a later change when it is published, however often it is saved.
    revision.kind = kind
    revision.version = version
    revision.data = data
    revision.fields = list(fields)
    revision.note = note
    revision.save()
    return revision


def _decide(revision: Revision, *, state: str, by, note: str = "") -> Revision:
    if not revision.is_open:
        raise workflow.WorkflowError(
            _("This proposal is %(state)s already.") % {"state": revision.get_state_display()}
        )
    revision.state = state
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.decision_note = note
    revision.save(update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"])
    return revision


def mark_published(*, revision: Revision, by) -> Revision:
    """Record that ``by`` published ``revision`` (the caller has written the record)."""
    if not may_decide(by, revision.record):
        raise workflow.WorkflowError(_("Only a publisher may publish a proposal."))
    return _decide(revision, state=Revision.State.PUBLISHED, by=by)


def reject(*, revision: Revision, by, note: str = "") -> Revision:
    """Reject ``revision`` as ``by`` (a publisher), saying why; the live record is unchanged."""
    if not may_decide(by, revision.record):
        raise workflow.WorkflowError(_("Only a publisher may reject a proposal."))
    return _decide(revision, state=Revision.State.REJECTED, by=by, note=note)


def withdraw(*, revision: Revision, by) -> Revision:
    """Withdraw ``revision``: only its author may."""
    if revision.author_id != by.pk:
        raise workflow.WorkflowError(_("Only the editor who proposed it may withdraw a proposal."))
    return _decide(revision, state=Revision.State.WITHDRAWN, by=by)


def published_reason(revision: Revision) -> str:
    """The history entry's reason when ``revision`` is published."""
    reason = _("Published revision %(number)s proposed by %(author)s.") % {
        "number": revision.pk,
        "author": revision.author.get_username(),
    }
    if revision.kind == Revision.Kind.REVERT and revision.version:
        reason += " " + _("Reverted to version %(version)s.") % {"version": revision.version}
    return reason


def later_changes(revision: Revision, record: models.Model, rows=()) -> list:
    """The history entries of ``record`` — and of its rows, ``rows`` naming each row model and its
    foreign key to the record — written after ``revision`` was proposed, oldest first: what
    publishing the proposal would overwrite. Each entry gets a ``label`` (what was changed)."""
    entries = []
    if record.updated_at > revision.based_on and hasattr(type(record), "history"):
        entries += type(record).history.filter(
            **{type(record)._meta.pk.attname: record.pk}, updated_at__gt=revision.based_on
        )
    # Saving a proposal writes no row: a row's entry after the proposal was first made is a change since.
    for model, foreign_key in rows:
        if hasattr(model, "history"):
            entries += model.history.filter(**{foreign_key: record.pk}, history_date__gt=revision.created_at)
    for entry in entries:
        entry.label = f"{str(type(entry.instance)._meta.verbose_name).capitalize()} “{entry.instance}”"
    return sorted(entries, key=lambda entry: entry.history_date)


# The diff of a bound form --------------------------------------------------------------------------

EMPTY = "—"


def display_value(field: forms.Field, value) -> str:
    """``value`` of form field ``field`` as an editor reads it (a label, a record's name)."""
    if value in (None, "", [], ()):
        return EMPTY
    if isinstance(field, ModelMultipleChoiceField):
        items = list(value)
        pks = [item.pk if isinstance(item, models.Model) else item for item in items]
        objects = {str(obj.pk): obj for obj in field.queryset.model._base_manager.filter(pk__in=pks)}
        return ", ".join(str(objects.get(str(pk), pk)) for pk in pks) or EMPTY
    if isinstance(field, ModelChoiceField):
        if isinstance(value, models.Model):
            return str(value)
        found = field.queryset.model._base_manager.filter(pk=value).first()
        return str(found) if found is not None else str(value)
    if isinstance(field, forms.BooleanField):
        return _("yes") if value else _("no")
    choices = getattr(field, "choices", None)
    if choices:
        labels = {str(key): label for key, label in _flat_choices(choices)}
        if isinstance(value, (list, tuple)):
            return ", ".join(str(labels.get(str(item), item)) for item in value) or EMPTY
        return str(labels.get(str(value), value))
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value) or EMPTY
    return str(localize(value))


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, (list, tuple)):
            yield from label
        else:
            yield key, label


def _field_changes(form) -> list[dict]:
    """The fields of a bound, validated ``form`` whose values differ from its initial ones."""
    changes = []
    cleaned = getattr(form, "cleaned_data", {})
    for name in form.changed_data:
        if name not in form.fields or name == "DELETE" or form.fields[name].disabled:
            continue
        field = form.fields[name]
        old = display_value(field, form.get_initial_for_field(field, name))
        new = display_value(field, cleaned.get(name, form.data.get(form.add_prefix(name))))
        if old == new:
            continue
        changes.append({"field": str(field.label or name), "name": name, "old": old, "new": new})
    return changes


def describe_changes(form, formsets=()) -> list[dict]:
    """What a bound change form (and its inline formsets) would change in the live record.

    One entry per changed thing: ``{"section", "row", "field", "old", "new"}`` with verbose labels —
    the record's own fields (section empty), then each inline's changed, added and deleted rows.
    """
    changes = [{"section": "", "row": "", **change} for change in _field_changes(form)]
    for formset in formsets:
        section = str(formset.model._meta.verbose_name_plural).capitalize()
        changed = [row for row in formset.forms if row.has_changed()]
        # The rows as stored: validating the forms gave their instances the proposed values.
        stored = formset.model._base_manager.in_bulk([row.instance.pk for row in changed if row.instance.pk])
        for number, row in enumerate(formset.forms, start=1):
            if row not in changed:
                continue
            if row.instance.pk in stored:
                label = str(stored[row.instance.pk])
            else:
                label = _("new row %(number)s") % {"number": number}
            if row.instance.pk and formset.can_delete and formset._should_delete_form(row):
                changes.append(
                    {"section": section, "row": label, "field": _("row"), "old": label, "new": _("deleted")}
                )
                continue
            if not row.instance.pk:
                changes.append(
                    {"section": section, "row": label, "field": _("row"), "old": EMPTY, "new": _("added")}
                )
            for change in _field_changes(row):
                changes.append({"section": section, "row": label, **change})
    return changes
