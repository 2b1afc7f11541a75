"""What every endpoint's list and detail do (RecordViewSet): visibility, filters, ordering, exports.

What each app's records show, and each endpoint's query budget, are in tests/<app>/api/test_views.py.
"""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client

from config.framework.visibility import Status, Visibility
from events.models import Event
from tests import factories
from tests.helpers import capture_queries, issue_token, record_permissions

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("path", "factory"),
    [
        ("organisations", factories.OrganisationFactory),
        ("people", factories.PersonFactory),
        ("topics", factories.TopicFactory),
        ("dialogues", factories.DialogueFactory),
        ("phases", factories.PhaseFactory),
        ("working-groups", factories.WorkingGroupFactory),
        ("publications", factories.PublicationFactory),
        ("programmes", factories.ProgrammeFactory),
        ("projects", factories.ProjectFactory),
        ("events", factories.EventFactory),
    ],
)
def test_list_and_detail_show_only_visible_records(api, partner_api, staff_api, path, factory):
    public = factory(slug="public-one")
    partners = factory(slug="partners-one", visibility=Visibility.PARTNERS)
    draft = factory(slug="draft-one", status=Status.DRAFT)

    assert sorted(slugs(api.get(f"/api/v1/{path}/"))) == [public.slug]
    assert sorted(slugs(partner_api.get(f"/api/v1/{path}/"))) == sorted([public.slug, partners.slug])
    assert sorted(slugs(staff_api.get(f"/api/v1/{path}/"))) == sorted(
        [public.slug, partners.slug, draft.slug]
    )
    assert api.get(f"/api/v1/{path}/public-one/").json()["slug"] == "public-one"
    assert api.get(f"/api/v1/{path}/partners-one/").status_code == 404
    assert partner_api.get(f"/api/v1/{path}/draft-one/").status_code == 404


@pytest.mark.parametrize(
    ("path", "factory"),
    [("dialogue-roles", factories.DialogueRoleFactory), ("sessions", factories.SessionFactory)],
)
def test_rows_are_found_by_id_among_visible_ones(api, path, factory):
    public = factory()
    hidden = factory(visibility=Visibility.PARTNERS)

    assert [row["id"] for row in api.get(f"/api/v1/{path}/").json()["results"]] == [public.pk]
    assert api.get(f"/api/v1/{path}/{public.pk}/").json()["id"] == public.pk
    assert api.get(f"/api/v1/{path}/{hidden.pk}/").status_code == 404


# Filters: each FilterSet's filters, through the API ------------------------------------------


@pytest.fixture
def atlas(db):
    topic = factories.TopicFactory(slug="carbon-markets")
    uba = factories.OrganisationFactory(slug="uba", kind="government_agency", country="DE")
    ndrc = factories.OrganisationFactory(slug="ndrc", kind="ministry", country="CN")
    t2d = factories.DialogueFactory(slug="t2d", parties=["DE", "CN"], track="2")
    india_us = factories.DialogueFactory(
        slug="india-us",
        parties=["IN", "US"],
        track="1.5",
        state="concluded",
        start_date=datetime.date(2015, 1, 1),
    )
    t2d.topics.add(topic)
    factories.DialogueRoleFactory(dialogue=t2d, organisation=uba, role="lead_agency", side="DE")
    factories.DialogueRoleFactory(dialogue=india_us, organisation=ndrc, role="funder", side="")
    phase = factories.PhaseFactory(dialogue=t2d, slug="t2d-phase-1")
    factories.WorkingGroupFactory(dialogue=t2d, phase=phase, slug="t2d-wg-1")
    factories.WorkingGroupFactory(dialogue=india_us, slug="india-us-wg-1")
    factories.PublicationFactory(
        slug="paper-2022", dialogue=t2d, date=datetime.date(2022, 1, 1), kind="report"
    )
    factories.PublicationFactory(slug="news-2024", date=datetime.date(2024, 5, 1), kind="news")
    programme = factories.ProgrammeFactory(slug="iki")
    clct = factories.ProjectFactory(slug="clct", programme=programme, countries=["CN"], state="active")
    clct.dialogues.add(t2d)
    factories.ProjectFactory(slug="india-ndc", countries=["IN"], state="completed")
    workshop = factories.EventFactory(
        slug="workshop-2024",
        dialogue=t2d,
        country="DE",
        kind="workshop",
        start_date=datetime.date(2024, 8, 28),
    )
    workshop.projects.add(clct)
    factories.EventParticipationFactory(event=workshop, organisation=uba)
    factories.EventFactory(
        slug="plenary-2030",
        kind="plenary",
        country="CN",
        state="planned",
        start_date=datetime.date(2030, 5, 1),
    )
    factories.SessionFactory(event=workshop, order=1)
    person = factories.PersonFactory(slug="ma-aimin")
    factories.AffiliationFactory(person=person, organisation=ndrc)
    factories.PersonFactory(slug="someone-else")
    return {"t2d": t2d}


