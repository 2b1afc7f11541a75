"""Query budgets of the formats and pages the per-app budget tests leave out: they do not grow with rows."""

import datetime

import pytest

from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def full_event(number: int):
    """An event in August 2024 with a row of everything a list or a format may show."""
    event = factories.EventFactory(
        slug=f"event-{number}",
        start_date=datetime.date(2024, 8, 1 + number % 28),
        dialogue=factories.DialogueFactory(),
        latitude=52.5,
        longitude=13.4,
        venue="Venue",
    )
    event.topics.add(factories.TopicFactory())
    event.projects.add(factories.ProjectFactory())
    factories.EventParticipationFactory(event=event)
    return event


URLS = [
    "/api/v1/events/?format=csv&page_size=100",
    "/api/v1/events/?format=ics&page_size=100",
    "/api/v1/events/?format=geojson&page_size=100",
    "/api/v1/events/export/?format=csv",
    "/events/calendar/?month=2024-08",
    "/search/?q=event",
    "/api/v1/search/?q=event",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    # Past search's ten results per type (beyond them it counts the rest, once).
    for number in range(11):
        full_event(number)
    with_eleven = count_queries(client, url)
    for number in range(11, 30):
        full_event(number)

    assert count_queries(client, url) == with_eleven
