"""CSV (formula-injection safe), iCalendar and GeoJSON for events, NDJSON streamed exports."""

import datetime
import json

import pytest

from tests import factories
from tests.helpers import api_error

pytestmark = pytest.mark.django_db


def test_csv_list_defuses_formulas(api):
    factories.OrganisationFactory(slug="evil", name='=HYPERLINK("http://x")', acronym="+1")

    response = api.get("/api/v1/organisations/?format=csv&kind=research_institute")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0].split(",")[:6] == ["id", "slug", "url", "html_url", "name", "acronym"]
    assert lines[1].split(",")[4:6] == ['"\'=HYPERLINK(""http://x"")"', "'+1"]


def test_csv_error_is_json(api):
    response = api.get("/api/v1/organisations/?format=csv&kind=nonsense")

    assert (response.status_code, response["Content-Type"]) == (400, "application/json")


def test_icalendar_feed_spans_partial_dates(api):
    factories.EventFactory(slug="workshop", name="Workshop", start_date=datetime.date(2024, 8, 28))
    factories.EventFactory(
        slug="plenary", name="Plenary", start_date=datetime.date(2026, 5, 1), start_precision="month"
    )

    body = api.get("/api/v1/events/?format=ics&ordering=start").content.decode()

    assert [line for line in body.splitlines() if line.startswith(("DTSTART", "DTEND", "SUMMARY"))] == [
        "SUMMARY:Workshop",
        "DTSTART;VALUE=DATE:20240828",
        "DTEND;VALUE=DATE:20240829",
        "SUMMARY:Plenary",
        "DTSTART;VALUE=DATE:20260501",
        "DTEND;VALUE=DATE:20260601",
    ]


def test_icalendar_feed_copes_with_the_last_representable_year(api):
    factories.EventFactory(
        slug="far", name="Far", start_date=datetime.date(9999, 1, 1), start_precision="year"
    )

    response = api.get("/api/v1/events/?format=ics")
    lines = response.content.decode().splitlines()

    assert response.status_code == 200
    assert [line for line in lines if line.startswith(("DTSTART", "DTEND", "DURATION"))] == [
        "DTSTART;VALUE=DATE:99990101",
        "DURATION:P365D",
    ]


def test_geojson_has_only_events_with_coordinates(api):
    factories.EventFactory(slug="berlin", latitude=52.52, longitude=13.405)
    factories.EventFactory(slug="nowhere")

    data = api.get("/api/v1/events/?format=geojson").json()

    assert [(feature["properties"]["slug"], feature["geometry"]) for feature in data["features"]] == [
        ("berlin", {"type": "Point", "coordinates": [13.405, 52.52]})
    ]


def test_export_streams_every_visible_record_as_ndjson(api):
    factories.TopicFactory(slug="a")
    factories.TopicFactory(slug="b")
    factories.TopicFactory(slug="hidden", status="draft")

    response = api.get("/api/v1/topics/export/")
    lines = b"".join(response.streaming_content).decode().splitlines()

    assert response["Content-Type"] == "application/x-ndjson"
    assert [json.loads(line)["slug"] for line in lines] == ["a", "b"]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("/api/v1/events/", "xml"),
        ("/api/v1/events/", ""),
        ("/api/v1/events/export/", "ics"),
        ("/api/v1/events/workshop/", "pdf"),
        ("/api/v1/search/?q=x&", "csv"),
    ],
)
def test_a_format_the_address_lacks_is_a_400_naming_it(api, path, value):
    factories.EventFactory(slug="workshop")
    separator = "" if path.endswith("&") else "?"

    response = api.get(f"{path}{separator}format={value}")

    body = api_error(response)
    assert (response.status_code, response["Content-Type"]) == (400, "application/json")
    assert [error["field"] for error in body["errors"]] == ["format"]
    assert f"“{value}”" in body["errors"][0]["message"]


def test_a_write_with_a_format_the_address_lacks_is_a_400_before_anything_else(api):
    response = api.post("/api/v1/events/?format=nope", {}, format="json")

    assert response.status_code == 400
    assert api_error(response)["errors"][0]["field"] == "format"


def test_each_format_the_address_has_is_taken(api):
    factories.EventFactory(latitude=52.5, longitude=13.4)

    for value, media_type in (("json", "application/json"), ("csv", "text/csv"), ("ics", "text/calendar")):
        response = api.get("/api/v1/events/", {"format": value})
        assert (response.status_code, response["Content-Type"].split(";")[0]) == (200, media_type)
    export = api.get("/api/v1/events/export/", {"format": "ndjson"})
    assert (export.status_code, export["Content-Type"]) == (200, "application/x-ndjson")
