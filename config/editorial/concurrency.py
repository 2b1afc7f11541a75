"""Editing at the same time: no save overwrites a change its editor has not seen.

Every admin change form carries the version of the record it was loaded from (a signed token in a
hidden field): a digest over the record's ``updated_at``, its many-to-many links shown on the form
and the ``(model, pk, updated_at)`` of the rows of every inline the page shows, with the time it was
read and the links as read (the base of a merge; the history keeps no links). A save checks it with
the record and those rows locked (``select_for_update``) inside the save's transaction, so of two
simultaneous saves of one version only the first passes: the second waits for the lock and then
finds the version changed.

A stale save writes nothing. The form is shown again with what the editor sent, merged with the
other change (a three-way merge against the version the page was loaded from, read from the
history): a field only the other person changed takes their value; a field both changed keeps the
editor's value and is listed with theirs beside it and a "Use theirs" button (``conflicts.js``); a
row deleted meanwhile leaves the form (saving it again would fail on the missing row) and is named.
The panel lists what the others changed since the page was read, from the history of the record
and its rows. The form carries the new version, so a second save after the review succeeds.

A form sent without a token (a script's, or a page loaded before this check existed) is saved as
before: only a page that says which version it shows can be checked.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.forms import (
    CheckboxInput,
    FileField,
    FileInput,
    ModelChoiceField,
    ModelMultipleChoiceField,
    MultiWidget,
)
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import NotRegistered, translator

from config.framework.dates import PartialDate, editable
from config.framework.forms import partial_date_pairs

logger = logging.getLogger(__name__)

TOKEN_FIELD = "_concurrency_token"
SALT = "config.editorial.concurrency"
# Columns every save moves or nobody edits: never a "change" worth showing.
UNSHOWN_FIELDS = {"updated_at", "created_at", "id", "search_vector"}
EMPTY = gettext_lazy("(empty)")


@dataclass
class Version:
    """What a change form was loaded from: the digest, when it was read, the links as read."""

    digest: str
    read_at: datetime.datetime
    links: dict[str, list] = field(default_factory=dict)

    def token(self) -> str:
        payload = {"d": self.digest, "t": self.read_at.isoformat(), "l": self.links}
        return signing.dumps(payload, salt=SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> Version | None:
        try:
            payload = signing.loads(token, salt=SALT)
            return cls(payload["d"], datetime.datetime.fromisoformat(payload["t"]), payload.get("l") or {})
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None


def parent_link(inline, parent_model) -> models.ForeignKey:
    """The foreign key by which ``inline``'s rows hang on ``parent_model``."""
    return next(
        field
        for field in inline.model._meta.concrete_fields
        if field.many_to_one
        and field.remote_field.model is parent_model
        and (inline.fk_name is None or field.name == inline.fk_name)
    )


def link_names(model_admin, request, obj) -> list[str]:
    """The many-to-many fields of the record that its change form shows."""
    shown = set(flatten_fieldsets(model_admin.get_fieldsets(request, obj)))
    return sorted(field.name for field in obj._meta.many_to_many if field.name in shown)


def read_version(model_admin, request, obj, *, lock: bool = False) -> Version:
    """The version of ``obj`` and the rows its change form shows, as stored now.

    With ``lock`` (inside the save's transaction) the rows are locked as they are read, so that no
    other writer changes them between this check and the save."""
    read_at = timezone.now()
    model = type(obj)
    record = model._base_manager.filter(pk=obj.pk)
    if lock:
        record = record.select_for_update(of=("self",))
    updated_at = record.values_list("updated_at", flat=True).first()
    parts = [f"{model._meta.label}:{obj.pk}:{updated_at.isoformat() if updated_at else '-'}"]
    links = {}
    for name in link_names(model_admin, request, obj):
        links[name] = sorted(getattr(obj, name).order_by().values_list("pk", flat=True))
        parts.append(f"{name}:{','.join(map(str, links[name]))}")
    for inline in model_admin.get_inline_instances(request, obj):
        link = parent_link(inline, model)
        rows = inline.model._base_manager.filter(**{link.name: obj.pk}).order_by("pk")
        if lock:
            rows = rows.select_for_update(of=("self",))
        parts.extend(
            f"{inline.model._meta.label}:{pk}:{stamp.isoformat()}"
            for pk, stamp in rows.values_list("pk", "updated_at")
        )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return Version(digest, read_at, links)


