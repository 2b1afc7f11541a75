"""The admin lives at ``ADMIN_URL``; a non-default address is not given away by public pages."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches, reverse

import config.urls
from tests import factories

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
SECRET_PATH = "editors-3f9c/"


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
        "User-agent: *\nDisallow: /search/\nAllow: /\n\nSitemap: http://testserver/sitemap.xml\n"
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
