"""``/events/timeline/``: the list's filters, a table of the same events, in every language, in a
fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from config.framework.visibility import Status
from tests import factories
from tests.helpers import assert_queries_do_not_grow_with_events

pytestmark = pytest.mark.django_db


def test_the_table_holds_each_lane_its_phases_and_its_events_by_year(client):
    t2d = factories.DialogueFactory(slug="t2d", name="T2D")
    factories.PhaseFactory(dialogue=t2d, name="Phase two", start_date=datetime.date(2023, 1, 1))
    factories.EventFactory(
        slug="ninth", name="9th plenary", dialogue=t2d, start_date=datetime.date(2024, 8, 28)
    )
    factories.EventFactory(slug="loose", name="A workshop", start_date=datetime.date(2019, 5, 1))
    factories.EventFactory(slug="draft", name="Draft", status=Status.DRAFT)

    response = client.get("/events/timeline/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "2 events of 1 dialogue from 2019 to 2024." in html
    assert html.index(">T2D</a>") < html.index("Phase two") < html.index('href="/events/ninth/"')
    assert 'href="/events/loose/"' in html and "Events of no dialogue" in html
    assert "Draft" not in html
    assert 'data-api="/api/v1/timeline/?"' in html


def test_it_filters_like_the_list_and_links_back_to_it_with_the_filters(client):
    factories.EventFactory(slug="plenary", kind="plenary")
    factories.EventFactory(slug="workshop", kind="workshop")

    html = client.get("/events/timeline/?kind=plenary").content.decode()
    listed = client.get("/events/?kind=plenary").content.decode()

    assert 'href="/events/plenary/"' in html and 'href="/events/workshop/"' not in html
    assert 'href="/events/?kind=plenary">List</a>' in html
    assert 'data-api="/api/v1/timeline/?kind=plenary"' in html
    assert 'href="/events/timeline/?kind=plenary">See them on a timeline</a>' in listed


def test_an_invalid_filter_is_a_400_naming_it(client):
    response = client.get("/events/timeline/?kind=party")

    assert response.status_code == 400
    assert "kind" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "prefix", "year"), [("de", "/de", "2024"), ("zh-hans", "/zh-hans", "2024年")]
)
def test_in_every_language(client, language, prefix, year):
    factories.EventFactory(slug="ninth", start_date=datetime.date(2024, 8, 28))
    with translation.override(language):
        url = reverse("events:event-timeline")

    html = client.get(url).content.decode()

    assert url == f"{prefix}/events/timeline/"
    assert f'href="{prefix}/events/ninth/"' in html
    assert f'<th scope="row">{year}</th>' in html


def test_query_count_does_not_grow_with_events(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, "/events/timeline/")
