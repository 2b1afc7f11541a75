"""The editorial workflow: who may create, change, submit, publish, unpublish and delete what.

Records with a page of their own (``PublicRecord``: dialogues, events, organisations …) move through
draft → review → published. This module is the one place that rule lives; the admin (forms,
actions, revert), the API and the bulk import all write through ``save_record``,
``transition`` and ``delete_record``, so the three behave the same, and every write is recorded in
the record's history under the user who made it.

The rule, by permission (the groups that ``config/atlas/migrations/0001_initial`` creates hold them):

================  ===============================================================================
action            needs
================  ===============================================================================
create            ``add_<model>``; creating it published also needs ``publish_<model>``
change            ``change_<model>``; changing a published record also needs ``publish_<model>``,
                  because the change is public at once
submit / return   ``change_<model>`` (draft → review, review → draft)
publish           ``publish_<model>`` (draft or review → published, with a publish date)
unpublish         ``publish_<model>`` (published → draft or review)
delete            ``delete_<model>``; deleting a published record also needs ``publish_<model>``
================  ===============================================================================

In the admin an editor's change (or revert) of a published record is not refused but stored as a
proposal, which a publisher publishes through ``save_record`` (``config.editorial.revisions``).

Rows that hang on a record (roles, participations, speakers, sessions …) need only the model
permission of their own kind; they are changed together with their record.

Only the atlas's staff make things public. An account outside the staff — a partner system's,
writing through the API — creates and changes records *and rows* only as drafts or in review,
whatever permissions it holds: it may not publish or unpublish, nor change or delete anything
published (a row included), since each would change what the public sees before an editor has
looked at it. Its new rows wait, as drafts, for an editor to publish them.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.editorial import history
from config.framework.visibility import Status
from config.operations.cache import invalidate_after_write


class Action(enum.StrEnum):
    CREATE = "create"
    CHANGE = "change"
    SUBMIT = "submit"
    RETURN = "return"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    DELETE = "delete"


ACTION_NAMES = {
    Action.CREATE: _("create"),
    Action.CHANGE: _("change"),
    Action.SUBMIT: _("submit for review"),
    Action.RETURN: _("return to draft"),
    Action.PUBLISH: _("publish"),
    Action.UNPUBLISH: _("unpublish"),
    Action.DELETE: _("delete"),
}


class WorkflowError(PermissionDenied):
    """A write the workflow refuses; the message says in words who may make it, ``missing`` names the
    permissions (``app_label.codename``) the account lacks, for operators."""

    def __init__(self, message, missing: Iterable[str] = ()):
        super().__init__(message)
        self.message = message
        self.missing = list(missing)


def has_workflow(model) -> bool:
    """Whether ``model`` goes through draft → review → published (it has a publish date)."""
    return any(field.name == "published_at" for field in model._meta.concrete_fields)


def publish_codename(model) -> str:
    return f"publish_{model._meta.model_name}"


def permission_name(model, action: str) -> str:
    """The permission name (``app_label.codename``) for ``action`` on ``model``."""
    codename = publish_codename(model) if action == "publish" else f"{action}_{model._meta.model_name}"
    return f"{model._meta.app_label}.{codename}"


def actions_for(model, before: str | None, after: str) -> list[Action]:
    """The workflow actions a write from status ``before`` (None: a new record) to ``after`` takes."""
    if before is None:
        actions = [Action.CREATE]
        if after == Status.PUBLISHED:
            actions.append(Action.PUBLISH)
        return actions
    actions = []
    if after != before:
        if after == Status.PUBLISHED:
            actions.append(Action.PUBLISH)
        elif before == Status.PUBLISHED:
            actions.append(Action.UNPUBLISH)
        elif after == Status.REVIEW:
            actions.append(Action.SUBMIT)
        else:
            actions.append(Action.RETURN)
    return actions


def required_permissions(model, action: Action, status: str | None) -> list[str]:
    """The permissions ``action`` needs on a record of ``model`` currently in ``status``."""
    model_action = {
        Action.CREATE: "add",
        Action.CHANGE: "change",
        Action.SUBMIT: "change",
        Action.RETURN: "change",
        Action.PUBLISH: "publish",
        Action.UNPUBLISH: "publish",
        Action.DELETE: "delete",
    }[action]
    if not has_workflow(model):
        # Rows without a workflow of their own: the model permission of the write alone.
        return [permission_name(model, "change" if model_action == "publish" else model_action)]
    needed = [permission_name(model, model_action)]
    if action in (Action.CHANGE, Action.DELETE) and status == Status.PUBLISHED:
        needed.append(permission_name(model, "publish"))
    return needed


def is_editorial(user) -> bool:
    """Whether ``user`` is of the atlas's staff, who may make writes public; a partner system's
    account is not, whatever its permissions."""
    return bool(getattr(user, "is_staff", False))


def touches_public(action: Action, status: str | None) -> bool:
    """Whether ``action`` on a record or row in ``status`` changes what the public sees at once."""
    return action in (Action.PUBLISH, Action.UNPUBLISH) or (
        action in (Action.CHANGE, Action.DELETE) and status == Status.PUBLISHED
    )


def allowed(user, action: Action, record: models.Model, status: str | None = None) -> bool:
    """Whether ``user`` may take ``action`` on ``record`` (in ``status``, default: its own)."""
    if user is None or not user.is_active:
        return False
    if status is None:
        status = getattr(record, "status", None)
    if touches_public(action, status) and not is_editorial(user):
        return False
    return user.has_perms(required_permissions(type(record), action, status))


def check_action(user, action: Action, record: models.Model, status: str | None = None) -> None:
    """Raise ``WorkflowError`` naming what is missing when ``user`` may not take ``action``."""
    if allowed(user, action, record, status):
        return
    model = type(record)
    if status is None:
        status = getattr(record, "status", None)
    if touches_public(action, status) and not is_editorial(user):
        state = f" ({Status(status).label})" if status else ""
        raise WorkflowError(
            _(
                "You may not %(action)s this %(model)s%(state)s: only the atlas's editors make changes "
                "public. Write it as a draft or in review; an editor publishes it."
            )
            % {"action": ACTION_NAMES[action], "model": model._meta.verbose_name, "state": state}
        )
    missing = [name for name in required_permissions(model, action, status) if not user.has_perm(name)]
    raise WorkflowError(refusal(model, action, status, missing), missing=missing)


def refusal(model, action: Action, status: str | None, missing: list[str]) -> str:
    """What a refused write says, in words: which role may take ``action`` (the permission codenames
    ``missing`` are for operators: ``WorkflowError.missing``, docs/editorial.md)."""
    names = {"model": model._meta.verbose_name, "models": model._meta.verbose_name_plural}
    if has_workflow(model) and permission_name(model, "publish") in missing:
        if action == Action.PUBLISH and status == Status.REVIEW:
            return _("Only publishers may publish this %(model)s; it stays in review until one does.") % names
        if action == Action.PUBLISH:
            return _("Only publishers may publish this %(model)s; submit it for review instead.") % names
        if action == Action.UNPUBLISH:
            return _("Only publishers may unpublish this %(model)s.") % names
        if action == Action.DELETE:
            return _("Only publishers may delete this %(model)s while it is published.") % names
        return _("Only publishers may change this %(model)s while it is published.") % names
    messages = {
        Action.CREATE: _("Only editors and publishers may create %(models)s."),
        Action.SUBMIT: _("Only editors and publishers may submit %(models)s for review."),
        Action.RETURN: _("Only editors and publishers may return %(models)s to draft."),
        Action.DELETE: _("Only editors and publishers may delete %(models)s."),
    }
    return messages.get(action, _("Only editors and publishers may change %(models)s.")) % names


def settable_statuses(user, record: models.Model, before: str | None) -> list[str]:
    """The statuses ``user`` may give ``record``, whose stored status is ``before`` (None: new).

    What the admin's status menu offers: an editor draft and review, a publisher all three.
    """
    settable = []
    for status in Status.values:
        if before is None:
            actions = actions_for(type(record), None, status)
            permitted = all(allowed(user, action, record, status=status) for action in actions)
        else:
            actions = [Action.CHANGE, *actions_for(type(record), before, status)]
            permitted = all(allowed(user, action, record, status=before) for action in actions)
        if permitted:
            settable.append(status)
    return settable


def stored_status(record: models.Model) -> str | None:
    """The status ``record`` has in the database (None for a new record)."""
    if record._state.adding or record.pk is None:
        return None
    return type(record)._base_manager.filter(pk=record.pk).values_list("status", flat=True).first()


def check_write(user, record: models.Model, before: str | None = None) -> list[Action]:
    """Check a create or change of ``record`` as it is now (its new values) against the rule.

    ``before`` is the status stored before this write, when the caller has read it already.
    Returns the workflow actions the write takes (create, change, submit, publish …).
    """
    model = type(record)
    if not hasattr(record, "status"):
        action = Action.CREATE if record._state.adding else Action.CHANGE
        check_action(user, action, record)
        return [action]
    if before is None:
        before = stored_status(record)
    if before is None:
        actions = actions_for(model, None, record.status)
        for action in actions:
            check_action(user, action, record, status=record.status)
        return actions
    check_action(user, Action.CHANGE, record, status=before)
    actions = [Action.CHANGE, *actions_for(model, before, record.status)]
    for action in actions[1:]:
        check_action(user, action, record, status=before)
    return actions


def set_history_author(record: models.Model, by, reason: str = "") -> None:
    """Name ``by`` (and why) as the author of the history entry the next save of ``record`` makes."""
    record._history_user = by
    if reason:
        record._change_reason = reason


def _set_publish_date(
    record: models.Model, before: str | None, publish_at: datetime.datetime | None = None
) -> None:
    """Date a publication: now, unless a date in the future schedules it."""
    if not has_workflow(type(record)):
        return
    if publish_at is not None:
        record.published_at = publish_at
    elif record.status == Status.PUBLISHED and before != Status.PUBLISHED:
        scheduled = record.published_at is not None and record.published_at > timezone.now()
        if not scheduled:
            record.published_at = timezone.now()


@history.versioned
@transaction.atomic
def save_record(
    *, record: models.Model, by, reason: str = "", update_fields: Iterable[str] | None = None
) -> models.Model:
    """Create or change ``record`` as ``by``, after checking the workflow rule.

    Raises ``WorkflowError`` (a ``PermissionDenied``) when ``by`` may not make this write. The
    caller has validated the values (a form, a serializer, an import row).
    """
    before = stored_status(record) if hasattr(record, "status") else None
    check_write(by, record, before)
    _set_publish_date(record, before)
    set_history_author(record, by, reason)
    if update_fields is not None:
        fields = set(update_fields)
        if has_workflow(type(record)):
            fields.add("published_at")
        record.save(update_fields=fields)
    else:
        record.save()
    return record


# Bulk writes send no model signals. What must follow every write besides the history (the
# changes feed, config/atlas/changes.py) listens to these as well; each carries ``pks``, the ids of
# the records of ``sender`` (a model) written.
records_changing = Signal()  # before records are changed: their relations as they were
records_saved = Signal()  # after records were created or changed
# After many-to-many links of records of ``sender`` were added or removed: ``pks``, and the ids
# ``related_pks`` of the ``related`` model they were linked to or unlinked from.
links_changed = Signal()


def bulk_update_fields(model, fields: Iterable[str] | None) -> list[str]:
    """The fields a bulk change writes: ``fields`` (all if None) and what every write sets."""
    written = [field for field in model._meta.concrete_fields if not field.primary_key]
    concrete = [
        field.name
        for field in written
        if not isinstance(field, models.GeneratedField) and field.name != "created_at"
    ]
    chosen = set(concrete if fields is None else fields)
    chosen |= {name for name in ("updated_at", "published_at") if name in concrete}
    return [name for name in concrete if name in chosen]


def update_rows(model, records: list[models.Model], fields: list[str], batch_size: int = 500) -> None:
    """Write ``fields`` of ``records`` with one ``UPDATE … FROM (VALUES …)`` per batch.

    What ``QuerySet.bulk_update`` does, without its ``CASE WHEN`` per row and field: building
    that took 3.5 s of Python for 500 changed events (profiled with cProfile on the rows of
    bench/import_speed.py), this a small part of it. Each value is what ``save()`` writes
    (``get_db_prep_save`` of the attribute), cast to the column's type.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    quote = connection.ops.quote_name
    opts = model._meta
    columns = [opts.pk, *(opts.get_field(name) for name in fields)]
    casts = [f"%s::{field.db_type(connection)}" for field in columns]
    names = ", ".join(quote(field.column) for field in columns)
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in columns[1:])
    pk = quote(opts.pk.column)
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        params = [
            field.get_db_prep_save(getattr(record, field.attname), connection)
            for record in batch
            for field in columns
        ]
        values = ", ".join(f"({', '.join(casts)})" for _record in batch)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(opts.db_table)} AS t SET {assignments} "
                f"FROM (VALUES {values}) AS v({names}) WHERE t.{pk} = v.{pk}",
                params,
            )


