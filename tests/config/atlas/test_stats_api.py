"""``/api/v1/stats/…``: counts per year, right against the seed and factories, filtered, visible only
to whom they should be, 400 on bad parameters, in a fixed number of queries."""

import datetime
import io

import pytest
from django.core.management import call_command

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/stats/events-per-year/"
TOPICS = "/api/v1/stats/topics-per-year/"


def activity(slug: str) -> str:
    return f"/api/v1/stats/organisations/{slug}/activity/"


def event(year=None, precision="day", **fields):
    """An event in ``year`` (at that precision), or undated."""
    start = datetime.date(year, 1, 1) if year else None
    return factories.EventFactory(start_date=start, start_precision=precision, **fields)


def by_year(data) -> dict:
    return {row["year"]: row["counts"] for row in data["years"]}


def test_events_by_kind_count_partial_dates_at_their_year_and_undated_apart(client):
    dialogue = factories.DialogueFactory(slug="t2d-test")
    event(2020, "year", kind="plenary", dialogue=dialogue)
    event(2020, "month", kind="workshop", dialogue=dialogue)
    event(2022, kind="workshop", dialogue=dialogue)
    event(None, kind="plenary", dialogue=dialogue)
    event(2021, kind="plenary")  # another dialogue's: filtered out

    data = client.get(EVENTS, {"group": "kind", "dialogue": "t2d-test"}).json()

    assert [part["key"] for part in data["series"]] == ["plenary", "workshop"]
    assert data["years"] == [
        {"year": 2020, "counts": [1, 1], "total": 2},
        {"year": 2021, "counts": [0, 0], "total": 0},
        {"year": 2022, "counts": [0, 1], "total": 1},
    ]
    assert data["undated"] == {"counts": [1, 0], "total": 1}
    assert data["total"] == 4


def test_events_by_dialogue_name_the_leading_ones_and_sum_the_rest(client):
    dialogues = [factories.DialogueFactory(slug=f"d{n}", acronym=f"D{n}") for n in range(10)]
    for n, dialogue in enumerate(dialogues):
        for _ in range(10 - n):  # d0 has the most events
            event(2024, dialogue=dialogue)
    event(2024)  # no dialogue

    data = client.get(EVENTS).json()

    assert [(part["key"], part["label"]) for part in data["series"]] == [
        *((f"d{n}", f"D{n}") for n in range(8)),
        ("_other", "other dialogues"),
        ("_none", "no dialogue"),
    ]
    assert data["series"][0]["html_url"] == "http://testserver/dialogues/d0/"
    assert by_year(data) == {2024: [10, 9, 8, 7, 6, 5, 4, 3, 2 + 1, 1]}


def test_events_per_year_match_the_seed(client):
    call_command("load_seed", stdout=io.StringIO())

    data = client.get(EVENTS, {"group": "kind", "dialogue": "t2d"}).json()

    # The T2D's twelve events in the seed: plenaries and steering committees from 2021 on.
    assert (
        data["total"]
        == client.get("/api/v1/events/", {"dialogue": "t2d", "page_size": 100}).json()["results"].__len__()
    )
    assert sum(row["total"] for row in data["years"]) + data["undated"]["total"] == data["total"]
    assert data["years"][-1]["year"] == 2024


def test_events_per_year_count_only_what_the_reader_may_see(client):
    event(2024)
    event(2024, visibility=Visibility.PARTNERS)
    event(2024, status=Status.DRAFT)

    anonymous = client.get(EVENTS, {"group": "kind"}).json()["total"]
    client.force_login(factories.PartnerFactory())
    partner = client.get(EVENTS, {"group": "kind"}).json()["total"]
    client.force_login(factories.StaffFactory())
    staff = client.get(EVENTS, {"group": "kind"}).json()["total"]

    assert (anonymous, partner, staff) == (1, 2, 3)


def test_an_invisible_dialogue_is_not_named(client):
    hidden = factories.DialogueFactory(slug="hidden", visibility=Visibility.INTERNAL)
    event(2024, dialogue=hidden)

    data = client.get(EVENTS).json()

    assert [part["key"] for part in data["series"]] == ["_other"]
    assert "hidden" not in str(data)


def test_topics_per_year_count_events_and_publications(client):
    topic, other = factories.TopicFactory(slug="ets"), factories.TopicFactory(slug="gender")
    event(2023).topics.add(topic)
    event(2024).topics.add(topic, other)
    factories.PublicationFactory(date=datetime.date(2024, 1, 1), date_precision="year").topics.add(topic)
    factories.PublicationFactory().topics.add(topic)  # undated
    factories.PublicationFactory(date=datetime.date(2024, 1, 1), status=Status.DRAFT).topics.add(topic)

    per_topic = client.get(TOPICS, {"topic": ["ets", "gender"]}).json()
    per_record = client.get(TOPICS, {"topic": "ets", "group": "record"}).json()
    events_only = client.get(TOPICS, {"topic": "ets", "record": "events"}).json()

    assert [part["key"] for part in per_topic["series"]] == ["ets", "gender"]
    assert by_year(per_topic) == {2023: [1, 0], 2024: [2, 1]}
    assert per_topic["undated"] == {"counts": [1, 0], "total": 1}
    assert [part["key"] for part in per_record["series"]] == ["events", "publications"]
    assert by_year(per_record) == {2023: [1, 0], 2024: [1, 1]}
    assert per_record["undated"]["counts"] == [0, 1]
    assert by_year(events_only) == {2023: [1], 2024: [1]}


