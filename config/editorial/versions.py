"""Versions of a whole record: its own fields, its inline rows and its many-to-many links.

A record's history (``config.editorial.history``) is spread over several tables: the record's own
history, the history of each kind of row that hangs on it (a ``Row`` with a cascading foreign key
to it: an event's sessions, participations, speakers, photos), and the links each entry holds
(``history_links``). This module puts them back together:

- ``versions(record)``: the versions of the whole record, oldest first. The entries one database
  transaction wrote for the record and its rows (``history_transaction``) are one version, with
  the author and reason of the record's entry (or of its rows', when only rows changed). Each
  version has its ``number`` (1, 2 …), ``date``, ``user``, ``reason``, its ``snapshot`` and its
  ``changes`` against the version before.
- ``version_snapshot(record, at)``: the record as it was at ``at`` (a datetime): its entry as of
  then, every row as of then (rows deleted later included, rows created later left out) and the
  links as of then. ``Snapshot.links`` is None when that entry was written before links were kept.
- ``diff(old, new)``: what changed between two snapshots — fields (verbose names, no empty-to-empty
  noise), rows (added, removed, changed, with the row's label), links (added, removed, by name).
- ``restore_version(record, version, by=…, reason=…)``: make the record what ``version`` was —
  fields, rows (deleted ones re-created with their ids, later ones deleted, changed ones restored)
  and links — through ``config.editorial.workflow`` (``save_record``, ``delete_record``), in one
  transaction, every write under one reason (``revert_reason(version)`` by default). It never
  changes the record's status or publish date: a published record stays published. It raises
  ``workflow.WorkflowError`` when ``by`` may not change the record (an editor and a published
  record) and ``RestoreError`` when the database refuses the restored rows. Returns the
  ``Changes`` it made.

Records edited inside another (a dialogue's phases and working groups) have a workflow and a
history of their own; they are not rows of the record they are edited in.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.editorial import history, workflow

# Entries written before each write was recorded (history_transaction NULL): those of one author
# and reason this close to each other are one version.
LEGACY_GAP = datetime.timedelta(seconds=2)
# Fields a version does not compare or restore: they follow every write.
UNCOMPARED = {"created_at", "updated_at"}
# Fields a restore keeps as they are stored: the workflow's (a revert never publishes or unpublishes).
KEPT_ON_RESTORE = {"status", "published_at", "created_at", "updated_at"}


class RestoreError(Exception):
    """The database refused the restored version (a row's unique position taken meanwhile …)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# The parts of a record ----------------------------------------------------------------------------


def row_relations(model) -> list[tuple[type[models.Model], models.ForeignKey]]:
    """The kinds of row that hang on ``model``, each with its foreign key to it."""
    relations = []
    for related in history.tracked_models():
        if workflow.has_workflow(related):
            continue
        for field in related._meta.concrete_fields:
            if (
                isinstance(field, models.ForeignKey)
                and field.related_model is model
                and field.remote_field.on_delete is models.CASCADE
            ):
                relations.append((related, field))
    return sorted(relations, key=lambda relation: relation[0]._meta.label)


def record_of_row(model) -> models.ForeignKey | None:
    """The foreign key of the row model ``model`` to the record it hangs on (None for a record)."""
    if workflow.has_workflow(model) or not hasattr(model, "history"):
        return None
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.ForeignKey)
            and field.remote_field.on_delete is models.CASCADE
            and hasattr(field.related_model, "history")
        ):
            return field
    return None


def compared_fields(model, skip: tuple[str, ...] = ()) -> list[models.Field]:
    """The fields of ``model`` a version compares: its own, in every language, without the
    untranslated column modeltranslation mirrors, the generated ones and the timestamps."""
    fields = model._meta.concrete_fields
    translated = {field.translated_field.name for field in fields if hasattr(field, "translated_field")}
    return [
        field
        for field in fields
        if not field.primary_key
        and not isinstance(field, models.GeneratedField)
        and field.name not in UNCOMPARED
        and field.name not in translated
        and field.name not in skip
    ]


# Snapshots ----------------------------------------------------------------------------------------


@dataclasses.dataclass
class Snapshot:
    """A record as it was at one moment: its history entry, its rows' entries and its links."""

    model: type[models.Model]
    entry: models.Model | None  # the record's history entry; None before it existed
    rows: dict[type[models.Model], dict[int, models.Model]]  # row model → id → history entry
    at: datetime.datetime | None = None

    @property
    def links(self) -> dict[str, list[int]] | None:
        return None if self.entry is None else self.entry.history_links

    @property
    def exists(self) -> bool:
        return self.entry is not None and self.entry.history_type != "-"


