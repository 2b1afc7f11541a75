"""The liveness probe (``/healthz``) and the readiness probe (``/readyz``).

A database that is away makes the process un-ready, a cache that is away does not; neither probe is
cached or redirected to HTTPS. The whole server without a database is tested over HTTP in
``tests/operations/test_database_faults.py``.
"""

import socket
from contextlib import closing, contextmanager

import pytest
from django.db import connections

from tests.helpers import capture_queries
from tests.settings_probe import configured, database_url

pytestmark = pytest.mark.django_db(databases=["default", "replica_1"])


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_liveness_reads_neither_the_database_nor_the_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    settings.RESPONSE_CACHE_SECONDS = 0

    with capture_queries() as queries:
        response = client.get("/healthz")

    assert (response.status_code, response.content, len(queries)) == (200, b"ok", 0)
    assert "no-store" in response["Cache-Control"]


def test_readiness_checks_every_database_and_the_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database:default": "ok",
        "database:replica_1": "ok",
        "cache": "ok",
    }
    assert "no-store" in response["Cache-Control"]


def test_readiness_is_never_answered_from_the_response_cache(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 300
    client.get("/readyz")

    assert "X-Cache" not in client.get("/readyz")


def test_a_cache_that_is_away_degrades_readiness_without_making_the_process_unready(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    settings.RESPONSE_CACHE_SECONDS = 0  # the response cache's own degradation is tested with it

    response = client.get("/readyz")

    assert (response.status_code, response.json()["status"]) == (200, "ready")
    assert response.json()["checks"]["cache"] == {"status": "degraded", "error": "ConnectionError"}


@contextmanager
def silent_port():
    """A port that accepts connections and never answers."""
    with closing(socket.socket()) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_cache_that_does_not_answer_is_degraded_within_the_probe_timeout(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    settings.DATABASE_PROBE_TIMEOUT_MS = 300
    with silent_port() as port:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
            }
        }

        response = client.get("/readyz")

    assert (response.status_code, response.json()["checks"]["cache"]) == (
        200,
        {"status": "degraded", "error": "timeout"},
    )


@contextmanager
def unreachable(alias: str):
    """``alias`` pointed at a port nothing listens on, for the duration.

    A test mirror shares its settings with the primary (the same dict), so the alias gets its own.
    """
    connection = connections[alias]
    saved = connection.settings_dict
    connection.close()
    connection.settings_dict = {**saved, "HOST": "127.0.0.1", "PORT": str(free_port())}
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict = saved


# Outside a transaction: the alias's connection is closed and opened again.
@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
def test_a_database_that_is_away_makes_the_process_unready(client, settings):
    settings.DATABASE_RETRY_AFTER_SECONDS = 7
    with unreachable("replica_1"):
        response = client.get("/readyz")

    assert (response.status_code, response["Retry-After"], response.json()["status"]) == (
        503,
        "7",
        "unavailable",
    )
    assert response.json()["checks"]["database:replica_1"] == {
        "status": "unavailable",
        "error": "OperationalError",
    }
    assert response.json()["checks"]["database:default"]["status"] == "ok"
    assert client.get("/readyz").status_code == 200


def test_load_balancers_probe_over_plain_http_in_production(client, settings):
    exempt = configured(
        {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50, "DATABASE_URL": database_url()},
        exempt="settings.SECURE_REDIRECT_EXEMPT",
    )["exempt"]
    settings.SECURE_SSL_REDIRECT, settings.SECURE_REDIRECT_EXEMPT = True, exempt

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301
