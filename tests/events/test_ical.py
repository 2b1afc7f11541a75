"""One iCalendar writer: the site feed and the API's ``?format=ics`` give an event the same VEVENT."""

import datetime

import icalendar
import pytest

from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def vevents(response) -> list[icalendar.Event]:
    assert (response.status_code, response["Content-Type"]) == (200, "text/calendar; charset=utf-8")
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def plenary():
    return factories.EventFactory(
        slug="t2d-plenary-8",
        name="8th Plenary",
        kind="plenary",
        state="held",
        start_date=D(2024, 5, 1),
        start_precision="month",
        venue="Hotel",
        city="Shanghai",
        country="CN",
        latitude="31.230000",
        longitude="121.470000",
        summary="Ministers and experts met in Shanghai.",
    )


def test_feed_and_api_list_write_the_same_vevent(client, plenary):
    (from_feed,) = vevents(client.get("/events/feed.ics"))
    (from_api,) = vevents(client.get("/api/v1/events/", {"format": "ics"}))

    assert [str(from_api["UID"]), from_api["DTSTART"].dt, str(from_api["SUMMARY"])] == [
        f"event-{plenary.pk}@testserver",
        D(2024, 5, 1),
        "8th Plenary",
    ]
    assert from_api.to_ical() == from_feed.to_ical()


def test_feed_and_api_detail_write_the_same_vevent(client, plenary):
    (from_feed,) = vevents(client.get("/events/feed.ics"))
    (from_detail,) = vevents(client.get("/api/v1/events/t2d-plenary-8/", {"format": "ics"}))

    assert from_detail.to_ical() == from_feed.to_ical()


def test_api_calendar_has_the_feeds_texts(client, plenary):
    (vevent,) = vevents(client.get("/api/v1/events/", {"format": "ics"}))

    assert {name: str(vevent[name]) for name in ("LOCATION", "DESCRIPTION", "STATUS", "URL")} == {
        "LOCATION": "Hotel, Shanghai, China",
        "DESCRIPTION": "Date known to the month: May 2024\n\nMinisters and experts met in Shanghai.",
        "STATUS": "CONFIRMED",
        "URL": "http://testserver/events/t2d-plenary-8/",
    }


def test_api_calendar_uid_is_the_feeds_on_another_port(client, plenary):
    feed = vevents(client.get("/events/feed.ics"))
    api = vevents(client.get("/api/v1/events/", {"format": "ics"}, HTTP_HOST="testserver:8000"))

    assert [str(vevent["UID"]) for vevent in api] == [str(vevent["UID"]) for vevent in feed]


def test_api_calendar_leaves_out_events_without_a_start(client, plenary):
    factories.EventFactory(slug="undated", start_date=None)

    uids = [str(vevent["UID"]) for vevent in vevents(client.get("/api/v1/events/", {"format": "ics"}))]

    assert uids == [f"event-{plenary.pk}@testserver"]
