"""The changes feed: every change to what a reader sees, in commit order, from a cursor on.

The tests commit for real (``transaction=True``): the feed hands out only what committed
transactions wrote, below the oldest one still running.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone
from rest_framework.test import APIClient

from config.api.models import FeedEntry
from config.atlas.changes import graph
from config.editorial import workflow
from config.framework.visibility import Status, Visibility
from tests.factories import (
    AffiliationFactory,
    DialogueRoleFactory,
    EventFactory,
    EventParticipationFactory,
    OrganisationFactory,
    PartnerFactory,
    SessionFactory,
    StaffFactory,
    TopicFactory,
)
from tests.helpers import token_client

pytestmark = pytest.mark.django_db(transaction=True)
FEED = "/api/v1/changes/"


def start(client) -> str:
    """The cursor a first copy starts the feed from: an export's, followed until the feed has
    nothing more — so that what a test then finds comes from what it then changes. (While any
    transaction that began before the export still runs, the feed may hand out again what the
    export already held.)"""
    response = client.get("/api/v1/topics/export/")
    b"".join(response.streaming_content)
    cursor = response["X-Changes-Cursor"]
    for _ in range(100):
        page = client.get(FEED, {"cursor": cursor}).json()
        cursor = page["cursor"]
        if not page["changes"]:
            return cursor
        time.sleep(0.05)
    raise AssertionError("the feed did not settle")


def follow(client, cursor: str, **params) -> tuple[dict, str]:
    """Every change from ``cursor`` on, page by page: ``{(type, id): change}`` (the last of each)
    and the cursor to go on from."""
    seen = {}
    while True:
        response = client.get(FEED, {"cursor": cursor, **params})
        assert response.status_code == 200, response.content
        page = response.json()
        for change in page["changes"]:
            seen[(change["type"], change["id"])] = change
        cursor = page["cursor"]
        if not page["more"]:
            return seen, cursor


def actions(seen) -> dict:
    return {key: change["action"] for key, change in seen.items()}


@pytest.fixture
def anonymous_api():
    return APIClient()


def test_a_renamed_organisation_changes_every_record_that_shows_it(anonymous_api):
    organisation = OrganisationFactory(name="Old name")
    event = EventParticipationFactory(organisation=organisation).event
    role = DialogueRoleFactory(organisation=organisation)
    person = AffiliationFactory(organisation=organisation).person
    unrelated = EventFactory()
    cursor = start(anonymous_api)

    organisation.name = "New name"
    organisation.save()

    seen, _ = follow(anonymous_api, cursor)
    assert set(seen) == {
        ("organisations", organisation.pk),
        ("events", event.pk),
        ("dialogue-roles", role.pk),
        ("dialogues", role.dialogue_id),
        ("people", person.pk),
    }
    assert ("events", unrelated.pk) not in seen
    shown = seen[("events", event.pk)]["record"]["participations"][0]["organisation"]
    assert shown["name"] == "New name"


def test_what_a_reader_may_no_longer_see_is_removed(anonymous_api):
    deleted, unpublished, internal, kept = EventFactory.create_batch(4)
    cursor = start(anonymous_api)

    deleted_id = deleted.pk
    deleted.delete()
    unpublished.status = Status.DRAFT
    unpublished.save()
    internal.visibility = Visibility.INTERNAL
    internal.save()
    kept.name = "Kept"
    kept.save()

    seen, _ = follow(anonymous_api, cursor)
    assert actions(seen) == {
        ("events", deleted_id): "remove",
        ("events", unpublished.pk): "remove",
        ("events", internal.pk): "remove",
        ("events", kept.pk): "upsert",
    }
    staff = APIClient()
    staff.force_authenticate(StaffFactory())
    staff_view, _ = follow(staff, cursor)
    # Staff see drafts and internal records: for them, only the deleted one is gone.
    assert actions(staff_view)[("events", unpublished.pk)] == "upsert"
    assert actions(staff_view)[("events", internal.pk)] == "upsert"
    assert actions(staff_view)[("events", deleted_id)] == "remove"


def test_rows_hidden_with_the_record_they_hang_on_are_removed(anonymous_api):
    session = SessionFactory()
    cursor = start(anonymous_api)

    event = session.event
    event.status = Status.DRAFT
    event.save()

    seen, _ = follow(anonymous_api, cursor)
    assert actions(seen) == {("events", event.pk): "remove", ("sessions", session.pk): "remove"}


def test_a_moved_row_changes_the_record_it_left_and_the_one_it_joined(anonymous_api):
    participation = EventParticipationFactory()
    left, joined = participation.event, EventFactory()
    cursor = start(anonymous_api)

    participation.event = joined
    participation.save()

    seen, _ = follow(anonymous_api, cursor)
    assert seen[("events", left.pk)]["record"]["participations"] == []
    assert len(seen[("events", joined.pk)]["record"]["participations"]) == 1


def test_a_deleted_row_and_a_changed_many_to_many_relation_change_their_record(anonymous_api):
    participation = EventParticipationFactory()
    event, topic = participation.event, TopicFactory()
    cursor = start(anonymous_api)

    participation.delete()
    seen, cursor = follow(anonymous_api, cursor)
    assert seen[("events", event.pk)]["record"]["participations"] == []

    event.topics.add(topic)
    seen, cursor = follow(anonymous_api, cursor)
    assert [t["slug"] for t in seen[("events", event.pk)]["record"]["topics"]] == [topic.slug]

    topic.events.clear()
    seen, _ = follow(anonymous_api, cursor)
    assert seen[("events", event.pk)]["record"]["topics"] == []


def test_a_scheduled_publication_comes_when_its_time_comes(anonymous_api, settings):
    publisher = StaffFactory(is_superuser=True)
    event = EventFactory(status=Status.DRAFT)
    cursor = start(anonymous_api)

    soon = timezone.now() + datetime.timedelta(seconds=2)
    workflow.transition(record=event, to=Status.PUBLISHED, by=publisher, publish_at=soon)
    seen, cursor = follow(anonymous_api, cursor)
    assert actions(seen) == {("events", event.pk): "remove"}  # not yet

    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.2)
    seen, _ = follow(anonymous_api, cursor)
    assert actions(seen) == {("events", event.pk): "upsert"}


def test_partners_get_partners_only_records_that_others_get_as_removed(anonymous_api):
    event = EventFactory(visibility=Visibility.PARTNERS)
    partner = APIClient()
    partner.force_authenticate(PartnerFactory())
    cursor = start(anonymous_api)

    event.name = "For partners"
    event.save()

    assert actions(follow(anonymous_api, cursor)[0]) == {("events", event.pk): "remove"}
    assert follow(partner, cursor)[0][("events", event.pk)]["record"]["name"] == "For partners"


def test_a_transaction_that_commits_late_is_not_passed_over(anonymous_api):
    """A long transaction began first and commits last: a client that reads the feed in between
    must still see its change, though a later transaction's change committed before it."""
    early, late = OrganisationFactory(), OrganisationFactory()
    cursor = start(anonymous_api)
    wrote, commit = threading.Event(), threading.Event()

    def long_transaction():
        try:
            with transaction.atomic():
                early.name = "Changed in the long transaction"
                early.save()
                wrote.set()
                commit.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=long_transaction)
    thread.start()
    assert wrote.wait(10)
    late.name = "Changed and committed meanwhile"
    late.save()

    seen, cursor = follow(anonymous_api, cursor)
    # The committed change waits behind the running transaction: nothing is handed out past it.
    assert ("organisations", early.pk) not in seen
    commit.set()
    thread.join()
    later, _ = follow(anonymous_api, cursor)
    seen.update(later)
    assert seen[("organisations", early.pk)]["record"]["name"] == "Changed in the long transaction"
    assert seen[("organisations", late.pk)]["record"]["name"] == "Changed and committed meanwhile"