# Values as a form holds them and as a browser sends them ----------------------------------------


def comparable(value):
    """A model_to_dict value in a form that compares by content (related records by their key)."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, set)):
        return sorted((comparable(item) for item in value), key=str)
    return value


def record_values(obj, names, links=None) -> dict:
    """``obj``'s values of the form fields ``names``; ``links`` replaces its stored many-to-many."""
    concrete = [name for name in names if name not in (links or {})]
    values = {name: comparable(value) for name, value in model_to_dict(obj, fields=concrete).items()}
    for name, pks in (links or {}).items():
        if name in names:
            values[name] = sorted(pks, key=str)
    # A partial date is its date and its precision (a form shows and compares them as one).
    for date_name, precision_name in partial_date_pairs(getattr(obj, "instance_type", type(obj))):
        if values.get(date_name) is not None:
            values[date_name] = PartialDate(values[date_name], getattr(obj, precision_name))
    return values


def _unwrap(widget):
    while isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    return widget


def widget_data(widget, name: str, value) -> dict[str, list[str]]:
    """What a browser sends for a field named ``name`` that shows ``value`` (a prepared value)."""
    widget = _unwrap(widget)
    if isinstance(widget, MultiWidget):
        values = value if isinstance(value, (list, tuple)) else widget.decompress(value)
        data = {}
        for suffix, sub_widget, sub_value in zip(widget.widgets_names, widget.widgets, values, strict=False):
            data.update(widget_data(sub_widget, name + suffix, sub_value))
        return data
    if isinstance(widget, CheckboxInput):
        return {name: ["on"] if widget.check_test(value) else []}
    formatted = widget.format_value(value)
    if isinstance(formatted, (list, tuple)):
        return {name: [str(item) for item in formatted]}
    return {name: ["" if formatted is None else str(formatted)]}


def field_data(form_field, html_name: str, value) -> dict[str, list[str]] | None:
    """``widget_data`` of a form field showing the model value ``value``, or None when the browser's
    data cannot carry it (a file) or would not read back as ``value``."""
    if isinstance(form_field, FileField) or isinstance(_unwrap(form_field.widget), FileInput):
        return None
    data = widget_data(form_field.widget, html_name, form_field.prepare_value(value))
    query = _querydict(data)
    try:
        if form_field.has_changed(value, form_field.widget.value_from_datadict(query, {}, html_name)):
            return None
    except (ValidationError, TypeError, ValueError):
        return None
    return data


def _querydict(data: dict[str, list[str]]):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def option_labels(form_field, values) -> dict[str, str]:
    """The labels of the chosen records of a relation field (an autocomplete lists only chosen ones)."""
    if not isinstance(form_field, (ModelChoiceField, ModelMultipleChoiceField)):
        return {}
    keys = [item for item in values if item not in ("", None)]
    if not keys:
        return {}
    return {
        str(record.pk): form_field.label_from_instance(record)
        for record in form_field.queryset.model._base_manager.filter(pk__in=keys)
    }


def show(value) -> str:
    """A value as the panel shows it."""
    if value in (None, "", [], ()):
        return str(EMPTY)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return ", ".join(show(item) for item in value) or str(EMPTY)
    if isinstance(value, PartialDate):
        return editable(value)
    if isinstance(value, datetime.datetime):
        return localize(timezone.localtime(value) if timezone.is_aware(value) else value)
    if isinstance(value, datetime.date):
        return localize(value)
    return str(value)


def model_value(model, name: str, value) -> str:
    """A stored value of ``model``'s field ``name`` in words: a choice's label, a record's name."""
    try:
        model_field = model._meta.get_field(name)
    except models.FieldDoesNotExist:
        return show(value)
    if model_field.choices and value not in (None, ""):
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.many_to_one or model_field.one_to_one:
        if value in (None, ""):
            return str(EMPTY)
        value = value.pk if isinstance(value, models.Model) else value
        related = model_field.remote_field.model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if model_field.many_to_many:
        keys = [item.pk if isinstance(item, models.Model) else item for item in value or []]
        related = model_field.remote_field.model._base_manager.filter(pk__in=keys)
        return show(sorted(str(item) for item in related))
    if isinstance(model_field, models.FileField):
        return str(value) if value else str(EMPTY)
    return show(value)


