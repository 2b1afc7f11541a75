"""Every error under /api/ is JSON in the API's one shape, whichever part of Django answers.

Real requests through the test client and the settings' middleware (the production order), with
``DEBUG`` off as in production and exceptions turned into responses as a server would. The site's
pages keep their HTML errors and their APPEND_SLASH redirect.
"""

import json
import re

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import RequestDataTooBig
from django.test import Client, RequestFactory
from django.urls import reverse

from config.api.exceptions import API_PREFIX, TrailingSlashMiddleware, bad_request
from config.api.search import SearchView
from config.atlas.api_urls import APP_APIS
from config.atlas.views import HomeView
from institutions.models import Organisation
from tests import factories
from tests.helpers import capture_queries, issue_token

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

NOT_FOUND = {"status": 404, "code": "not_found", "detail": "Not found.", "errors": []}
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
# Past DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), otherwise a valid organisation.
TOO_LARGE = '{"slug": "big", "name": "' + "x" * 2_700_000 + '"}'
LIMIT = "2,621,440"


def error(status: int, code: str, detail: str) -> dict:
    return {"status": status, "code": code, "detail": detail, "errors": []}


def not_allowed(method: str) -> dict:
    return error(405, "method_not_allowed", f'Method "{method}" not allowed.')


def slash_404(path: str) -> dict:
    return error(404, "not_found", f"There is nothing at this address; the address ends with a slash: {path}")


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def client_for(user=None) -> Client:
    """A client that gets the response a server would send, even for an exception."""
    headers = {"Authorization": f"Token {issue_token(user)}"} if user else {}
    return Client(raise_request_exception=False, headers=headers)


def request(client, method, path, body=None, content_type="application/json"):
    if body is None:
        return client.generic(method, path)
    return client.generic(method, path, body, content_type=content_type)