def _entries(model, pk, relations):
    """Every history entry of the record ``pk`` and of every row that ever hung on it, by date."""
    own = model.history.filter(id=pk).select_related("history_user")
    found = [(entry.history_date, 0, entry.history_id, model, entry) for entry in own]
    for row_model, fk in relations:
        rows = row_model.history.filter(**{fk.attname: pk}).values("id")
        found += [
            (entry.history_date, 1, entry.history_id, row_model, entry)
            for entry in row_model.history.filter(id__in=rows).select_related("history_user")
        ]
    found.sort(key=lambda item: item[:3])
    return [(item[3], item[4]) for item in found]


def _fold(model, pk, relations, entries) -> Snapshot:
    fks = dict(relations)
    snapshot = Snapshot(model=model, entry=None, rows={row_model: {} for row_model, _fk in relations})
    for entry_model, entry in entries:
        if entry_model is model:
            snapshot.entry = entry
            continue
        rows = snapshot.rows[entry_model]
        if entry.history_type == "-" or getattr(entry, fks[entry_model].attname) != pk:
            rows.pop(entry.id, None)
        else:
            rows[entry.id] = entry
        snapshot.at = entry.history_date
    return snapshot


def version_snapshot(record, at: datetime.datetime) -> Snapshot:
    """``record`` (a model instance; it may be deleted since) as it was at ``at``."""
    model = type(record)
    relations = row_relations(model)
    entries = [(m, entry) for m, entry in _entries(model, record.pk, relations) if entry.history_date <= at]
    snapshot = _fold(model, record.pk, relations, entries)
    snapshot.at = at
    return snapshot


# Versions -----------------------------------------------------------------------------------------


@dataclasses.dataclass
class Version:
    """One version of a whole record: what one transaction wrote to it and its rows."""

    number: int
    date: datetime.datetime
    user: object
    reason: str
    history_type: str
    entries: list[models.Model]
    snapshot: Snapshot
    changes: Changes


def versions(record) -> list[Version]:
    """The versions of the whole ``record``, oldest first (numbered from 1)."""
    model = type(record)
    relations = row_relations(model)
    groups: dict[object, list] = {}
    legacy = None  # the group of the last entry written before writes were recorded
    for entry_model, entry in _entries(model, record.pk, relations):
        key = entry.history_transaction
        if key is None:
            # Entries from before: one version per run of entries with one author and reason,
            # each within LEGACY_GAP of the one before (a save of a form, a load of the seed).
            author = (entry.history_user_id, entry.history_change_reason)
            if legacy is None or legacy[1] != author or entry.history_date - legacy[2] > LEGACY_GAP:
                legacy = [("legacy", entry_model._meta.label, entry.history_id), author, entry.history_date]
            legacy[2] = entry.history_date
            key = legacy[0]
        groups.setdefault(key, []).append((entry_model, entry))
    labels = Labels()
    applied, found, previous = [], [], None
    for group in sorted(groups.values(), key=lambda group: max(entry.history_date for _m, entry in group)):
        applied += group
        applied.sort(key=lambda item: (item[1].history_date, item[0] is not model, item[1].history_id))
        snapshot = _fold(model, record.pk, relations, applied)
        own = [entry for entry_model, entry in group if entry_model is model]
        author = own[0] if own else group[0][1]
        reasons = [entry.history_change_reason for _m, entry in group if entry.history_change_reason]
        reason = own[0].history_change_reason if own and own[0].history_change_reason else ""
        found.append(
            Version(
                number=len(found) + 1,
                date=max(entry.history_date for _m, entry in group),
                user=author.history_user,
                reason=reason or (reasons[0] if reasons else ""),
                history_type=own[-1].history_type if own else "~",
                entries=[entry for _m, entry in group],
                snapshot=snapshot,
                changes=diff(previous, snapshot, labels),
            )
        )
        previous = snapshot
    return found


def revert_reason(version: Version) -> str:
    """The history reason of a revert to ``version`` made in the admin."""
    return _("Reverted to version %(number)s (of %(date)s, by %(user)s) in the admin.") % {
        "number": version.number,
        "date": formats.date_format(version.date, "DATETIME_FORMAT"),
        "user": version.user or _("the system"),
    }


# Differences --------------------------------------------------------------------------------------


class Labels:
    """Readable names of related records, read once per kind of record."""

    def __init__(self):
        self.names: dict[type[models.Model], dict[int, str]] = defaultdict(dict)

    def of(self, model, pks) -> list[str]:
        missing = [pk for pk in pks if pk not in self.names[model]]
        if missing:
            for obj in model._base_manager.filter(pk__in=missing):
                self.names[model][obj.pk] = str(obj)
        return [self.names[model].get(pk, _("#%(id)s (deleted)") % {"id": pk}) for pk in pks]

    def value(self, field: models.Field, value) -> str:
        if is_empty(value):
            return str(gettext_lazy("(empty)"))
        if isinstance(field, models.ForeignKey):
            return self.of(field.related_model, [value])[0]
        if field.choices:
            choices = dict(field.flatchoices)
            if isinstance(value, list):
                return ", ".join(str(choices.get(item, item)) for item in value)
            return str(choices.get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, (datetime.date, datetime.datetime)):
            return formats.localize(value)
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def label_of(field: models.Field) -> str:
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