@history.versioned
@transaction.atomic
def save_records(
    *, model, records: list[models.Model], by, reason: str = "", fields: Iterable[str] | None = None
) -> list[models.Model]:
    """Create or change many ``records`` of ``model`` as ``by``: ``save_record`` for each, in a few
    queries whatever their number.

    Each record is checked against the rule as ``save_record`` checks it (the statuses stored
    before are read in one query), so a record ``by`` may not write raises ``WorkflowError`` and
    nothing is written. New records are inserted with ``bulk_create``, changed ones written with
    ``update_rows`` (only ``fields``, default all, and the timestamps); each gets one history entry
    naming ``by`` and ``reason``, like a save; the response cache is dropped once, and
    ``records_changing`` / ``records_saved`` tell the changes feed. The caller has validated the
    values — including the constraints, which the database enforces here (an ``IntegrityError``
    leaves the caller's transaction to roll back).
    """
    created = [record for record in records if record._state.adding or record.pk is None]
    changed = [record for record in records if not (record._state.adding or record.pk is None)]
    stored = {}
    if changed and hasattr(model, "status"):
        pks = [record.pk for record in changed]
        stored = dict(model._base_manager.filter(pk__in=pks).values_list("pk", "status"))
    now = timezone.now()
    new = {id(record) for record in created}
    for record in records:
        before = None if id(record) in new else stored.get(record.pk)
        check_write(by, record, before)
        _set_publish_date(record, before)
        set_history_author(record, by, reason)
        if hasattr(record, "updated_at"):
            record.updated_at = now  # what AtlasModel.save() sets
    tracked = hasattr(model, "history")
    if changed:
        pks = [record.pk for record in changed]
        records_changing.send(sender=model, pks=pks)
        update_rows(model, changed, bulk_update_fields(model, fields))
        if tracked:
            history.record_rows(model, pks, by=by, reason=reason, history_type="~")
    if created:
        model._base_manager.bulk_create(created, batch_size=500)
        if tracked:
            pks = [record.pk for record in created]
            history.record_rows(model, pks, by=by, reason=reason, history_type="+")
    if records:
        records_saved.send(sender=model, pks=[record.pk for record in records])
        invalidate_after_write(model)
    return records


