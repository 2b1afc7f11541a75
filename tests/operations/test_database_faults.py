"""The atlas while its database fails, over real HTTP: gunicorn with the repository's
``gunicorn.conf.py`` on the test database, faults made in PostgreSQL itself.

- connections terminated (``pg_terminate_backend``) and refused (``ALLOW_CONNECTIONS false``) in the
  middle of a burst of reads and token-authenticated writes: every answer is a 2xx or a 503 with
  ``Retry-After``, readiness follows the outage, the server recovers without a restart, and every
  write that was acknowledged is in the database;
- a statement timeout (a table locked by another session): a 503 in the API's JSON shape under
  ``/api/`` and the branded page elsewhere, within a bound, nothing half-written, then recovery;
- a database nobody answers at (a closed port, or one that accepts and stays silent): readiness
  503, liveness 200, pages and the API 503 within the connect timeout.

A module of its own (tests/README.md, "Exceptions"): its tests commit their rows and start servers.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from institutions.models import Organisation
from tests.factories import OrganisationFactory, StaffFactory
from tests.helpers import issue_token, record_permissions
from tests.settings_probe import database_url

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(settings.BASE_DIR)
APP_NAME = "atlas-fault-test"
# Bounds of the waits below: a hang fails the test instead of holding it.
REQUEST_TIMEOUT = 20
START_TIMEOUT = 60
STATEMENT_TIMEOUT_MS = 1000
CONNECT_TIMEOUT = 2


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(port: int, url: str, **extra: str) -> dict:
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": url,
        # libpq names the server's sessions, so that the faults below reach them and no other.
        "PGAPPNAME": APP_NAME,
        "DATABASE_STATEMENT_TIMEOUT_MS": str(STATEMENT_TIMEOUT_MS),
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "DATABASE_RETRY_AFTER_SECONDS": "1",
        # Every read reaches the database (no cached page hides the fault), none is throttled.
        "RESPONSE_CACHE_SECONDS": "0",
        "API_THROTTLE_ANON": "100000/minute",
        "API_THROTTLE_USER": "100000/minute",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
        **extra,
    }


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str

    def json(self):
        return json.loads(self.text)


class Client:
    """HTTP/1.1 to the server under test, a connection per request (the standard library's)."""

    def __init__(self, port: int, **headers: str):
        self.port, self.headers = port, headers

    def request(self, method: str, path: str, body=None, headers=None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            sent = {**self.headers, **(headers or {})}
            if body is not None:
                body = json.dumps(body)
                sent["Content-Type"] = "application/json"
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return Answer(response.status, dict(response.getheaders()), response.read().decode())
        finally:
            connection.close()

    def get(self, path: str, headers=None) -> Answer:
        return self.request("GET", path, headers=headers)

    def patch(self, path: str, body, headers=None) -> Answer:
        return self.request("PATCH", path, body=body, headers=headers)


@contextmanager
def gunicorn(url: str, **extra: str):
    """A gunicorn server of the atlas on ``url``'s database; yields its port."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as log:
        # Its log goes to a file: a pipe nobody reads fills up and blocks the server.
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi"],
            cwd=BASE_DIR,
            env=server_environment(port, url, **extra),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            wait_until(lambda: answers(Client(port), "/healthz") == 200, START_TIMEOUT, process, log)
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def answers(client: Client, path: str) -> int | None:
    try:
        return client.get(path).status
    except OSError:
        return None


def wait_until(condition, timeout: float, process=None, log=None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            log.seek(0)
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log.read()[-5000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"still not so after {timeout} s")
        time.sleep(0.1)


def admin_connection():
    """A connection of its own to the server's maintenance database, outside every test transaction."""
    params = connection.settings_dict
    return psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        dbname="postgres",
        autocommit=True,
    )


def terminate_server_sessions(admin) -> int:
    """End every session of the server under test; how many there were."""
    return len(
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            [APP_NAME],
        ).fetchall()
    )


def allow_connections(admin, allowed: bool) -> None:
    name = connection.settings_dict["NAME"]
    admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {"true" if allowed else "false"}')


def assert_unavailable(response: Answer, api: bool) -> None:
    """A 503 with Retry-After: the API's JSON error, or the site's branded page."""
    assert response.status == 503, response.text[:500]
    assert int(response.headers["Retry-After"]) >= 1
    if api:
        assert response.json() == {
            "status": 503,
            "code": "database_unavailable",
            "detail": "The database is briefly unavailable or too slow to answer; try again after "
            "Retry-After seconds.",
            "errors": [],
        }
    else:
        assert response.headers["Content-Type"].startswith("text/html")
        assert "Briefly unavailable" in response.text
        assert 'class="site-header"' in response.text  # the site's own page, not a bare error


