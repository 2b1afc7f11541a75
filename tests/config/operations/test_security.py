"""config/operations/security.py: django-axes' lockout (repeated failed admin logins lock out the
account at that address, and the address) and the deploy check of the proxy settings it relies on;
staff powers only for sessions verified by two-factor login where it is required; staff sessions
signed out when idle; the headers of every response are in tests/config/test_settings.py."""

import os
import time

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import Client, RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.framework.visibility import Status, Visibility
from config.operations.security import LAST_ACTIVITY_KEY, client_ip
from events.models import Event
from tests import factories
from tests.factories import PASSWORD as FACTORY_PASSWORD
from tests.helpers import admin_url, created_by, current_code, token_client
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


# The deploy check: a proxy in front, but none trusted ------------------------------------------------


def security_check_ids() -> list[str]:
    messages = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    return [message.id for message in messages if message.id.startswith("atlas.")]


@pytest.mark.parametrize(
    ("proxied", "trusted", "parameters", "expected"),
    [
        ({"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}, 0, None, ["atlas.W001"]),
        ({"USE_X_FORWARDED_HOST": True}, 0, None, ["atlas.W001"]),
        ({"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}, 1, None, []),
        ({}, 0, None, []),
        # Without the address among the lockout's parameters, the proxy's address locks nobody out.
        ({"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}, 0, ["username"], []),
    ],
)
def test_deploy_check_warns_when_a_proxy_is_in_front_but_not_trusted(
    settings, proxied, trusted, parameters, expected
):
    for name, value in proxied.items():
        setattr(settings, name, value)
    settings.TRUSTED_PROXY_COUNT = trusted
    if parameters is not None:
        settings.AXES_LOCKOUT_PARAMETERS = parameters

    assert security_check_ids() == expected


def test_deploy_check_names_the_setting_and_the_fix(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0

    [warning] = [
        message
        for message in checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
        if message.id == "atlas.W001"
    ]

    assert "TRUSTED_PROXY_COUNT is 0" in warning.msg
    assert "Set TRUSTED_PROXY_COUNT to the number of proxies" in warning.hint


def test_deploy_check_is_not_run_without_deploy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0

    messages = checks.run_checks(tags=[checks.Tags.security])

    assert [message.id for message in messages if message.id.startswith("atlas.")] == []


# Two-factor login everywhere: an unverified session has no staff powers ------------------------------


@pytest.fixture
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def draft(db):
    return factories.EventFactory(name="Draft workshop", slug="draft-workshop", status=Status.DRAFT)


def draft_urls(draft) -> dict[str, str]:
    return {
        "page": draft.get_absolute_url(),
        "api": f"/api/v1/events/{draft.slug}/",
        "admin": admin_url(Event, "change", draft.pk),
    }


def statuses(client, draft) -> dict[str, int]:
    return {name: client.get(url).status_code for name, url in draft_urls(draft).items()}


def verified_client(user) -> Client:
    """A client signed in to the admin with the password and the code of a new device."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": FACTORY_PASSWORD, "otp_token": current_code(device)},
    )
    assert response.status_code == 302
    return client


def test_an_unverified_staff_session_sees_no_draft_anywhere(client, require_2fa, editor, draft):
    client.force_login(editor)

    listed = client.get("/api/v1/events/").json()["results"]

    assert statuses(client, draft) == {"page": 404, "api": 404, "admin": 302}
    assert listed == []


def test_an_unverified_session_sees_what_a_visitor_sees(client, require_2fa, editor, draft):
    factories.EventFactory(name="Partners meeting", visibility=Visibility.PARTNERS)
    factories.EventFactory(name="Public plenary")
    client.force_login(editor)

    page = client.get("/events/").content.decode()

    assert ["Public plenary" in page, "Partners meeting" in page, "Draft workshop" in page] == [
        True,
        False,
        False,
    ]


def test_a_verified_staff_session_sees_the_draft_with_its_preview(require_2fa, editor, draft):
    client = verified_client(editor)

    page = client.get(draft.get_absolute_url()).content.decode()

    assert statuses(client, draft) == {"page": 200, "api": 200, "admin": 200}
    assert 'class="preview-banner"' in page
    assert [event["slug"] for event in client.get("/api/v1/events/").json()["results"]] == [draft.slug]


@pytest.mark.parametrize(
    ("required", "expected"), [(True, [401, "Draft workshop"]), (False, [200, "Renamed"])]
)
def test_an_unverified_session_cannot_write_through_the_api(settings, writer, draft, required, expected):
    settings.ADMIN_REQUIRE_2FA = required
    client = Client()
    client.force_login(writer)
    url = f"/api/v1/events/{draft.slug}/"
    read = client.get(url)
    etag = read["ETag"] if read.status_code == 200 else '"unseen"'

    response = client.patch(
        url, {"name": "Renamed"}, content_type="application/json", headers={"If-Match": etag}
    )

    draft.refresh_from_db()
    assert [response.status_code, draft.name] == expected


def test_an_unverified_account_with_permissions_but_not_staff_reads_as_a_visitor(
    client, require_2fa, partner_system, draft
):
    created_by(draft, partner_system)
    client.force_login(partner_system)
    unverified = client.get(f"/api/v1/events/{draft.slug}/").status_code

    # The same account's token is its second credential.
    with_token = token_client(partner_system).get(f"/api/v1/events/{draft.slug}/").status_code

    assert [unverified, with_token] == [404, 200]


def test_tokens_keep_their_powers_when_2fa_is_required(require_2fa, editor, draft):
    response = token_client(editor).get(f"/api/v1/events/{draft.slug}/")

    assert (response.status_code, response.json()["name"]) == (200, "Draft workshop")


def test_without_2fa_required_a_password_session_keeps_its_powers(client, settings, editor, draft):
    settings.ADMIN_REQUIRE_2FA = False
    client.force_login(editor)

    page = client.get(draft.get_absolute_url()).content.decode()

    assert statuses(client, draft) == {"page": 200, "api": 200, "admin": 200}
    assert 'class="preview-banner"' in page


def test_an_unverified_staff_session_still_reaches_the_device_setup(client, require_2fa, editor):
    client.force_login(editor)

    page = client.get("/admin/two-factor/")

    assert [page.status_code, "<svg" in page.content.decode()] == [200, True]


# Idle staff sessions ---------------------------------------------------------------------------------


@pytest.fixture
def idle_limit(settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 30 * 60
    return settings.STAFF_SESSION_IDLE_SECONDS


def last_active(client, seconds_ago: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_login_starts_the_idle_clock(client, idle_limit, editor):
    client.post("/admin/login/?next=/admin/", {"username": editor.username, "password": FACTORY_PASSWORD})

    assert LAST_ACTIVITY_KEY in client.session


def test_a_staff_session_idle_too_long_is_signed_out(client, idle_limit, editor, draft):
    client.force_login(editor)
    last_active(client, idle_limit + 5)

    page = client.get(draft.get_absolute_url())
    admin = client.get("/admin/")
    login = client.get(admin["Location"])

    assert [page.status_code, admin.status_code, admin["Location"]] == [
        404,
        302,
        "/admin/login/?next=/admin/",
    ]
    assert "_auth_user_id" not in client.session
    assert "You were signed out after 30 minutes without activity." in login.content.decode()


def test_a_form_sent_after_the_idle_time_is_refused_and_says_so(client, idle_limit, editor, draft):
    client.force_login(editor)
    last_active(client, idle_limit + 5)

    response = client.post(admin_url(Event, "change", draft.pk), {"name": "Renamed"}, follow=True)

    draft.refresh_from_db()
    assert draft.name == "Draft workshop"
    assert "what you just sent was not saved" in response.content.decode()


def test_an_active_staff_session_stays_and_its_clock_moves_at_most_once_a_minute(
    client, settings, idle_limit, editor
):
    client.force_login(editor)
    last_active(client, idle_limit - 60)
    before = client.session[LAST_ACTIVITY_KEY]

    first = client.get("/admin/")
    moved = client.session[LAST_ACTIVITY_KEY]
    second = client.get("/admin/")

    assert [first.status_code, second.status_code] == [200, 200]
    assert moved > before
    # The clock was set a moment ago: the second request writes no session (no new cookie).
    assert client.session[LAST_ACTIVITY_KEY] == moved
    assert settings.SESSION_COOKIE_NAME not in second.cookies


def test_the_idle_limit_spares_accounts_that_are_not_staff(client, idle_limit, partner):
    factories.EventFactory(name="Partners meeting", visibility=Visibility.PARTNERS)
    client.force_login(partner)
    last_active(client, idle_limit * 10)

    assert "Partners meeting" in client.get("/events/").content.decode()


def test_no_idle_limit_when_it_is_zero(client, settings, editor):
    settings.STAFF_SESSION_IDLE_SECONDS = 0
    client.force_login(editor)
    last_active(client, 365 * 24 * 60 * 60)

    assert client.get("/admin/").status_code == 200


def test_the_idle_limit_comes_from_the_environment():
    environment = {**os.environ, "STAFF_SESSION_IDLE_SECONDS": "900"}

    assert configured(environment, idle="settings.STAFF_SESSION_IDLE_SECONDS") == {"idle": 900}
