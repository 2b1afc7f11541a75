"""The site's own pages: the home page and site search."""

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
    assert "Hydrogen &lt;b&gt;dialogue&lt;/b&gt;" in html
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

    # More than a page of results (10 a type) both times, so both runs count the total.
    factories.WorkingGroupFactory.create_batch(11, name="Emissions trading")
    with_eleven = search_queries()
    factories.WorkingGroupFactory.create_batch(20, name="Emissions data")

    assert search_queries() == with_eleven


# Site search in a fixed number of queries ----------------------------------------------------------

URLS = ["/search/?q=event"]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, url)
