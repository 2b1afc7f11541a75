"""The admin lives at ``ADMIN_URL``; a non-default address is not given away by public pages. The
pages' feeds in every language (the pages themselves: tests/config/operations/test_locale.py)."""

import importlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches, reverse

import config.urls
from tests import factories

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
SECRET_PATH = "editors-3f9c/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def custom_admin_url():
    with override_settings(ADMIN_URL=SECRET_PATH):
        importlib.reload(config.urls)
        clear_url_caches()
        yield f"/{SECRET_PATH}"
    importlib.reload(config.urls)
    clear_url_caches()


def test_admin_is_served_at_the_configured_path(client, custom_admin_url, staff):
    client.force_login(staff)

    assert [
        reverse("admin:index"),
        client.get(custom_admin_url).status_code,
        client.get("/admin/").status_code,
    ] == [custom_admin_url, 200, 404]


def test_robots_txt_does_not_name_a_custom_admin_path(client, custom_admin_url):
    response = client.get("/robots.txt")

    assert response.content.decode() == (
        "User-agent: *\nDisallow: /search/?\nDisallow: /de/search/?\nDisallow: /zh-hans/search/?\nAllow: /\n"
        "\nSitemap: http://testserver/sitemap.xml\n"
    )


@pytest.mark.parametrize(
    "url", ["/", "/dialogues/", "/events/", "/search/?q=x", "/sitemap.xml", "/api/v1/", "/api/schema/"]
)
def test_public_pages_do_not_link_to_a_custom_admin_path(client, custom_admin_url, url):
    factories.EventFactory()

    response = client.get(url)

    assert [response.status_code, SECRET_PATH.rstrip("/") in response.content.decode()] == [200, False]


def test_robots_txt_names_the_default_admin_path(client):
    assert client.get("/robots.txt").content.decode().splitlines()[1] == "Disallow: /admin/"


@pytest.mark.parametrize("admin_url", ["/admin/", "admin", "/"])
def test_settings_refuse_an_admin_url_that_is_not_a_relative_path_with_a_slash(admin_url):
    environment = {**os.environ, "ADMIN_URL": admin_url}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert [result.returncode, result.stderr.strip().splitlines()[-1]] == [
        1,
        "django.core.exceptions.ImproperlyConfigured: ADMIN_URL must be a relative path ending in '/', "
        f"like 'admin/', not {admin_url!r}.",
    ]


# Feeds in every language: their own links stay in the language of their address


@pytest.mark.parametrize(("prefix", "code"), [("", "en"), ("/de", "de"), ("/zh-hans", "zh-hans")])
def test_rss_feed_links_stay_in_its_language(client, prefix, code):
    factories.EventFactory(slug="potsdam", kind="plenary")

    response = client.get(f"{prefix}/events/feed.rss", {"kind": "plenary"})

    channel = ET.fromstring(response.content).find("channel")
    assert {
        "language": channel.findtext("language"),
        "link": channel.findtext("link"),
        "self": channel.find(f"{ATOM}link").get("href"),
        "items": [item.findtext("link") for item in channel.iter("item")],
    } == {
        "language": code,
        "link": f"http://testserver{prefix}/events/?kind=plenary",
        "self": f"http://testserver{prefix}/events/feed.rss?kind=plenary",
        "items": [f"http://testserver{prefix}/events/potsdam/"],
    }


def test_atom_feed_links_stay_in_its_language(client):
    factories.EventFactory(slug="potsdam")

    feed = ET.fromstring(client.get("/zh-hans/events/feed.atom").content)

    assert [
        feed.get("{http://www.w3.org/XML/1998/namespace}lang"),
        [link.get("href") for link in feed.findall(f"{ATOM}link")],
        [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")],
    ] == [
        "zh-hans",
        ["http://testserver/zh-hans/events/", "http://testserver/zh-hans/events/feed.atom"],
        ["http://testserver/zh-hans/events/potsdam/"],
    ]


def test_icalendar_feed_links_stay_in_its_language(client):
    factories.EventFactory(slug="potsdam")

    calendar = icalendar.Calendar.from_ical(client.get("/de/events/feed.ics").content)

    assert [str(vevent["URL"]) for vevent in calendar.walk("VEVENT")] == [
        "http://testserver/de/events/potsdam/"
    ]
    assert str(calendar["X-WR-CALDESC"]).endswith("http://testserver/de/events/")
