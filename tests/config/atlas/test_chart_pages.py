"""The pages' charts: their tables hold the API's numbers, and the home page shows what the atlas
holds in a fixed number of queries."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from tests import factories
from tests.helpers import assert_queries_do_not_grow_with_events, count_queries

pytestmark = pytest.mark.django_db

HOME_BUDGET = 22


def table_numbers(html: str, table_id: str) -> dict:
    """{year or "undated": [counts…, total]} of a chart's table, read off the page."""
    table = re.search(rf'<table class="chart-table" id="{table_id}">(.*?)</table>', html, re.S).group(1)
    rows = {}
    for head, cells in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S):
        key = int(head) if head.isdigit() else head
        rows[key] = [int(cell.replace(",", "")) for cell in re.findall(r"<td>([^<]*)</td>", cells)]
    return rows


def api_numbers(data) -> dict:
    rows = {row["year"]: [*row["counts"], row["total"]] for row in data["years"]}
    if data["undated"]["total"]:
        rows["Undated"] = [*data["undated"]["counts"], data["undated"]["total"]]
    return rows


@pytest.mark.parametrize(
    ("page", "table_id", "endpoint"),
    [
        ("/", "events-per-year-table", "/api/v1/stats/events-per-year/"),
        (
            "/dialogues/t2d/",
            "events-per-year-table",
            "/api/v1/stats/events-per-year/?group=kind&dialogue=t2d",
        ),
        ("/topics/", "topics-per-year-table", None),
        ("/topics/emissions-trading/", "topic-per-year-table", None),
        ("/institutions/uba/", "organisation-activity-table", "/api/v1/stats/organisations/uba/activity/"),
    ],
)
def test_each_chart_table_holds_the_numbers_of_its_endpoint(client, page, table_id, endpoint):
    call_command("load_seed", stdout=io.StringIO())
    html = client.get(page).content.decode()
    # The figure names its own endpoint; where the test names one too, they agree.
    named = (
        re.search(rf'data-endpoint="([^"]+)" data-table="{table_id}"', html).group(1).replace("&amp;", "&")
    )
    assert endpoint in (None, named)

    assert table_numbers(html, table_id) == api_numbers(client.get(named).json())


def test_home_page_counts_what_the_atlas_holds_and_offers_ways_in(client):
    dialogue = factories.DialogueFactory(slug="t2d-home", acronym="T2D", name="Sino-German dialogue")
    topic = factories.TopicFactory(slug="ets", name="Emissions trading")
    for year, country in ((2019, "DE"), (2024, "CN"), (2024, "DE")):
        event = factories.EventFactory(
            start_date=datetime.date(year, 5, 1), country=country, city="Potsdam", dialogue=dialogue
        )
        event.topics.add(topic)

    response = client.get("/")
    html = response.content.decode()

    assert response.context["country_count"] == 2
    assert response.context["years"] == {"first": 2019, "last": 2024}
    assert response.context["countries"] == [("DE", 2), ("CN", 1)]
    assert response.context["dialogue_ways"] == [(dialogue, 3)]
    assert response.context["topics"] == [topic]
    assert '<a href="/events/?country=DE">Germany</a>' in html
    assert '<a href="/events/?dialogue=t2d-home">Sino-German dialogue (T2D)</a>' in html
    assert '<a href="/events/?topic=ets">Emissions trading</a>' in html
    assert [link for link in ("/events/timeline/", "/map/", "/network/") if f'href="{link}"' in html] == [
        "/events/timeline/",
        "/map/",
        "/network/",
    ]
    assert "Potsdam, Germany" in html
    assert "<strong>2019–2024</strong>" in html


def test_home_page_links_the_pictures_in_the_page_language(client):
    html = client.get("/de/").content.decode()

    assert (
        'href="/de/events/timeline/"' in html and 'href="/de/map/"' in html and 'href="/de/network/"' in html
    )


def test_home_page_queries_do_not_grow_with_events(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    assert_queries_do_not_grow_with_events(client, "/")
    assert count_queries(client, "/") <= HOME_BUDGET


@pytest.mark.parametrize(
    "path", ["/dialogues/{dialogue}/", "/topics/{topic}/", "/topics/", "/institutions/{organisation}/"]
)
def test_chart_pages_queries_do_not_grow_with_events(client, settings, path):
    settings.RESPONSE_CACHE_SECONDS = 0
    dialogue, topic = factories.DialogueFactory(), factories.TopicFactory()
    organisation = factories.OrganisationFactory()

    def add(count: int):
        for number in range(count):
            event = factories.EventFactory(dialogue=dialogue, start_date=datetime.date(2015 + number, 3, 1))
            event.topics.add(topic)
            factories.EventParticipationFactory(event=event, organisation=organisation)

    url = path.format(dialogue=dialogue.slug, topic=topic.slug, organisation=organisation.slug)
    add(1)
    few = count_queries(client, url)
    add(10)
    assert count_queries(client, url) == few