def test_topics_per_year_without_a_topic_show_the_leading_ones(client):
    quiet, busy = factories.TopicFactory(slug="quiet"), factories.TopicFactory(slug="busy")
    factories.TopicFactory(slug="unused")
    event(2024).topics.add(quiet, busy)
    event(2024).topics.add(busy)

    data = client.get(TOPICS).json()

    assert [part["key"] for part in data["series"]] == ["busy", "quiet"]


def test_organisation_activity_counts_each_kind_of_work(client):
    uba = factories.OrganisationFactory(slug="uba-test")
    first, second = event(2021), event(2023)
    factories.EventParticipationFactory(event=first, organisation=uba, role="host")
    factories.EventParticipationFactory(event=first, organisation=uba, role="organiser")  # same event
    factories.EventParticipationFactory(event=second, organisation=uba)
    factories.EventParticipationFactory(event=event(2022), organisation=uba, visibility=Visibility.INTERNAL)
    factories.DialogueRoleFactory(
        organisation=uba, start_date=datetime.date(2022, 1, 1), start_precision="year"
    )
    factories.DialogueRoleFactory(organisation=uba)  # undated
    factories.ProjectRoleFactory(
        organisation=uba, start_date=datetime.date(2023, 5, 1), start_precision="month"
    )
    publication = factories.PublicationFactory(date=datetime.date(2023, 3, 2))
    factories.PublicationAuthorFactory(publication=publication, organisation=uba)

    data = client.get(activity("uba-test")).json()

    assert [part["key"] for part in data["series"]] == [
        "events",
        "dialogue_roles",
        "project_roles",
        "publications",
    ]
    assert by_year(data) == {2021: [1, 0, 0, 0], 2022: [0, 1, 0, 0], 2023: [1, 0, 1, 1]}
    assert data["undated"] == {"counts": [0, 1, 0, 0], "total": 1}


def test_an_invisible_organisation_is_a_404(client):
    factories.OrganisationFactory(slug="secret", visibility=Visibility.INTERNAL)

    assert client.get(activity("secret")).status_code == 404
    assert client.get(activity("nobody")).status_code == 404


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        (EVENTS, {"group": "country"}, "group"),
        (EVENTS, {"group": ["kind", "dialogue"]}, "group"),
        (EVENTS, {"kind": "party"}, "kind"),
        (EVENTS, {"year": "twenty"}, "year"),
        (EVENTS, {"dialogue": "no-such-dialogue"}, "dialogue"),
        (EVENTS, {"grup": "kind"}, "grup"),
        (EVENTS, {"ordering": "name"}, "ordering"),
        (TOPICS, {"topic": "no-such-topic"}, "topic"),
        (TOPICS, {"group": "record"}, "topic"),
        (TOPICS, {"record": "photos"}, "record"),
        (TOPICS, {"topic": "\x00"}, "topic"),
        (TOPICS, {"topic": "x" * 10_000}, "topic"),
        (activity("uba"), {"year": "2024"}, "year"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, path, query, field):
    factories.OrganisationFactory(slug="uba")

    response = client.get(path, query)

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]


@pytest.mark.parametrize(
    "path",
    [EVENTS, f"{EVENTS}?group=kind", TOPICS, f"{TOPICS}?topic=topic-a&group=record", activity("org-a")],
)
def test_queries_do_not_grow_with_the_records(client, path):
    topic = factories.TopicFactory(slug="topic-a")
    organisation = factories.OrganisationFactory(slug="org-a")

    def add(count: int, year: int):
        for _ in range(count):
            new = event(year, dialogue=factories.DialogueFactory(), kind="plenary")
            new.topics.add(topic, factories.TopicFactory())
            factories.EventParticipationFactory(event=new, organisation=organisation)
            factories.PublicationAuthorFactory(organisation=organisation).publication.topics.add(topic)

    add(1, 2020)
    few = count_queries(client, path)
    add(20, 2024)

    assert count_queries(client, path) == few <= 6


def test_the_schema_documents_the_stats_endpoints(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]

    assert {
        path: sorted(
            parameter["name"]
            for parameter in operation["get"].get("parameters", [])
            if parameter["in"] in ("query", "path")
        )
        for path, operation in paths.items()
        if path.startswith("/api/v1/stats/")
    } == {
        "/api/v1/stats/events-per-year/": sorted(
            [
                "country",
                "dialogue",
                "group",
                "kind",
                "lang",
                "mode",
                "organisation",
                "project",
                "starts_after",
                "starts_before",
                "state",
                "topic",
                "updated_since",
                "when",
                "working_group",
                "year",
            ]
        ),
        "/api/v1/stats/topics-per-year/": ["group", "lang", "record", "topic"],
        "/api/v1/stats/organisations/{slug}/activity/": ["lang", "slug"],
    }
