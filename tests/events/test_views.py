"""Event pages: the list and the page in a fixed number of queries, what the page shows, the calendar."""

import datetime
import re

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import (
    assert_detail_queries_do_not_grow,
    assert_list_queries_do_not_grow,
    assert_queries_do_not_grow_with_events,
)

pytestmark = pytest.mark.django_db


# The list and the page in a fixed number of queries ------------------------------------------------


def with_everything(event):
    """An event with a row of every kind its page and list show."""
    factories.EventParticipationFactory(event=event)
    factories.EventSpeakerFactory(event=event, organisation=factories.OrganisationFactory())
    factories.SessionFactory(event=event)
    factories.PhotoFactory(event=event)
    event.topics.add(factories.TopicFactory())
    event.projects.add(factories.ProjectFactory())
    return event


LISTS = [
    ("/events/", lambda: with_everything(factories.EventFactory(dialogue=factories.DialogueFactory()))),
    # Chosen facets are counted without their own filter: still a fixed number of queries.
    (
        "/events/?kind=workshop&kind=plenary&year=2024&state=held",
        lambda: with_everything(factories.EventFactory(dialogue=factories.DialogueFactory())),
    ),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    assert_list_queries_do_not_grow(client, url, make_row)


def grow_event(event, n):
    for _ in range(n):
        factories.EventParticipationFactory(event=event)
        factories.EventSpeakerFactory(event=event, organisation=factories.OrganisationFactory())
        factories.SessionFactory(event=event)
        factories.PhotoFactory(event=event)
        factories.EventFactory(parent=event)
        event.topics.add(factories.TopicFactory())


DETAILS = [
    (factories.EventFactory, grow_event),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    assert_detail_queries_do_not_grow(client, factory(), grow)


# The calendar ---------------------------------------------------------------------------------------

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


@pytest.mark.parametrize(
    ("language", "month_name", "weekdays", "first_cell"),
    [
        (
            "en",
            "March 2024",
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
            26,
        ),
        (
            "de",
            "März 2024",
            ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
            26,
        ),
        ("zh-hans", "2024年3月", ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"], 26),
    ],
)
def test_calendar_in_the_page_language_with_weeks_from_monday(
    client, language, month_name, weekdays, first_cell
):
    with translation.override(language):
        url = reverse("events:event-calendar")
    response = client.get(url, {"month": "2024-03"}, HTTP_ACCEPT_LANGUAGE=language)

    html = response.content.decode()
    assert response.context["month_name"] == month_name
    assert re.findall(r'<th scope="col">([^<]*)</th>', html) == weekdays
    assert response.context["weeks"][0][0][0] == D(2024, 2, first_cell)  # Monday 26 February
    assert month_name in re.search(r"<h1>(.*?)</h1>", html).group(1)


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


# The event page -------------------------------------------------------------------------------------


def participant_names(response):
    return [str(row.organisation.name) for row in response.context["event"].participations.all()]


def test_partners_only_participant_list_is_not_shown_to_the_public(client, partner):
    event = factories.EventFactory(name="Chatham House meeting")
    factories.EventParticipationFactory(
        event=event, organisation=factories.OrganisationFactory(name="Public Host")
    )
    factories.EventParticipationFactory(
        event=event,
        organisation=factories.OrganisationFactory(name="Confidential Participant"),
        visibility=Visibility.PARTNERS,
    )

    public_page = client.get(event.get_absolute_url())
    client.force_login(partner)
    partner_page = client.get(event.get_absolute_url())

    assert participant_names(public_page) == ["Public Host"]
    assert "Confidential Participant" not in public_page.content.decode()
    assert sorted(participant_names(partner_page)) == ["Confidential Participant", "Public Host"]


def test_event_page_shows_series_neighbours_and_parent(client):
    t2d = factories.DialogueFactory()
    eighth = factories.EventFactory(dialogue=t2d, kind="plenary", number=8, name="8th Plenary")
    ninth = factories.EventFactory(dialogue=t2d, kind="plenary", number=9, name="9th Plenary")
    cop29 = factories.EventFactory(name="COP29", kind="conference")
    side_event = factories.EventFactory(name="T2D side event at COP29", parent=cop29, kind="side_event")

    ninth_page = client.get(ninth.get_absolute_url()).context
    cop_page = client.get(cop29.get_absolute_url()).context
    side_page = client.get(side_event.get_absolute_url()).context

    assert (ninth_page["previous_in_series"], ninth_page["next_in_series"]) == (eighth, None)
    assert list(cop_page["event"].children.all()) == [side_event]
    assert side_page["parent"] == cop29


def test_event_page_hides_a_draft_parent(client):
    cop = factories.EventFactory(name="Draft COP", status=Status.DRAFT)
    side_event = factories.EventFactory(parent=cop)

    response = client.get(side_event.get_absolute_url())

    assert response.context["parent"] is None
    assert "Draft COP" not in response.content.decode()


def test_event_page_carries_structured_data_and_canonical_url(client):
    event = factories.EventFactory(
        name="9th Plenary Meeting of the T2D",
        slug="t2d-plenary-9",
        city="Potsdam",
        country="DE",
        start_date="2024-10-01",
        start_precision="month",
        mode="in_person",
    )

    response = client.get(event.get_absolute_url())
    html = response.content.decode()

    assert response.context["structured_data"] == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "9th Plenary Meeting of the T2D",
        "url": "http://testserver/events/t2d-plenary-9/",
        "startDate": "2024-10",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Potsdam",
            "address": {"@type": "PostalAddress", "addressLocality": "Potsdam", "addressCountry": "DE"},
        },
    }
    assert '<script type="application/ld+json">' in html
    assert '<link rel="canonical" href="http://testserver/events/t2d-plenary-9/">' in html
    assert '<meta property="og:title" content="9th Plenary Meeting of the T2D">' in html


# The calendar in a fixed number of queries ---------------------------------------------------------

URLS = ["/events/calendar/?month=2024-08", "/events/calendar/", "/events/calendar/?month=2031-01"]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, url)


