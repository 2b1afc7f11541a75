"""The events API: what an event's record shows; every list, detail and format in fixed queries."""

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import assert_api_budget, assert_queries_do_not_grow_with_events

pytestmark = pytest.mark.django_db

T = "http://testserver"


def test_event_detail_hides_invisible_rows_and_references(api, partner_api):
    draft_dialogue = factories.DialogueFactory(status=Status.DRAFT)
    event = factories.EventFactory(slug="iki-workshop", dialogue=draft_dialogue)
    public = factories.EventParticipationFactory(event=event, role="host")
    factories.EventParticipationFactory(event=event, visibility=Visibility.PARTNERS)
    factories.EventSpeakerFactory(event=event, visibility=Visibility.INTERNAL)
    session = factories.SessionFactory(event=event, order=1, title="Day 1")

    data = api.get("/api/v1/events/iki-workshop/").json()
    as_partner = partner_api.get("/api/v1/events/iki-workshop/").json()

    assert data["dialogue"] is None
    assert [row["organisation"]["slug"] for row in data["participations"]] == [public.organisation.slug]
    assert len(as_partner["participations"]) == 2
    assert data["speakers"] == as_partner["speakers"] == []
    assert data["sessions"] == [
        {
            "id": session.pk,
            "url": f"{T}/api/v1/sessions/{session.pk}/",
            "order": 1,
            "title": "Day 1",
            "date": None,
            "description": "",
            "fallbacks": {},
        }
    ]


# Query budgets: the number of queries does not grow with the page ---------------------------------


def event_with_every_row(n):
    event = factories.EventFactory(dialogue=factories.DialogueFactory(), parent=None)
    event.topics.add(factories.TopicFactory())
    event.projects.add(factories.ProjectFactory())
    factories.EventParticipationFactory(event=event)
    factories.EventSpeakerFactory(event=event)
    factories.SessionFactory(event=event)
    factories.PhotoFactory(event=event)
    return event


BUDGETS = [
    ("events", event_with_every_row, 13),
    ("sessions", lambda n: factories.SessionFactory(), 4),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    assert_api_budget(staff_api, path, make, budget)


# Formats and exports: the same number of queries for 11 events as for 30 ---------------------------

URLS = [
    "/api/v1/events/?format=csv&page_size=100",
    "/api/v1/events/?format=ics&page_size=100",
    "/api/v1/events/?format=geojson&page_size=100",
    "/api/v1/events/export/?format=csv",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, url)
