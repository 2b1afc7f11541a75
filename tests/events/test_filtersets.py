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


@pytest.mark.parametrize(
    ("start", "precision", "end", "end_precision", "upcoming"),
    [
        (D(2026, 11, 1), "month", None, "day", True),  # "November 2026", seen on 22 November 2026
        (D(2026, 10, 1), "month", None, "day", False),
        (D(2026, 1, 1), "year", None, "day", True),  # "2026"
        (D(2025, 1, 1), "year", None, "day", False),
        (D(2026, 11, 21), "day", None, "day", False),
        (D(2026, 11, 22), "day", None, "day", True),
        (D(2023, 4, 1), "month", D(2026, 1, 1), "year", True),  # "April 2023 – 2026"
        (D(2023, 4, 1), "month", D(2026, 10, 1), "month", False),
    ],
)
def test_event_upcoming_and_past_respect_date_precision(start, precision, end, end_precision, upcoming):
    event = factories.EventFactory(
        start_date=start, start_precision=precision, end_date=end, end_precision=end_precision
    )
    today = D(2026, 11, 22)

    assert (list(Event.objects.upcoming(today)), list(Event.objects.past(today))) == (
        ([event], []) if upcoming else ([], [event])
    )


def test_event_without_a_date_is_neither_upcoming_nor_past():
    factories.EventFactory(start_date=None)

    assert (list(Event.objects.upcoming()), list(Event.objects.past())) == ([], [])


@pytest.mark.parametrize("count", [1, 3, 5, 20])
def test_soonest_is_the_upcoming_list_in_date_order_cut_to_its_length(count):
    today = D(2026, 11, 22)
    dates = [
        (D(2026, 1, 1), "year", None, "day"),  # running: "2026"
        (D(2023, 4, 1), "month", D(2026, 1, 1), "year"),  # running: "April 2023 – 2026"
        (D(2026, 11, 1), "month", None, "day"),  # running: "November 2026"
        (D(2026, 11, 22), "day", None, "day"),  # today
        (D(2026, 11, 22), "day", None, "day"),  # today too: the id breaks the tie
        (D(2026, 12, 1), "day", None, "day"),
        (D(2027, 1, 1), "year", None, "day"),
        (D(2026, 11, 21), "day", None, "day"),  # over yesterday
        (D(2025, 1, 1), "year", None, "day"),  # over
    ]
    for start, precision, end, end_precision in dates:
        factories.EventFactory(
            start_date=start, start_precision=precision, end_date=end, end_precision=end_precision
        )
    factories.EventFactory(start_date=D(2026, 12, 2), status=Status.DRAFT)
    visible = Event.objects.visible_to(None)

    expected = list(visible.upcoming(today).order_by("start_date", "id")[:count])
    assert visible.soonest(count, today) == expected
    assert len(expected) == min(count, 7)
