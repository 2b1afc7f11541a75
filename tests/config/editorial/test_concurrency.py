"""Editing at the same time (config/editorial/concurrency.py): a save onto a version that changed
meanwhile is refused with nothing written, shows the other person's changes, merges what only they
changed, leaves out rows deleted meanwhile, and succeeds once saved again; of two simultaneous saves
of one version only one wins; the admin and the API refuse each other's stale writes."""

import threading
import time
from html.parser import HTMLParser

import pytest
from django.db import connection, transaction
from django.test import Client

from config.editorial.concurrency import TOKEN_FIELD
from config.framework.visibility import Status
from events.models import Event, Session
from tests import factories
from tests.helpers import admin_url, token_client

pytestmark = pytest.mark.django_db


class FormData(HTMLParser):
    """What a browser sends for the admin change form of a page, untouched (its submit buttons aside)."""

    def __init__(self, html: str):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self.in_form = False
        self.select = None
        self.textarea = None
        self.option = None
        self.feed(html)

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
                return
            self.add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select:
            self.option = attrs
            if "selected" in attrs:
                self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += (
                data.removeprefix("\n") if not self.data[self.textarea][-1] else data
            )


def open_form(client, record) -> dict:
    """The change form of ``record`` as ``client``'s browser would send it back, untouched."""
    response = client.get(admin_url(type(record), "change", record.pk))
    assert response.status_code == 200
    data = FormData(response.content.decode()).data
    return {key: values if len(values) != 1 else values[0] for key, values in data.items()}


def save(client, record, data, **changes):
    return client.post(admin_url(type(record), "change", record.pk), {**data, **changes, "_continue": "1"})


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def event():
    record = factories.EventFactory(name="Plenary", city="Berlin", venue="Old hall", status=Status.DRAFT)
    factories.SessionFactory(event=record, order=1, title="Opening")
    factories.SessionFactory(event=record, order=2, title="Closing")
    return record


@pytest.fixture
def first(writer):
    return signed_in(writer)


@pytest.fixture
def second(editor):
    return signed_in(editor)


def session_index(data, title):
    return next(
        key.split("-")[1] for key, value in data.items() if key.endswith("-title_en") and value == title
    )


def test_a_fresh_form_carries_its_version_and_saves(first, event):
    data = open_form(first, event)

    response = save(first, event, data, city="Bonn")

    assert TOKEN_FIELD in data
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.city == "Bonn"


def test_a_stale_save_is_refused_nothing_written_and_their_changes_merged(first, second, event, editor):
    mine = open_form(first, event)
    theirs = open_form(second, event)
    opening = session_index(theirs, "Opening")
    assert (
        save(
            second, event, theirs, venue="New hall", **{f"sessions-{opening}-title_en": "Welcome"}
        ).status_code
        == 302
    )

    refused = save(first, event, mine, city="Bonn")

    assert refused.status_code == 200
    event.refresh_from_db()
    assert (event.city, event.venue) == ("Berlin", "New hall")
    page = refused.content.decode()
    name = editor.get_full_name() or editor.username
    assert f"What {name} changed since you opened this page" in page
    assert f"{name} saved this event after you opened this page, so nothing was saved." in page
    assert "Old hall" in page and "Welcome" in page
    shown = FormData(page).data
    # Fields only they changed take their value; what I typed stays.
    assert (shown["city"], shown["venue"]) == (["Bonn"], ["New hall"])
    assert shown[f"sessions-{opening}-title_en"] == ["Welcome"]
    assert shown[TOKEN_FIELD] != [mine[TOKEN_FIELD]]
    conflict = refused.context["concurrency"]["conflict"]
    assert sorted(conflict.merged) == ["Session “Welcome”: Title [en]", "Venue"]
    assert conflict.conflicts == []

    again = save(
        first, event, {key: values if len(values) != 1 else values[0] for key, values in shown.items()}
    )

    assert again.status_code == 302
    event.refresh_from_db()
    assert (event.city, event.venue) == ("Bonn", "New hall")
    assert sorted(event.sessions.values_list("title", flat=True)) == ["Closing", "Welcome"]


