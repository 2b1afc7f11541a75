"""Form fields for partial dates, typed as people write them ("October 2025", "28–29 August 2024").

A partial date is two model fields, ``<name>_date`` and ``<name>_precision`` (``config.framework.dates``).
``partial_date_form()`` turns a ModelForm's date into one text field read by ``parse_period`` /
``parse_partial_date``, which sets both: the precision is what the editor typed, never a separate
choice. A period's start may take a whole period ("28–29 August 2024") and fill its end.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from config.framework.dates import PartialDate, Precision, editable, parse_partial_date, parse_period
from config.framework.models import Dated, Period

DATE_HELP = _("As you would write it: 2025, October 2025, 28 October 2025, 28.10.2025, 2025年10月28日.")
PERIOD_HELP = _(
    "As you would write it: 2025, October 2025, 28 October 2025, 28.10.2025, 2025年10月28日 — "
    "or the whole period: 28–29 August 2024, 2023–2024."
)


class PartialDateField(forms.Field):
    """A partial date typed as text; its value is a ``PartialDate`` (or, for a period's start that
    takes a period, a pair of them)."""

    widget = forms.TextInput(attrs={"size": 24, "autocomplete": "off", "spellcheck": "false"})

    def __init__(self, *, allow_period: bool = False, **kwargs):
        self.allow_period = allow_period
        kwargs.setdefault("help_text", PERIOD_HELP if allow_period else DATE_HELP)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return editable(value)
        if isinstance(value, datetime.date):
            return editable(PartialDate(value))
        return value

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if self.allow_period:
            start, end = parse_period(text)
            return start if end is None else (start, end)
        return parse_partial_date(text)

    def has_changed(self, initial, data):
        try:
            value = self.to_python(data)
        except ValidationError:
            return True
        if isinstance(initial, datetime.date):
            initial = PartialDate(initial)
        return value != (initial or None)


def partial_date_pairs(model) -> list[tuple[str, str]]:
    """The (date, precision) model fields of ``model``'s partial dates, a period's start first."""
    if issubclass(model, Period):
        return [("start_date", "start_precision"), ("end_date", "end_precision")]
    if issubclass(model, Dated):
        return [("date", "date_precision")]
    return []


def partial_date_form(form_class):
    """``form_class`` (a ModelForm) with each partial date of its model typed in one text field.

    The precision fields, if the form has them, are hidden: what the editor types sets them. A
    period's start may take a period and fill the end, unless the end was changed to another date.
    """
    pairs = partial_date_pairs(form_class._meta.model)
    if not pairs:
        return form_class

    class PartialDateForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for date_name, precision_name in pairs:
                field = self.fields.get(date_name)
                if field is None or field.disabled:
                    continue
                options = {"help_text": field.help_text} if field.help_text else {}
                self.fields[date_name] = PartialDateField(
                    allow_period=date_name == "start_date",
                    label=field.label,
                    required=field.required,
                    **options,
                )
                initial = self.initial.get(date_name)
                if isinstance(initial, datetime.date):
                    precision = self.initial.get(precision_name) or getattr(self.instance, precision_name)
                    self.initial[date_name] = PartialDate(initial, precision or Precision.DAY)
                if precision_name in self.fields:
                    self.fields[precision_name].widget = forms.HiddenInput()
                    self.fields[precision_name].required = False

        def clean(self):
            cleaned_data = super().clean()
            values = {}
            for date_name, _precision_name in pairs:
                if isinstance(self.fields.get(date_name), PartialDateField) and date_name not in self.errors:
                    values[date_name] = cleaned_data.get(date_name)
            if isinstance(values.get("start_date"), tuple):
                values["start_date"], period_end = values["start_date"]
                end = values.get("end_date")
                if end is None or end == period_end or "end_date" not in self.changed_data:
                    values["end_date"] = period_end
                else:
                    self.add_error(
                        "end_date",
                        _(
                            "The start gives the end as %(period_end)s: "
                            "leave the end empty or make the two agree."
                        )
                        % {"period_end": period_end},
                    )
            for date_name, precision_name in pairs:
                if date_name not in values:
                    continue
                value = values[date_name]
                date, precision = (value.date, value.precision) if value else (None, Precision.DAY)
                cleaned_data[date_name] = date
                if precision_name in self.fields:
                    cleaned_data[precision_name] = precision
                # Set on the instance too: a form may show the date without its precision field.
                setattr(self.instance, date_name, date)
                setattr(self.instance, precision_name, precision)
            return cleaned_data

    PartialDateForm.__name__ = form_class.__name__
    return PartialDateForm
