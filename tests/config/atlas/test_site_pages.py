"""The site's own pages (About, Methodology, Licence, How to cite) in every language, linked from
every page's footer; /favicon.ico; the branded 404 and 500 pages as production serves them."""

import re

import pytest
from django.test import Client

from config.atlas.views import HomeView
from tests import factories

pytestmark = pytest.mark.django_db

PAGES = {
    "about": "About Dialogue Atlas",
    "methodology": "Methodology",
    "licence": "Licence and reuse",
    "cite": "How to cite",
}
LANGUAGES = {"": "en", "/de": "de", "/zh-hans": "zh-Hans"}


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S)[1]


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_each_site_page_is_served_in_each_language(client, prefix, page):
    response = client.get(f"{prefix}/{page}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{LANGUAGES[prefix]}">' in html
    if prefix:  # the heading is the language's own, not the English one
        assert heading(html) != PAGES[page]
    else:
        assert heading(html) == PAGES[page]


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_every_page_links_the_site_pages_from_its_footer(client, prefix):
    html = client.get(f"{prefix}/events/").content.decode()

    footer = html[html.index('<footer class="site-footer">') :]
    assert re.findall(r'<a href="([^"]+)"', footer) == [f"{prefix}/{page}/" for page in PAGES]


def test_the_methodology_lists_the_sources_with_their_links(client):
    factories.SourceFactory(
        title="Track II report", publisher="Example Institute", url="https://example.org/r"
    )
    factories.SourceFactory(title="Minutes", publisher="", url="")

    html = client.get("/methodology/").content.decode()

    assert "The records cite 2 documents:" in html
    assert re.search(
        r'<a href="https://example.org/r" rel="external nofollow noopener" class="external"', html
    )
    assert "Example Institute" in html
    assert "Minutes" in html
    for anchor in ("sources", "partial-dates", "visibility", "editing"):
        assert f'id="{anchor}"' in html


def test_the_licence_page_says_no_licence_has_been_chosen(client):
    html = client.get("/licence/").content.decode()

    assert "No licence for the atlas's data and texts has been chosen yet." in html


def test_the_cite_page_shows_the_form_of_a_citation(client):
    html = client.get("/cite/").content.decode()

    assert "Dialogue Atlas, “Sino-German Track II Dialogue" in html
    assert (
        "Dialogue Atlas: a public record of international climate cooperation, http://testserver/, accessed"
        in html
    )


def test_the_favicon_is_served_as_an_icon(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Content-Type"]) == (200, "image/x-icon")
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


# Errors as production shows them ------------------------------------------------------------------


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_missing_page_is_the_sites_own_404_in_its_language(production, prefix):
    response = production.get(f"{prefix}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{LANGUAGES[prefix]}">' in html
    assert '<header class="site-header">' in html  # the site's page, not Django's bare one
    assert '<footer class="site-footer">' in html
    assert f'<a href="{prefix}/">' in html


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_server_error_is_the_sites_own_500_in_its_language(production, monkeypatch, prefix):
    def boom(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomeView, "get", boom)

    response = production.get(f"{prefix}/")

    assert (response.status_code, response["Content-Type"]) == (500, "text/html; charset=utf-8")
    html = response.content.decode()
    assert f'<html lang="{LANGUAGES[prefix]}">' in html
    assert '<link rel="stylesheet" href="/static/atlas/site.css">' in html
    assert f'<a href="{prefix}/">' in html
    if prefix:
        assert "Server error" not in html


def test_the_500_page_needs_neither_a_request_nor_the_database(django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()

    assert "<h1>Server error</h1>" in html