def test_pages_hand_out_each_change_once(anonymous_api):
    events = EventFactory.create_batch(5)
    cursor = start(anonymous_api)
    for event in events:
        event.name += " changed"
        event.save()

    got = []
    while True:
        page = anonymous_api.get(FEED, {"cursor": cursor, "page_size": 2}).json()
        got += [change["id"] for change in page["changes"]]
        cursor = page["cursor"]
        assert page["next"].endswith(f"cursor={cursor}&page_size=2") or "page_size=2" in page["next"]
        if not page["more"]:
            break
    assert sorted(got) == sorted(event.pk for event in events)
    assert anonymous_api.get(FEED, {"cursor": cursor}).json()["changes"] == []


def test_the_feed_can_be_narrowed_to_kinds_of_record(anonymous_api):
    participation = EventParticipationFactory()
    cursor = start(anonymous_api)
    participation.organisation.name = "Renamed"
    participation.organisation.save()

    seen, _ = follow(anonymous_api, cursor, type="organisations")
    assert set(seen) == {("organisations", participation.organisation_id)}


def test_a_cursor_older_than_the_kept_changes_is_gone(anonymous_api, settings):
    cursor = start(anonymous_api)
    OrganisationFactory()
    settings.API_CHANGES_RETENTION_DAYS = 0
    time.sleep(0.01)

    response = anonymous_api.get(FEED, {"cursor": cursor})
    assert response.status_code == 410
    assert response.json()["code"] == "cursor_expired"
    assert "export" in response.json()["detail"]
    assert FeedEntry.objects.count() == 0
    # A cursor taken after the pruning goes on.
    assert anonymous_api.get(FEED, {"cursor": start(anonymous_api)}).status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "cursor"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WzEsMF0:forged:signature"}, "cursor"),
        ({"cursor": "CURSOR", "page_size": "0"}, "page_size"),
        ({"cursor": "CURSOR", "page_size": "1001"}, "page_size"),
        ({"cursor": "CURSOR", "type": "meetings"}, "type"),
        ({"cursor": "CURSOR", "since": "2026-01-01"}, "since"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(anonymous_api, params, field):
    params = {name: start(anonymous_api) if value == "CURSOR" else value for name, value in params.items()}
    response = anonymous_api.get(FEED, params)
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_every_record_endpoint_is_in_the_feed_and_each_row_has_a_way_to_its_record():
    by_model, dependencies = graph()
    assert {endpoint.kind for endpoint in by_model.values()} == {
        "organisations",
        "people",
        "topics",
        "dialogues",
        "phases",
        "working-groups",
        "dialogue-roles",
        "publications",
        "programmes",
        "projects",
        "events",
        "sessions",
        "event-places",
        "organisation-contact-points",
        "project-contact-points",
    }
    event_rows = {d.lookup for deps in dependencies.values() for d in deps if d.endpoint.kind == "events"}
    assert {
        "participations",
        "speakers",
        "sessions",
        "photos",
        "places",
        "participations__organisation",
    } <= event_rows


def test_exports_give_their_count_and_cursor_and_resume_after_an_id(anonymous_api):
    events = sorted(EventFactory.create_batch(3), key=lambda event: event.pk)
    response = anonymous_api.get("/api/v1/events/export/")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert response["X-Total-Count"] == "3" and len(lines) == 3
    assert response["X-Changes-Cursor"]

    resumed = anonymous_api.get("/api/v1/events/export/", {"after": events[0].pk})
    assert resumed["X-Total-Count"] == "2"
    assert len(b"".join(resumed.streaming_content).decode().splitlines()) == 2
    assert anonymous_api.get("/api/v1/events/export/", {"after": "x"}).status_code == 400


def test_changes_after_an_export_began_are_in_the_feed_from_its_cursor(anonymous_api):
    """An export reads one snapshot; whatever commits while it streams comes from the feed."""
    first = EventFactory(name="Before")
    response = anonymous_api.get("/api/v1/events/export/")
    stream = iter(response.streaming_content)
    next(stream)
    # Commits, on another connection, while the export is still streaming.
    writer = threading.Thread(target=lambda: (EventFactory(name="During"), connection.close()))
    writer.start()
    writer.join()
    rest = b"".join(stream)
    response.close()
    assert b"During" not in rest
    seen, _ = follow(anonymous_api, response["X-Changes-Cursor"])
    assert [change["record"]["name"] for change in seen.values()] == ["During"]
    assert first.pk not in {key[1] for key in seen}


def test_a_token_needs_the_read_scope(anonymous_api, partner):
    cursor = start(anonymous_api)

    write_only = token_client(partner, "write:events").get(FEED, {"cursor": cursor})
    reader = token_client(partner, "read").get(FEED, {"cursor": cursor})

    assert (write_only.status_code, write_only.json()["code"], reader.status_code) == (
        403,
        "missing_scope",
        200,
    )


def test_the_schema_documents_the_feed_its_parameters_and_its_410(anonymous_api):
    operation = anonymous_api.get("/api/schema/?format=json").json()["paths"]["/api/v1/changes/"]["get"]

    assert {parameter["name"] for parameter in operation["parameters"]} >= {"cursor", "type", "page_size"}
    assert {"200", "400", "410"} <= set(operation["responses"])
    example = operation["responses"]["410"]["content"]["application/json"]
    assert "cursor_expired" in str(example)
