"""The rules of events and their rows, as database constraints, and what the event queryset selects."""

import datetime

import pytest

from config.framework.visibility import Status
from events.models import Event
from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

D = datetime.date


# (constraint name, factory, kwargs or a callable that makes them against existing rows)
CASES = [
    (
        "events_event_end_after_start",
        factories.EventFactory,
        {"start_date": D(2024, 8, 29), "end_date": D(2024, 8, 28)},
    ),
    (
        "events_event_end_after_start",
        factories.EventFactory,
        {
            "start_date": D(2024, 8, 1),
            "start_precision": "month",
            "end_date": D(2024, 7, 1),
            "end_precision": "month",
        },
    ),
    (
        "events_event_start_date_aligned",
        factories.EventFactory,
        {"start_date": D(2024, 5, 17), "start_precision": "month"},
    ),
    (
        "events_event_end_date_aligned",
        factories.EventFactory,
        {"end_date": D(2026, 3, 1), "end_precision": "year"},
    ),
    ("events_event_latitude_range", factories.EventFactory, {"latitude": 200, "longitude": 10}),
    ("events_event_longitude_range", factories.EventFactory, {"latitude": 10, "longitude": -181}),
    ("events_event_coordinates_pair", factories.EventFactory, {"latitude": 52.4}),
    ("events_event_number_positive", factories.EventFactory, {"number": 0}),
]


# Unique constraints: a second row with the same key.
UNIQUE_CASES = [
    ("events_session_unique_order", factories.SessionFactory, ("event", "order")),
    (
        "events_eventparticipation_unique",
        factories.EventParticipationFactory,
        ("event", "organisation", "role"),
    ),
    ("events_eventspeaker_unique", factories.EventSpeakerFactory, ("event", "person", "role")),
    ("events_photo_unique_order", factories.PhotoFactory, ("event", "order")),
]


@pytest.mark.parametrize(("constraint", "factory", "fields"), CASES)
def test_database_refuses_row_breaking(constraint, factory, fields):
    values = {name: value() if callable(value) else value for name, value in fields.items()}
    assert_refused(constraint, lambda: factory(**values))


@pytest.mark.parametrize(("constraint", "factory", "key"), UNIQUE_CASES)
def test_database_refuses_duplicate(constraint, factory, key):
    first = factory()
    assert_refused(constraint, lambda: factory(**{name: getattr(first, name) for name in key}))


def test_database_refuses_duplicate_number_in_event_series():
    first = factories.EventFactory(dialogue=factories.DialogueFactory(), kind="plenary", number=8)
    assert_refused(
        "events_event_unique_number_in_series",
        lambda: factories.EventFactory(dialogue=first.dialogue, kind="plenary", number=8),
    )


def test_database_allows_same_number_in_another_series():
    first = factories.EventFactory(dialogue=factories.DialogueFactory(), kind="plenary", number=8)
    second = factories.EventFactory(dialogue=first.dialogue, kind="steering_committee", number=8)
    assert second.pk != first.pk


@pytest.mark.parametrize(
    ("constraint", "factory"),
    [
        ("events_event_not_own_parent", factories.EventFactory),
    ],
)
def test_database_refuses_record_as_its_own_parent(constraint, factory):
    record = factory()
    record.parent_id = record.pk
    assert_refused(constraint, lambda: record.save(update_fields=["parent"]))


def test_database_protects_referenced_person():
    from django.db.models import ProtectedError

    speaker = factories.EventSpeakerFactory()
    with pytest.raises(ProtectedError):
        speaker.person.delete()


# What the event queryset selects: upcoming, past, soonest ------------------------------------------------


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