ERRORS = [
    # (who, method, path, body, content type) → (status, body, headers)
    ("anonymous", "GET", "/api/v1/nope/", None, None, 404, NOT_FOUND, {}),
    ("anonymous", "GET", "/api/nope", None, None, 404, NOT_FOUND, {}),
    ("anonymous", "GET", "/api", None, None, 404, NOT_FOUND, {}),
    ("anonymous", "GET", "/api/", None, None, 404, NOT_FOUND, {}),
    ("anonymous", "GET", "/api/v1/nope", None, None, 404, NOT_FOUND, {}),
    ("writer", "POST", "/api/v1/nope/", "{}", JSON, 404, NOT_FOUND, {}),
    ("anonymous", "OPTIONS", "/api/v2/", None, None, 404, NOT_FOUND, {}),
    ("anonymous", "GET", "/api/v1/organisations/nothing-here/", None, None, 404, NOT_FOUND, {}),
    ("writer", "PUT", "/api/v1/organisations/", "{}", JSON, 405, not_allowed("PUT"),
     {"Allow": "GET, POST, HEAD, OPTIONS"}),
    ("anonymous", "POST", "/api/v1/search/", "{}", JSON, 405, not_allowed("POST"),
     {"Allow": "GET, HEAD, OPTIONS"}),
    ("writer", "POST", "/api/v1/organisations/", TOO_LARGE, JSON, 413,
     error(413, "payload_too_large", f"The request body is larger than the limit of {LIMIT} bytes."), {}),
    ("writer", "POST", "/api/v1/organisations/", "slug=form&name=Form", FORM, 415,
     error(415, "unsupported_media_type",
           'Unsupported media type "application/x-www-form-urlencoded" in request.'), {}),
    ("writer", "POST", "/api/v1/organisations/", '{"slug": ', JSON, 400,
     error(400, "parse_error", "JSON parse error - Expecting value: line 1 column 10 (char 9)"), {}),
    # A write to an address without its trailing slash: never a redirect, nothing written.
    ("writer", "POST", "/api/v1/organisations", '{"slug": "new", "name": "New"}', JSON, 404,
     slash_404("/api/v1/organisations/"), {}),
    ("anonymous", "POST", "/api/v1/organisations", '{"slug": "new", "name": "New"}', JSON, 404,
     slash_404("/api/v1/organisations/"), {}),
    ("writer", "PUT", "/api/v1/organisations/uba", '{"slug": "uba", "name": "Renamed"}', JSON, 404,
     slash_404("/api/v1/organisations/uba/"), {}),
    ("writer", "PATCH", "/api/v1/organisations/uba", '{"name": "Renamed"}', JSON, 404,
     slash_404("/api/v1/organisations/uba/"), {}),
    ("writer", "DELETE", "/api/v1/organisations/uba", None, None, 404,
     slash_404("/api/v1/organisations/uba/"), {}),
    ("writer", "DELETE", "/api/v1/dialogue-roles/1?force=1", None, None, 404,
     slash_404("/api/v1/dialogue-roles/1/?force=1"), {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("who", "method", "path", "body", "content_type", "status", "expected", "headers"),
    ERRORS,
    ids=[f"{case[0]} {case[1]} {case[2][:40]}" for case in ERRORS],
)
def test_an_api_error_is_json_in_the_one_shape(
    writer, who, method, path, body, content_type, status, expected, headers
):
    organisations = list(Organisation.objects.values_list("slug", "name", "updated_at"))

    response = request(client_for(writer if who == "writer" else None), method, path, body, content_type)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert not response.has_header("Location")
    assert response.json() == expected
    assert {name: response[name] for name in headers} == headers
    assert list(Organisation.objects.values_list("slug", "name", "updated_at")) == organisations


def test_the_seed_has_what_the_table_writes_to():
    assert Organisation.objects.filter(slug="uba").exists()


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_read_without_the_trailing_slash_is_still_redirected(method):
    response = request(client_for(), method, "/api/v1/organisations?country=DE")

    assert (response.status_code, response["Location"]) == (301, "/api/v1/organisations/?country=DE")


def test_a_write_without_the_slash_is_a_json_404_with_debug_on_too(settings, writer):
    # APPEND_SLASH raises a RuntimeError (a 500 page) for a POST with DEBUG on.
    settings.DEBUG = True

    response = request(client_for(writer), "POST", "/api/v1/organisations", '{"slug": "x", "name": "X"}')

    assert (response.status_code, response.json()) == (404, slash_404("/api/v1/organisations/"))


def test_a_too_large_body_is_a_json_413_with_debug_on_too(settings, writer):
    settings.DEBUG = True
    response = request(client_for(writer), "POST", "/api/v1/organisations/", TOO_LARGE)

    assert (response.status_code, response.json()["code"]) == (413, "payload_too_large")


def test_a_404_is_json_again_when_the_response_cache_is_warm():
    client = client_for()

    responses = [client.get("/api/v1/nope/") for _ in range(2)]

    assert [(r.status_code, r.json()) for r in responses] == [(404, NOT_FOUND)] * 2


def test_a_server_error_under_the_api_is_a_json_500(monkeypatch):
    def boom(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(SearchView, "get", boom)

    response = client_for().get("/api/v1/search/?q=x")

    assert (response.status_code, response["Content-Type"]) == (500, "application/json")
    assert response.json() == {
        "status": 500,
        "code": "server_error",
        "detail": "A server error occurred; it has been logged.",
        "errors": [],
    }


def test_a_bad_host_under_the_api_is_a_json_400():
    response = Client(raise_request_exception=False).get("/api/v1/", headers={"Host": "evil.example"})

    assert (response.status_code, response.json()) == (
        400,
        {"status": 400, "code": "bad_request", "detail": "The request is malformed.", "errors": []},
    )


def test_a_forbidden_user_agent_under_the_api_is_a_json_403(settings):
    settings.DISALLOWED_USER_AGENTS = [re.compile("badbot")]

    response = Client(raise_request_exception=False).get("/api/v1/", headers={"User-Agent": "badbot"})

    assert (response.status_code, response.json()) == (
        403,
        {
            "status": 403,
            "code": "permission_denied",
            "detail": "You do not have permission to perform this action.",
            "errors": [],
        },
    )


def test_a_body_too_large_read_outside_a_view_is_a_json_413():
    response = bad_request(RequestFactory().post("/api/v1/organisations/"), RequestDataTooBig("too big"))

    assert response.status_code == 413
    assert (
        json.loads(response.content)["detail"]
        == f"The request body is larger than the limit of {LIMIT} bytes."
    )


def test_the_api_is_mounted_where_its_errors_are_json():
    assert [reverse(name) for name in ("api:api-root", "api-schema", "api-docs")] == [
        f"{API_PREFIX}v1/",
        f"{API_PREFIX}schema/",
        f"{API_PREFIX}docs/",
    ]


def test_the_trailing_slash_check_runs_just_before_common_middleware():
    middleware = django_settings.MIDDLEWARE
    slash = middleware.index(f"{TrailingSlashMiddleware.__module__}.{TrailingSlashMiddleware.__name__}")

    assert middleware[slash + 1] == "django.middleware.common.CommonMiddleware"


# The site keeps its HTML errors and its redirects ---------------------------------------------------


@pytest.mark.parametrize("path", ["/nope/", "/events/nothing-here/", "/apis/", "/api-docs/"])
def test_the_site_still_answers_an_html_404(path):
    response = client_for().get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert b"<h1>Not Found</h1>" in response.content


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_site_still_redirects_to_the_trailing_slash(method):
    response = request(client_for(), method, "/events?kind=plenary")

    assert (response.status_code, response["Location"]) == (301, "/events/?kind=plenary")


def test_a_server_error_on_the_site_is_still_its_html_500(monkeypatch):
    def boom(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomeView, "get", boom)

    response = client_for().get("/")

    assert (response.status_code, response["Content-Type"]) == (500, "text/html; charset=utf-8")
    assert b"<h1>Server error</h1>" in response.content


# OPTIONS on every endpoint: a 200, never a 500 ---------------------------------------------------


def api_paths() -> list[str]:
    """Every endpoint the API routes: each router's list, detail (a record of the seed and one
    that does not exist) and extra actions, the root, search, the schema and its documentation."""
    from config.atlas import api_urls  # the routers, imported once Django is set up

    paths = ["/api/v1/", "/api/v1/search/", "/api/schema/", "/api/docs/", "/api/docs/redoc/"]
    for api in api_urls.APP_APIS:
        for prefix, viewset, _basename in api.router.registry:
            model = viewset.queryset.model
            lookup = viewset.lookup_field
            key = model.objects.order_by("pk").values_list(lookup, flat=True).first()
            if key is None and model.__name__ == "ProjectContactPoint":  # the seed names none
                key = getattr(factories.ProjectContactPointFactory(), lookup)
            assert key is not None, f"the seed has no {model.__name__}"
            missing = "nope" if lookup == "slug" else "999999"
            paths += [f"/api/v1/{prefix}/", f"/api/v1/{prefix}/{key}/", f"/api/v1/{prefix}/{missing}/"]
            paths += [
                f"/api/v1/{prefix}/{action.url_path}/"
                for action in viewset.get_extra_actions()
                if not action.detail
            ]
    return paths


def test_every_router_is_covered():
    registered = {prefix for api in APP_APIS for prefix, _viewset, _basename in api.router.registry}

    covered = {path.split("/")[3] for path in api_paths() if path.startswith("/api/v1/")}

    assert covered - {"", "search"} == registered


ROLES = [
    "anonymous",
    "signed_in_user",
    "partner",
    "staff",
    "viewer",
    "editor",
    "publisher",
    "writer",
    "admin_user",
]


@pytest.mark.parametrize("role", ROLES)
def test_options_on_every_endpoint_is_a_200_for_every_role(request, role):
    """``OPTIONS`` describes a record's writes by asking for it as if for a PUT; for an account that
    may change it, that once locked the row outside any transaction — a 500 in production. Here
    every test runs inside a transaction, where the lock would pass unnoticed: no lock is taken at
    all (tests/config/api/test_views.py asks again outside a transaction)."""
    user = request.getfixturevalue(role)
    client = client_for(None if role == "anonymous" else user)

    with capture_queries() as queries:
        answers = {path: client.options(path).status_code for path in api_paths()}

    assert {path: status for path, status in answers.items() if status != 200} == {}
    assert [sql for sql in queries.sql if "FOR UPDATE" in sql] == []