FILTERS = [
    ("organisations", "kind=ministry", ["ndrc"]),
    ("organisations", "country=DE", ["uba"]),
    ("organisations", "country=DE&country=CN", ["ndrc", "uba"]),
    ("people", "organisation=ndrc", ["ma-aimin"]),
    ("dialogues", "track=1.5", ["india-us"]),
    ("dialogues", "party=CN", ["t2d"]),
    ("dialogues", "state=concluded", ["india-us"]),
    ("dialogues", "topic=carbon-markets", ["t2d"]),
    ("dialogues", "organisation=uba", ["t2d"]),
    ("dialogues", "year=2016", ["india-us"]),
    ("phases", "dialogue=t2d", ["t2d-phase-1"]),
    ("working-groups", "dialogue=india-us", ["india-us-wg-1"]),
    ("working-groups", "phase=t2d-phase-1", ["t2d-wg-1"]),
    ("publications", "kind=news", ["news-2024"]),
    ("publications", "dialogue=t2d", ["paper-2022"]),
    ("publications", "year=2022", ["paper-2022"]),
    ("projects", "programme=iki", ["clct"]),
    ("projects", "country=IN", ["india-ndc"]),
    ("projects", "state=active", ["clct"]),
    ("projects", "dialogue=t2d", ["clct"]),
    ("events", "dialogue=t2d", ["workshop-2024"]),
    ("events", "project=clct", ["workshop-2024"]),
    ("events", "organisation=uba", ["workshop-2024"]),
    ("events", "kind=plenary", ["plenary-2030"]),
    ("events", "state=planned", ["plenary-2030"]),
    ("events", "country=DE", ["workshop-2024"]),
    ("events", "year=2024", ["workshop-2024"]),
    ("events", "when=upcoming", ["plenary-2030"]),
    ("events", "when=past", ["workshop-2024"]),
    ("events", "starts_after=2025-01-01", ["plenary-2030"]),
    ("events", "starts_before=2025-01-01", ["workshop-2024"]),
]


@pytest.mark.parametrize(("path", "query", "expected"), FILTERS, ids=[f"{p}?{q}" for p, q, _ in FILTERS])
def test_list_filter_selects_the_matching_records(api, atlas, path, query, expected):
    assert sorted(slugs(api.get(f"/api/v1/{path}/?{query}"))) == expected


def test_dialogue_role_filters_select_rows(api, atlas):
    rows = api.get("/api/v1/dialogue-roles/?organisation=uba&role=lead_agency&side=DE").json()["results"]

    assert [(row["dialogue"]["slug"], row["organisation"]["slug"]) for row in rows] == [("t2d", "uba")]


def test_session_filter_selects_the_event_sessions(api, atlas):
    rows = api.get("/api/v1/sessions/?event=workshop-2024").json()["results"]

    assert [row["event"]["slug"] for row in rows] == ["workshop-2024"]


def test_updated_since_selects_records_changed_since(api):
    old = factories.OrganisationFactory(slug="old")
    type(old).objects.filter(pk=old.pk).update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    factories.OrganisationFactory(slug="new")

    assert slugs(api.get("/api/v1/organisations/?updated_since=2021-01-01T00:00:00Z")) == ["new"]


def test_filter_on_an_invisible_record_is_refused(api):
    factories.DialogueFactory(slug="secret", status=Status.DRAFT)

    response = api.get("/api/v1/events/?dialogue=secret")

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["dialogue"]


# Ordering ---------------------------------------------------------------------------------------------


