"""Redis going away while the site serves: the application server (gunicorn, as gunicorn.conf.py
configures it) over real HTTP, against a Redis server of the test's own that is killed, hung and
started again — with its data, as a Redis with persistence comes back.

Whatever Redis does, every answer is the right one (never a 500), an acknowledged write is kept
and shown at once, anonymous API clients are still throttled, one warning is logged per outage,
and when Redis is back the cache works again without restarting the application — without
serving a page it cached before a write made during the outage.
"""

import http.client
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from events.models import Event
from tests.factories import EventFactory, StaffFactory
from tests.helpers import issue_token
from tests.redis_server import free_port
from tests.settings_probe import database_url

SERVER_APP_NAME = "atlas-redis-faults"

pytestmark = pytest.mark.django_db(transaction=True)

# Bounds on a hang, never asserted: how long the server may take to start, one request, and the
# cache to be used again once Redis is back (the circuit tries it again after REDIS_RETRY_SECONDS).
START_SECONDS, REQUEST_SECONDS, RECOVERY_SECONDS = 60, 20, 30
ANONYMOUS_API_RATE = 3
SLUG = "public-plenary"


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def cached(self) -> bool:
        return self.headers.get("x-cache") == "hit"

    def json(self):
        return json.loads(self.body)


class Site:
    """The application server in a process of its own, and a client that speaks HTTP to it."""

    def __init__(self, redis_url: str, log: Path):
        self.port = free_port()
        self.log = log
        environment = {
            key: value for key, value in os.environ.items() if not key.startswith(("REDIS_", "DJANGO_"))
        }
        environment.update(
            # Production's behaviour where it matters here (no debug pages, two-factor admin login);
            # DJANGO_ENV stays development, whose static files need no collectstatic run first.
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="false",
            DATABASE_URL=database_url(),
            # libpq names the server's sessions, so that stop() can wait for them to end.
            PGAPPNAME=SERVER_APP_NAME,
            REDIS_URL=redis_url,
            REDIS_TIMEOUT="0.25",
            REDIS_RETRY_SECONDS="0.5",
            REDIS_WARNING_SECONDS="3600",
            RESPONSE_CACHE_SECONDS="300",
            ADMIN_REQUIRE_2FA="true",
            API_THROTTLE_ANON=f"{ANONYMOUS_API_RATE}/minute",
            # Anonymous API clients are told apart by the address our (one) proxy appends.
            TRUSTED_PROXY_COUNT="1",
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_WORKERS="1",  # the throttle's fallback counts per process: one process, one count
            GUNICORN_THREADS="4",
            LOG_LEVEL="WARNING",
        )
        self.log_file = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--no-control-socket"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_up()

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log.read_text()}"
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                pass
            assert time.monotonic() < deadline, f"gunicorn did not answer:\n{self.log.read_text()}"
            time.sleep(0.2)

    def request(self, method: str, path: str, body: dict | None = None, **headers) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_SECONDS)
        try:
            payload = None if body is None else json.dumps(body).encode()
            if payload is not None:
                headers["Content-Type"] = "application/json"
            connection.request(
                method,
                path,
                body=payload,
                headers={key.replace("_", "-"): value for key, value in headers.items()},
            )
            response = connection.getresponse()
            return Answer(
                response.status,
                {name.lower(): value for name, value in response.getheaders()},
                response.read(),
            )
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Answer:
        return self.request("GET", path, **headers)

    def log_lines(self, text: str) -> int:
        return sum(text in line for line in self.log.read_text().splitlines())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()
        wait_for_sessions_to_end()


def wait_for_sessions_to_end(seconds: float = 10) -> None:
    """PostgreSQL ends a stopped server's sessions a moment after its processes exit; until then the
    test database cannot be dropped at the end of the run."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [SERVER_APP_NAME]
            )
            if cursor.fetchone()[0] == 0 or time.monotonic() > deadline:
                return
            time.sleep(0.1)


@pytest.fixture
def site(transactional_db, redis_server, tmp_path):
    # After the database fixture, so the server has stopped before the test's rows are flushed.
    running = Site(redis_server.url, tmp_path / "gunicorn.log")
    yield running
    running.stop()


@pytest.fixture
def token(transactional_db):
    return issue_token(StaffFactory(is_superuser=True))


@pytest.fixture
def event(transactional_db):
    return EventFactory(name="Public plenary", slug=SLUG)


def page(site, client: str) -> Answer:
    """The event's page, for an anonymous visitor behind our proxy at ``client``."""
    return site.get(f"/events/{SLUG}/", X_Forwarded_For=client)


