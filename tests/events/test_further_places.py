"""Events held in more than one place: the event's own venue and city are its place 1, each further
place (``EventPlace``) one city in its own fields, placed by the gazetteer, and shown on every page,
feed, format and the map."""

import io
import json
from decimal import Decimal

import icalendar
import pytest
from django.core.management import call_command

from config.framework.visibility import Status, Visibility
from events.models import Event, EventPlace
from tests import factories
from tests.helpers import assert_refused, count_queries, if_match

pytestmark = pytest.mark.django_db

BERLIN = {
    "city": "Berlin",
    "country": "DE",
    "latitude": Decimal("52.52437"),
    "longitude": Decimal("13.41053"),
}
COLOGNE = {"city": "Cologne", "country": "DE", "latitude": Decimal("50.93333"), "longitude": Decimal("6.95")}


def tour(slug="tour", **fields) -> Event:
    """A study tour held in Berlin (its own place) and Cologne (its place 2), named after neither."""
    event = factories.EventFactory(
        slug=slug, name="Study tour on legislation", kind=Event.Kind.STUDY_TOUR, **BERLIN
    )
    EventPlace.objects.create(event=event, order=2, **COLOGNE, **fields)
    return event


# The model ----------------------------------------------------------------------------------------


def test_a_further_place_gets_the_gazetteers_coordinates_for_its_city():
    event = factories.EventFactory(**BERLIN)
    place = EventPlace(event=event, order=2, city="Cologne", country="DE")

    place.full_clean()

    assert (place.latitude, place.longitude) == (Decimal("50.933330"), Decimal("6.950000"))
    assert place.coordinates_source.endswith("geonameid 2886242")


def test_a_further_place_of_an_online_event_is_no_point():
    event = factories.EventFactory(mode=Event.Mode.ONLINE, **BERLIN)
    place = EventPlace(event=event, order=2, city="Cologne", country="DE")

    place.full_clean()

    assert (place.latitude, place.coordinates_source) == (None, "")


def test_further_places_are_numbered_from_two_once_each():
    event = tour()

    assert_refused(
        "events_eventplace_after_the_first",
        lambda: EventPlace.objects.create(event=event, order=1, city="Bonn"),
    )
    assert_refused(
        "events_eventplace_unique_order", lambda: EventPlace.objects.create(event=event, order=2, city="Bonn")
    )
    assert_refused(
        "events_eventplace_coordinates_pair",
        lambda: EventPlace.objects.create(event=event, order=3, city="Bonn", latitude=Decimal("50.7")),
    )


def test_the_event_names_each_of_its_places_once():
    event = tour()
    EventPlace.objects.create(event=event, order=3, city="Paris", country="FR")

    event = Event.objects.with_places(None).get(pk=event.pk)

    assert event.place == "Berlin, Germany; Cologne, Germany; Paris, France"
    assert event.cities == "Berlin, Cologne, Germany; Paris, France"


def test_a_reader_sees_only_the_further_places_they_may_see(partner):
    event = tour(visibility=Visibility.PARTNERS)

    assert Event.objects.with_places(None).get(pk=event.pk).cities == "Berlin, Germany"
    assert Event.objects.with_places(partner).get(pk=event.pk).cities == "Berlin, Cologne, Germany"


def test_locate_places_places_further_places_and_is_idempotent():
    event = factories.EventFactory(**BERLIN)
    # Saved without full_clean, as an import or a database from before the gazetteer holds it.
    place = EventPlace.objects.create(event=event, order=2, city="Cologne", country="DE")
    out = io.StringIO()

    call_command("locate_places", stdout=out, stderr=io.StringIO())

    place.refresh_from_db()
    assert place.coordinates_source.endswith("geonameid 2886242")
    assert place.history.latest().history_change_reason == "Placed from the gazetteer"
    assert out.getvalue() == "Places: 0 events placed, 0 unplaced. Further places: 1 placed.\n"
    call_command("locate_places", stdout=out, stderr=io.StringIO())
    assert out.getvalue().endswith("Places: 0 events placed, 0 unplaced.\n")


# Pages, feeds and search ------------------------------------------------------------------------


def test_the_event_page_lists_each_place(client):
    event = tour()

    page = client.get(event.get_absolute_url()).content.decode()

    assert '<dd class="place">Berlin, Germany</dd><dd class="place">Cologne, Germany</dd>' in page


def test_the_event_page_shows_no_place_the_visitor_may_not_see(client):
    event = tour(visibility=Visibility.INTERNAL)

    assert "Cologne" not in client.get(event.get_absolute_url()).content.decode()


def test_a_list_row_names_every_city(client):
    tour()

    page = client.get("/events/").content.decode()

    assert "<span>Berlin, Cologne, Germany</span>" in page


