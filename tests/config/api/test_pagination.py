"""Page-number pagination: links, edges, and sizes refused past the cap."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

T = "http://testserver"


def test_pagination_links_and_edges(api):
    for n in range(5):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}")

    first = api.get("/api/v1/topics/?page_size=2")
    last = api.get("/api/v1/topics/?page_size=2&page=3")

    assert (first.json()["count"], first.json()["next"], first.json()["previous"]) == (
        5,
        f"{T}/api/v1/topics/?page=2&page_size=2",
        None,
    )
    assert first["Link"] == f'<{T}/api/v1/topics/?page=2&page_size=2>; rel="next"'
    assert (slugs(last), last.json()["next"]) == (["topic-4"], None)
    assert api.get("/api/v1/topics/?page=4&page_size=2").status_code == 404
    assert api.get("/api/v1/topics/?page=0").status_code == 400
    assert api.get("/api/v1/topics/?page=abc").status_code == 400
    assert api.get("/api/v1/topics/?page_size=1000000").status_code == 400
    assert api.get("/api/v1/topics/?page_size=100").status_code == 200


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]
