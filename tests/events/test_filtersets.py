"""EventFilterSet, tested directly: each filter, and the parameters it refuses."""

import datetime

import pytest

from config.framework.visibility import Status
from events.filtersets import EventFilterSet
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def filtered(params, queryset=None):
    filterset = EventFilterSet(params, queryset if queryset is not None else Event.objects.all())
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def test_event_filterset_by_country():
    potsdam = factories.EventFactory(country="DE")
    factories.EventFactory(country="CN")

    assert filtered({"country": "DE"}) == [potsdam]


def test_event_filterset_by_dialogue_slug_and_year():
    t2d = factories.DialogueFactory(slug="t2d")
    plenary_2024 = factories.EventFactory(dialogue=t2d, start_date=D(2024, 10, 1))
    factories.EventFactory(dialogue=t2d, start_date=D(2023, 10, 1))
    factories.EventFactory(start_date=D(2024, 5, 1))

    assert filtered({"dialogue": "t2d", "year": "2024"}) == [plenary_2024]


def test_event_filterset_by_several_kinds():
    plenary = factories.EventFactory(kind="plenary", start_date=D(2024, 10, 1))
    side_event = factories.EventFactory(kind="side_event", start_date=D(2024, 11, 1))
    factories.EventFactory(kind="workshop")

    assert filtered({"kind": ["plenary", "side_event"]}) == [side_event, plenary]


def test_event_filterset_by_organisation_without_duplicates():
    uba = factories.OrganisationFactory(slug="uba")
    event = factories.EventFactory()
    factories.EventParticipationFactory(event=event, organisation=uba, role="host")
    factories.EventParticipationFactory(event=event, organisation=uba, role="organiser")

    assert filtered({"organisation": "uba"}) == [event]


def test_event_filterset_upcoming_and_past():
    today = datetime.date.today()
    upcoming = factories.EventFactory(start_date=today + datetime.timedelta(days=30))
    running = factories.EventFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    past = factories.EventFactory(start_date=today - datetime.timedelta(days=30))

    assert set(filtered({"when": "upcoming"})) == {upcoming, running}
    assert filtered({"when": "past"}) == [past]


def test_event_filterset_ordering_is_stable_with_ties():
    events = factories.EventFactory.create_batch(3, start_date=D(2024, 5, 1))

    assert filtered({"ordering": "start"}) == sorted(events, key=lambda event: event.pk)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"kind": "gala"}, "kind"),
        ({"year": "twenty"}, "year"),
        ({"year": "99999"}, "year"),
        ({"dialogue": "no-such-dialogue"}, "dialogue"),
        ({"when": "someday"}, "when"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"ordering": "password"}, "ordering"),
    ],
)
def test_event_filterset_names_the_bad_parameter(params, field):
    filterset = EventFilterSet(params, Event.objects.all())

    assert not filterset.is_valid()
    assert list(filterset.errors) == [field]


def test_event_filterset_does_not_offer_invisible_dialogues(anonymous, rf):
    factories.DialogueFactory(slug="secret", status=Status.DRAFT)
    request = rf.get("/")
    request.user = anonymous

    filterset = EventFilterSet({"dialogue": "secret"}, Event.objects.all(), request=request)

    assert not filterset.is_valid()