def test_a_field_both_changed_keeps_mine_and_offers_theirs(first, second, event):
    mine = open_form(first, event)
    theirs = open_form(second, event)
    assert save(second, event, theirs, city="Potsdam").status_code == 302

    refused = save(first, event, mine, city="Bonn")

    conflict = refused.context["concurrency"]["conflict"]
    assert [(item["label"], item["theirs"], item["yours"]) for item in conflict.conflicts] == [
        ("City", "Potsdam", "Bonn")
    ]
    assert '"city": ["Potsdam"]' in conflict.conflicts[0]["data"]
    assert FormData(refused.content.decode()).data["city"] == ["Bonn"]
    event.refresh_from_db()
    assert event.city == "Potsdam"


def test_a_row_deleted_meanwhile_leaves_the_form_and_the_save_succeeds_again(first, second, event):
    mine = open_form(first, event)
    theirs = open_form(second, event)
    closing = session_index(theirs, "Closing")
    assert save(second, event, theirs, **{f"sessions-{closing}-DELETE": "on"}).status_code == 302

    refused = save(first, event, mine, name_en="Plenary meeting")

    assert refused.status_code == 200
    conflict = refused.context["concurrency"]["conflict"]
    assert conflict.dropped == ["Session “Closing”"]
    shown = FormData(refused.content.decode()).data
    assert (shown["sessions-TOTAL_FORMS"], shown["sessions-INITIAL_FORMS"]) == (["1"], ["1"])
    assert shown["sessions-0-title_en"] == ["Opening"]
    event.refresh_from_db()
    assert event.name == "Plenary"

    again = save(
        first, event, {key: values if len(values) != 1 else values[0] for key, values in shown.items()}
    )

    assert again.status_code == 302
    event.refresh_from_db()
    assert event.name == "Plenary meeting"
    assert list(event.sessions.values_list("title", flat=True)) == ["Opening"]


def test_a_form_with_a_validation_error_keeps_its_version(first, event):
    data = open_form(first, event)

    invalid = save(first, event, data, slug="")

    assert invalid.status_code == 200
    assert FormData(invalid.content.decode()).data[TOKEN_FIELD] == [data[TOKEN_FIELD]]
    assert invalid.context["concurrency"]["conflict"] is None


def test_a_tampered_version_is_refused(first, event):
    data = open_form(first, event)

    response = save(first, event, data, city="Bonn", **{TOKEN_FIELD: "forged"})

    assert response.status_code == 200
    event.refresh_from_db()
    assert event.city == "Berlin"


def test_a_rows_own_change_form_is_checked_too(first, second, event):
    session = event.sessions.get(title="Opening")
    mine = open_form(first, session)
    assert save(second, session, open_form(second, session), title_en="Welcome").status_code == 302

    refused = save(first, session, mine, date="2024-05-02")

    assert refused.status_code == 200
    session.refresh_from_db()
    assert (session.title, session.date) == ("Welcome", None)


# The API and the admin ------------------------------------------------------------------------


def test_an_api_write_with_an_etag_read_before_an_admin_change_to_a_row_is_refused(first, writer, event):
    api = token_client(writer)
    url = f"/api/v1/events/{event.slug}/"
    etag = api.get(url)["ETag"]
    data = open_form(first, event)
    opening = session_index(data, "Opening")
    assert save(first, event, data, **{f"sessions-{opening}-title_en": "Welcome"}).status_code == 302

    response = api.patch(url, {"city": "Bonn"}, format="json", headers={"If-Match": etag})

    assert response.status_code == 412
    event.refresh_from_db()
    assert event.city == "Berlin"


