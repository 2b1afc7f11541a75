"""The database's bounded waits: the timeouts every connection opens with (requests, commands,
read replicas), and the longer ones of work that is long by design (``long_statements``, exports).

What a request gets when the database fails is tested over real HTTP in
``tests/operations/test_database_faults.py``.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.operations.database import connection_options, long_statements
from tests import factories
from tests.settings_probe import configured, database_url

BASE_DIR = Path(settings.BASE_DIR)


def show(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_options_send_the_timeouts_as_start_up_parameters():
    assert connection_options(
        connect_timeout=3, statement_timeout_ms=2500, lock_timeout_ms=0, idle_in_transaction_timeout_ms=60000
    ) == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=2500 -c lock_timeout=0 -c idle_in_transaction_session_timeout=60000",
    }


def test_every_alias_gets_the_timeouts_from_the_environment_and_keeps_its_own_options(django_db_blocker):
    with django_db_blocker.unblock():
        url = database_url()
    values = configured(
        {
            "DATABASE_URL": f"{url}?sslmode=disable&options=-c%20search_path%3Dpublic",
            "DATABASE_REPLICA_URLS": f"{url}?sslmode=disable",
            "DATABASE_CONNECT_TIMEOUT": "3",
            "DATABASE_STATEMENT_TIMEOUT_MS": "2500",
            "DATABASE_LOCK_TIMEOUT_MS": "1000",
            "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS": "30000",
        },
        primary="settings.DATABASES['default']['OPTIONS']",
        replica="settings.DATABASES['replica_1']['OPTIONS']",
    )
    expected = {
        "sslmode": "disable",
        "connect_timeout": 3,
        "options": "-c statement_timeout=2500 -c lock_timeout=1000 "
        "-c idle_in_transaction_session_timeout=30000",
    }
    assert values == {
        "primary": {**expected, "options": f"-c search_path=public {expected['options']}"},
        "replica": expected,
    }


SHOW_TIMEOUTS = (
    "import sys; from django.db import connection; cursor = connection.cursor(); "
    "cursor.execute('SHOW statement_timeout'); statement = cursor.fetchone()[0]; "
    "cursor.execute('SHOW idle_in_transaction_session_timeout'); "
    "sys.stdout.write(f'{statement} {cursor.fetchone()[0]}\\n')"
)
# How a process that serves requests starts (gunicorn's workers, ``config/wsgi.py``): not as a command.
SERVER = [sys.executable, "-c", f"import django; django.setup(); {SHOW_TIMEOUTS}"]
COMMAND = [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW_TIMEOUTS]


def timeouts(program: list[str], environment: dict) -> list[str]:
    """``statement_timeout`` and ``idle_in_transaction_session_timeout`` of ``program``'s connection."""
    result = subprocess.run(
        program,
        cwd=BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.split()[-2:]


@pytest.mark.django_db
def test_a_server_connection_has_the_request_timeouts():
    url = database_url()
    assert timeouts(SERVER, {"DATABASE_URL": url}) == ["10s", "1min"]
    assert timeouts(SERVER, {"DATABASE_URL": url, "DATABASE_STATEMENT_TIMEOUT_MS": "2500"}) == [
        "2500ms",
        "1min",
    ]


@pytest.mark.django_db
def test_commands_run_without_a_statement_timeout_unless_one_is_set():
    url = database_url()
    # Set for requests, not for commands: migrate, imports and demo data are long by design.
    assert timeouts(COMMAND, {"DATABASE_URL": url, "DATABASE_STATEMENT_TIMEOUT_MS": "2500"}) == ["0", "0"]
    assert timeouts(COMMAND, {"DATABASE_URL": url, "DATABASE_COMMAND_STATEMENT_TIMEOUT_MS": "60000"}) == [
        "1min",
        "0",
    ]


@pytest.fixture
def request_timeout(transactional_db):
    """The connection's statement timeout as a request's connection starts with it (the test process
    runs without: tests/conftest.py), for one test."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '10s'")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout TO DEFAULT")


@pytest.mark.django_db(transaction=True)
def test_long_statements_raise_the_limits_for_their_transaction_only(request_timeout):
    with long_statements():
        assert (show("statement_timeout"), show("idle_in_transaction_session_timeout")) == ("5min", "0")
    assert show("statement_timeout") == "10s"


@pytest.mark.django_db(transaction=True)
def test_long_statements_never_lower_a_longer_or_absent_limit():
    # A command or the worker (no limit), or a session given a longer one, keeps it.
    for setting, expected in (("0", "0"), ("1h", "1h")):
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = '{setting}'")
        with long_statements():
            assert show("statement_timeout") == expected
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout TO DEFAULT")


@pytest.mark.django_db(transaction=True)
def test_an_export_streams_under_the_long_timeouts_and_gives_them_back(api, request_timeout):
    factories.OrganisationFactory.create_batch(3)

    response = api.get("/api/v1/organisations/export/")
    # The snapshot's transaction is open while the response streams: a slow client is not cut off.
    assert (show("statement_timeout"), show("idle_in_transaction_session_timeout")) == ("5min", "0")
    # Read to the end, the test client closes the response (without closing the connection: with
    # CONN_MAX_AGE 0, as on the embedded server, closing it again would open a new connection).
    lines = b"".join(response.streaming_content).splitlines()

    assert (response.status_code, len(lines)) == (200, 3)
    assert show("statement_timeout") == "10s"