def form_value(form_field, data, files, html_name) -> str:
    """What the editor sent for a field, in words."""
    raw = form_field.widget.value_from_datadict(data, files, html_name)
    try:
        value = form_field.clean(raw)
    except ValidationError:
        return show(raw)
    if isinstance(form_field, (ModelChoiceField, ModelMultipleChoiceField)):
        return show(list(value) if isinstance(value, models.QuerySet) else value)
    choices = dict(getattr(form_field, "flat_choices", None) or _flat(getattr(form_field, "choices", ())))
    if choices and not isinstance(value, (list, tuple)):
        return str(choices.get(value, value)) if value not in (None, "") else str(EMPTY)
    return show(value)


def _flat(choices):
    for key, label in choices or ():
        if isinstance(label, (list, tuple)):
            yield from label
        else:
            yield key, label


def who(user) -> str:
    if user is None:
        return _("someone (not signed in)")
    return user.get_full_name() or user.get_username()


# The other person's changes, from the history ------------------------------------------------


@dataclass
class Change:
    """One history entry since the page was read, in words."""

    user: str
    date: datetime.datetime
    summary: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    of_record: bool = False


def history_changes(model_admin, request, obj, since, links_then, links_now) -> list[Change]:
    """What was written to ``obj`` and the rows its page shows after ``since``, oldest first."""
    changes = []
    model = type(obj)
    for entry in obj.history.filter(history_date__gt=since).select_related("history_user"):
        changes.append(_change(model, entry, obj._meta.verbose_name, str(obj)))
        changes[-1].of_record = True
    for inline in model_admin.get_inline_instances(request, obj):
        link = parent_link(inline, model)
        entries = inline.model.history.filter(**{link.attname: obj.pk}, history_date__gt=since)
        for entry in entries.select_related("history_user"):
            changes.append(_change(inline.model, entry, inline.model._meta.verbose_name, str(entry.instance)))
    changes.sort(key=lambda change: change.date)
    moved = []
    for name, now in links_now.items():
        then = links_then.get(name, [])
        if sorted(then, key=str) != sorted(now, key=str):
            label = capfirst(model._meta.get_field(name).verbose_name)
            moved.append((label, model_value(model, name, then), model_value(model, name, now)))
    if moved:
        of_record = [change for change in changes if change.of_record]
        if of_record:
            of_record[-1].fields.extend(moved)
        else:
            changes.append(Change("", timezone.now(), _("Links changed"), moved, of_record=True))
    return changes