def test_the_list_runs_as_many_queries_for_many_events_with_places(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    tour("tour-0")
    with_one = count_queries(client, "/events/")
    for number in range(1, 15):
        tour(f"tour-{number}")

    assert count_queries(client, "/events/") == with_one


def test_the_calendar_location_names_each_place(client):
    event = tour()

    response = client.get(f"/events/{event.slug}/event.ics")

    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Berlin, Germany; Cologne, Germany"


def test_site_search_finds_an_event_by_a_further_places_city():
    event = tour()
    tour("hidden", status=Status.DRAFT)  # a draft place is not searched: a visitor would not see it

    assert list(Event.objects.search("Cologne")) == [event]
    assert list(Event.objects.search("cologne")) == [event]


def test_the_search_page_finds_the_tour_by_cologne(client):
    event = tour()

    page = client.get("/search/", {"q": "Cologne"}).content.decode()

    assert event.get_absolute_url() in page


# The API ------------------------------------------------------------------------------------------


def test_the_event_carries_its_further_places_in_the_detail_and_the_list(api):
    tour()

    detail = api.get("/api/v1/events/tour/").json()
    listed = api.get("/api/v1/events/").json()["results"][0]

    (place,) = detail["places"]
    assert {key: place[key] for key in ("order", "venue", "city", "country", "latitude", "longitude")} == {
        "order": 2,
        "venue": "",
        "city": "Cologne",
        "country": "DE",
        "latitude": 50.93333,
        "longitude": 6.95,
    }
    assert place["url"] == f"http://testserver/api/v1/event-places/{EventPlace.objects.get().pk}/"
    assert listed["places"] == [
        {"order": 2, "venue": "", "city": "Cologne", "country": "DE", "latitude": 50.93333, "longitude": 6.95}
    ]


def test_a_csv_cell_gives_the_place_itself(api):
    tour()

    lines = api.get("/api/v1/events/", {"format": "csv"}).content.decode().splitlines()

    header, row = lines[0].split(","), lines[1]
    assert "places" in header
    assert '""city"": ""Cologne""' in row


def test_a_writer_adds_a_place_the_gazetteer_places_then_changes_and_deletes_it(writer_api):
    factories.EventFactory(slug="tour", **BERLIN)

    created = writer_api.post(
        "/api/v1/event-places/",
        {"event": "tour", "order": 2, "city": "Cologne", "country": "DE"},
        format="json",
    )

    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["latitude"], body["longitude"]) == (50.93333, 6.95)
    assert body["coordinates_source"].endswith("geonameid 2886242")
    url = body["url"]
    changed = writer_api.patch(url, {"venue": "Rathaus"}, format="json", headers=if_match(writer_api, url))
    assert (changed.status_code, changed.json()["venue"]) == (200, "Rathaus")
    assert writer_api.delete(url, headers=if_match(writer_api, url)).status_code == 204
    assert not EventPlace.objects.exists()


def test_a_place_numbered_one_is_refused_naming_the_rule(writer_api):
    factories.EventFactory(slug="tour", **BERLIN)

    response = writer_api.post(
        "/api/v1/event-places/",
        {"event": "tour", "order": 1, "city": "Cologne", "country": "DE"},
        format="json",
    )

    assert response.status_code == 400
    assert "numbered from 2" in json.dumps(response.json())


def test_the_places_endpoint_filters_by_event_and_hides_what_the_reader_may_not_see(api, staff_api):
    tour()
    tour("other", visibility=Visibility.INTERNAL)

    assert [row["event"]["slug"] for row in api.get("/api/v1/event-places/").json()["results"]] == ["tour"]
    assert api.get("/api/v1/event-places/", {"event": "tour"}).json()["count"] == 1
    assert staff_api.get("/api/v1/event-places/").json()["count"] == 2


def test_the_event_endpoints_queries_do_not_grow_with_places(api, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    event = tour()
    list_with_one = count_queries(api, "/api/v1/events/")
    detail_with_one = count_queries(api, "/api/v1/events/tour/")
    for order in range(3, 13):
        EventPlace.objects.create(event=event, order=order, city=f"Town {order}", country="DE")
    for number in range(10):
        tour(f"tour-{number}")

    assert count_queries(api, "/api/v1/events/") == list_with_one
    assert count_queries(api, "/api/v1/events/tour/") == detail_with_one


# The map --------------------------------------------------------------------------------------------


def test_the_map_shows_the_event_at_each_of_its_places(api):
    tour()
    factories.EventFactory(slug="berlin-only", start_date="2020-01-01", **BERLIN)

    body = api.get("/api/v1/map/").json()

    assert body["summary"] == {
        "events": 2,
        "placed_events": 2,
        "places": 2,
        "countries": 1,
        "organisations": 0,
    }
    assert [
        (place["city"], place["count"], [event["slug"] for event in place["events"]])
        for place in body["places"]
    ] == [
        ("Berlin", 2, ["tour", "berlin-only"]),
        ("Cologne", 1, ["tour"]),
    ]


def test_the_map_counts_an_event_placed_only_by_a_further_place(api):
    event = factories.EventFactory(slug="unplaced-first", city="Friedberg", country="DE")
    EventPlace.objects.create(event=event, order=2, **COLOGNE)

    body = api.get("/api/v1/map/").json()

    assert body["summary"]["placed_events"] == 1
    assert [place["city"] for place in body["places"]] == ["Cologne"]


def test_the_map_leaves_out_places_the_reader_may_not_see_and_online_events(api, staff_api):
    tour(visibility=Visibility.INTERNAL)
    online = factories.EventFactory(slug="online", mode=Event.Mode.ONLINE)
    EventPlace.objects.create(event=online, order=2, **COLOGNE)

    assert [place["city"] for place in api.get("/api/v1/map/").json()["places"]] == ["Berlin"]
    # Places of one count in the order of their coordinates, south first.
    assert [place["city"] for place in staff_api.get("/api/v1/map/").json()["places"]] == [
        "Cologne",
        "Berlin",
    ]


def test_the_map_page_table_lists_the_further_place(client):
    tour()

    page = client.get("/map/").content.decode()

    assert "Cologne, Germany" in page


def test_the_maps_queries_do_not_grow_with_places(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    tour("tour-0")
    with_one = count_queries(client, "/api/v1/map/")
    for number in range(1, 15):
        tour(f"tour-{number}")

    assert count_queries(client, "/api/v1/map/") == with_one


# The admin ------------------------------------------------------------------------------------------


def test_the_event_admin_edits_further_places_inline(admin_client):
    event = tour()

    page = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()

    assert 'name="places-0-city"' in page and 'value="Cologne"' in page