@pytest.fixture
def writer_token(transactional_db):
    user = StaffFactory()
    user.user_permissions.add(*record_permissions())
    return issue_token(user)


@pytest.fixture
def maintenance():
    """A superuser's connection to the server, for the faults; connections allowed again at the end."""
    with admin_connection() as admin:
        yield admin
        allow_connections(admin, True)


# Terminated and refused connections in the middle of a burst ------------------------------------


class Burst:
    """Readers and writers against the server until stopped; every answer is kept.

    Each writer renames its own organisation again and again (GET for the ETag, then PATCH with
    If-Match), so an acknowledged name can be looked for in the organisation's history.
    """

    def __init__(self, port: int, token: str, slugs: list[str]):
        self.anonymous, self.partner = Client(port), Client(port, Authorization=f"Token {token}")
        self.slugs = slugs
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers: list[tuple[str, str, Answer]] = []
        self.acknowledged: list[tuple[str, str]] = []  # (slug, name) of every 2xx PATCH
        self.failures: list[str] = []
        reads = [
            (self.partner, "/api/v1/organisations/"),
            (self.partner, f"/api/v1/organisations/{slugs[0]}/"),
            (self.anonymous, "/api/v1/organisations/"),
            (self.anonymous, "/institutions/"),
        ]
        self.threads = [threading.Thread(target=self.read, args=read) for read in reads]
        self.threads += [threading.Thread(target=self.write, args=(slug,)) for slug in slugs]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_TIMEOUT * 3)
        assert not any(thread.is_alive() for thread in self.threads), "a request hung"

    def read(self, client: Client, path: str) -> None:
        while not self.stop.is_set():
            self.request(client, "GET", path)

    def write(self, slug: str) -> None:
        path = f"/api/v1/organisations/{slug}/"
        number = 0
        while not self.stop.is_set():
            current = self.request(self.partner, "GET", path)
            if current is None or current.status != 200:
                continue
            number += 1
            name = f"{slug} renamed {number}"
            response = self.request(
                self.partner,
                "PATCH",
                path,
                body={"name": name},
                headers={"If-Match": current.headers["ETag"]},
            )
            if response is not None and 200 <= response.status < 300:
                with self.lock:
                    self.acknowledged.append((slug, name))

    def request(self, client: Client, method: str, path: str, body=None, headers=None) -> Answer | None:
        try:
            response = client.request(method, path, body=body, headers=headers)
        except OSError as error:
            with self.lock:
                self.failures.append(f"{method} {path}: {error!r}")
            return None
        with self.lock:
            self.answers.append((method, path, response))
        return response

    def count(self, *, since: int = 0, ok: bool) -> int:
        with self.lock:
            answers = self.answers[since:]
        return sum(1 for _method, _path, answer in answers if (200 <= answer.status < 300) == ok)