@dataclasses.dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclasses.dataclass
class LinkChange:
    label: str
    added: list[str]
    removed: list[str]

    def __str__(self):
        parts = []
        if self.added:
            parts.append(_("added %(names)s") % {"names": ", ".join(self.added)})
        if self.removed:
            parts.append(_("removed %(names)s") % {"names": ", ".join(self.removed)})
        return f"{self.label}: {'; '.join(parts)}"


@dataclasses.dataclass
class RowChange:
    action: str  # "added", "removed", "changed"
    kind: str  # the row's verbose name ("speaker")
    label: str  # the row's own label ("Jürgen Landgrebe (moderator)")
    fields: list[FieldChange]
    links: list[LinkChange]

    def __str__(self):
        text = f"{self.kind}: {self.label}"
        details = [f"{change.label} {change.old} → {change.new}" for change in self.fields]
        details += [str(link) for link in self.links]
        if self.action == "changed":
            return f"{text} — {'; '.join(details)}"
        return f"{text} ({ROW_ACTIONS[self.action]})"


ROW_ACTIONS = {
    "added": gettext_lazy("added"),
    "removed": gettext_lazy("removed"),
    "changed": gettext_lazy("changed"),
}


@dataclasses.dataclass
class Changes:
    """What changed from one version to the next."""

    fields: list[FieldChange]
    rows: list[RowChange]
    links: list[LinkChange]
    links_unknown: bool = False  # one side's links were not recorded

    def __bool__(self):
        return bool(self.fields or self.rows or self.links)

    def summary(self) -> str:
        """The changes in words, for a message."""
        parts = []
        if self.fields:
            parts.append(
                _("fields: %(names)s") % {"names": ", ".join(change.label for change in self.fields)}
            )
        parts += [str(change) for change in self.rows]
        parts += [str(change) for change in self.links]
        return "; ".join(parts) if parts else _("no change")


def _field_changes(model, old, new, labels: Labels, skip=()) -> list[FieldChange]:
    changes = []
    for field in compared_fields(model, skip):
        before = getattr(old, field.attname, None) if old is not None else None
        after = getattr(new, field.attname, None) if new is not None else None
        if (is_empty(before) and is_empty(after)) or before == after:
            continue
        old_text, new_text = labels.value(field, before), labels.value(field, after)
        if old_text == new_text:
            continue  # a difference no reader sees (a publish date's microseconds, which a form drops)
        changes.append(FieldChange(label_of(field), old_text, new_text))
    return changes


def _link_changes(model, old: dict | None, new: dict | None, labels: Labels) -> list[LinkChange]:
    if old is None or new is None:
        return []
    changes = []
    for field in history.link_fields(model):
        before, after = set(old.get(field.name, [])), set(new.get(field.name, []))
        if before == after:
            continue
        changes.append(
            LinkChange(
                label_of(field),
                labels.of(field.related_model, sorted(after - before)),
                labels.of(field.related_model, sorted(before - after)),
            )
        )
    return changes


def row_label(entry) -> str:
    """A row's own label as its history entry gives it ("Jürgen Landgrebe (moderator)")."""
    try:
        return str(entry.instance)
    except models.ObjectDoesNotExist:
        return f"#{entry.id}"


def diff(old: Snapshot | None, new: Snapshot, labels: Labels | None = None) -> Changes:
    """What changed from ``old`` (None: nothing before) to ``new``."""
    labels = labels or Labels()
    model = new.model
    old_entry = old.entry if old is not None and old.exists else None
    new_entry = new.entry if new.exists else None
    changes = Changes(fields=_field_changes(model, old_entry, new_entry, labels), rows=[], links=[])
    old_links = old.links if old is not None and old_entry is not None else {}
    new_links = new.links if new_entry is not None else {}
    changes.links = _link_changes(model, old_links, new_links, labels)
    changes.links_unknown = old_links is None or new_links is None
    for row_model, rows in new.rows.items():
        before = old.rows.get(row_model, {}) if old is not None else {}
        fk = record_of_row(row_model)
        skip = (fk.name,) if fk else ()
        kind = label_of(row_model._meta)
        for pk in sorted(set(before) | set(rows)):
            was, now = before.get(pk), rows.get(pk)
            if was is None:
                changes.rows.append(RowChange("added", kind, row_label(now), [], []))
            elif now is None:
                changes.rows.append(RowChange("removed", kind, row_label(was), [], []))
            else:
                fields = _field_changes(row_model, was, now, labels, skip)
                links = _link_changes(row_model, was.history_links, now.history_links, labels)
                if fields or links:
                    changes.rows.append(RowChange("changed", kind, row_label(now), fields, links))
    return changes