def test_ordering_by_a_documented_field_with_id_as_tie_breaker(api):
    for slug in ("b", "a", "c"):
        factories.EventFactory(
            slug=f"event-{slug}", name=f"Same {slug}", start_date=datetime.date(2024, 1, 1)
        )
    same = [
        factories.EventFactory(slug=f"tie-{n}", name="Tie", start_date=datetime.date(2023, 1, 1))
        for n in range(3)
    ]

    assert slugs(api.get("/api/v1/events/?ordering=name")) == [
        "event-a",
        "event-b",
        "event-c",
        *[event.slug for event in same],
    ]
    # Equal start dates: the id decides, in creation order.
    assert slugs(api.get("/api/v1/events/?ordering=-start&page_size=3")) == ["event-b", "event-a", "event-c"]


def test_ordering_by_an_undocumented_field_is_refused(api):
    response = api.get("/api/v1/events/?ordering=password")

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["ordering"]


# Exports: every visible record the filters select, streamed from a server-side cursor in chunks -----


@pytest.fixture
def events(db):
    dialogue = factories.DialogueFactory(slug="t2d")
    for number in range(30):
        factories.EventFactory(
            slug=f"event-{number:02d}",
            name=f"Event {number:02d}",
            kind=Event.Kind.PLENARY if number % 3 == 0 else Event.Kind.WORKSHOP,
            dialogue=dialogue if number % 2 == 0 else None,
        )
    factories.EventFactory(slug="partners-only", visibility=Visibility.PARTNERS)


def streamed(response) -> bytes:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(streamed(response).decode())))


