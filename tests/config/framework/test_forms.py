"""Partial dates typed as text in a ModelForm (config/framework/forms.py): the precision is what is
typed, the stored value is shown at its precision, a period's start fills its end."""

import datetime

import pytest
from django import forms
from django.utils import translation

from config.framework.dates import PartialDate
from config.framework.forms import PartialDateField, partial_date_form
from dialogues.models import DialogueRole, Publication
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def event_form_class(fields=("start_date", "start_precision", "end_date", "end_precision")):
    return partial_date_form(forms.modelform_factory(Event, fields=fields))


def test_the_form_shows_the_stored_dates_at_their_precision_in_the_interface_language():
    event = factories.EventFactory.build(
        start_date=D(2025, 10, 1), start_precision="month", end_date=D(2025, 10, 28), end_precision="day"
    )
    form = event_form_class()(instance=event)

    shown = {}
    for language in ("en", "de", "zh-hans"):
        with translation.override(language):
            shown[language] = (form["start_date"].value(), form["end_date"].value())
            shown[language] = tuple(
                form.fields["start_date"].prepare_value(value) for value in shown[language]
            )

    assert shown == {
        "en": ("October 2025", "28 October 2025"),
        "de": ("Oktober 2025", "28. Oktober 2025"),
        "zh-hans": ("2025年10月", "2025年10月28日"),
    }
    assert isinstance(form.fields["start_date"], PartialDateField)
    assert form.fields["start_precision"].widget.is_hidden


def test_what_is_typed_sets_the_date_and_its_precision_whatever_the_precision_field_says():
    event = factories.EventFactory.build(start_date=None, end_date=None)
    form = event_form_class()(
        {"start_date": "Okt. 2025", "start_precision": "day", "end_date": "2026", "end_precision": "day"},
        instance=event,
    )

    assert form.is_valid(), form.errors
    assert (event.start_date, event.start_precision, event.end_date, event.end_precision) == (
        D(2025, 10, 1),
        "month",
        D(2026, 1, 1),
        "year",
    )


def test_a_form_without_the_precision_fields_sets_them_too():
    role = factories.DialogueRoleFactory.build(start_date=None, end_date=None)
    form_class = partial_date_form(forms.modelform_factory(DialogueRole, fields=("start_date", "end_date")))
    form = form_class({"start_date": "März 2020", "end_date": "2022"}, instance=role)

    assert form.is_valid(), form.errors
    assert (role.start_date, role.start_precision, role.end_date, role.end_precision) == (
        D(2020, 3, 1),
        "month",
        D(2022, 1, 1),
        "year",
    )


def test_an_unchanged_form_has_no_changed_dates_and_keeps_the_precision():
    event = factories.EventFactory(start_date=D(2025, 10, 1), start_precision="month", end_date=None)
    form_class = event_form_class()
    shown = form_class(instance=event)
    data = {name: shown.fields[name].prepare_value(shown[name].value()) or "" for name in shown.fields}

    form = form_class(data, instance=event)

    assert form.is_valid(), form.errors
    assert form.changed_data == []
    form.save()
    event.refresh_from_db()
    assert (event.start_date, event.start_precision) == (D(2025, 10, 1), "month")


def test_a_period_in_the_start_fills_an_end_left_as_it_was():
    event = factories.EventFactory(start_date=D(2024, 8, 1), end_date=D(2024, 8, 2))
    form = event_form_class()(
        {"start_date": "28–29 August 2024", "start_precision": "day", "end_date": "2 August 2024"},
        instance=event,
    )

    assert form.is_valid(), form.errors
    assert (event.start_date, event.end_date) == (D(2024, 8, 28), D(2024, 8, 29))


def test_a_period_in_the_start_and_another_end_typed_is_an_error_on_the_end():
    event = factories.EventFactory(start_date=D(2024, 8, 1), end_date=D(2024, 8, 2))
    form = event_form_class()(
        {"start_date": "28–29 August 2024", "end_date": "30 August 2024"}, instance=event
    )

    assert not form.is_valid()
    assert form.errors == {
        "end_date": ["The start gives the end as 29 August 2024: leave the end empty or make the two agree."]
    }


def test_the_end_and_a_single_date_take_no_period():
    form_class = partial_date_form(forms.modelform_factory(Publication, fields=("date", "date_precision")))
    form = form_class({"date": "2020–2023"}, instance=factories.PublicationFactory.build())

    assert not form.is_valid()
    assert form.errors == {"date": ["“2020–2023” is a period: only one date goes here."]}


def test_emptying_a_date_clears_it():
    event = factories.EventFactory(start_date=D(2024, 8, 1), start_precision="month", end_date=None)
    form = event_form_class()({"start_date": "  ", "end_date": ""}, instance=event)

    assert form.is_valid(), form.errors
    assert (event.start_date, event.start_precision) == (None, "day")


def test_the_field_compares_what_is_typed_with_the_stored_date():
    field = PartialDateField()

    assert not field.has_changed(PartialDate(D(2025, 10, 1), "month"), "Oktober 2025")
    assert field.has_changed(PartialDate(D(2025, 10, 1), "month"), "2025-10-01")
    assert field.has_changed(None, "10/01/2025")
    assert not field.has_changed(None, "")