def translated_originals(model) -> set[str]:
    """The fields of ``model`` kept once per language: the history shows their language columns
    (``title_en``), not the original column that mirrors one of them."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _change(model, entry, kind, label) -> Change:
    user = who(entry.history_user)
    kind = capfirst(kind)
    if entry.history_type == "+":
        summary = _("%(kind)s “%(label)s” added") % {"kind": kind, "label": label}
        fields = []
    elif entry.history_type == "-":
        summary = _("%(kind)s “%(label)s” deleted") % {"kind": kind, "label": label}
        fields = []
    else:
        summary = _("%(kind)s “%(label)s” changed") % {"kind": kind, "label": label}
        fields = []
        previous = entry.prev_record
        if previous is not None:
            delta = entry.diff_against(previous, excluded_fields=UNSHOWN_FIELDS | translated_originals(model))
            for change in delta.changes:
                if change.old in (None, "") and change.new in (None, ""):
                    continue
                fields.append(
                    (
                        capfirst(model._meta.get_field(change.field).verbose_name),
                        model_value(model, change.field, change.old),
                        model_value(model, change.field, change.new),
                    )
                )
    return Change(user, entry.history_date, summary, fields)


# Refusing a stale save -----------------------------------------------------------------------


@dataclass
class Conflict:
    """A stale save, refused: what the others changed and how the re-shown form merges it."""

    model_name: str
    users: list[str]
    changes: list[Change]
    merged: list[str] = field(default_factory=list)  # fields that took their value
    conflicts: list[dict] = field(default_factory=list)  # fields both changed: theirs and yours
    dropped: list[str] = field(default_factory=list)  # rows deleted meanwhile, left out of the form

    @property
    def form_error(self) -> str:
        return _(
            "Nothing was saved: this %(model)s was changed after you opened this page. "
            "See what changed above."
        ) % {"model": self.model_name}

    @property
    def message(self) -> str:
        return _(
            "%(users)s saved this %(model)s after you opened this page, so nothing was saved. "
            "Their changes are listed below: check them, then save again."
        ) % {"users": self.who, "model": self.model_name}

    @property
    def who(self) -> str:
        return ", ".join(self.users) if self.users else _("Someone")


def _base_rows(model, pks, since):
    """Each row of ``pks`` as it was at ``since`` (its latest history entry then), by key."""
    history = model.history.filter(id__in=pks, history_date__lte=since).order_by("id", "-history_date")
    return {entry.id: entry.instance for entry in history.distinct("id") if entry.history_type != "-"}


def merge_form(form_class, data, files, prefix, current, base_values, *, label_prefix="") -> dict:
    """Three-way merge of one form's data: returns ``{"merged": [...], "conflicts": [...]}`` and
    writes the other side's values of the fields only they changed into ``data``."""
    result = {"merged": [], "conflicts": []}
    form = form_class(data=data, files=files, instance=current, prefix=prefix)
    names = [name for name in form.fields if _is_model_field(current, name)]
    current_values = record_values(current, names)
    if base_values is None:
        return result
    theirs = {name for name in names if name in base_values and base_values[name] != current_values[name]}
    if not theirs:
        return result
    for name in sorted(theirs, key=names.index):
        form_field = form.fields[name]
        html_name = form.add_prefix(name)
        if form_field.disabled:
            continue
        sent = form_field.widget.value_from_datadict(data, files, html_name)
        try:
            ours = form_field.has_changed(base_values[name], sent)
            same_as_theirs = not form_field.has_changed(current_values[name], sent)
        except (ValidationError, TypeError, ValueError):
            ours, same_as_theirs = True, False
        label = f"{label_prefix}{capfirst(form_field.label or name)}"
        if same_as_theirs:
            continue
        theirs_data = field_data(form_field, html_name, current_values[name])
        if not ours and theirs_data is not None:
            for key, values in theirs_data.items():
                data.setlist(key, values)
            result["merged"].append(label)
            continue
        values = [value for values in (theirs_data or {}).values() for value in values]
        result["conflicts"].append(
            {
                "label": label,
                "theirs": model_value(type(current), name, current_values[name]),
                "yours": form_value(form_field, data, files, html_name),
                "data": json.dumps(
                    {"fields": theirs_data, "labels": option_labels(form_field, values)}, ensure_ascii=False
                )
                if theirs_data is not None
                else "",
            }
        )
    return result


def _is_model_field(obj, name) -> bool:
    try:
        model_field = obj._meta.get_field(name)
    except models.FieldDoesNotExist:
        return False
    return model_field.editable and not model_field.auto_created


def refuse_stale(model_admin, request, obj, sent: Version | None, now: Version):
    """The conflict of a stale save of ``obj`` and the form data to show again (merged, with the
    current version's token)."""
    data = request.POST.copy()
    files = request.FILES
    since = sent.read_at if sent else timezone.now()
    changes = history_changes(model_admin, request, obj, since, sent.links if sent else {}, now.links)
    users = list(dict.fromkeys(change.user for change in changes if change.user))
    conflict = Conflict(str(obj._meta.verbose_name), users, changes)

    if sent is not None:
        fieldsets = model_admin.get_fieldsets(request, obj)
        form_class = model_admin.get_form(request, obj, change=True, fields=flatten_fieldsets(fieldsets))
        base_record = obj.history.filter(history_date__lte=since).order_by("-history_date").first()
        if base_record is not None and base_record.history_type != "-":
            names = [name for name in form_class.base_fields if _is_model_field(obj, name)]
            base_values = record_values(base_record.instance, names, sent.links)
            merged = merge_form(form_class, data, files, None, obj, base_values)
            conflict.merged += merged["merged"]
            conflict.conflicts += merged["conflicts"]

    for inline in model_admin.get_inline_instances(request, obj):
        formset_class = inline.get_formset(request, obj)
        prefix = formset_class.get_default_prefix()
        _merge_rows(inline, formset_class, prefix, data, files, obj, since, sent, conflict)

    data[TOKEN_FIELD] = now.token()
    return conflict, data