def rename(site, token: str, name: str) -> Answer:
    """A partner system's write: read the event for its ETag, then PATCH it with If-Match."""
    url = f"/api/v1/events/{SLUG}/"
    authorization = f"Token {token}"
    read = site.get(url, Authorization=authorization)
    assert read.status == 200 and read.json()["name"] != name
    return site.request(
        "PATCH", url, {"name": name}, Authorization=authorization, If_Match=read.headers["etag"]
    )


def served_from_cache_again(site, path: str, **headers) -> Answer:
    """The first answer from the cache once Redis is back (the circuit retries after a pause)."""
    deadline = time.monotonic() + RECOVERY_SECONDS
    while time.monotonic() < deadline:
        answer = site.get(path, **headers)
        assert answer.status == 200
        if answer.cached:
            return answer
    raise AssertionError(f"{path} was not served from the cache again within {RECOVERY_SECONDS} s")


def assert_site_answers_without_redis(site, token: str, client: str) -> None:
    """Every kind of request gets its right answer, none a 500, and nothing from the cache."""
    health = site.get("/healthz")
    pages = [page(site, client) for _ in range(2)]
    login = site.get("/admin/login/")
    api_list = site.get("/api/v1/events/", X_Forwarded_For=client)
    token_read = site.get(f"/api/v1/events/{SLUG}/", Authorization=f"Token {token}")

    assert (health.status, health.body) == (200, b"ok")
    assert [(answer.status, answer.cached) for answer in pages] == [(200, False)] * 2
    assert login.status == 200 and b'name="password"' in login.body
    assert (api_list.status, api_list.cached, len(api_list.json()["results"])) == (200, False, 1)
    assert (token_read.status, token_read.json()["slug"]) == (200, SLUG)


def assert_anonymous_api_clients_are_still_throttled(site, client: str) -> None:
    answers = [site.get("/api/v1/topics/", X_Forwarded_For=client) for _ in range(ANONYMOUS_API_RATE + 1)]

    assert [answer.status for answer in answers] == [200] * ANONYMOUS_API_RATE + [429]
    assert answers[-1].json()["code"] == "throttled" and int(answers[-1].headers["retry-after"]) > 0
    assert [answer.headers["ratelimit-remaining"] for answer in answers] == ["2", "1", "0", "0"]


def test_redis_killed_then_back_with_its_data(site, redis_server, token, event):
    assert [page(site, "192.0.2.1").cached for _ in range(2)] == [False, True]
    redis_server.snapshot()  # it comes back with the page cached now, as a Redis with persistence would
    redis_server.stop()

    assert_site_answers_without_redis(site, token, "192.0.2.2")
    assert_anonymous_api_clients_are_still_throttled(site, "192.0.2.3")
    write = rename(site, token, "Renamed while Redis was away")
    during = page(site, "192.0.2.4")
    redis_server.start()
    back = served_from_cache_again(site, f"/events/{SLUG}/", X_Forwarded_For="192.0.2.5")

    assert (write.status, write.json()["name"]) == (200, "Renamed while Redis was away")
    assert Event.objects.get(slug=SLUG).name == "Renamed while Redis was away"
    assert b"Renamed while Redis was away" in during.body
    assert b"Renamed while Redis was away" in back.body and b"Public plenary" not in back.body
    assert site.log_lines("is unreachable (ConnectionError") == 1  # once, not once per request
    assert site.log_lines("answers again: caching resumed") == 1


def test_redis_hung_then_resumed(site, redis_server, token, event):
    assert [page(site, "198.51.100.1").cached for _ in range(2)] == [False, True]
    redis_server.hang()  # connections are accepted, nothing is answered: only the timeouts end a call

    assert_site_answers_without_redis(site, token, "198.51.100.2")
    assert_anonymous_api_clients_are_still_throttled(site, "198.51.100.3")
    write = rename(site, token, "Renamed while Redis hung")
    redis_server.resume()
    back = served_from_cache_again(site, f"/events/{SLUG}/", X_Forwarded_For="198.51.100.4")

    assert (write.status, Event.objects.get(slug=SLUG).name) == (200, "Renamed while Redis hung")
    assert b"Renamed while Redis hung" in back.body and b"Public plenary" not in back.body
    assert site.log_lines("is unreachable (TimeoutError") == 1
    assert site.log_lines("answers again: caching resumed") == 1
