import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from config.framework.visibility import Status, Visibility
from events.feeds import MAX_CALENDAR_EVENTS
from events.models import Event
from tests import factories
from tests.helpers import capture_queries

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["events:event-feed-ics", "events:event-feed-rss", "events:event-feed-atom"]


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def uids(calendar) -> list[str]:
    return [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")]


def only_vevent(calendar) -> icalendar.Event:
    (vevent,) = calendar.walk("VEVENT")
    return vevent


def uid(event) -> str:
    return f"event-{event.pk}@testserver"


def feed_titles(response) -> list[str]:
    """Item titles of an RSS or Atom feed, in feed order."""
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)
    if root.tag == "rss":
        return [item.findtext("title") for item in root.iter("item")]
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def titles_in_feed(client, name, query="") -> list[str]:
    response = client.get(f"{reverse(name)}{query}")
    if name == "events:event-feed-ics":
        return [str(vevent["SUMMARY"]) for vevent in calendar_of(response).walk("VEVENT")]
    return feed_titles(response)


def set_updated_at(event, when: datetime.datetime):
    # save() stamps updated_at with the current time; tests of ordering need fixed times.
    Event.objects.filter(pk=event.pk).update(updated_at=when)


# Filters


@pytest.mark.parametrize("name", FEEDS)
def test_event_feeds_only_a_dialogues_plenaries(client, name):
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D")
    factories.EventFactory(name="T2D workshop", dialogue=t2d, kind="workshop")
    factories.EventFactory(name="Other plenary", kind="plenary")
    factories.EventFactory(name="8th Plenary", dialogue=t2d, kind="plenary", start_date=D(2024, 5, 1))
    factories.EventFactory(name="9th Plenary", dialogue=t2d, kind="plenary", start_date=D(2024, 10, 1))

    titles = titles_in_feed(client, name, "?dialogue=t2d&kind=plenary")

    # The calendar by start, RSS and Atom by update: the 9th was both the later and the last saved.
    assert titles == ["9th Plenary", "8th Plenary"]


def test_event_calendar_name_describes_the_filters(client):
    factories.DialogueFactory(slug="t2d", acronym="T2D")

    calendar = calendar_of(client.get("/events/feed.ics?dialogue=t2d&kind=plenary&kind=side_event&year=2024"))

    assert str(calendar["X-WR-CALNAME"]) == (
        "Dialogue Atlas events — Dialogue: T2D; Kind: plenary, side event; Year: 2024"
    )


def test_event_calendar_name_without_filters(client):
    calendar = calendar_of(client.get("/events/feed.ics"))

    assert str(calendar["X-WR-CALNAME"]) == "Dialogue Atlas events"


def test_event_calendar_upcoming_only(client):
    today = datetime.date.today()
    upcoming = factories.EventFactory(start_date=today + datetime.timedelta(days=10))
    factories.EventFactory(start_date=today - datetime.timedelta(days=10))

    assert uids(calendar_of(client.get("/events/feed.ics?when=upcoming"))) == [uid(upcoming)]


def test_event_rss_links_to_the_filtered_list(client):
    factories.DialogueFactory(slug="t2d", acronym="T2D")

    channel = ET.fromstring(client.get("/events/feed.rss?dialogue=t2d").content).find("channel")

    assert [channel.findtext("title"), channel.findtext("link")] == [
        "Dialogue Atlas events — Dialogue: T2D",
        "http://testserver/events/?dialogue=t2d",
    ]


# iCalendar: one VEVENT per event, dates at their precision


def test_event_calendar_event_properties(client):
    t2d = factories.DialogueFactory(slug="t2d")
    event = factories.EventFactory(
        slug="t2d-plenary-9",
        name="9th Plenary Meeting of the T2D",
        dialogue=t2d,
        kind="plenary",
        state="held",
        venue="Kongresshotel",
        city="Potsdam",
        country="DE",
        latitude="52.390000",
        longitude="13.065000",
        summary="Ministers and experts met in Potsdam.",
    )
    event.refresh_from_db()

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert {
        "UID": str(vevent["UID"]),
        "SUMMARY": str(vevent["SUMMARY"]),
        "LOCATION": str(vevent["LOCATION"]),
        "GEO": (vevent["GEO"].latitude, vevent["GEO"].longitude),
        "URL": str(vevent["URL"]),
        "DESCRIPTION": str(vevent["DESCRIPTION"]),
        "STATUS": str(vevent["STATUS"]),
        "CATEGORIES": vevent["CATEGORIES"].cats,
        "LAST-MODIFIED": vevent["LAST-MODIFIED"].dt,
    } == {
        "UID": uid(event),
        "SUMMARY": "9th Plenary Meeting of the T2D",
        "LOCATION": "Kongresshotel, Potsdam, Germany",
        "GEO": (52.39, 13.065),
        "URL": "http://testserver/events/t2d-plenary-9/",
        "DESCRIPTION": "Ministers and experts met in Potsdam.",
        "STATUS": "CONFIRMED",
        "CATEGORIES": ["plenary"],
        "LAST-MODIFIED": event.updated_at.replace(microsecond=0),
    }


