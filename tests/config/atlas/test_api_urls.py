"""The API's own pages: the docs (Swagger UI and Redoc) served from the site, under the CSP."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_docs_pages_are_served(api):
    assert api.get("/api/docs/").status_code == 200
    assert api.get("/api/docs/redoc/").status_code == 200


@pytest.mark.parametrize("url", ["/api/docs/redoc/", "/api/docs/"])
def test_api_docs_inline_code_carries_the_nonce_of_the_policy(client, url):
    response = client.get(url)
    page = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)

    inline = re.findall(r"<(script|style)( nonce=\"([^\"]*)\")?>", page)
    assert inline and all(found_nonce == nonce for _tag, _attr, found_nonce in inline)
    assert "fonts.googleapis.com" not in page


def test_redoc_is_told_the_nonce_for_the_styles_it_injects(client):
    response = client.get("/api/docs/redoc/")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)

    assert f'{{nonce: "{nonce}"}}' in response.content.decode()


def test_swagger_ui_loads_its_start_up_script_from_the_site(client):
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script src=\"([^\"]+)\"></script>", page)

    assert [src.startswith("/static/") for src in scripts[:2]] == [True, True]
    assert scripts[2] == "/api/docs/?script="
    script = client.get(scripts[2])
    assert [script.status_code, script["Content-Type"]] == [200, "application/javascript"]
    assert client.get(scripts[0]).status_code == 200
