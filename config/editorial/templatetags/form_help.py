"""The help a long admin form gives: an error summary that names and links every error, and the
list of its sections (fieldsets and inline groups) with their error counts.

``{% form_help as help %}`` in ``templates/admin/change_form.html`` reads the change form's own
context (``adminform``, ``inline_admin_formsets``), so it serves every admin change form, the
history's version pages included. Everything is rendered on the server: the summary and the jump
list work without JavaScript; ``static/editorial/form_help.js`` only moves the focus, opens what
hides an error and collapses long groups.
"""

from dataclasses import dataclass, field

from django import template
from django.contrib.admin.utils import flatten, flatten_fieldsets
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()

# An inline group with more rows than this starts collapsed, unless one of its rows has an error.
COLLAPSE_ROWS = 5
# A form with fewer sections than this needs no jump list.
JUMP_LIST_SECTIONS = 3
SEPARATOR = " › "


@dataclass
class Problem:
    """One error as the summary shows it: where (the section's and the field's words), what, and the
    anchor of the element it is about."""

    where: str
    message: str
    anchor: str


@dataclass
class Section:
    """A fieldset or an inline group of the form, as the jump list shows it."""

    name: str
    anchor: str
    errors: int = 0
    rows: int | None = None  # an inline group's rows
    collapsed: bool = False  # starts collapsed (a long inline group without errors)


@dataclass
class FormHelp:
    problems: list[Problem] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def jump_list(self) -> bool:
        return len(self.sections) >= JUMP_LIST_SECTIONS


def field_label(form, name: str) -> str:
    if name in form.fields:
        label = form.fields[name].label
        return str(capfirst(label)) if label else str(capfirst(name.replace("_", " ")))
    return str(capfirst(name.replace("_", " ")))


def field_anchor(form, name: str, fallback: str) -> str:
    """The id of the field's widget, or ``fallback`` for a field the form does not show."""
    if name in form.fields and not form.fields[name].widget.is_hidden:
        return form[name].auto_id or fallback
    return fallback


def messages_of(errors) -> list[str]:
    return [str(message) for message in errors]


def field_problems(form, names, where: list[str], anchor: str) -> list[Problem]:
    """The errors of the fields ``names`` of ``form``, in that order."""
    problems = []
    for name in names:
        for message in messages_of(form.errors.get(name, ())):
            path = SEPARATOR.join([*where, field_label(form, name)])
            problems.append(Problem(path, message, field_anchor(form, name, anchor)))
    return problems


def form_problems(form, names, where: list[str], anchor: str) -> list[Problem]:
    """All the errors of ``form``: its non-field errors (at ``anchor``), then each field's, in
    ``names`` order, then any other field's."""
    problems = [
        Problem(SEPARATOR.join(where), message, anchor) for message in messages_of(form.non_field_errors())
    ]
    others = [name for name in form.errors if name not in names and name != NON_FIELD_ERRORS]
    return problems + field_problems(form, [*names, *others], where, anchor)


@register.simple_tag(takes_context=True)
def form_help(context) -> FormHelp:
    """The error summary and the sections of the change form in ``context``."""
    help_ = FormHelp()
    adminform = context.get("adminform")
    if adminform is None:
        return help_
    form = adminform.form
    record = str(capfirst(form._meta.model._meta.verbose_name))
    first_anchor = "form-section-0"
    shown = []
    for index, (name, options) in enumerate(adminform.fieldsets):
        names = [field_name for field_name in flatten(options["fields"]) if isinstance(field_name, str)]
        shown += names
        section = Section(str(name) if name else record, f"form-section-{index}")
        if form.is_bound:
            problems = field_problems(form, names, [section.name], section.anchor)
            help_.problems += problems
            section.errors = len(problems)
        help_.sections.append(section)
    if form.is_bound:
        # The form's own errors, and those of fields no fieldset shows (a hidden one, say), first.
        unshown = [name for name in form.errors if name not in shown and name != NON_FIELD_ERRORS]
        general = [
            Problem(record, message, first_anchor) for message in messages_of(form.non_field_errors())
        ] + field_problems(form, unshown, [record], first_anchor)
        help_.problems[:0] = general
        if help_.sections:
            help_.sections[0].errors += len(general)

    for inline_admin_formset in context.get("inline_admin_formsets") or ():
        formset = inline_admin_formset.formset
        opts = inline_admin_formset.opts
        name = str(capfirst(opts.verbose_name_plural if formset.max_num != 1 else opts.verbose_name))
        section = Section(name, f"{formset.prefix}-group", rows=len(formset.forms))
        if formset.is_bound:
            for message in messages_of(formset.non_form_errors()):
                help_.problems.append(Problem(name, message, section.anchor))
                section.errors += 1
            names = flatten_fieldsets(inline_admin_formset.fieldsets)
            for number, row_form in enumerate(formset.forms, start=1):
                if not row_form.errors:
                    continue
                where = [name, _("row %(number)d") % {"number": number}]
                problems = form_problems(row_form, names, where, f"{formset.prefix}-{number - 1}")
                help_.problems += problems
                section.errors += len(problems)
        section.collapsed = section.rows > COLLAPSE_ROWS and not section.errors
        help_.sections.append(section)
    return help_