def test_event_calendar_day_precision_end_is_exclusive(client):
    factories.EventFactory(start_date=D(2024, 8, 28), end_date=D(2024, 8, 29))

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert [vevent["DTSTART"].dt, vevent["DTEND"].dt] == [D(2024, 8, 28), D(2024, 8, 30)]


def test_event_calendar_single_day_event_spans_one_day(client):
    factories.EventFactory(start_date=D(2024, 8, 28), summary="")

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert [vevent["DTSTART"].dt, vevent["DTEND"].dt, vevent.get("DESCRIPTION")] == [
        D(2024, 8, 28),
        D(2024, 8, 29),
        None,
    ]


def test_event_calendar_month_precision_spans_the_month(client):
    factories.EventFactory(
        start_date=D(2024, 5, 1), start_precision="month", summary="The 8th plenary in Shanghai."
    )

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert [vevent["DTSTART"].dt, vevent["DTEND"].dt, str(vevent["DESCRIPTION"])] == [
        D(2024, 5, 1),
        D(2024, 6, 1),
        "Date known to the month: May 2024\n\nThe 8th plenary in Shanghai.",
    ]


def test_event_calendar_year_precision_spans_the_year(client):
    factories.EventFactory(start_date=D(2026, 1, 1), start_precision="year", summary="")

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert [vevent["DTSTART"].dt, vevent["DTEND"].dt, str(vevent["DESCRIPTION"])] == [
        D(2026, 1, 1),
        D(2027, 1, 1),
        "Date known to the year: 2026",
    ]


def test_event_calendar_month_precision_end_spans_to_the_end_of_that_month(client):
    factories.EventFactory(
        start_date=D(2024, 11, 1),
        start_precision="month",
        end_date=D(2024, 12, 1),
        end_precision="month",
        summary="",
    )

    vevent = only_vevent(calendar_of(client.get("/events/feed.ics")))

    assert [vevent["DTSTART"].dt, vevent["DTEND"].dt, str(vevent["DESCRIPTION"])] == [
        D(2024, 11, 1),
        D(2025, 1, 1),
        "Date known to the month: November–December 2024",
    ]


@pytest.mark.parametrize(
    ("state", "status"),
    [("held", "CONFIRMED"), ("planned", "TENTATIVE"), ("postponed", "TENTATIVE"), ("cancelled", "CANCELLED")],
)
def test_event_calendar_status_by_state(client, state, status):
    factories.EventFactory(state=state)

    assert str(only_vevent(calendar_of(client.get("/events/feed.ics")))["STATUS"]) == status


def test_event_calendar_online_event_location(client):
    factories.EventFactory(mode="online", venue="", city="", country="")

    assert str(only_vevent(calendar_of(client.get("/events/feed.ics")))["LOCATION"]) == "Online"


def test_event_calendar_without_start_date_is_left_out(client):
    dated = factories.EventFactory()
    factories.EventFactory(start_date=None)

    assert uids(calendar_of(client.get("/events/feed.ics"))) == [uid(dated)]


def test_event_calendar_uid_is_stable_across_ports(client):
    event = factories.EventFactory()

    calendar = calendar_of(client.get("/events/feed.ics", HTTP_HOST="testserver:8000"))

    assert uids(calendar) == [uid(event)]


def test_event_calendar_caps_the_number_of_events_keeping_the_latest(client):
    first = datetime.date(2020, 1, 1)
    Event.objects.bulk_create(
        Event(
            slug=f"bulk-{n}",
            name=f"Bulk {n}",
            kind="workshop",
            status=Status.PUBLISHED,
            start_date=first + datetime.timedelta(days=n),
        )
        for n in range(MAX_CALENDAR_EVENTS + 1)
    )

    starts = [vevent["DTSTART"].dt for vevent in calendar_of(client.get("/events/feed.ics")).walk("VEVENT")]

    assert [len(starts), min(starts), max(starts)] == [
        MAX_CALENDAR_EVENTS,
        first + datetime.timedelta(days=1),
        first + datetime.timedelta(days=MAX_CALENDAR_EVENTS),
    ]


