"""The site's own pages: the home page and site search."""

import datetime

import pytest

from tests import factories
from tests.helpers import assert_queries_do_not_grow_with_events, count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["\x00", "' OR 1=1 --", "<img src=x onerror=alert(1)>", "%", "_", "\\"])
def test_search_page_never_fails_on_odd_queries(client, query):
    factories.DialogueFactory(name="Hydrogen dialogue")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()


def test_search_page_escapes_markup_in_records(client):
    factories.DialogueFactory(
        name="Hydrogen <b>dialogue</b>", summary="About <script>alert(1)</script> hydrogen"
    )

    html = client.get("/search/", {"q": "hydrogen"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<b>dialogue</b>" not in html
    assert "<mark>Hydrogen</mark> &lt;b&gt;dialogue&lt;/b&gt;" in html
    assert "<mark>hydrogen</mark>" in html


def test_search_page_escapes_markup_in_the_query(client):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_search_page_refuses_a_10_kb_query_with_a_message(client):
    response = client.get("/search/", {"q": "x" * 10_240})

    assert response.status_code == 400
    assert (
        response.context["error"] == "The search text is too long: 10240 characters; at most 1000 are read."
    )


def test_search_page_queries_do_not_grow_with_working_group_results(client):
    def search_queries():
        return count_queries(client, "/search/", data={"q": "emissions"})

    # More than a page of results (20) both times.
    factories.WorkingGroupFactory.create_batch(21, name="Emissions trading")
    with_21 = search_queries()
    factories.WorkingGroupFactory.create_batch(20, name="Emissions data")

    assert search_queries() == with_21


# Site search in a fixed number of queries ----------------------------------------------------------

URLS = ["/search/?q=event"]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, url)


# The search page with context: types with counts, orders, each result's type, date and place ------


def test_search_page_links_each_type_with_its_count_and_shows_one(client):
    factories.DialogueFactory(name="Hydrogen dialogue", slug="h2")
    factories.EventFactory.create_batch(2, name="Hydrogen workshop")

    everything = client.get("/search/", {"q": "hydrogen"}).content.decode()
    events = client.get("/search/", {"q": "hydrogen", "type": "events"})

    assert (
        '<a href="?q=hydrogen" aria-current="page">All types <span class="count">3</span></a>' in everything
    )
    assert '<a href="?q=hydrogen&amp;type=dialogues">Dialogues <span class="count">1</span></a>' in everything
    assert '<a href="?q=hydrogen&amp;type=events">Events <span class="count">2</span></a>' in everything
    assert "Working groups" not in everything  # a type without results is not offered
    html = events.content.decode()
    assert 'type=events" aria-current="page">Events' in html
    assert '<input type="hidden" name="type" value="events">' in html  # a new search keeps the type
    assert [r.searchable.key for r in events.context["page"].results] == ["events", "events"]


def test_search_page_shows_each_results_type_date_and_place_in_the_page_language(client):
    factories.EventFactory(
        name="Hydrogen plenary",
        start_date=datetime.date(2024, 10, 8),
        end_date=datetime.date(2024, 10, 9),
        city="Potsdam",
        country="DE",
    )

    html = client.get("/de/search/", {"q": "hydrogen"}).content.decode()

    assert '<span class="kicker">Veranstaltung</span>' in html
    assert (
        '<span class="when">8.–9. Oktober 2024</span> · <span class="where">Potsdam, Deutschland</span>'
        in html
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q": "x", "type": "meetings"}, "“meetings” is not a type of record; choose one of: dialogues,"),
        ({"q": "x", "sort": "best"}, "“best” is not an order; choose one of: relevance, newest, oldest."),
    ],
)
def test_search_page_refuses_an_unknown_type_or_order_naming_it(client, data, message):
    response = client.get("/search/", data)

    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("url", ["/search/?q=event&type=events&sort=newest", "/search/?q=event&sort=oldest"])
def test_query_count_with_a_type_and_an_order_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0
    assert_queries_do_not_grow_with_events(client, url)


def test_search_page_runs_one_query_a_type(client, settings, django_assert_max_num_queries):
    settings.RESPONSE_CACHE_SECONDS = 0
    factories.EventFactory.create_batch(25, name="Hydrogen workshop")
    factories.WorkingGroupFactory.create_batch(3, name="Hydrogen group")

    # Eight types, one query each, and the events' further places; the session and the rest of the
    # page are the remainder.
    with django_assert_max_num_queries(8 + 1 + 4):
        assert client.get("/search/", {"q": "hydrogen", "sort": "newest"}).status_code == 200


# The search page itself is a landing page to index; its results are not ------------------------------


def test_the_search_page_without_a_query_is_an_indexable_landing_page(client):
    html = client.get("/search/").content.decode()

    assert 'name="robots"' not in html
    assert '<link rel="canonical" href="http://testserver/search/">' in html
    assert (
        '<meta name="description" content="Search the public record of international climate cooperation:'
        in html
    )
    assert 'href="/dialogues/"' in html


@pytest.mark.parametrize("query", [{"q": "emissions"}, {"q": ""}, {"type": "event"}])
def test_search_results_carry_noindex(client, query):
    html = client.get("/search/", query).content.decode()

    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="http://testserver/search/">' in html