def test_a_facet_names_related_records_in_the_page_language_and_marks_a_fallback(client):
    dialogue = factories.DialogueFactory(
        slug="t2d", name_en="Sino-German Track II Dialogue", name_de="Track-II-Dialog"
    )
    factories.EventFactory(dialogue=dialogue)

    german = client.get("/de/events/").content.decode()
    chinese = client.get("/zh-hans/events/").content.decode()

    assert 'value="t2d"> Track-II-Dialog <span class="count">' in german
    assert 'value="t2d"> <span lang="en">Sino-German Track II Dialogue</span> <span class="count">' in chinese
    assert (
        'value="t2d"> Sino-German Track II Dialogue <span class="count">'
        in client.get("/events/").content.decode()
    )


# The calendar opens where the events are, and moves by month, by year and to the nearest events -----


def months_ahead(months: int) -> datetime.date:
    today = timezone.localdate().replace(day=1)
    month = today.month - 1 + months
    return today.replace(year=today.year + month // 12, month=month % 12 + 1)


def test_calendar_opens_on_the_month_of_the_next_event(client):
    factories.EventFactory(name="Past", start_date=months_ahead(-3))
    factories.EventFactory(name="Next", start_date=months_ahead(2).replace(day=10))
    factories.EventFactory(name="Later", start_date=months_ahead(5))

    response = client.get("/events/calendar/")

    assert response.context["month"] == months_ahead(2)
    assert [event.name for event in response.context["day_events"]] == ["Next"]


def test_calendar_without_upcoming_events_opens_on_the_latest_events_month(client):
    factories.EventFactory(name="Older", start_date=D(2023, 4, 2))
    factories.EventFactory(name="Latest", start_date=D(2025, 1, 20))

    response = client.get("/events/calendar/")

    assert response.context["month"] == D(2025, 1, 1)
    assert days_with(response) == {"2025-01-20": ["Latest"]}


def test_calendar_opens_on_the_next_event_the_filters_leave(client):
    factories.EventFactory(name="Other", start_date=months_ahead(1))
    factories.EventFactory(
        name="T2D plenary", dialogue=factories.DialogueFactory(slug="t2"), start_date=D(2022, 5, 3)
    )

    response = client.get("/events/calendar/", {"dialogue": "t2"})

    assert response.context["month"] == D(2022, 5, 1)


def test_calendar_opens_on_a_running_events_month_today(client):
    factories.EventFactory(
        name="Running",
        start_date=months_ahead(-1),
        end_date=timezone.localdate() + datetime.timedelta(days=40),
    )

    assert client.get("/events/calendar/").context["month"] == months_ahead(0)


def test_calendar_with_no_events_at_all_opens_on_this_month(client):
    assert client.get("/events/calendar/").context["month"] == months_ahead(0)


def test_calendar_picker_jumps_to_a_month_and_year_keeping_the_filters(client):
    t2d = factories.DialogueFactory(slug="t2d")
    factories.EventFactory(name="WG 2 meeting", dialogue=t2d, start_date=D(2022, 3, 25))
    factories.EventFactory(name="Plenary", dialogue=t2d, start_date=D(2024, 10, 8))

    response = client.get("/events/calendar/", {"dialogue": "t2d", "jump_year": "2022", "jump_month": "3"})
    html = response.content.decode()

    assert response.status_code == 200
    assert days_with(response) == {"2022-03-25": ["WG 2 meeting"]}
    assert response.context["years"] == list(range(2022, timezone.localdate().year + 1))
    assert '<input type="hidden" name="dialogue" value="t2d">' in html
    assert '<option value="2022" selected>2022</option>' in html
    assert '<option value="3" selected>March</option>' in html
    # The neighbours' addresses name their month once, without the picker's parameters.
    assert dict(QueryDict(response.context["previous_query"]).lists()) == {
        "dialogue": ["t2d"],
        "month": ["2022-02"],
    }


@pytest.mark.parametrize(("year", "month"), [("20x4", "3"), ("2024", "13"), ("", "3"), ("1066", "10")])
def test_calendar_picker_refuses_what_is_not_a_month(client, year, month):
    response = client.get("/events/calendar/", {"jump_year": year, "jump_month": month})

    assert response.status_code == 400
    assert "is not a month; write it as YYYY-MM" in response.context["error"]


def test_an_empty_month_links_to_the_nearest_months_with_events(client):
    factories.EventFactory(name="Before", start_date=D(2022, 3, 25))
    factories.EventFactory(name="Long before", start_date=D(2020, 3, 25))
    factories.EventFactory(name="After", start_date=D(2024, 10, 1), start_precision="month")

    response = client.get("/events/calendar/", {"month": "2023-06"})
    html = response.content.decode()

    assert response.context["nearest"] == [
        ("prev", "March 2022", "month=2022-03"),
        ("next", "October 2024", "month=2024-10"),
    ]
    assert '<a rel="prev" href="?month=2022-03">Earlier events: March 2022</a>' in html
    assert '<a rel="next" href="?month=2024-10">Later events: October 2024</a>' in html
    assert client.get("/events/calendar/", {"month": "2022-03"}).context["nearest"] == []


def test_calendar_lists_the_months_events_by_date_for_narrow_screens(client):
    factories.EventFactory(
        name="Plenary",
        name_de="Plenartreffen",
        start_date=D(2024, 10, 8),
        end_date=D(2024, 10, 9),
        city="Potsdam",
        country="DE",
    )
    factories.EventFactory(
        name="Workshop", name_de="Werkstatt", start_date=D(2024, 10, 31), end_date=D(2024, 11, 1)
    )

    html = client.get("/de/events/calendar/", {"month": "2024-10"}).content.decode()

    listed = re.findall(r'<li><span class="when">(.*?)</span> <a href="[^"]+">(.*?)</a>(.*?)</li>', html)
    assert listed == [
        ("8.–9. Oktober 2024", "Plenartreffen", ' <span class="meta">Potsdam, Deutschland</span>'),
        ("31. Oktober – 1. November 2024", "Werkstatt", ""),
    ]


def test_event_page_and_api_give_the_editors_note(client, api):
    event = factories.EventFactory(slug="cop26", editor_note="The source gives no year.")

    page = client.get(event.get_absolute_url()).content.decode()

    assert "<h2>Editor's note</h2>" in page
    assert "<p>The source gives no year.</p>" in page
    assert api.get("/api/v1/events/cop26/").json()["editor_note"] == "The source gives no year."
