"""The map: ``GET /api/v1/map/`` (places, organisations per country) and the page ``/map/``."""

from decimal import Decimal

import pytest

from config.atlas.geography import EVENTS_PER_PLACE
from config.framework.visibility import Status, Visibility
from events.models import Event
from tests import factories
from tests.helpers import assert_queries_do_not_grow_with_events, count_queries

pytestmark = pytest.mark.django_db

GLASGOW = {
    "city": "Glasgow",
    "country": "GB",
    "latitude": Decimal("55.86515"),
    "longitude": Decimal("-4.25763"),
}
BAKU = {"city": "Baku", "country": "AZ", "latitude": Decimal("40.37767"), "longitude": Decimal("49.89201")}


@pytest.fixture
def world(db):
    """Three events in Glasgow, one in Baku, one online with coordinates, one with a country only;
    organisations in Germany (two) and China (one, an NGO), and an international one."""
    for day in (1, 2, 3):
        factories.EventFactory(
            slug=f"glasgow-{day}", kind=Event.Kind.PLENARY, start_date=f"2021-11-0{day}", **GLASGOW
        )
    factories.EventFactory(slug="baku", kind=Event.Kind.SIDE_EVENT, **BAKU)
    factories.EventFactory(slug="online", mode=Event.Mode.ONLINE, **BAKU)
    factories.EventFactory(slug="country-only", country="CN")
    factories.OrganisationFactory(country="DE")
    factories.OrganisationFactory(country="DE")
    factories.OrganisationFactory(country="CN", kind="ngo")
    factories.OrganisationFactory(country="")


def test_the_map_gives_places_with_their_events_and_organisations_per_country(api, world):
    body = api.get("/api/v1/map/").json()

    assert body["summary"] == {
        "events": 6,
        "placed_events": 4,
        "places": 2,
        "countries": 2,
        "organisations": 3,
    }
    glasgow, baku = body["places"]
    assert {key: glasgow[key] for key in ("key", "city", "country", "country_name", "count", "more")} == {
        "key": "55.865150,-4.257630",
        "city": "Glasgow",
        "country": "GB",
        "country_name": "United Kingdom",
        "count": 3,
        "more": 0,
    }
    assert (glasgow["latitude"], glasgow["longitude"]) == (55.86515, -4.25763)
    assert [event["slug"] for event in glasgow["events"]] == ["glasgow-3", "glasgow-2", "glasgow-1"]
    assert glasgow["events"][0]["html_url"] == "http://testserver/events/glasgow-3/"
    assert glasgow["events"][0]["start"] == "2021-11-03"
    assert [event["slug"] for event in baku["events"]] == ["baku"]  # the online event is no point
    assert body["organisations"] == [
        {"country": "DE", "country_name": "Germany", "count": 2},
        {"country": "CN", "country_name": "China", "count": 1},
    ]


def test_the_map_takes_the_event_lists_filters_and_the_organisation_lists_under_org(api, world):
    body = api.get("/api/v1/map/", {"kind": "side_event", "org-kind": "ngo"}).json()

    assert [place["city"] for place in body["places"]] == ["Baku"]
    assert body["organisations"] == [{"country": "CN", "country_name": "China", "count": 1}]
    german = api.get("/api/v1/map/", {"lang": "de", "org-country": "DE"}).json()
    assert german["organisations"] == [{"country": "DE", "country_name": "Deutschland", "count": 2}]


def test_the_map_shows_only_what_the_reader_may_see(api, staff_api, world):
    factories.EventFactory(slug="draft", status=Status.DRAFT, **BAKU)
    factories.EventFactory(slug="internal", visibility=Visibility.INTERNAL, **BAKU)
    factories.OrganisationFactory(country="FR", status=Status.DRAFT)

    public = api.get("/api/v1/map/").json()
    staff = staff_api.get("/api/v1/map/").json()

    assert public["places"][1]["count"] == 1
    assert "FR" not in {row["country"] for row in public["organisations"]}
    assert staff["places"][0]["city"] == "Baku" and staff["places"][0]["count"] == 3
    assert "FR" in {row["country"] for row in staff["organisations"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"kind": "picnic"}, "kind"),
        ({"year": "soon"}, "year"),
        ({"org-kind": "club"}, "org-kind"),
        ({"org-country": "XX"}, "org-country"),
        ({"bbox": "1,2,3,4"}, "bbox"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, query, field):
    response = api.get("/api/v1/map/", query)

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_a_place_lists_its_latest_events_and_counts_the_rest(api):
    for number in range(EVENTS_PER_PLACE + 5):
        factories.EventFactory(slug=f"cop-{number}", start_date=f"20{10 + number}-11-01", **GLASGOW)

    (place,) = api.get("/api/v1/map/").json()["places"]

    assert place["count"] == EVENTS_PER_PLACE + 5
    assert len(place["events"]) == EVENTS_PER_PLACE and place["more"] == 5
    assert place["events"][0]["slug"] == f"cop-{EVENTS_PER_PLACE + 4}"


@pytest.mark.parametrize(
    "url", ["/api/v1/map/", "/api/v1/map/?dialogue=none-such-but-valid&kind=plenary", "/map/"]
)
def test_query_count_does_not_grow_with_events(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0
    if "none-such" in url:
        factories.DialogueFactory(slug="none-such-but-valid")
    assert_queries_do_not_grow_with_events(client, url)


def test_the_endpoint_stays_within_its_query_budget(client, settings, world):
    settings.RESPONSE_CACHE_SECONDS = 0
    # Three of them for the further places of events held in more than one (their GROUP BY, their
    # latest events, the events placed by them alone).
    assert count_queries(client, "/api/v1/map/") <= 9
    assert count_queries(client, "/api/v1/map/?kind=plenary&org-kind=ngo") <= 9


def test_the_schema_documents_the_map_with_its_parameters_and_shape(api):
    operation = api.get("/api/schema/?format=json").json()["paths"]["/api/v1/map/"]["get"]

    parameters = {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}
    assert parameters["kind"]["type"] == "array" and "plenary" in parameters["kind"]["items"]["enum"]
    assert parameters["year"]["type"] == "integer"
    assert "ngo" in parameters["org-kind"]["items"]["enum"]
    assert "org-country" in parameters
    assert "400" in operation["responses"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Map"
    }


def test_the_page_shows_the_same_data_as_a_table_with_a_summary(client, world):
    response = client.get("/map/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "4 events in 2 places in 2 countries." in html
    assert 'id="place-55_865150_-4_257630"' in html
    assert html.count('<tr data-country="') == 2
    assert '<li><a href="/map/">Map</a></li>' in html  # in the main navigation


@pytest.mark.parametrize("prefix", ["/de", "/zh-hans"])
def test_the_page_is_in_every_language(client, world, prefix):
    response = client.get(f"{prefix}/map/")

    assert response.status_code == 200
    assert "Glasgow" in response.content.decode()


def test_a_bad_filter_on_the_page_is_a_400_that_names_it(client, world):
    response = client.get("/map/", {"kind": "picnic", "org-kind": "club"})

    assert response.status_code == 400
    assert "picnic" in response.content.decode()


def test_the_event_list_links_to_the_map_with_its_filters(client, world):
    html = client.get("/events/", {"kind": "plenary"}).content.decode()

    assert 'href="/map/?kind=plenary"' in html
