import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from config.editorial import review_queue, workflow
from config.framework.visibility import Status
from events.models import Event
from institutions.models import Organisation
from tests import factories
from tests.factories import member_of
from tests.helpers import admin_url, count_queries

pytestmark = pytest.mark.django_db


def submit(record, by):
    """``by`` submits ``record`` for review through the workflow; returns when (its history entry)."""
    workflow.transition(record=record, to=Status.REVIEW, by=by, reason="Submitted for review in the admin.")
    return type(record).history.filter(id=record.pk).latest("history_date").history_date


def test_the_queue_lists_records_in_review_newest_first_with_who_and_when(client, editor, publisher):
    organisation = factories.OrganisationFactory(name="Agency", status=Status.DRAFT)
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT)
    first = submit(organisation, editor)
    second = submit(event, publisher)
    factories.EventFactory(status=Status.DRAFT)
    factories.EventFactory(status=Status.PUBLISHED)
    client.force_login(editor)

    response = client.get("/admin/")

    items = response.context["queue"].items
    assert [(item.kind, str(item.record), item.author, item.url, item.history_url) for item in items] == [
        (
            "event",
            "Plenary",
            publisher,
            admin_url(Event, "change", event.pk),
            admin_url(Event, "history", event.pk),
        ),
        (
            "organisation",
            "Agency",
            editor,
            admin_url(Organisation, "change", organisation.pk),
            admin_url(Organisation, "history", organisation.pk),
        ),
    ]
    assert [item.date for item in items] == [second, first]
    assert "Awaiting review" in response.content.decode()


def test_the_submission_is_the_entry_that_last_put_the_record_in_review(editor, publisher):
    record = factories.OrganisationFactory(status=Status.DRAFT)
    submit(record, publisher)
    workflow.transition(record=record, to=Status.DRAFT, by=publisher)
    submitted = submit(record, editor)
    record.name = "Renamed while in review"
    workflow.save_record(record=record, by=publisher)

    [item] = review_queue.review_queue(publisher).items

    assert (item.author, item.date) == (editor, submitted)


def test_the_home_page_s_queries_do_not_grow_with_the_records_in_review(client, editor):
    client.force_login(editor)

    def in_review(count):
        for _ in range(count):
            submit(factories.EventFactory(status=Status.DRAFT), editor)
            submit(factories.OrganisationFactory(status=Status.DRAFT), editor)

    in_review(1)
    with_two = count_queries(client, "/admin/")
    in_review(15)
    with_thirty_two = count_queries(client, "/admin/")

    assert with_thirty_two == with_two


def test_a_long_queue_links_to_its_page(client, editor):
    client.force_login(editor)
    for _ in range(12):
        submit(factories.TopicFactory(status=Status.DRAFT), editor)

    home = client.get("/admin/")
    page = client.get("/admin/review-queue/")

    assert (len(home.context["queue"].items), home.context["queue"].count) == (10, 12)
    assert 'href="/admin/review-queue/"' in home.content.decode()
    assert len(page.context["items"]) == 12


def test_an_empty_queue_says_so(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.context["queue"].items == []
    assert "Nothing awaits review." in response.content.decode()


@dataclass
class Proposal:
    record: object
    author: object
    date: datetime.datetime
    url: str


def test_a_second_source_joins_the_queue_in_one_line(monkeypatch, editor, publisher):
    record = factories.OrganisationFactory(name="Published agency", status=Status.PUBLISHED)
    in_review = factories.OrganisationFactory(name="Agency in review", status=Status.DRAFT)
    submit(in_review, editor)
    proposal = Proposal(record, editor, timezone.now(), "/admin/proposal/1/")
    monkeypatch.setattr(review_queue, "SOURCES", [*review_queue.SOURCES, lambda user: [proposal]])

    queue = review_queue.review_queue(publisher)

    assert [(str(item.record), item.what, item.url) for item in queue.items] == [
        ("Published agency", "proposed revision", "/admin/proposal/1/"),
        ("Agency in review", "in review", admin_url(Organisation, "change", in_review.pk)),
    ]
    assert queue.count == 2


def test_a_viewer_sees_the_queue_too(client):
    viewer = member_of(workflow.VIEWERS)
    submit(factories.OrganisationFactory(status=Status.DRAFT), member_of(workflow.EDITORS))
    client.force_login(viewer)

    assert len(client.get("/admin/").context["queue"].items) == 1