@pytest.mark.parametrize("write", ["record", "row"])
def test_an_admin_save_of_a_page_loaded_before_an_api_write_is_refused(first, writer, event, write):
    data = open_form(first, event)
    api = token_client(writer)
    if write == "record":
        url = f"/api/v1/events/{event.slug}/"
        change = {"venue": "New hall"}
    else:
        session = event.sessions.get(title="Opening")
        url = f"/api/v1/sessions/{session.pk}/"
        change = {"title": "Welcome"}
    written = api.patch(url, change, format="json", headers={"If-Match": api.get(url)["ETag"]})
    assert written.status_code == 200, written.content

    refused = save(first, event, data, city="Bonn")

    assert refused.status_code == 200
    assert refused.context["concurrency"]["conflict"].changes
    event.refresh_from_db()
    assert event.city == "Berlin"


# Two saves at once ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_saves_of_one_version_only_one_wins(writer, editor):
    event = factories.EventFactory(name="Plenary", city="Berlin", venue="Old hall", status=Status.DRAFT)
    clients = {"city": signed_in(writer), "venue": signed_in(editor)}
    forms = {field: open_form(client, event) for field, client in clients.items()}
    results = {}

    def send(field):
        try:
            results[field] = save(clients[field], event, forms[field], **{field: "Changed"}).status_code
        finally:
            connection.close()

    # Both saves wait on the record's lock, held here, and run when it is released.
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        threads = [threading.Thread(target=send, args=(field,)) for field in clients]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
                if cursor.fetchone()[0] >= 2:
                    break
            time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 302]
    event.refresh_from_db()
    winner = next(field for field, status in results.items() if status == 302)
    loser = next(field for field in clients if field != winner)
    assert getattr(event, winner) == "Changed"
    assert getattr(event, loser) != "Changed"
    assert Session.objects.count() == 0


def test_links_and_rows_only_they_changed_are_kept(first, second, event):
    topic = factories.TopicFactory(name="Climate")
    mine = open_form(first, event)
    theirs = open_form(second, event)
    theirs.update({"topics": [str(topic.pk)], "sessions-TOTAL_FORMS": "3"})
    theirs.update(
        {"sessions-2-order": "3", "sessions-2-title_en": "Reception", "sessions-2-status": "published"}
    )
    theirs.update({"sessions-2-visibility": "public"})
    assert save(second, event, theirs).status_code == 302

    refused = save(first, event, mine, city="Bonn")

    conflict = refused.context["concurrency"]["conflict"]
    assert conflict.merged == ["Topics"]
    changes = {change.summary: change.fields for change in conflict.changes}
    assert changes["Session “Reception” added"] == []
    assert ("Topics", "(empty)", "Climate") in changes["Event “Plenary” changed"]
    shown = FormData(refused.content.decode()).data
    assert shown["topics"] == [str(topic.pk)]

    again = save(
        first, event, {key: values if len(values) != 1 else values[0] for key, values in shown.items()}
    )

    assert again.status_code == 302
    event.refresh_from_db()
    assert event.city == "Bonn"
    assert list(event.topics.all()) == [topic]
    assert sorted(event.sessions.values_list("title", flat=True)) == ["Closing", "Opening", "Reception"]


@pytest.mark.parametrize(
    ("stored", "theirs", "expected"),
    [
        ("5 May 2024", "October 2025", ("2025-10-01", "month")),  # they made a day a month
        ("2024", "2025", ("2025-01-01", "year")),  # a year, stored as its 1 January
    ],
)
def test_a_partial_date_only_they_changed_is_merged_with_its_precision(
    first, second, event, stored, theirs, expected
):
    assert save(first, event, open_form(first, event), start_date=stored).status_code == 302
    mine = open_form(first, event)
    assert save(second, event, open_form(second, event), start_date=theirs).status_code == 302

    refused = save(first, event, mine, city="Bonn")

    conflict = refused.context["concurrency"]["conflict"]
    assert conflict.conflicts == []  # I did not touch the date: theirs is taken, not offered
    assert "Start" in " ".join(conflict.merged)
    shown = FormData(refused.content.decode()).data
    assert shown["start_date"] == [theirs]
    again = save(
        first, event, {key: values if len(values) != 1 else values[0] for key, values in shown.items()}
    )
    assert again.status_code == 302
    event.refresh_from_db()
    assert (event.city, event.start_date.isoformat(), event.start_precision) == ("Bonn", *expected)
