import datetime

import pytest
from django.http import QueryDict

from config.framework.visibility import Status
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def days_with(response):
    return {
        day.isoformat(): [event.name for event in events]
        for week in response.context["weeks"]
        for day, _, events in week
        if events
    }


def test_calendar_places_day_precise_events_on_their_days(client):
    workshop = factories.EventFactory(
        name="IKI China Interface Workshop 2024", start_date=D(2024, 8, 28), end_date=D(2024, 8, 29)
    )
    factories.EventFactory(name="Another month", start_date=D(2024, 9, 2))

    response = client.get("/events/calendar/", {"month": "2024-08"})

    assert response.status_code == 200
    assert days_with(response) == {"2024-08-28": [workshop.name], "2024-08-29": [workshop.name]}


def test_calendar_lists_month_precise_events_apart(client):
    shanghai = factories.EventFactory(name="8th Plenary", start_date=D(2024, 5, 1), start_precision="month")

    response = client.get("/events/calendar/", {"month": "2024-05"})

    assert days_with(response) == {}
    assert response.context["loose_events"] == [shanghai]


def test_calendar_event_spanning_months_appears_in_both(client):
    factories.EventFactory(name="Cement workshop", start_date=D(2024, 10, 31), end_date=D(2024, 11, 1))

    october = days_with(client.get("/events/calendar/", {"month": "2024-10"}))
    november = days_with(client.get("/events/calendar/", {"month": "2024-11"}))

    assert (october, november) == ({"2024-10-31": ["Cement workshop"]}, {"2024-11-01": ["Cement workshop"]})


def test_calendar_applies_the_list_filters_and_visibility(client):
    t2d = factories.DialogueFactory(slug="t2d")
    factories.EventFactory(name="WG 2 meeting", dialogue=t2d, start_date=D(2022, 3, 25))
    factories.EventFactory(name="Other dialogue", start_date=D(2022, 3, 25))
    factories.EventFactory(name="Draft", dialogue=t2d, start_date=D(2022, 3, 26), status=Status.DRAFT)

    response = client.get("/events/calendar/", {"month": "2022-03", "dialogue": "t2d"})

    assert days_with(response) == {"2022-03-25": ["WG 2 meeting"]}
    assert dict(QueryDict(response.context["next_query"]).lists()) == {
        "dialogue": ["t2d"],
        "month": ["2022-04"],
    }


@pytest.mark.parametrize("month", ["2024-13", "May 2024", "\x00", "9" * 300])
def test_calendar_refuses_a_malformed_month_with_a_message(client, month):
    response = client.get("/events/calendar/", {"month": month})

    assert response.status_code == 400
    assert "is not a month; write it as YYYY-MM" in response.context["error"]


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "1899-12", "2201-01"])
def test_calendar_refuses_months_outside_the_atlas_years(client, month):
    response = client.get("/events/calendar/", {"month": month})

    assert response.status_code == 400
    assert response.context["error"].endswith("is not a month; write it as YYYY-MM, e.g. 2024-05.")
