"""The language of a request: the address names it on the public pages, the client asks for it elsewhere."""

import re

import pytest
from django.test import RequestFactory

from config.operations.locale import language_in_address, request_language
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "en", "en"), ("/de", "de", "de"), ("/zh-hans", "zh-hans", "zh-Hans")]

# Every kind of public page: home, search, each list and detail, the calendar.
PAGES = [
    "/",
    "/search/?q=plenary",
    "/dialogues/",
    "/dialogues/t2d/",
    "/working-groups/wg-1/",
    "/topics/",
    "/topics/carbon-markets/",
    "/publications/",
    "/publications/paper/",
    "/projects/",
    "/projects/clct/",
    "/programmes/iki/",
    "/events/",
    "/events/?kind=plenary&page=1",
    "/events/plenary/",
    "/events/calendar/",
    "/institutions/",
    "/institutions/uba/",
    "/people/",
    "/people/ma-aimin/",
]


@pytest.fixture
def records(db):
    dialogue = factories.DialogueFactory(slug="t2d", name="Sino-German Track II Dialogue")
    factories.WorkingGroupFactory(slug="wg-1", dialogue=dialogue)
    factories.TopicFactory(slug="carbon-markets")
    factories.PublicationFactory(slug="paper")
    factories.ProjectFactory(slug="clct")
    factories.ProgrammeFactory(slug="iki")
    factories.EventFactory(slug="plenary", name="8th plenary", kind="plenary", dialogue=dialogue)
    factories.OrganisationFactory(slug="uba")
    factories.PersonFactory(slug="ma-aimin")


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.content.decode())[1]


def page_links(response) -> list[str]:
    """The site addresses a page links to, but for the language switch's (which name every language)."""
    return re.findall(r'<a href="(/[^"]*)"(?![^>]*hreflang)', response.content.decode())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("prefix", "code", "tag"), LANGUAGES)
def test_every_page_answers_in_the_language_of_its_prefix(client, records, page, prefix, code, tag):
    response = client.get(prefix + page)

    assert [response.status_code, html_lang(response), response["Content-Language"]] == [200, tag, code]
    # Links inside the page stay in its language: records, navigation, pagination, the home link.
    links = page_links(response)
    assert links
    assert [link for link in links if not link.startswith(f"{prefix}/")] == []


@pytest.mark.parametrize("page", ["/", "/events/", "/events/plenary/"])
def test_an_unprefixed_page_is_english_whatever_the_browser_asks_for(client, records, page):
    response = client.get(page, headers={"Accept-Language": "de-DE,de;q=0.9,zh-Hans;q=0.8"})

    assert [response.status_code, html_lang(response), response["Content-Language"]] == [200, "en", "en"]
    # No redirect to /de/, and nothing for a shared cache to tell apart by the header.
    assert "Accept-Language" not in response["Vary"]


def test_a_prefixed_page_does_not_vary_by_the_browsers_language(client, records):
    response = client.get("/de/events/", headers={"Accept-Language": "en"})

    assert [html_lang(response), response["Vary"]] == ["de", "Cookie, HX-Request"]


@pytest.mark.parametrize(("prefix", "tag"), [("/de", "de"), ("/zh-hans", "zh-Hans")])
def test_htmx_fragments_are_in_the_language_of_their_prefix(client, records, prefix, tag):
    response = client.get(f"{prefix}/events/", {"kind": "plenary"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert re.findall(r'<h2><a href="([^"]+)"', response.content.decode()) == [f"{prefix}/events/plenary/"]


@pytest.mark.parametrize(("prefix", "code"), [("/de", "de"), ("/zh-hans", "zh-hans")])
def test_an_unknown_address_under_a_prefix_is_a_404_in_that_language(client, prefix, code):
    response = client.get(f"{prefix}/unknown/")

    assert [response.status_code, html_lang(response), response["Content-Language"]] == [
        404,
        code.replace("hans", "Hans"),
        code,
    ]
    assert re.search(r'<a href="([^"]*)">[^<]*</a> · ', response.content.decode())[1] == f"{prefix}/"


def test_an_unknown_record_under_a_prefix_is_a_404_in_that_language(client):
    response = client.get("/de/events/no-such-event/")

    assert [response.status_code, html_lang(response)] == [404, "de"]


def test_a_prefix_without_its_slash_is_redirected_to_it(client):
    response = client.get("/de")

    assert (response.status_code, response["Location"]) == (301, "/de/")


@pytest.mark.parametrize("path", ["/de/api/v1/events/", "/de/admin/", "/de/sitemap.xml", "/de/healthz"])
def test_fixed_addresses_have_no_language_versions(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("path", "accept_language", "language"),
    [
        ("/events/", "de", "en"),
        ("/", "zh-Hans", "en"),
        ("/unknown/", "de", "en"),
        ("/de/events/", "en", "de"),
        ("/zh-hans/events/plenary/", "de", "zh-hans"),
        ("/de/unknown/", "", "de"),
        # Outside the pages the client still chooses: the API, the admin, sitemap.xml.
        ("/api/v1/events/", "de", "de"),
        ("/api/v1/events/", "zh-CN,zh;q=0.9", "zh-hans"),
        ("/api/v1/events/", "", "en"),
        ("/admin/login/", "de", "de"),
        ("/sitemap.xml", "zh-Hans", "zh-hans"),
    ],
)
def test_request_language(path, accept_language, language):
    request = RequestFactory().get(path, headers={"Accept-Language": accept_language})

    assert request_language(request) == language


@pytest.mark.parametrize(
    ("path", "in_address"),
    [
        ("/", True),
        ("/events/", True),
        ("/de/events/", True),
        ("/zh-hans/", True),
        ("/unknown/", True),
        ("/apis/", True),
        ("/api/", False),
        ("/api/v1/events/", False),
        ("/api/nothing/", False),
        ("/admin/", False),
        ("/healthz", False),
        ("/readyz", False),
        ("/media/photos/x.jpg", False),
        ("/sitemap.xml", False),
        ("/robots.txt", False),
    ],
)
def test_language_in_address(path, in_address):
    assert language_in_address(RequestFactory().get(path)) is in_address


def test_the_admin_keeps_the_language_the_browser_asks_for(client):
    response = client.get("/admin/login/", headers={"Accept-Language": "de"})

    assert [response.status_code, response["Content-Language"]] == [200, "de"]
    assert "Accept-Language" in response["Vary"]


def test_the_api_keeps_the_language_the_client_asks_for(api, records):
    response = api.get("/api/v1/events/", headers={"Accept-Language": "de"})

    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"]
    # An API address has no language; a record's page is named in the language of the response.
    assert [(row["url"], row["html_url"]) for row in response.json()["results"]] == [
        ("http://testserver/api/v1/events/plenary/", "http://testserver/de/events/plenary/")
    ]
