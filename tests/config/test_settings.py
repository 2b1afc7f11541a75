"""What config/settings.py sets up: security headers and the CSP on every kind of response, the
cookies' flags, CORS, the settings read from the environment, and ``check --deploy`` in production.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from tests import factories
from tests.factories import PASSWORD
from tests.settings_probe import configured, database_url

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)


# Security headers, the CSP and the cookies -------------------------------------------------------------

ONE_YEAR = 60 * 60 * 24 * 365

# One URL of each kind the atlas serves, with the status it answers with.
URLS = [
    ("/", 200),
    ("/dialogues/", 200),
    ("/events/?kind=party", 400),
    ("/search/?q=climate", 200),
    ("/no-such-page/", 404),
    ("/admin/login/", 200),
    ("/admin/", 302),
    ("/api/v1/", 200),
    ("/api/v1/events/", 200),
    ("/api/v1/events/?kind=party", 400),
    ("/api/v1/events/nothing-here/", 404),
    ("/api/schema/", 200),
    ("/api/docs/", 200),
    ("/api/docs/?script=", 200),
    ("/api/docs/redoc/", 200),
    ("/events/feed.ics", 200),
    ("/events/feed.rss", 200),
    ("/events/feed.atom", 200),
    ("/sitemap.xml", 200),
    ("/robots.txt", 200),
    ("/healthz", 200),
]

EXPECTED_HEADERS = {
    "Strict-Transport-Security": f"max-age={ONE_YEAR}; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# Features the atlas does not use, denied on every response (Permissions-Policy).
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]

# The policy without the nonce (which differs per response and appears only where a page uses it).
STRICT_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]


# The Redoc page's exceptions (config/atlas/api_urls.py): its scroll bars' stylesheet by hash, its
# search worker.
REDOC_POLICY = [
    *STRICT_POLICY[:2],
    "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' "
    "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
    *STRICT_POLICY[3:],
    "worker-src 'self' blob:",
]


@pytest.fixture
def production_like(settings):
    settings.SECURE_HSTS_SECONDS = ONE_YEAR
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    return settings


def permissions_policy(response) -> dict[str, str]:
    header = response.headers.get("Permissions-Policy", "")
    return dict(directive.strip().split("=", 1) for directive in header.split(",") if directive.strip())


def policy_without_nonce(header: str) -> list[str]:
    return [re.sub(r" 'nonce-[^']+'", "", directive.strip()) for directive in header.split(";")]


@pytest.mark.parametrize(("url", "status"), URLS)
def test_every_response_carries_the_security_headers(client, production_like, url, status):
    factories.EventFactory()

    response = client.get(url, secure=True)

    assert response.status_code == status
    assert {name: response.headers.get(name) for name in EXPECTED_HEADERS} == EXPECTED_HEADERS
    assert {
        feature: permissions_policy(response).get(feature) for feature in DENIED_FEATURES
    } == dict.fromkeys(DENIED_FEATURES, "()")
    expected_policy = REDOC_POLICY if url == "/api/docs/redoc/" else STRICT_POLICY
    assert policy_without_nonce(response.headers["Content-Security-Policy"]) == expected_policy


@pytest.mark.parametrize(("url", "status"), URLS)
def test_no_response_allows_unsafe_inline_or_eval(client, url, status):
    response = client.get(url)

    policy = response.headers["Content-Security-Policy"]
    assert [response.status_code, "unsafe-inline" in policy, "unsafe-eval" in policy] == [
        status,
        False,
        False,
    ]


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_a_response_from_the_cache_carries_the_headers_as_well(client, url):
    factories.EventFactory()
    client.get(url)

    response = client.get(url)

    assert [response.get("X-Cache"), response["Cross-Origin-Resource-Policy"]] == ["hit", "same-origin"]
    assert permissions_policy(response)["camera"] == "()"


def test_hsts_is_sent_only_over_https(client, production_like):
    response = client.get("/")

    assert response.headers.get("Strict-Transport-Security") is None


def test_admin_login_cookies_are_host_only_secure_httponly_and_lax(client, production_like, editor):
    form = client.get("/admin/login/", secure=True)
    csrf = form.cookies["__Host-csrftoken"]
    login = client.post(
        "/admin/login/?next=/admin/",
        {
            "username": editor.username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": form.context["csrf_token"],
        },
        secure=True,
    )
    session = login.cookies["__Host-sessionid"]

    assert login.status_code == 302
    # What a browser requires of a __Host- cookie: Secure, Path=/ and no Domain.
    assert [
        (cookie["secure"], cookie["path"], cookie["domain"], cookie["httponly"], cookie["samesite"])
        for cookie in (csrf, session)
    ] == [(True, "/", "", True, "Lax"), (True, "/", "", True, "Lax")]
    # The session under its new name signs the editor in, and is never served the anonymous cache.
    admin = client.get("/admin/", secure=True)
    assert [admin.status_code, admin.get("X-Cache"), "no-store" in admin["Cache-Control"]] == [
        200,
        None,
        True,
    ]


def test_pages_load_no_inline_script(client):
    event = factories.EventFactory()

    for url in ["/", "/events/", event.get_absolute_url(), "/search/?q=event"]:
        html = client.get(url).content.decode()
        scripts = html.split("<script")[1:]
        # Every script is either a file (src=…) or a JSON-LD data block, never inline code.
        assert all(
            " src=" in script.split(">")[0] or "application/ld+json" in script.split(">")[0]
            for script in scripts
        ), url


# CORS -----------------------------------------------------------------------------------------------


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_cors_allows_reads_from_configured_origins(api):
    response = api.get("/api/v1/topics/", headers={"Origin": "https://partner.example"})

    assert response["Access-Control-Allow-Origin"] == "https://partner.example"


# Settings chosen from the environment ------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, "SECRET_KEY, DATABASE_URL"),
        ({"SECRET_KEY": "x" * 50}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgres://h/db"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_its_settings(environment, missing):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL"}}
    env |= {"DJANGO_ENV": "production", **environment}

    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: Production settings need the environment variable(s) "
        f"{missing}; set them before starting Dialogue Atlas."
    )


UNSET = ("AWS_STORAGE_BUCKET_NAME", "S3_ENDPOINT_URL", "REDIS_URL", "RESPONSE_CACHE_SECONDS", "DJANGO_ENV")


def settings_with(**variables) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    environment.setdefault("DATABASE_URL", "postgres://atlas@db.internal:5432/atlas")
    return configured(
        environment | variables,
        storage="type(storages['default']).__module__ + '.' + type(storages['default']).__name__",
        bucket="getattr(storages['default'], 'bucket_name', None)",
        endpoint="getattr(storages['default'], 'endpoint_url', None)",
        cache="type(caches['default']).__name__",
        response_cache_seconds="settings.RESPONSE_CACHE_SECONDS",
        cookies="[settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]",
    )


def test_media_on_s3_compatible_storage_when_a_bucket_is_named():
    shown = settings_with(AWS_STORAGE_BUCKET_NAME="atlas-media", S3_ENDPOINT_URL="https://s3.example.org")

    assert (shown["storage"], shown["bucket"], shown["endpoint"]) == (
        "config.operations.storage.MediaS3Storage",
        "atlas-media",
        "https://s3.example.org",
    )


def test_media_on_the_local_disk_without_a_bucket():
    shown = settings_with()

    assert (shown["storage"], shown["bucket"]) == (
        "django.core.files.storage.filesystem.FileSystemStorage",
        None,
    )


def test_redis_is_the_shared_cache_when_configured():
    assert settings_with(REDIS_URL="redis://127.0.0.1:6379/0")["cache"] == "ResilientRedisCache"
    assert settings_with()["cache"] == "LocMemCache"


def test_production_cookies_carry_the_host_prefix():
    production = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50}

    assert settings_with()["cookies"] == ["sessionid", "csrftoken"]
    assert settings_with(**production)["cookies"] == ["__Host-sessionid", "__Host-csrftoken"]


def test_redis_timeouts_and_pauses_come_from_the_environment():
    def redis_settings(**variables) -> dict:
        environment = {key: value for key, value in os.environ.items() if not key.startswith("REDIS_")}
        return configured(
            environment | {"DATABASE_URL": "postgres://atlas@db.internal:5432/atlas", **variables},
            options="settings.CACHES['default']['OPTIONS']",
            retry="caches['default'].circuit.retry_seconds",
            warning="caches['default'].circuit.warning_seconds",
        )

    default = redis_settings(REDIS_URL="redis://127.0.0.1:6379/0")
    tuned = redis_settings(
        REDIS_URL="redis://127.0.0.1:6379/0",
        REDIS_CONNECT_TIMEOUT="0.1",
        REDIS_TIMEOUT="0.3",
        REDIS_RETRY_SECONDS="2",
        REDIS_WARNING_SECONDS="300",
    )

    assert default == {
        "options": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        "retry": 5.0,
        "warning": 60.0,
    }
    assert tuned == {
        "options": {"socket_connect_timeout": 0.1, "socket_timeout": 0.3},
        "retry": 2.0,
        "warning": 300.0,
    }


def test_production_caches_responses_only_in_a_shared_cache():
    production = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50}

    assert settings_with(**production)["response_cache_seconds"] == 0
    assert settings_with(**production, REDIS_URL="redis://127.0.0.1:6379/0")["response_cache_seconds"] == 300


# manage.py check --deploy with production settings: silent when configured, loud when not -----------


def check_deploy(**overrides) -> subprocess.CompletedProcess:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SECURE_"))
    }
    environment.update(
        {
            "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": database_url(),
            "ALLOWED_HOSTS": "atlas.example.org",
            "TRUSTED_PROXY_COUNT": "1",
            **overrides,
        }
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = check_deploy()

    # stderr carries only log lines (django-axes announces itself), no check messages.
    assert [result.returncode, result.stdout.strip(), "WARNINGS:" in result.stderr] == [
        0,
        "System check identified no issues (0 silenced).",
        False,
    ]


def test_check_deploy_warns_when_hsts_is_switched_off():
    result = check_deploy(SECURE_HSTS_SECONDS="0")

    warnings = [line.split(" ", 2)[1] for line in result.stderr.splitlines() if line.startswith("?: (")]
    assert [result.returncode, warnings] == [1, ["(security.W004)"]]


def test_check_deploy_warns_when_the_proxy_is_not_trusted():
    result = check_deploy(TRUSTED_PROXY_COUNT="0")

    warnings = [line.split(" ", 2)[1] for line in result.stderr.splitlines() if line.startswith("?: (")]
    assert [result.returncode, warnings] == [1, ["(atlas.W001)"]]


def test_job_files_are_kept_apart_from_the_served_media():
    jobs = {
        "jobs_bucket": "getattr(storages['jobs'], 'bucket_name', None)",
        "jobs_location": "str(getattr(storages['jobs'], 'location', ''))",
        "jobs_acl": "getattr(storages['jobs'], 'default_acl', None)",
        "media_root": "str(settings.MEDIA_ROOT)",
    }
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    environment.setdefault("DATABASE_URL", "postgres://atlas@db.internal:5432/atlas")

    on_s3 = configured(environment | {"AWS_STORAGE_BUCKET_NAME": "atlas-media"}, **jobs)
    on_disk = configured(environment | {"JOB_FILES_ROOT": "/srv/atlas/jobs"}, **jobs)

    assert (on_s3["jobs_bucket"], on_s3["jobs_location"], on_s3["jobs_acl"]) == (
        "atlas-media",
        "jobs",
        "private",
    )
    assert on_disk["jobs_location"] == "/srv/atlas/jobs"
    assert not on_disk["jobs_location"].startswith(on_disk["media_root"])  # not served under MEDIA_URL