# RSS and Atom: new and updated events


def test_event_rss_newest_update_first(client):
    older = factories.EventFactory(name="Updated last week")
    newer = factories.EventFactory(name="Updated today")
    set_updated_at(older, datetime.datetime(2025, 1, 1, tzinfo=UTC))
    set_updated_at(newer, datetime.datetime(2025, 1, 8, tzinfo=UTC))

    assert feed_titles(client.get("/events/feed.rss")) == ["Updated today", "Updated last week"]


def test_event_rss_holds_fifty_items(client):
    events = [factories.EventFactory(name=f"Event {n:02d}") for n in range(51)]
    for n, event in enumerate(events):
        set_updated_at(event, datetime.datetime(2025, 1, 1, tzinfo=UTC) + datetime.timedelta(hours=n))

    assert feed_titles(client.get("/events/feed.rss")) == [f"Event {n:02d}" for n in range(50, 0, -1)]


def test_event_atom_entry(client):
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D")
    event = factories.EventFactory(
        slug="potsdam",
        name="9th Plenary",
        kind="plenary",
        dialogue=t2d,
        start_date=D(2024, 10, 1),
        start_precision="month",
        city="Potsdam",
        country="DE",
        summary="Ministers <b>met</b>.",
    )
    set_updated_at(event, datetime.datetime(2025, 1, 8, 12, 0, tzinfo=UTC))

    entry = ET.fromstring(client.get("/events/feed.atom").content).find(f"{ATOM}entry")

    assert {
        "title": entry.findtext(f"{ATOM}title"),
        "link": entry.find(f"{ATOM}link").get("href"),
        "updated": entry.findtext(f"{ATOM}updated"),
        "summary": entry.findtext(f"{ATOM}summary"),
        "categories": [category.get("term") for category in entry.findall(f"{ATOM}category")],
    } == {
        "title": "9th Plenary",
        "link": "http://testserver/events/potsdam/",
        "updated": "2025-01-08T12:00:00+00:00",
        "summary": "<p>October 2024 · Potsdam, Germany</p><p>Ministers &lt;b&gt;met&lt;/b&gt;.</p>",
        "categories": ["plenary", "T2D"],
    }


def test_event_atom_entries_carry_their_language_in_german(client):
    factories.EventFactory(
        slug="de",
        name_en="9th Plenary",
        name_de="9. Plenarsitzung",
        start_date=D(2024, 10, 1),
        start_precision="month",
    )
    factories.EventFactory(slug="en", name_en="Cement workshop", name_de="", start_date=D(2024, 8, 28))
    XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

    with translation.override("de"):
        url = reverse("events:event-feed-atom")
    feed = ET.fromstring(client.get(url, HTTP_ACCEPT_LANGUAGE="de").content)

    assert feed.get(XML_LANG) == "de"
    assert sorted(
        (entry.findtext(f"{ATOM}title"), entry.get(XML_LANG), entry.findtext(f"{ATOM}summary"))
        for entry in feed.findall(f"{ATOM}entry")
    ) == [
        ("9. Plenarsitzung", None, "<p>Oktober 2024</p>"),
        ("Cement workshop", "en", "<p>28. August 2024</p>"),
    ]


# Visibility


def hidden_and_public_events():
    factories.EventFactory(name="Draft", status=Status.DRAFT)
    factories.EventFactory(name="In review", status=Status.REVIEW)
    factories.EventFactory(name="Partners only", visibility=Visibility.PARTNERS)
    factories.EventFactory(name="Internal", visibility=Visibility.INTERNAL)
    factories.EventFactory(name="Public")


@pytest.mark.parametrize("name", FEEDS)
def test_event_feeds_anonymous_sees_public_events_only(client, name):
    hidden_and_public_events()

    assert titles_in_feed(client, name) == ["Public"]


@pytest.mark.parametrize("name", FEEDS)
def test_event_feeds_partner_sees_partners_events(client, partner, name):
    hidden_and_public_events()
    client.force_login(partner)

    assert sorted(titles_in_feed(client, name)) == ["Partners only", "Public"]


def test_event_calendar_staff_sees_everything(client, staff):
    hidden_and_public_events()
    client.force_login(staff)

    assert sorted(titles_in_feed(client, "events:event-feed-ics")) == [
        "Draft",
        "In review",
        "Internal",
        "Partners only",
        "Public",
    ]