# Restoring ----------------------------------------------------------------------------------------


def _check_targets(target: models.Model, entry, kind: str) -> None:
    """Refuse, naming it, a restored value that points at a record deleted since."""
    for field in target._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        value = getattr(entry, field.attname)
        if value is None or field.related_model._base_manager.filter(pk=value).exists():
            continue
        raise RestoreError(
            _("%(row)s cannot be restored: the %(model)s it names (#%(id)s) was deleted since.")
            % {"row": kind, "model": field.related_model._meta.verbose_name, "id": value}
        )


def _restore_fields(target: models.Model, entry, skip=()) -> None:
    # The untranslated column follows the default language's (modeltranslation); it is not set.
    fields = target._meta.concrete_fields
    translated = {field.translated_field.name for field in fields if hasattr(field, "translated_field")}
    for field in fields:
        if (
            field.primary_key
            or isinstance(field, models.GeneratedField)
            or field.name in {*skip, *translated}
        ):
            continue
        setattr(target, field.attname, getattr(entry, field.attname))


def _restore_links(target: models.Model, links: dict | None) -> None:
    if links is None:
        return
    for field in history.link_fields(type(target)):
        wanted = links.get(field.name, [])
        existing = field.related_model._base_manager.filter(pk__in=wanted).values_list("pk", flat=True)
        getattr(target, field.name).set(sorted(existing))


def restore_version(record, version: Version | Snapshot, *, by, reason: str | None = None) -> Changes:
    """Make ``record`` what ``version`` was (fields, rows, links) as ``by``; see the module's text."""
    snapshot = version.snapshot if isinstance(version, Version) else version
    if reason is None:
        reason = revert_reason(version) if isinstance(version, Version) else _("Reverted in the admin.")
    if not snapshot.exists:
        raise RestoreError(_("This version has no record to restore."))
    # The status and publish date kept are the stored ones, whatever the caller's copy says.
    record.refresh_from_db(fields=[name for name in ("status", "published_at") if hasattr(record, name)])
    current = version_snapshot(record, datetime.datetime.max.replace(tzinfo=datetime.UTC))
    labels = Labels()
    try:
        with history.one_version(), transaction.atomic():
            _check_targets(record, snapshot.entry, str(record))
            _restore_fields(record, snapshot.entry, skip=KEPT_ON_RESTORE)
            workflow.save_record(record=record, by=by, reason=reason)
            for row_model, rows in snapshot.rows.items():
                fk = record_of_row(row_model)
                for row in row_model._base_manager.filter(**{fk.attname: record.pk}).exclude(
                    pk__in=list(rows)
                ):
                    workflow.delete_record(record=row, by=by, reason=reason)
                stored = row_model._base_manager.in_bulk(list(rows))
                for pk, entry in sorted(rows.items()):
                    row = stored.get(pk)
                    if row is None:
                        row = row_model(pk=pk)
                        row._state.adding = True
                    _check_targets(row, entry, f"{label_of(row_model._meta)}: {row_label(entry)}")
                    _restore_fields(row, entry, skip=("created_at", "updated_at"))
                    workflow.save_record(record=row, by=by, reason=reason)
                    _restore_links(row, entry.history_links)
            _restore_links(record, snapshot.links)
    except IntegrityError as error:
        raise RestoreError(
            _("This version cannot be restored as it is: %(error)s") % {"error": str(error).splitlines()[0]}
        ) from error
    record.refresh_from_db()
    restored = version_snapshot(record, datetime.datetime.max.replace(tzinfo=datetime.UTC))
    return diff(current, restored, labels)


# The atlas-wide change list -----------------------------------------------------------------------


def describe_row_entries(entries: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[models.Model, str]]:
    """For history entries of rows, given as ``(model label, history id)``: the record each row
    hangs on and the row's readable label ("Speaker: Jürgen Landgrebe (moderator)")."""
    by_model = defaultdict(list)
    for label, history_id in entries:
        by_model[label].append(history_id)
    described = {}
    for label, ids in by_model.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        fk = record_of_row(model)
        if fk is None:
            continue
        found = list(model.history.filter(history_id__in=ids))
        parents = fk.related_model._base_manager.in_bulk({getattr(entry, fk.attname) for entry in found})
        for entry in found:
            parent = parents.get(getattr(entry, fk.attname))
            described[(label, entry.history_id)] = (
                parent,
                f"{label_of(model._meta)}: {row_label(entry)}",
            )
    return described