def test_csv_export_streams_every_filtered_record(api, events):
    response = api.get("/api/v1/events/export/?format=csv&kind=plenary&dialogue=t2d")
    rows = csv_rows(response)

    assert (response.status_code, response["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="event.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert [row["slug"] for row in rows] == ["event-00", "event-06", "event-12", "event-18", "event-24"]
    assert len(rows) == api.get("/api/v1/events/?kind=plenary&dialogue=t2d").json()["count"]


def test_csv_export_has_the_columns_of_the_csv_list(api, events):
    listed = api.get("/api/v1/events/?format=csv").content.decode().splitlines()[0]
    exported = streamed(api.get("/api/v1/events/export/?format=csv")).decode().splitlines()[0]

    assert exported == listed


def test_csv_export_is_every_page_of_the_list(api, events):
    rows = csv_rows(api.get("/api/v1/events/export/?format=csv"))

    assert len(rows) == 30
    assert len(api.get("/api/v1/events/?format=csv&page_size=5").content.decode().splitlines()) == 1 + 5
    # An export has no pages: a page size is refused rather than ignored.
    response = api.get("/api/v1/events/export/?format=csv&page_size=5")
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["page_size"]


def test_csv_export_shows_only_what_the_caller_may_see(api, partner_api, events):
    anonymous = {row["slug"] for row in csv_rows(api.get("/api/v1/events/export/?format=csv"))}
    partner = {row["slug"] for row in csv_rows(partner_api.get("/api/v1/events/export/?format=csv"))}

    assert partner - anonymous == {"partners-only"}


def test_csv_export_defuses_formulas(api):
    factories.EventFactory(slug="formula", name='=HYPERLINK("https://evil.example","x")', venue="+1 555")

    (row,) = csv_rows(api.get("/api/v1/events/export/?format=csv"))

    assert (row["name"], row["venue"]) == ('\'=HYPERLINK("https://evil.example","x")', "'+1 555")


def test_csv_export_bad_filter_is_a_json_400(api, events):
    response = api.get("/api/v1/events/export/?format=csv&kind=party")

    assert (response.status_code, response["Content-Type"]) == (400, "application/json")
    assert list(response.json()["errors"][0]) == ["field", "code", "message"]
    assert response.json()["errors"][0]["field"] == "kind"


def test_ndjson_export_is_still_the_default(api, events):
    response = api.get("/api/v1/events/export/?kind=plenary")
    records = [json.loads(line) for line in streamed(response).splitlines()]

    assert response["Content-Type"] == "application/x-ndjson"
    assert len(records) == 10
    assert "participations" in records[0]  # the full record, not the list's summary


def test_export_reads_a_server_side_cursor(api, events, settings):
    settings.API_EXPORT_CHUNK_SIZE = 8
    content = iter(api.get("/api/v1/events/export/").streaming_content)

    next(content)  # the first record: the cursor is open, the rest not yet read
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_cursors")
        (statement,) = [row[0] for row in cursor.fetchall()]

    assert statement.startswith('DECLARE "_django_curs_')
    assert "FOR SELECT" in statement
    assert len(list(content)) == 30 - 1  # the rest; the partners-only event stays hidden


@pytest.mark.parametrize("url", ["/api/v1/events/export/", "/api/v1/events/export/?format=csv"])
def test_export_reads_in_chunks_with_their_relations(api, events, settings, url):
    settings.API_EXPORT_CHUNK_SIZE = 8

    with capture_queries() as queries:
        lines = streamed(api.get(url)).count(b"\n")

    # Before the rows, the count and the changes-feed cursor of the export's snapshot. Then the
    # events come through one server-side cursor; each chunk of 8 rows (4 for 30) brings its
    # relations in a fixed number of queries, whatever the chunk holds.
    count, cursor, *selects = queries.sql
    assert "COUNT(" in count and "pg_current_snapshot()" in cursor
    main = [sql for sql in selects if sql.startswith('DECLARE "_django_curs_')]
    per_chunk, remainder = divmod(len(selects) - len(main), 4)
    assert (len(main), remainder, per_chunk >= 1) == (1, 0, True)
    assert lines == 30 + (1 if "csv" in url else 0)


def test_export_queries_do_not_grow_with_rows_in_a_chunk(api, settings):
    def export_queries():
        with capture_queries() as queries:
            streamed(api.get("/api/v1/events/export/"))
        return len(queries)

    event = factories.EventFactory()
    factories.EventParticipationFactory(event=event)
    with_one = export_queries()
    for _ in range(20):
        factories.EventParticipationFactory(event=factories.EventFactory())

    assert export_queries() == with_one


# The NDJSON export shows each record exactly as its detail endpoint does, however many it streams.
def test_export_lines_equal_each_records_detail(api):
    t2d = factories.DialogueFactory(slug="t2d")
    topic = factories.TopicFactory(slug="emissions-trading")
    first = factories.EventFactory(slug="plenary", dialogue=t2d, country="DE", city="Berlin")
    first.topics.add(topic)
    second = factories.EventFactory(slug="webinar", kind="webinar", country="CN")
    factories.EventParticipationFactory(event=second)
    factories.SessionFactory(event=first, title="Opening")

    response = api.get("/api/v1/events/export/")
    lines = b"".join(response.streaming_content).decode().splitlines()
    exported = sorted((json.loads(line) for line in lines), key=lambda row: row["slug"])
    details = [api.get(f"/api/v1/events/{slug}/").json() for slug in ("plenary", "webinar")]

    assert exported == details
    assert [row["dialogue"] and row["dialogue"]["slug"] for row in exported] == ["t2d", None]


# OPTIONS outside a transaction --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_options_outside_a_transaction_is_a_200_that_describes_the_writes():
    """As in production, with no transaction around the request: describing a record's PUT once
    locked its row, which outside a transaction is an error (a 500) for every account that may
    change it. Every endpoint, anonymous, as a writer and as a superuser."""
    from config.atlas.api_urls import APP_APIS

    writer = factories.PartnerFactory()
    writer.user_permissions.add(*record_permissions())
    superuser = factories.StaffFactory(is_superuser=True)
    paths = []
    for api in APP_APIS:
        for prefix, viewset, _basename in api.router.registry:
            record = getattr(factories, f"{viewset.queryset.model.__name__}Factory")()
            paths += [f"/api/v1/{prefix}/", f"/api/v1/{prefix}/{getattr(record, viewset.lookup_field)}/"]
    answers, described = {}, {}
    for name, user in [("anonymous", None), ("writer", writer), ("superuser", superuser)]:
        headers = {"Authorization": f"Token {issue_token(user)}"} if user else {}
        client = Client(raise_request_exception=False, headers=headers)
        for path in paths:
            response = client.options(path)
            answers[name, path] = response.status_code
            described[name, path] = sorted(response.json().get("actions", {}))

    assert {key: status for key, status in answers.items() if status != 200} == {}
    assert {tuple(described[name, path]) for name in ("writer", "superuser") for path in paths} == {
        # A list describes its POST, a record its PUT.
        ("POST",),
        ("PUT",),
    }
    assert {tuple(described["anonymous", path]) for path in paths} == {()}