@pytest.mark.parametrize("name", FEEDS)
def test_event_feeds_hidden_dialogue_cannot_be_filtered_by(client, name):
    factories.DialogueFactory(slug="secret", status=Status.DRAFT)

    response = client.get(f"{reverse(name)}?dialogue=secret")

    assert [response.status_code, response.content.decode()] == [
        400,
        "Invalid query parameter “dialogue”: "
        "Select a valid choice. secret is not one of the available choices.\n",
    ]


@pytest.mark.parametrize("name", ["events:event-feed-rss", "events:event-feed-atom"])
def test_event_feeds_do_not_name_a_hidden_dialogue(client, name):
    draft = factories.DialogueFactory(acronym="SECRET", status=Status.DRAFT)
    factories.EventFactory(kind="plenary", dialogue=draft)

    root = ET.fromstring(client.get(reverse(name)).content)
    categories = [element.text for element in root.iter("category")] + [
        element.get("term") for element in root.iter(f"{ATOM}category")
    ]

    assert categories == ["plenary"]


def test_event_rss_names_a_dialogue_the_partner_may_see(client, partner):
    dialogue = factories.DialogueFactory(acronym="T2D", visibility=Visibility.PARTNERS)
    factories.EventFactory(kind="plenary", dialogue=dialogue)
    client.force_login(partner)

    root = ET.fromstring(client.get("/events/feed.rss").content)

    assert [element.text for element in root.iter("category")] == ["plenary", "T2D"]


# Bad input


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "kind=meeting",
            "Invalid query parameter “kind”: "
            "Select a valid choice. meeting is not one of the available choices.",
        ),
        ("year=twenty", "Invalid query parameter “year”: Enter a whole number."),
        ("year=99999", "Invalid query parameter “year”: Ensure this value is less than or equal to 2200."),
        ("starts_after=2024-13-01", "Invalid query parameter “starts_after”: Enter a valid date."),
        ("dialogue=%00", "Invalid query parameter “dialogue”: Null characters are not allowed."),
        (
            "when=someday",
            "Invalid query parameter “when”: "
            "Select a valid choice. someday is not one of the available choices.",
        ),
    ],
)
def test_event_feeds_bad_parameter_is_400_naming_it(client, name, query, message):
    response = client.get(f"{reverse(name)}?{query}")

    assert [response.status_code, response["Content-Type"], response.content.decode()] == [
        400,
        "text/plain; charset=utf-8",
        f"{message}\n",
    ]


def test_event_calendar_unknown_parameter_is_ignored(client):
    event = factories.EventFactory()

    assert uids(calendar_of(client.get("/events/feed.ics?utm_source=newsletter"))) == [uid(event)]


# Query budget: the same number of queries for 1 event as for 30


# The events, their topics (or dialogues), and their further places (one query for all).
FEED_QUERY_BUDGET = {"events:event-feed-ics": 3, "events:event-feed-rss": 3, "events:event-feed-atom": 3}


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize("name", FEEDS)
def test_event_feeds_query_budget_does_not_grow(client, name, count):
    t2d = factories.DialogueFactory(slug="t2d")
    topic = factories.TopicFactory()
    for number in range(1, count + 1):
        event = factories.EventFactory(
            dialogue=t2d, kind="plenary", number=number, city="Berlin", country="DE"
        )
        event.topics.add(topic)

    with capture_queries() as queries:
        response = client.get(f"{reverse(name)}?dialogue=t2d&kind=plenary")

    assert len(queries) <= FEED_QUERY_BUDGET[name]
    assert len(titles_in_feed_response(name, response)) == count


def titles_in_feed_response(name, response) -> list[str]:
    if name == "events:event-feed-ics":
        return uids(calendar_of(response))
    return feed_titles(response)


def test_event_feeds_survive_control_characters_and_the_last_year(client):
    factories.EventFactory(name="Tab\x0bbed\x0cname", summary="Line\x08break", slug="odd")
    factories.EventFactory(
        name="Far future", slug="far", start_date=datetime.date(9999, 1, 1), start_precision="year"
    )

    rss = client.get("/events/feed.rss")
    atom = client.get("/events/feed.atom")
    ics = client.get("/events/feed.ics")

    assert (rss.status_code, atom.status_code, ics.status_code) == (200, 200, 200)
    titles = [item.findtext("title") for item in ET.fromstring(rss.content).iter("item")]
    assert sorted(titles) == ["Far future", "Tabbedname"]
    far_future = next(
        event
        for event in icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
        if event["SUMMARY"] == "Far future"
    )
    # The whole year: DTEND would be 1 January 10000, which no date can hold; a duration can.
    assert (far_future["DTSTART"].dt, far_future["DURATION"].dt) == (
        datetime.date(9999, 1, 1),
        datetime.timedelta(days=365),
    )
