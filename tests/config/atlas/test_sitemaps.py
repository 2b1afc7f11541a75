import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from config.atlas.sitemaps import PageSitemap
from config.framework.visibility import Status, Visibility
from events.models import Event
from tests import factories
from tests.helpers import capture_queries

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OTHER_LANGUAGES = ("http://testserver/de/", "http://testserver/zh-hans/")

# One factory per sitemap section, in the order the sitemap lists its sections.
SECTION_FACTORIES = [
    ("dialogues", factories.DialogueFactory),
    ("working-groups", factories.WorkingGroupFactory),
    ("topics", factories.TopicFactory),
    ("publications", factories.PublicationFactory),
    ("projects", factories.ProjectFactory),
    ("programmes", factories.ProgrammeFactory),
    ("events", factories.EventFactory),
    ("organisations", factories.OrganisationFactory),
    ("people", factories.PersonFactory),
]


def every_url(client) -> list[ET.Element]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, response.content
    return list(ET.fromstring(response.content).iter(f"{SITEMAP}url"))


def site_page_locs() -> set[str]:
    """The atlas's own pages (the sitemap's first section), in every language."""
    paths = [reverse(name) for name in PageSitemap().items()]
    return {f"http://testserver{prefix}{path}" for path in paths for prefix in ("", "/de", "/zh-hans")}


def sitemap_urls(client) -> list[ET.Element]:
    """The records' entries (the site's own pages left out: test_sitemap_lists_the_atlas_own_pages)."""
    return [url for url in every_url(client) if url.findtext(f"{SITEMAP}loc") not in site_page_locs()]


def sitemap_entries(client) -> list[tuple[str, str]]:
    """The English pages' addresses and dates (every page is listed in each language: see
    test_sitemap_lists_every_page_in_every_language_with_its_alternates)."""
    return [
        (url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod"))
        for url in sitemap_urls(client)
        if not url.findtext(f"{SITEMAP}loc").startswith(OTHER_LANGUAGES)
    ]


def sitemap_locs(client) -> list[str]:
    return [loc for loc, _lastmod in sitemap_entries(client)]


def alternates(url: ET.Element) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in url.iter(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }


def test_sitemap_lists_every_public_record_by_section(client):
    dialogue = factories.DialogueFactory(slug="dialogues-public")
    records = [dialogue]
    for section, factory in SECTION_FACTORIES[1:]:
        related = {"dialogue": dialogue} if section == "working-groups" else {}
        records.append(factory(slug=f"{section}-public", **related))

    assert sitemap_locs(client) == [f"http://testserver{record.get_absolute_url()}" for record in records]


@pytest.mark.parametrize(("section", "factory"), SECTION_FACTORIES)
def test_sitemap_leaves_out_drafts_partners_and_internal_records(client, section, factory):
    factory(slug=f"{section}-draft", status=Status.DRAFT)
    factory(slug=f"{section}-review", status=Status.REVIEW)
    factory(slug=f"{section}-partners", visibility=Visibility.PARTNERS)
    factory(slug=f"{section}-internal", visibility=Visibility.INTERNAL)
    public = factory(slug=f"{section}-public")

    locs = [loc for loc in sitemap_locs(client) if f"/{section}-" in loc]

    assert locs == [f"http://testserver{public.get_absolute_url()}"]


def test_sitemap_leaves_out_a_working_group_of_a_draft_dialogue(client):
    draft = factories.DialogueFactory(slug="draft-dialogue", status=Status.DRAFT)
    factories.WorkingGroupFactory(slug="wg-of-draft", dialogue=draft)

    assert sitemap_locs(client) == []


def test_sitemap_is_the_same_for_a_partner(client, partner):
    factories.EventFactory(slug="partners-only", visibility=Visibility.PARTNERS)
    factories.EventFactory(slug="public")
    client.force_login(partner)

    assert sitemap_locs(client) == ["http://testserver/events/public/"]


def test_sitemap_lastmod_is_updated_at(client):
    event = factories.EventFactory(slug="potsdam")
    Event.objects.filter(pk=event.pk).update(
        updated_at=datetime.datetime(2025, 3, 4, 12, tzinfo=datetime.UTC)
    )

    assert sitemap_entries(client) == [("http://testserver/events/potsdam/", "2025-03-04")]


@pytest.mark.parametrize("count", [1, 30])
def test_sitemap_query_budget_does_not_grow(client, count):
    factories.EventFactory.create_batch(count)
    factories.WorkingGroupFactory.create_batch(count)

    # A count and a page of rows per section.
    with capture_queries() as queries:
        locs = sitemap_locs(client)
    assert len(queries) <= 2 * len(SECTION_FACTORIES)

    # Each working group brings its own dialogue.
    assert len(locs) == 3 * count


def test_sitemap_lists_every_page_in_every_language_with_its_alternates(client):
    factories.EventFactory(slug="potsdam")
    factories.OrganisationFactory(slug="uba")
    every_language = {
        "en": "http://testserver/events/potsdam/",
        "de": "http://testserver/de/events/potsdam/",
        "zh-Hans": "http://testserver/zh-hans/events/potsdam/",
        "x-default": "http://testserver/events/potsdam/",
    }

    urls = [url for url in sitemap_urls(client) if "/events/" in url.findtext(f"{SITEMAP}loc")]

    assert [url.findtext(f"{SITEMAP}loc") for url in urls] == [
        every_language["en"],
        every_language["de"],
        every_language["zh-Hans"],
    ]
    # Complete and reciprocal: each language's entry names the same set, itself included.
    assert [alternates(url) for url in urls] == [every_language] * 3
    assert len(sitemap_urls(client)) == 6


def test_sitemap_lists_the_atlas_own_pages_in_every_language_first(client):
    locs = [url.findtext(f"{SITEMAP}loc") for url in every_url(client)]

    assert locs[:3] == ["http://testserver/", "http://testserver/de/", "http://testserver/zh-hans/"]
    assert set(locs) == site_page_locs()
    assert {
        "http://testserver/about/",
        "http://testserver/de/map/",
        "http://testserver/events/timeline/",
    } < set(locs)


def test_robots_txt_disallows_admin_and_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert [response.status_code, response["Content-Type"], response.content.decode()] == [
        200,
        "text/plain; charset=utf-8",
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "Disallow: /search/?\n"
        "Disallow: /de/search/?\n"
        "Disallow: /zh-hans/search/?\n"
        "Allow: /\n"
        "\n"
        "Sitemap: http://testserver/sitemap.xml\n",
    ]


def test_robots_txt_uses_the_request_host_and_scheme(client):
    response = client.get("/robots.txt", HTTP_HOST="localhost", secure=True)

    assert response.content.decode().splitlines()[-1] == "Sitemap: https://localhost/sitemap.xml"
