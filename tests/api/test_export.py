"""Exports stream every visible record the filters select, from a server-side cursor in chunks."""

import csv
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse

from config.framework.visibility import Visibility
from events.models import Event
from tests import factories
from tests.helpers import capture_queries

pytestmark = pytest.mark.django_db


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
    rows = csv_rows(api.get("/api/v1/events/export/?format=csv&page_size=5"))

    assert len(rows) == 30
    assert len(api.get("/api/v1/events/?format=csv&page_size=5").content.decode().splitlines()) == 1 + 5


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

    # The events come through one server-side cursor; each chunk of 8 rows (4 for 30) brings its
    # relations in a fixed number of queries, whatever the chunk holds.
    selects = queries.sql
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
