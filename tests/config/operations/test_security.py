"""django-axes: repeated failed admin logins lock out the account at that address, and the address."""

import os

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from config.operations.security import client_ip
from tests import factories
from tests.settings_probe import configured

pytestmark = pytest.mark.django_db

PASSWORD = "a long editor passphrase"
ATTACKER, OTHER = "198.51.100.7", "203.0.113.20"


@pytest.fixture
def editors():
    users = {}
    for username in ("alice", "bob"):
        user = factories.StaffFactory(username=username)
        user.set_password(PASSWORD)
        user.save()
        users[username] = user
    return users


def admin_login(client, username, password, address, **headers):
    client.logout()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )
    return response.status_code


def fail(client, times, username="alice", address=ATTACKER, **headers):
    return [admin_login(client, username, "wrong", address, **headers) for _ in range(times)]


def test_failures_below_the_limit_leave_the_login_open(client, editors):
    assert [*fail(client, 4), admin_login(client, "alice", PASSWORD, ATTACKER)] == [200, 200, 200, 200, 302]


def test_the_fifth_failure_locks_out_and_the_right_password_is_then_refused(client, editors):
    statuses = fail(client, 5)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )

    assert [*statuses, response.status_code] == [200, 200, 200, 200, 429, 429]
    assert "Too many failed sign-ins" in response.content.decode()
    assert client.get("/admin/", REMOTE_ADDR=ATTACKER).status_code == 302


def test_a_lockout_spares_other_addresses_and_blocks_the_locked_address_for_everyone(client, editors):
    fail(client, 5)

    assert {
        "bob elsewhere": admin_login(client, "bob", PASSWORD, OTHER),
        "alice elsewhere": admin_login(client, "alice", PASSWORD, OTHER),
        "bob at the locked address": admin_login(client, "bob", PASSWORD, ATTACKER),
    } == {"bob elsewhere": 302, "alice elsewhere": 302, "bob at the locked address": 429}


@pytest.mark.parametrize(("command", "args"), [("axes_reset", []), ("axes_reset_ip", [ATTACKER])])
def test_reset_command_lifts_the_lockout(client, editors, command, args):
    fail(client, 5)
    locked = admin_login(client, "alice", PASSWORD, ATTACKER)

    call_command(command, *args, stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert [locked, admin_login(client, "alice", PASSWORD, ATTACKER)] == [429, 302]


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, editors):
    # Every attempt claims another address; without a trusted proxy only REMOTE_ADDR counts.
    statuses = [
        admin_login(client, "alice", "wrong", ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        for number in range(5)
    ]

    assert [*statuses, admin_login(client, "bob", PASSWORD, ATTACKER)] == [200, 200, 200, 200, 429, 429]


def test_behind_a_trusted_proxy_the_address_it_appended_counts(client, editors, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The client forges the left-most entry; the proxy appends the address it saw.
    fail(client, 5, address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ATTACKER}")

    assert [
        admin_login(client, "bob", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER),
        admin_login(client, "bob", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OTHER),
    ] == [429, 302]


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (0, "192.0.2.1", ATTACKER),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "192.0.2.1, 192.0.2.9", "192.0.2.9"),
        (2, "192.0.2.1, 192.0.2.9", "192.0.2.1"),
        (2, "192.0.2.9", ATTACKER),
        (1, "not-an-address", ATTACKER),
        (1, "", ATTACKER),
        (1, None, ATTACKER),
    ],
)
def test_client_ip(settings, trusted, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = trusted
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=ATTACKER, **headers)

    assert client_ip(request) == expected


def test_lockout_settings_come_from_the_environment():
    environment = {
        **os.environ,
        "AXES_FAILURE_LIMIT": "3",
        "AXES_COOLOFF_HOURS": "0.5",
        "AXES_LOCKOUT_PARAMETERS": "username+ip_address",
        "TRUSTED_PROXY_COUNT": "1",
    }

    shown = configured(
        environment,
        limit="settings.AXES_FAILURE_LIMIT",
        cool_off="settings.AXES_COOLOFF_TIME",
        parameters="settings.AXES_LOCKOUT_PARAMETERS",
        proxies="settings.TRUSTED_PROXY_COUNT",
    )

    assert shown == {
        "limit": 3,
        "cool_off": "0:30:00",
        "parameters": [["username", "ip_address"]],
        "proxies": 1,
    }