def test_terminated_and_refused_connections_mid_burst_answer_503_and_lose_no_acknowledged_write(
    writer_token, maintenance
):
    slugs = [OrganisationFactory(slug=f"org-{number}").slug for number in range(3)]
    with gunicorn(database_url()) as port, Burst(port, writer_token, slugs) as burst:
        client = Client(port)
        wait_until(lambda: burst.count(ok=True) >= 20, REQUEST_TIMEOUT)

        # Connections ended under running requests: the next requests reconnect by themselves.
        for _round in range(3):
            assert terminate_server_sessions(maintenance) >= 1
            time.sleep(0.3)
        before = len(burst.answers)
        wait_until(lambda: burst.count(since=before, ok=True) >= 10, REQUEST_TIMEOUT)

        # An outage: the database refuses the server's connections. Readiness says so, liveness not.
        allow_connections(maintenance, False)
        terminate_server_sessions(maintenance)
        wait_until(lambda: answers(client, "/readyz") == 503, REQUEST_TIMEOUT)
        outage = client.get("/readyz")
        assert outage.json()["status"] == "unavailable"
        assert outage.json()["checks"]["database:default"]["status"] == "unavailable"
        assert outage.headers["Retry-After"] == "1"
        assert client.get("/healthz").status == 200
        before = len(burst.answers)
        wait_until(lambda: burst.count(since=before, ok=False) >= 10, REQUEST_TIMEOUT)

        # The database is back: the same server serves again, without a restart.
        allow_connections(maintenance, True)
        wait_until(lambda: answers(client, "/readyz") == 200, REQUEST_TIMEOUT)
        assert client.get("/readyz").json()["checks"]["database:default"]["status"] == "ok"
        before = len(burst.answers)
        wait_until(lambda: burst.count(since=before, ok=True) >= 20, REQUEST_TIMEOUT)

    assert burst.failures == []
    unexpected = [
        (method, path, answer.status, answer.text[:300])
        for method, path, answer in burst.answers
        if not (200 <= answer.status < 300 or (answer.status == 503 and "Retry-After" in answer.headers))
    ]
    assert unexpected == []
    unavailable = [(path, answer) for _method, path, answer in burst.answers if answer.status == 503]
    assert unavailable, "the faults were never seen"
    for path, answer in unavailable:
        assert_unavailable(answer, api=path.startswith("/api/"))
    assert any(method == "PATCH" and answer.status == 200 for method, _path, answer in burst.answers)

    # Every acknowledged write is in the database: in the record's history, and the record's name
    # is the last one acknowledged (or a later one, whose answer was lost).
    for slug, name in burst.acknowledged:
        assert Organisation.history.filter(slug=slug, name=name).exists(), (slug, name)
    for slug in slugs:
        acknowledged = [number_of(name) for written, name in burst.acknowledged if written == slug]
        assert acknowledged, f"no write to {slug} was acknowledged"
        assert number_of(Organisation.objects.get(slug=slug).name) >= max(acknowledged)


def number_of(name: str) -> int:
    return int(name.rsplit(" ", 1)[1])


# A statement timeout ----------------------------------------------------------------------------


def test_a_statement_timeout_is_a_503_then_the_server_recovers(writer_token):
    OrganisationFactory(slug="uba", name="Umweltbundesamt")
    path = "/api/v1/organisations/uba/"
    with gunicorn(database_url()) as port:
        client, token = Client(port), {"Authorization": f"Token {writer_token}"}
        etag = client.get(path, headers=token).headers["ETag"]
        with connection_to_test_database() as blocker:
            # Another session holds the table: every query that needs it waits, until cancelled.
            blocker.execute("BEGIN")
            blocker.execute("LOCK TABLE institutions_organisation IN ACCESS EXCLUSIVE MODE")
            for url, api in [("/api/v1/organisations/", True), ("/institutions/", False), (path, True)]:
                assert_unavailable(client.get(url, headers=token if api else {}), api=api)
            write = client.patch(path, {"name": "Renamed"}, headers={**token, "If-Match": etag})
            assert_unavailable(write, api=True)
            blocker.execute("ROLLBACK")

        assert Organisation.objects.get(slug="uba").name == "Umweltbundesamt"
        assert client.get("/readyz").status == 200
        assert client.get("/institutions/").status == 200
        # Nothing of the cancelled write was kept: its If-Match still names the current version.
        retried = client.patch(path, {"name": "Renamed"}, headers={**token, "If-Match": etag})
        assert retried.status == 200, retried.text
    assert Organisation.objects.get(slug="uba").name == "Renamed"


def connection_to_test_database():
    params = connection.settings_dict
    return psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        dbname=params["NAME"],
        autocommit=True,
    )


# No database at all -----------------------------------------------------------------------------


@contextmanager
def silent_server():
    """A port that accepts connections and never answers: a database host that froze."""
    with closing(socket.socket()) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


@contextmanager
def closed_port():
    yield free_port()


@pytest.mark.parametrize("database", [closed_port, silent_server], ids=["refused", "silent"])
def test_without_a_database_readiness_is_503_liveness_200_and_requests_503(transactional_db, database):
    with database() as database_port:
        parts = urlsplit(database_url())
        url = urlunsplit(parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{database_port}"))
        with gunicorn(url) as port:
            client = Client(port)
            assert client.get("/healthz").status == 200
            ready = client.get("/readyz")
            assert ready.status == 503
            assert ready.headers["Retry-After"] == "1"
            assert ready.json()["checks"]["database:default"] == {
                "status": "unavailable",
                "error": "OperationalError",
            }
            assert ready.json()["checks"]["cache"]["status"] == "ok"
            assert_unavailable(client.get("/api/v1/organisations/"), api=True)
            assert_unavailable(client.get("/institutions/"), api=False)
