"""``/api/v1/timeline/``: the events of the event list's filters in lanes, bounded at any scale."""

import datetime

import pytest

from config.framework.visibility import Status, Visibility
from events import timeline
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

URL = "/api/v1/timeline/"


def marks_by_slug(data):
    columns = data["mark_columns"]
    return {row[columns.index("slug")]: dict(zip(columns, row, strict=True)) for row in data["marks"]}


def test_lanes_marks_phases_and_partial_dates(api):
    t2d = factories.DialogueFactory(slug="t2d", name="T2D")
    factories.PhaseFactory(
        dialogue=t2d, number=2, name="Phase two", start_date=datetime.date(2023, 1, 1), start_precision="year"
    )
    factories.EventFactory(
        slug="plenary",
        dialogue=t2d,
        kind="plenary",
        start_date=datetime.date(2024, 8, 28),
        end_date=datetime.date(2024, 8, 29),
    )
    factories.EventFactory(
        slug="month", dialogue=t2d, start_date=datetime.date(2020, 12, 1), start_precision="month"
    )
    factories.EventFactory(
        slug="project-workshop", dialogue=None, start_date=datetime.date(2019, 1, 1), start_precision="year"
    )
    factories.EventFactory(slug="undated", dialogue=t2d, start_date=None)

    response = api.get(URL)
    data = response.json()

    assert response.status_code == 200 and response["ETag"]
    assert (data["total"], data["dialogues"], data["mode"]) == (3, 1, "marks")
    assert [lane["key"] for lane in data["lanes"]] == ["t2d", timeline.OTHER_LANE]
    assert data["lanes"][0]["phases"] == [["2023-01-01", None, "year", "Phase two", "since 2023"]]
    marks = marks_by_slug(data)
    assert marks["plenary"]["start"] == "2024-08-28" and marks["plenary"]["end"] == "2024-08-29"
    assert data["kinds"][marks["plenary"]["kind"]] == "plenary"
    # A partial date covers its whole month or year.
    assert (marks["month"]["start"], marks["month"]["end"], marks["month"]["precision"]) == (
        "2020-12-01",
        "2020-12-31",
        "month",
    )
    assert marks["project-workshop"]["end"] == "2019-12-31" and marks["project-workshop"]["lane"] == 1
    assert (data["first"], data["last"]) == ("2019-01-01", "2024-08-29")
    assert data["event_url"] == "http://testserver/events/{slug}/"


def test_the_event_lists_filters_apply(api):
    t2d = factories.DialogueFactory(slug="t2d")
    factories.EventFactory(slug="a", dialogue=t2d, kind="plenary", start_date=datetime.date(2024, 1, 5))
    factories.EventFactory(slug="b", dialogue=t2d, kind="side_event", start_date=datetime.date(2022, 1, 5))
    factories.EventFactory(slug="c", kind="plenary", start_date=datetime.date(2024, 3, 5))

    assert set(marks_by_slug(api.get(URL + "?dialogue=t2d").json())) == {"a", "b"}
    assert set(marks_by_slug(api.get(URL + "?kind=plenary").json())) == {"a", "c"}
    ranged = api.get(URL + "?starts_after=2023-01-01&starts_before=2024-02-01").json()
    assert set(marks_by_slug(ranged)) == {"a"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=party", "kind"),
        ("starts_after=soon", "starts_after"),
        ("dialog=t2d", "dialog"),
        ("year=12", "year"),
    ],
)
def test_invalid_parameters_are_a_400_naming_them(api, query, parameter):
    response = api.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert parameter in {error["field"] for error in response.json()["errors"]}


def test_visibility_hides_events_and_the_names_of_invisible_dialogues(api, partner_api):
    secret = factories.DialogueFactory(slug="secret", name="Secret dialogue", visibility=Visibility.PARTNERS)
    factories.EventFactory(slug="public-of-secret", dialogue=secret)
    factories.EventFactory(slug="draft", status=Status.DRAFT)
    factories.EventFactory(slug="partners-only", visibility=Visibility.PARTNERS)

    public = api.get(URL).json()
    partner = partner_api.get(URL).json()

    assert set(marks_by_slug(public)) == {"public-of-secret"}
    assert [lane["key"] for lane in public["lanes"]] == [timeline.OTHER_LANE]
    assert "Secret dialogue" not in str(public)
    assert set(marks_by_slug(partner)) == {"public-of-secret", "partners-only"}
    assert "secret" in [lane["key"] for lane in partner["lanes"]]


def test_conditional_get(api):
    factories.EventFactory()
    etag = api.get(URL)["ETag"]

    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_above_the_threshold_it_counts_per_lane_and_year(api, monkeypatch):
    monkeypatch.setattr(timeline, "MAX_MARKS", 3)
    t2d = factories.DialogueFactory(slug="t2d")
    for day in range(4):
        factories.EventFactory(dialogue=t2d, start_date=datetime.date(2018 + 2 * day, 5, 1))
    factories.EventFactory(start_date=datetime.date(2021, 6, 1))

    data = api.get(URL).json()
    narrow = api.get(URL + "?starts_after=2021-01-01&starts_before=2021-12-31").json()

    assert (data["mode"], data["bucket"], data["marks"], data["total"]) == ("counts", "year", [], 5)
    assert data["counts"] == [[0, "2018", 1], [0, "2020", 1], [0, "2022", 1], [0, "2024", 1], [1, "2021", 1]]
    # A client zoomed in on a year asks for its range, and gets marks again.
    assert narrow["mode"] == "marks" and len(narrow["marks"]) == 1


def test_queries_do_not_grow_with_events(api):
    t2d = factories.DialogueFactory(slug="t2d")
    factories.PhaseFactory(dialogue=t2d, start_date=datetime.date(2020, 1, 1))
    for number in range(3):
        factories.EventFactory(dialogue=t2d, kind="plenary", number=number + 1)
    api.get("/api/v1/")
    few = count_queries(api, URL)
    for number in range(40):
        factories.EventFactory(
            dialogue=factories.DialogueFactory(), start_date=datetime.date(2000 + number % 25, 1, 1)
        )
    assert count_queries(api, URL) == few <= 8


def test_the_payload_stays_bounded(api, monkeypatch):
    monkeypatch.setattr(timeline, "MAX_MARKS", 10)
    t2d = factories.DialogueFactory(slug="t2d")
    for number in range(60):
        factories.EventFactory(dialogue=t2d, start_date=datetime.date(2000 + number % 20, 1 + number % 12, 1))

    data = api.get(URL).json()

    assert data["mode"] == "counts" and data["total"] == 60
    assert len(data["counts"]) == 20  # one per year of its one lane


def test_the_schema_documents_it_typed(api):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/timeline/"]["get"]

    assert {"dialogue", "kind", "starts_after", "starts_before"} <= {
        p["name"] for p in operation["parameters"]
    }
    response = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    properties = schema["components"]["schemas"][response.rsplit("/", 1)[1]]["properties"]
    assert {"mode", "lanes", "marks", "counts", "mark_columns"} <= set(properties)
    # Not in the API root: its entries besides search and changes are kinds of record (docs/api.md).
    assert "timeline" not in api.get("/api/v1/").json()