def _merge_rows(inline, formset_class, prefix, data, files, obj, since, sent, conflict):
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", ""))
    except ValueError:
        return
    pk_name = inline.model._meta.pk.name
    link = parent_link(inline, type(obj))
    sent_pks = {}
    for index in range(min(initial, total)):
        key = data.get(f"{prefix}-{index}-{pk_name}")
        try:
            sent_pks[index] = inline.model._meta.pk.to_python(key)
        except ValidationError:
            continue
    rows = {
        row.pk: row
        for row in inline.model._base_manager.filter(**{link.name: obj.pk}, pk__in=sent_pks.values())
    }
    base = _base_rows(inline.model, list(sent_pks.values()), since) if sent is not None else {}
    kind = capfirst(inline.model._meta.verbose_name)
    keep = []
    for index in range(total):
        pk = sent_pks.get(index)
        if index < initial and pk not in rows:
            then = base.get(pk)
            label = str(then) if then is not None else f"#{pk}"
            conflict.dropped.append(_("%(kind)s “%(label)s”") % {"kind": kind, "label": label})
            continue
        keep.append(index)
        row = rows.get(pk)
        if row is None or pk not in base or sent is None:
            continue
        # The history keeps no links: a row's many-to-many fields are left as the editor sent them.
        names = [
            name
            for name in formset_class.form.base_fields
            if _is_model_field(row, name) and not row._meta.get_field(name).many_to_many
        ]
        base_values = record_values(base[pk], names)
        merged = merge_form(
            formset_class.form,
            data,
            files,
            f"{prefix}-{index}",
            row,
            base_values,
            label_prefix=_("%(kind)s “%(label)s”: ") % {"kind": kind, "label": row},
        )
        conflict.merged += merged["merged"]
        conflict.conflicts += merged["conflicts"]
    if len(keep) == total:
        return
    _renumber(data, prefix, keep, kept_initial=sum(1 for index in keep if index < initial))


def _renumber(data, prefix, keep, *, kept_initial):
    """Leave only the forms ``keep`` (old indexes, in order) of formset ``prefix`` in ``data``."""
    start = f"{prefix}-"
    moved = {}
    for key in list(data.keys()):
        if not key.startswith(start):
            continue
        index, _sep, rest = key[len(start) :].partition("-")
        if not index.isdigit() or not rest:
            continue
        values = data.getlist(key)
        del data[key]
        if int(index) in keep:
            moved[f"{start}{keep.index(int(index))}-{rest}"] = values
    for key, values in moved.items():
        data.setlist(key, values)
    data[f"{prefix}-TOTAL_FORMS"] = str(len(keep))
    data[f"{prefix}-INITIAL_FORMS"] = str(kept_initial)


# The admin ------------------------------------------------------------------------------------


class ConcurrencyMixin:
    """A ModelAdmin whose change form saves only onto the version it was loaded from."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method != "POST"
            or object_id is None
            or "_saveasnew" in request.POST
            or TOKEN_FIELD not in request.POST
        ):
            return super().changeform_view(request, object_id, form_url, extra_context)
        with transaction.atomic(using=router.db_for_write(self.model)):
            obj = self._locked_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                return super().changeform_view(request, object_id, form_url, extra_context)
            now = read_version(self, request, obj, lock=True)
            sent = Version.from_token(request.POST[TOKEN_FIELD])
            if sent is not None and sent.digest == now.digest:
                request._concurrency_token = request.POST[TOKEN_FIELD]
                return super().changeform_view(request, object_id, form_url, extra_context)
            conflict, data = refuse_stale(self, request, obj, sent, now)
            logger.info("Stale save of %s %s refused", self.model._meta.label, obj.pk)
            request.POST = data
            request._concurrency_conflict = conflict
            request._concurrency_token = data[TOKEN_FIELD]
            response = super().changeform_view(request, object_id, form_url, extra_context)
            transaction.set_rollback(True)
            return response

    def _locked_object(self, request, object_id):
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return None
        if not self.model._base_manager.select_for_update(of=("self",)).filter(pk=pk).exists():
            return None
        return self.get_object(request, unquote(object_id))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        conflict = getattr(request, "_concurrency_conflict", None)
        if conflict is None:
            return form_class

        class StaleForm(form_class):
            def clean(self):
                cleaned = super().clean()
                self.add_error(None, conflict.form_error)
                return cleaned

        StaleForm.__name__ = form_class.__name__
        return StaleForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and self.has_change_permission(request, obj):
            token = getattr(request, "_concurrency_token", None)
            if token is None:
                token = read_version(self, request, obj).token()
            context["concurrency"] = {
                "field": TOKEN_FIELD,
                "token": token,
                "conflict": getattr(request, "_concurrency_conflict", None),
            }
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )
