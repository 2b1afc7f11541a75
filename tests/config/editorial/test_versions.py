"""Versions of a whole record: links in history from every write path, the versions of a record
with its rows and links, the diff, and the revert that restores them all and keeps a record
published."""

import datetime

import pytest
import tablib
from django.forms import MultiWidget
from django.utils import timezone

from config.atlas.models import Change
from config.editorial import history, versions, workflow
from config.editorial.history import record_rows
from config.editorial.models import Revision
from config.framework.visibility import Status
from dialogues.models import Topic
from events.models import Event, EventParticipation, EventSpeaker, Session
from events.resources import EventResource
from tests import factories
from tests.helpers import csv_bytes, if_match, token_client

pytestmark = pytest.mark.django_db

EVENTS = "/admin/events/event/"


def form_data(response) -> dict:
    """The POST data of an admin change form as the page shows it: the record and every inline."""
    data = {}

    def add(form):
        for bound in form:
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, MultiWidget):
                for index, part in enumerate(widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(item) for item in value]
            elif value is None:
                data[bound.html_name] = ""
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def edit(client, event, change) -> None:
    """Open ``event``'s change form, let ``change`` alter its data, save it; the save must succeed."""
    url = f"{EVENTS}{event.pk}/change/"
    data = form_data(client.get(url))
    change(data)
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else response
    )


def prefixed(data, prefix, field, value):
    """The inline form of ``prefix`` whose ``field`` is ``value``: its key prefix (``sessions-0``)."""
    return next(
        key[: -len(field) - 1]
        for key, item in data.items()
        if key.startswith(prefix) and key.endswith(f"-{field}") and item == str(value)
    )


@pytest.fixture
def event():
    """A published event with two topics, a participant, a session and a speaker."""
    event = factories.EventFactory(
        name="IKI Workshop", slug="iki", status=Status.PUBLISHED, published_at=timezone.now()
    )
    event.topics.add(
        factories.TopicFactory(name="Energy", slug="energy"),
        factories.TopicFactory(name="Climate", slug="climate"),
    )
    factories.EventParticipationFactory(event=event, organisation=factories.OrganisationFactory(name="UBA"))
    factories.SessionFactory(event=event, order=1, title="Day 1")
    factories.EventSpeakerFactory(
        event=event,
        person=factories.PersonFactory(given_name="Jürgen", family_name="Landgrebe"),
        role=EventSpeaker.Role.SPEAKER,
    )
    return event


def topics_of(event):
    return sorted(Event.objects.get(pk=event.pk).topics.values_list("name", flat=True))


def change_everything(client, event):
    """Remove a topic, delete the participant, rename the session and change the speaker's role."""
    energy = Topic.objects.get(slug="energy")

    def change(data):
        data["topics"] = [str(pk) for pk in data["topics"] if pk != str(energy.pk)]
        data[f"{prefixed(data, 'participations', 'role', 'participant')}-DELETE"] = "on"
        data[f"{prefixed(data, 'sessions', 'title_en', 'Day 1')}-title_en"] = "Opening day"
        data[f"{prefixed(data, 'speakers', 'role', 'speaker')}-role"] = "moderator"

    edit(client, event, change)


# Links in history ---------------------------------------------------------------------------------


def test_an_admin_save_keeps_the_links_and_rows_in_one_version(client, publisher, event):
    client.force_login(publisher)

    change_everything(client, event)

    entry = Event.history.filter(id=event.pk).latest("history_date")
    climate = Topic.objects.get(slug="climate")
    assert entry.history_links["topics"] == [climate.pk]
    latest = versions.versions(event)[-1]
    assert {type(entry).__name__ for entry in latest.entries} == {
        "HistoricalEvent",
        "HistoricalEventParticipation",
        "HistoricalSession",
        "HistoricalEventSpeaker",
    }
    assert latest.user == publisher
    assert latest.reason == "Changed in the admin."
    # The rows saved with the record carry its reason (the change list shows it).
    assert EventSpeaker.history.latest("history_date").history_change_reason == "Changed in the admin."


def test_the_api_keeps_links_and_row_changes(writer, event):
    api = token_client(writer)
    url = f"/api/v1/events/{event.slug}/"
    climate = Topic.objects.get(slug="climate")

    response = api.patch(url, {"topics": ["climate"]}, format="json", headers=if_match(api, url))

    assert response.status_code == 200, response.content
    assert Event.history.filter(id=event.pk).latest("history_date").history_links["topics"] == [climate.pk]
    assert [change.label for change in versions.versions(event)[-1].changes.links] == ["Topics"]


def test_links_changed_alone_get_an_entry_of_their_own(event):
    climate = Topic.objects.get(slug="climate")
    before = Event.history.filter(id=event.pk).count()

    # Three writes of their own (each would be a transaction of its own outside the test's).
    with history.one_version():
        event.topics.remove(climate)
    with history.one_version():
        climate.events.add(event)  # the other side of the relation
    with history.one_version():
        climate.events.clear()

    entries = Event.history.filter(id=event.pk).order_by("history_date", "history_id")
    assert entries.count() == before + 3
    assert [entry.history_links["topics"] for entry in entries][-3:] == [
        [Topic.objects.get(slug="energy").pk],
        sorted([climate.pk, Topic.objects.get(slug="energy").pk]),
        [Topic.objects.get(slug="energy").pk],
    ]
    assert entries.last().history_change_reason == "Links changed."


def test_bulk_history_keeps_the_links(event, publisher):
    record_rows(Event, [event.pk], by=publisher, reason="Imported from a file.")

    entry = Event.history.filter(id=event.pk).latest("history_date")
    assert sorted(entry.history_links["topics"]) == sorted(event.topics.values_list("pk", flat=True))
    assert entry.history_links["sources"] == []


def test_the_import_keeps_links_in_history(publisher, event):
    climate = Topic.objects.get(slug="climate")
    row = dict.fromkeys(EventResource.columns(), "")
    row.update(slug="iki", name="IKI Workshop", kind="workshop", start="2024-08-28", topics="climate")
    row.update(status="published", visibility="public")
    dataset = tablib.Dataset().load(csv_bytes([row]).decode(), format="csv")

    result = EventResource().import_data(dataset, user=publisher, file_name="events.csv")

    assert not result.has_errors() and not result.has_validation_errors()
    latest = versions.versions(event)[-1]
    assert latest.reason == "Imported from events.csv"
    assert Event.history.filter(id=event.pk).latest("history_date").history_links["topics"] == [climate.pk]
    assert [str(link) for link in latest.changes.links] == ["Topics: removed Energy"]


# The versions of a record -------------------------------------------------------------------------


def test_a_version_has_that_times_rows_and_links(client, publisher, event):
    client.force_login(publisher)
    before = versions.versions(event)[-1]
    change_everything(client, event)

    snapshot = before.snapshot
    assert sorted(Topic.objects.filter(pk__in=snapshot.links["topics"]).values_list("name", flat=True)) == [
        "Climate",
        "Energy",
    ]
    assert [entry.title for entry in snapshot.rows[Session].values()] == ["Day 1"]
    assert len(snapshot.rows[EventParticipation]) == 1
    assert [entry.role for entry in snapshot.rows[EventSpeaker].values()] == ["speaker"]

    page = client.get(f"{EVENTS}{event.pk}/history/version/{before.number}/")
    shown = page.content.decode()
    assert page.status_code == 200
    assert "Day 1" in shown and "Opening day" not in shown
    assert "Energy" in shown and "UBA" in shown and "Jürgen Landgrebe" in shown


def test_the_history_page_lists_versions_of_the_whole_record_with_their_diff(client, publisher, event):
    client.force_login(publisher)
    change_everything(client, event)

    response = client.get(f"{EVENTS}{event.pk}/history/")
    latest = response.context["versions"][0]
    rows = [str(change) for change in latest.changes.rows]

    assert response.status_code == 200
    assert latest.changes.fields == []
    assert [str(link) for link in latest.changes.links] == ["Topics: removed Energy"]
    assert "Session: Opening day — Title [en] Day 1 → Opening day" in rows
    assert "Speaker: Jürgen Landgrebe (moderator) — Role speaker → moderator" in rows
    assert "Participation: UBA (participant) (removed)" in rows
    assert "Topics: removed Energy" in response.content.decode()


def test_a_save_with_no_change_shows_no_change(client, publisher, event):
    client.force_login(publisher)

    edit(client, event, lambda data: None)

    latest = versions.versions(event)[-1]
    assert not latest.changes
    assert latest.changes.summary() == "no change"
    assert "No change." in client.get(f"{EVENTS}{event.pk}/history/").content.decode()


def test_the_old_entry_page_leads_to_its_version(client, publisher, event):
    client.force_login(publisher)
    entry = Event.history.filter(id=event.pk).earliest("history_date")

    response = client.get(f"{EVENTS}{event.pk}/history/{entry.history_id}/")

    assert response.status_code == 302
    assert response["Location"].endswith("/history/version/1/")


def test_recent_changes_name_a_rows_record_and_label(client, publisher, event):
    client.force_login(publisher)
    change_everything(client, event)

    response = client.get("/admin/atlas/change/", {"model": "events.eventspeaker"})
    shown = response.content.decode()

    assert "Speaker: Jürgen Landgrebe (moderator)" in shown
    assert f'href="/admin/events/event/{event.pk}/history/"' in shown
    assert "Changed in the admin." in shown


# Revert -------------------------------------------------------------------------------------------


def test_revert_restores_fields_rows_and_links_and_keeps_the_record_published(client, publisher, event):
    client.force_login(publisher)
    # The event was in review once, then published; then everything changed.
    workflow.transition(record=Event.objects.get(pk=event.pk), to=Status.REVIEW, by=publisher)
    workflow.transition(record=Event.objects.get(pk=event.pk), to=Status.PUBLISHED, by=publisher)
    in_review = versions.versions(event)[-2]
    assert in_review.snapshot.entry.status == Status.REVIEW
    change_everything(client, event)
    published_at = Event.objects.get(pk=event.pk).published_at

    response = client.post(f"{EVENTS}{event.pk}/history/version/{in_review.number}/", follow=True)

    stored = Event.objects.get(pk=event.pk)
    assert response.status_code == 200
    assert stored.status == Status.PUBLISHED
    assert stored.published_at == published_at
    assert topics_of(event) == ["Climate", "Energy"]
    assert list(stored.sessions.values_list("title", flat=True)) == ["Day 1"]
    assert list(stored.participations.values_list("organisation__name", flat=True)) == ["UBA"]
    assert list(stored.speakers.values_list("role", flat=True)) == ["speaker"]
    message = next(str(text) for text in response.context["messages"] if str(text).startswith("Reverted"))
    assert message.startswith(f"Reverted to version {in_review.number}. Restored: ")
    assert "Topics: added Energy" in message and "Participation: UBA (participant) (added)" in message
    assert "Its status stays published." in message
    latest = Event.history.filter(id=event.pk).latest("history_date")
    assert latest.history_change_reason.startswith(f"Reverted to version {in_review.number} (of ")
    assert latest.history_change_reason.endswith(", by publisher) in the admin.")
    assert client.logout() is None
    assert client.get(stored.get_absolute_url()).status_code == 200


def test_restore_version_recreates_a_deleted_row_with_its_id(publisher, event):
    participation = EventParticipation.objects.get(event=event)
    pk = participation.pk
    version = versions.versions(event)[-1]
    workflow.delete_record(record=participation, by=publisher, reason="Gone.")

    changes = versions.restore_version(event, version, by=publisher)

    assert EventParticipation.objects.filter(pk=pk, event=event).exists()
    assert [change.action for change in changes.rows] == ["added"]