@history.versioned
@transaction.atomic
def transition(
    *, record: models.Model, to: str, by, reason: str = "", publish_at: datetime.datetime | None = None
) -> bool:
    """Move ``record``, as loaded from the database, to status ``to`` as ``by``; False if it already
    had that status.

    ``publish_at`` sets the publish date; a date in the future schedules the record, which stays
    hidden from the public until then.
    """
    if record.status == to and publish_at is None:
        return False
    before = record.status
    record.status = to
    check_write(by, record, before)
    _set_publish_date(record, before, publish_at)
    set_history_author(record, by, reason)
    fields = ["status", "published_at"] if has_workflow(type(record)) else ["status"]
    record.save(update_fields=fields)
    return True


@history.versioned
@transaction.atomic
def delete_record(*, record: models.Model, by, reason: str = "") -> None:
    """Delete ``record`` as ``by``; its history keeps the last version and who deleted it."""
    before = stored_status(record) if hasattr(record, "status") else None
    check_action(by, Action.DELETE, record, status=before)
    set_history_author(record, by, reason)
    record.delete()


# The groups of the workflow ----------------------------------------------------------------------
# The atlas app's first migration creates them with these permissions on every model of the atlas; a
# migration that adds a model grants them its permissions (tests/test_migrations.py checks).

EDITORS, PUBLISHERS, PARTNER_SYSTEMS, VIEWERS = "Editors", "Publishers", "Partner systems", "Viewers"
GROUP_ACTIONS = {
    VIEWERS: ("view",),
    EDITORS: ("view", "add", "change", "delete"),
    PUBLISHERS: ("view", "add", "change", "delete", "publish"),
    # API writes: new records and changes to unpublished ones; an editor reviews and publishes.
    PARTNER_SYSTEMS: ("view", "add", "change"),
}


def ensure_publish_permissions(apps, using="default") -> None:
    """Create the ``publish_<model>`` permission of every model with a workflow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for label in settings.ATLAS_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or not has_workflow(model):
                continue
            content_type, _created = ContentType.objects.db_manager(using).get_or_create(
                app_label=label, model=model._meta.model_name
            )
            Permission.objects.db_manager(using).get_or_create(
                content_type=content_type,
                codename=publish_codename(model),
                defaults={"name": f"Can publish and unpublish {model._meta.verbose_name_raw}"},
            )
