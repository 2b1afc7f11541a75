"""No list filter reads a 100k-row table from end to end: EXPLAIN of the lists' queries at scale.

A module fixture writes 100,000 events (with two topics and two participating organisations each)
into the test database with ``INSERT … SELECT generate_series``, copying every column the test does
not vary from a template row made by the factories, then runs ``VACUUM ANALYZE`` so that the planner
sees the sizes and the visibility map a production database has. Each case builds the queries a list
runs (the page and its count) and asserts that no plan has a sequential scan on the big tables.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from config.atlas.demo import atlas_models
from config.framework.search import search_records
from dialogues.models import Dialogue, Topic
from events.filtersets import EventFilterSet
from events.models import Event, EventParticipation
from institutions.models import Organisation
from tests import factories
from tests.factories import PartnerFactory
from tests.helpers import capture_queries

EVENTS = 100_000
DIALOGUES, TOPICS, ORGANISATIONS = 100, 200, 1000
BIG_TABLES = {"events_event", "events_event_topics", "events_eventparticipation"}
KINDS = [kind for kind, _ in Event.Kind.choices]
COUNTRIES = ["DE", "CN", "US", "IN", "FR", "BR", "ZA", "ID", "MX", "JP", "KR", "GB", "EU", "KE", "VN"]

pytestmark = pytest.mark.django_db


def clone(model, template_pk: int, rows: str, **columns) -> None:
    """Insert one row per row of ``rows`` (SQL yielding ``g``), copying ``template_pk`` but ``columns``."""
    table = model._meta.db_table
    names = [
        field.column
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field, "generated", False)
    ]
    values = [columns.pop(name, f't."{name}"') for name in names]
    assert columns == {}, f"unknown columns {columns}"
    with connection.cursor() as cursor:
        cursor.execute(
            f'INSERT INTO "{table}" ({", ".join(f'"{name}"' for name in names)}) '
            f'SELECT {", ".join(values)} FROM ({rows}) AS rows, "{table}" AS t '
            f"WHERE t.id = {int(template_pk)}"
        )


def text_array(values) -> str:
    return "ARRAY[" + ", ".join(f"'{value}'" for value in values) + "]"


@pytest.fixture(scope="module")
def big_tables(django_db_setup, django_db_blocker):
    """100k events, 200k topic links, 200k participations, committed; emptied after the module."""
    with django_db_blocker.unblock():
        empty_atlas_tables()  # what a run that failed half-way may have left
        dialogue = factories.DialogueFactory(slug="dialogue-0")
        topic = factories.TopicFactory(slug="topic-0")
        organisation = factories.OrganisationFactory(slug="organisation-0")
        event = factories.EventFactory(slug="template-event", dialogue=dialogue)
        participation = factories.EventParticipationFactory(event=event, organisation=organisation)
        series = "SELECT generate_series(1, {}) AS g"
        clone(
            Dialogue,
            dialogue.pk,
            series.format(DIALOGUES - 1),
            slug="'dialogue-' || g",
            name_en="'Dialogue ' || g",
        )
        clone(Topic, topic.pk, series.format(TOPICS - 1), slug="'topic-' || g", name_en="'Topic ' || g")
        clone(
            Organisation,
            organisation.pk,
            series.format(ORGANISATIONS - 1),
            slug="'organisation-' || g",
            name_en="'Organisation ' || g",
        )
        first_dialogue, first_topic, first_organisation = dialogue.pk, topic.pk, organisation.pk
        clone(
            Event,
            event.pk,
            series.format(EVENTS),
            slug="'event-' || g",
            name="'Meeting ' || substr(md5(g::text), 1, 10)",
            name_en="'Meeting ' || substr(md5(g::text), 1, 10)",
            status="CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END",
            visibility="CASE WHEN g % 7 = 0 THEN 'partners' ELSE 'public' END",
            # Thirty years of events, 2000–2029, a fifth of them over several days.
            start_date="DATE '2000-01-01' + (g * 7919 % 10950)",
            end_date="CASE WHEN g % 5 = 0 THEN DATE '2000-01-01' + (g * 7919 % 10950) + 2 END",
            kind=f"({text_array(KINDS)})[g % {len(KINDS)} + 1]",
            country=f"({text_array(COUNTRIES)})[g % {len(COUNTRIES)} + 1]",
            dialogue_id=f"{first_dialogue} + g % {DIALOGUES}",
            updated_at="now() - (g % 1000) * interval '1 day'",
            created_at="now() - (g % 1000) * interval '1 day'",
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO events_event_topics (event_id, topic_id) "
                f"SELECT id, {first_topic} + (id * 31 + n * 100) % {TOPICS} "
                "FROM events_event, (VALUES (0), (1)) AS two(n) WHERE slug LIKE 'event-%'"
            )
        clone(
            EventParticipation,
            participation.pk,
            "SELECT id AS event, n FROM events_event, (VALUES (0), (1)) AS two(n) WHERE slug LIKE 'event-%'",
            event_id="rows.event",
            organisation_id=f"{first_organisation} + (rows.event * 13 + rows.n * 500) % {ORGANISATIONS}",
        )
        with connection.cursor() as cursor:
            # Statistics from every row of the link tables, not a random sample: with a sample the
            # estimate for one topic varied from run to run, and PostgreSQL 15's plan with it.
            for table, column in (
                ("events_event_topics", "topic_id"),
                ("events_eventparticipation", "organisation_id"),
            ):
                cursor.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET STATISTICS 10000')
            for table in ("events_event", "events_event_topics", "events_eventparticipation"):
                cursor.execute(f'VACUUM ANALYZE "{table}"')
    yield
    with django_db_blocker.unblock():
        empty_atlas_tables()


def empty_atlas_tables() -> None:
    tables = ", ".join(f'"{model._meta.db_table}"' for model in atlas_models())
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def scans(plan: dict):
    """Every node of a plan that reads a table: (node type, table, index)."""
    if "Relation Name" in plan:
        yield plan["Node Type"], plan["Relation Name"], plan.get("Index Name")
    for child in plan.get("Plans", []):
        yield from scans(child)


def sequential_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (plan,) = cursor.fetchone()[0]
    return [table for node, table, _ in scans(plan["Plan"]) if node == "Seq Scan" and table in BIG_TABLES]


def list_queries(user, params) -> tuple[str, list[str]]:
    """The SQL a list runs: its count, and its first page with what the rows show."""
    if "updated_since" in params:
        newest = Event.objects.order_by("-updated_at").values_list("updated_at", flat=True)[500]
        params = {**params, "updated_since": newest.isoformat()}
    filterset = EventFilterSet(params, queryset=Event.objects.visible_to(user))
    assert filterset.is_valid(), filterset.errors
    queryset = filterset.qs.for_list()
    with capture_queries() as counted:
        queryset.count()
    with capture_queries() as paged:
        list(queryset[:20])
    (count,) = counted.sql
    return count, paged.sql


CASES = {
    "dialogue and year": {"dialogue": "dialogue-7", "year": "2021"},
    "country": {"country": "KE"},
    "kind": {"kind": "webinar"},
    "upcoming, soonest first": {"when": "upcoming", "ordering": "start"},
    "past, latest first": {"when": "past"},
    "topic": {"topic": "topic-42"},
    "organisation through participations": {"organisation": "organisation-99"},
    "updated since, for a sync": {"updated_since": "the 500th newest change", "ordering": "updated"},
    "default order": {},
}
# Counting four fifths of the table reads it whichever way; with rows as wide as real ones (texts in
# three languages) PostgreSQL counts these from the covering index event_visible_start instead.
UNSELECTIVE = {"past, latest first", "default order"}
USERS = {"anonymous": AnonymousUser, "partner": PartnerFactory}


@pytest.mark.parametrize("params", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("who", USERS)
def test_event_list_pages_use_indexes(big_tables, params, who):
    _count, page = list_queries(USERS[who](), params)

    assert len(page) == 2  # the rows, then their topics
    assert {sql: sequential_scans(sql) for sql in page} == {sql: [] for sql in page}


@pytest.mark.parametrize(
    "params",
    [params for name, params in CASES.items() if name not in UNSELECTIVE],
    ids=[name for name in CASES if name not in UNSELECTIVE],
)
@pytest.mark.parametrize("who", USERS)
def test_event_list_counts_use_indexes(big_tables, params, who):
    count, _page = list_queries(USERS[who](), params)

    assert sequential_scans(count) == []


def test_filters_select_what_they_say_at_scale(big_tables):
    """The data behind the plans is what the cases assume: every filter narrows the list."""
    visible = Event.objects.visible_to(AnonymousUser())
    counts = {
        name: EventFilterSet(params, queryset=visible).qs.count()
        for name, params in CASES.items()
        if "updated_since" not in params
    }

    assert counts["default order"] == visible.count() > 75_000
    assert all(
        0 < count < counts["default order"] for name, count in counts.items() if name != "default order"
    )


def test_api_default_list_uses_indexes(big_tables, api):
    with capture_queries() as queries:
        response = api.get("/api/v1/events/")
    selects = [
        sql for sql in queries.sql if sql.startswith("SELECT") and not sql.startswith("SELECT COUNT(*)")
    ]

    assert (response.status_code, len(response.json()["results"])) == (200, 25)
    assert {sql: sequential_scans(sql) for sql in selects} == {sql: [] for sql in selects}


def test_api_pages_after_a_cursor_use_indexes(big_tables, api, settings):
    """A cursor's condition starts the index scan at the boundary: the tenth page reads no more of
    the table than the first (no sequential scan, whatever the position)."""
    settings.RESPONSE_CACHE_SECONDS = 0  # every page from the database, even one read before
    url = "/api/v1/events/?page_size=100"
    for _ in range(10):
        url = api.get(url).json()["next"]
    for ordering in ("", "&ordering=start", "&ordering=-updated"):
        following = api.get(f"/api/v1/events/?page_size=100{ordering}").json()["next"]
        for address in (url, following) if not ordering else (following,):
            with capture_queries() as queries:
                response = api.get(address)
            selects = [
                sql
                for sql in queries.sql
                if sql.startswith("SELECT") and not sql.startswith("SELECT COUNT(*)")
            ]

            assert (response.status_code, len(response.json()["results"])) == (200, 100)
            assert selects, "the page was not read from the database"
            assert {sql: sequential_scans(sql) for sql in selects} == {sql: [] for sql in selects}


def test_search_uses_its_indexes(big_tables):
    name = Event.objects.get(slug="event-4243").name
    records = search_records(Event, name.split()[-1], AnonymousUser())
    with capture_queries() as queries:
        found = [record.slug for record in records[:10]]

    assert found == ["event-4243"]
    # The events (their further places matched by id = ANY(ARRAY(…)), an index condition too), then
    # the further places the results show.
    assert [sequential_scans(sql) for sql in queries.sql] == [[], []]