def test_an_editors_revert_of_a_published_record_is_a_proposal_a_publisher_publishes(
    client, editor, publisher, event
):
    client.force_login(publisher)
    change_everything(client, event)
    client.force_login(editor)
    first = versions.versions(event)[0]
    url = f"{EVENTS}{event.pk}/history/version/{first.number}/"

    page = client.get(url)
    proposed = client.post(url, {"revision_note": "the old programme was right"}, follow=True)

    # Nothing is written: the public keeps the live version, and the proposal waits.
    assert "Propose reverting to this version" in page.content.decode()
    assert proposed.status_code == 200
    assert topics_of(event) == ["Climate"]
    revision = Revision.objects.get()
    assert (revision.kind, revision.version, revision.author) == (Revision.Kind.REVERT, first.number, editor)
    assert revision.note == "the old programme was right"
    assert "Topics: added Energy" in proposed.content.decode()  # what publishing it would change
    with pytest.raises(workflow.WorkflowError):
        versions.restore_version(event, first, by=editor)

    client.force_login(publisher)
    published = client.post(proposed.request["PATH_INFO"], {"_publish": "1"}, follow=True)

    stored = Event.objects.get(pk=event.pk)
    assert published.status_code == 200
    assert stored.status == Status.PUBLISHED
    assert topics_of(event) == ["Climate", "Energy"]
    assert list(stored.sessions.values_list("title", flat=True)) == ["Day 1"]
    assert list(stored.participations.values_list("organisation__name", flat=True)) == ["UBA"]
    revision.refresh_from_db()
    assert revision.state == Revision.State.PUBLISHED
    latest = Event.history.filter(id=event.pk).latest("history_date")
    assert latest.history_user == publisher
    assert str(revision.pk) in latest.history_change_reason


def test_a_version_snapshot_at_a_time(event):
    later = timezone.now() + datetime.timedelta(seconds=1)
    Session.objects.create(event=event, order=2, title="Day 2")

    snapshot = versions.version_snapshot(event, later - datetime.timedelta(seconds=1))

    assert [entry.title for entry in snapshot.rows[Session].values()] == ["Day 1"]


def test_the_change_view_still_reads_every_history_table(event):
    assert Change.objects.filter(model="events.event", object_id=event.pk).exists()


def test_a_row_changed_alone_through_the_api_is_a_version_of_its_record(writer, event):
    api = token_client(writer)
    session = Session.objects.get(event=event)
    url = f"/api/v1/sessions/{session.pk}/"

    response = api.patch(url, {"title": "Opening day"}, format="json", headers=if_match(api, url))

    assert response.status_code == 200, response.content
    latest = versions.versions(event)[-1]
    assert latest.user == writer
    assert latest.reason.startswith("Changed through the API")
    assert [str(change) for change in latest.changes.rows] == [
        "Session: Opening day — Title [en] Day 1 → Opening day"
    ]


def test_history_from_before_links_were_kept_says_so(client, publisher, event):
    Event.history.filter(id=event.pk).update(history_links=None, history_transaction=None)
    client.force_login(publisher)

    page = client.get(f"{EVENTS}{event.pk}/history/version/1/")

    assert page.status_code == 200
    assert "Links were not recorded" in page.content.decode()


def test_a_revert_that_cannot_be_made_changes_nothing(publisher, event):
    version = versions.versions(event)[-1]
    participation = EventParticipation.objects.get(event=event)
    organisation = participation.organisation
    with history.one_version():
        event.topics.clear()
    workflow.delete_record(record=participation, by=publisher, reason="Gone.")
    workflow.delete_record(record=organisation, by=publisher, reason="Gone too.")

    with pytest.raises(versions.RestoreError, match=r"the organisation it names .* was deleted since"):
        versions.restore_version(Event.objects.get(pk=event.pk), version, by=publisher)

    assert topics_of(event) == []
    assert not EventParticipation.objects.filter(event=event).exists()
