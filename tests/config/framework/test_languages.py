"""A page in every language: the language switch and the hreflang alternates."""

from html.parser import HTMLParser

import pytest
from django.test import RequestFactory

from config.framework.languages import language_tag, language_versions
from tests import factories

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/de", "/zh-hans"]


class Head(HTMLParser):
    """The language switch's links and the head's hreflang alternates of a page, unescaped."""

    def __init__(self, html: str):
        super().__init__()
        self.switch: list[dict] = []
        self.alternates: list[tuple[str, str]] = []
        self._in_switch = False
        self._link: dict | None = None
        self.switch_attributes: dict = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "nav" and attributes.get("id") == "language-switch":
            self._in_switch = True
            self.switch_attributes = attributes
        elif tag == "a" and self._in_switch:
            self._link = {**attributes, "text": ""}
        elif tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            self.alternates.append((attributes["hreflang"], attributes["href"]))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switch = False
        elif tag == "a" and self._link is not None:
            self.switch.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def switch(response) -> list[tuple]:
    return [
        (link["text"], link["href"], link["lang"], link["hreflang"], link.get("aria-current"))
        for link in Head(response.content.decode()).switch
    ]


def alternates(response) -> list[tuple[str, str]]:
    return Head(response.content.decode()).alternates


@pytest.mark.parametrize(
    ("code", "tag"), [("en", "en"), ("de", "de"), ("zh-hans", "zh-Hans"), ("pt-br", "pt-BR")]
)
def test_language_tag_is_the_bcp_47_form(code, tag):
    assert (language_tag(code), language_tag("x-default")) == (tag, "x-default")


def test_switch_on_a_filtered_list_keeps_the_page_and_its_filters(client):
    factories.EventFactory.create_batch(21, kind="workshop", country="DE")

    response = client.get("/de/events/?kind=workshop&country=DE&page=2")

    assert response.status_code == 200
    assert switch(response) == [
        ("English", "/events/?kind=workshop&country=DE&page=2", "en", "en", None),
        ("Deutsch", "/de/events/?kind=workshop&country=DE&page=2", "de", "de", "true"),
        ("中文", "/zh-hans/events/?kind=workshop&country=DE&page=2", "zh-Hans", "zh-Hans", None),
    ]


def test_switch_on_a_detail_page_keeps_the_record(client):
    factories.EventFactory(slug="plenary-9")

    response = client.get("/zh-hans/events/plenary-9/")

    assert switch(response) == [
        ("English", "/events/plenary-9/", "en", "en", None),
        ("Deutsch", "/de/events/plenary-9/", "de", "de", None),
        ("中文", "/zh-hans/events/plenary-9/", "zh-Hans", "zh-Hans", "true"),
    ]


def test_switch_keeps_the_search_query_escaped(client):
    response = client.get("/search/", {"q": "Klima & Verkehr"})

    assert [href for _text, href, *_rest in switch(response)] == [
        "/search/?q=Klima+%26+Verkehr",
        "/de/search/?q=Klima+%26+Verkehr",
        "/zh-hans/search/?q=Klima+%26+Verkehr",
    ]
    assert 'href="/de/search/?q=Klima+%26+Verkehr"' in response.content.decode()


def test_switch_follows_an_htmx_filtering_out_of_band(client):
    factories.EventFactory(kind="plenary")

    fragment = client.get("/de/events/", {"kind": "plenary"}, headers={"HX-Request": "true"})

    head = Head(fragment.content.decode())
    assert head.switch_attributes["data-hx-swap-oob"] == "true"
    assert [link["href"] for link in head.switch] == [
        "/events/?kind=plenary",
        "/de/events/?kind=plenary",
        "/zh-hans/events/?kind=plenary",
    ]


def test_a_full_page_has_one_switch_and_no_out_of_band_one(client):
    html = client.get("/events/").content.decode()

    assert html.count('id="language-switch"') == 1
    assert "hx-swap-oob" not in html  # neither hx- nor data-hx-


def test_switch_on_a_404_keeps_the_address(client):
    response = client.get("/de/no/such/page/?x=1")

    assert response.status_code == 404
    assert [href for _text, href, *_rest in switch(response)] == [
        "/no/such/page/?x=1",
        "/de/no/such/page/?x=1",
        "/zh-hans/no/such/page/?x=1",
    ]
    # A page that is not there has no alternates.
    assert alternates(response) == []


@pytest.mark.parametrize("path", ["/de//evil.example/x/", "/de/\\evil.example/", "/zh-hans///evil.example/"])
def test_switch_on_a_404_never_links_to_another_site(client, path):
    response = client.get(path)

    assert response.status_code == 404
    hrefs = [href for _text, href, *_rest in switch(response)]
    assert len(hrefs) == 3
    assert all(href[0] == "/" and href[1] not in "/\\" for href in hrefs)


@pytest.mark.parametrize("path", ["/", "/events/", "/events/plenary-9/", "/dialogues/t2d/", "/search/"])
def test_alternates_are_complete_and_reciprocal(client, path):
    dialogue = factories.DialogueFactory(slug="t2d")
    factories.EventFactory(slug="plenary-9", dialogue=dialogue)
    expected = [
        ("en", f"http://testserver{path}"),
        ("de", f"http://testserver/de{path}"),
        ("zh-Hans", f"http://testserver/zh-hans{path}"),
        ("x-default", f"http://testserver{path}"),
    ]

    # Each language's page names the same set, itself included, so every pair links both ways.
    assert [alternates(client.get(prefix + path)) for prefix in PREFIXES] == [expected] * 3


def test_alternates_name_the_canonical_page_without_the_query(client):
    factories.EventFactory.create_batch(21, kind="workshop")

    html = client.get("/de/events/?kind=workshop&page=2").content.decode()

    assert Head(html).alternates == [
        ("en", "http://testserver/events/"),
        ("de", "http://testserver/de/events/"),
        ("zh-Hans", "http://testserver/zh-hans/events/"),
        ("x-default", "http://testserver/events/"),
    ]
    assert '<link rel="canonical" href="http://testserver/de/events/">' in html


def test_pages_without_a_language_in_their_address_have_no_versions():
    assert language_versions(RequestFactory().get("/admin/login/")) == []
    assert [version.path for version in language_versions(RequestFactory().get("/events/"))] == [
        "/events/",
        "/de/events/",
        "/zh-hans/events/",
    ]
