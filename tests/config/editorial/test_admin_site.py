"""Two-factor admin login (TOTP): with ADMIN_REQUIRE_2FA on and off, with and without a device."""

import base64
import os
import re
import time

import pytest
from django.contrib.sessions.models import Session
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.framework.visibility import Status
from config.operations.security import LAST_ACTIVITY_KEY
from institutions.models import Organisation
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url, current_code
from tests.settings_probe import configured, database_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


@pytest.fixture
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


def login(client, code=None):
    """Sign in as the ``editor`` fixture, with ``code`` from an authenticator if given."""
    data = {"username": "editor", "password": PASSWORD}
    if code is not None:
        data["otp_token"] = code
    return client.post("/admin/login/?next=/admin/", data)


def form_errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].non_field_errors()]


def test_with_2fa_required_a_device_code_opens_the_admin(client, require_2fa, device):
    response = login(client, current_code(device))

    assert [response.status_code, response["Location"], client.get("/admin/").status_code] == [
        302,
        "/admin/",
        200,
    ]


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (None, "Enter the code from your authenticator app as well."),
        ("", "Enter the code from your authenticator app as well."),
        ("000000", "The authenticator code is wrong or has expired; enter the current one."),
        ("12ab56", "The authenticator code is wrong or has expired; enter the current one."),
    ],
)
@pytest.mark.parametrize("required", [True, False])
def test_a_user_with_a_device_needs_its_code_whatever_the_setting(
    client, settings, device, code, error, required
):
    settings.ADMIN_REQUIRE_2FA = required
    if code == "000000" and current_code(device) == "000000":
        code = "111111"

    response = login(client, code)

    assert [response.status_code, form_errors(response)] == [200, [error]]
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_throttled_even_when_the_next_one_is_right(client, require_2fa, device):
    login(client, "999999" if current_code(device) != "999999" else "888888")

    response = login(client, current_code(device))

    assert [response.status_code, client.get("/admin/").status_code] == [200, 302]


def test_with_2fa_required_a_user_without_a_device_only_reaches_the_setup_page(client, require_2fa, editor):
    response = login(client)

    assert [response.status_code, response["Location"]] == [302, "/admin/two-factor/"]
    assert [
        client.get("/admin/").status_code,
        client.get("/admin/dialogues/dialogue/").status_code,
        client.get("/admin/login/")["Location"],
    ] == [302, 302, "/admin/two-factor/"]


def test_setup_page_registers_a_device_that_then_opens_the_admin(client, require_2fa, editor):
    login(client)

    page = client.get("/admin/two-factor/")
    device = TOTPDevice.objects.get(user=editor)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page.content.decode()).group(1)
    confirm = client.post("/admin/two-factor/", {"otp_token": current_code(device)})

    assert [page.status_code, "<svg" in page.content.decode(), device.confirmed] == [200, True, False]
    assert base64.b32decode(secret.replace(" ", "")) == device.bin_key
    assert [confirm.status_code, confirm["Location"]] == [302, "/admin/"]
    assert [TOTPDevice.objects.get(user=editor).confirmed, client.get("/admin/").status_code] == [True, 200]


def test_setup_page_shows_a_new_secret_each_time_and_only_the_last_one_confirms(client, require_2fa, editor):
    login(client)
    client.get("/admin/two-factor/")
    seen_first = TOTPDevice.objects.get(user=editor)
    client.get("/admin/two-factor/")
    shown_last = TOTPDevice.objects.get(user=editor)
    old_code, new_code = current_code(seen_first), current_code(shown_last)

    refused = client.post("/admin/two-factor/", {"otp_token": old_code}) if old_code != new_code else None

    assert [TOTPDevice.objects.filter(user=editor).count(), seen_first.key != shown_last.key] == [1, True]
    assert refused is None or (refused.status_code, TOTPDevice.objects.get(user=editor).confirmed) == (
        200,
        False,
    )


def test_setup_page_refuses_a_wrong_code(client, require_2fa, editor):
    login(client)
    client.get("/admin/two-factor/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = "123456" if current_code(device) != "123456" else "654321"

    response = client.post("/admin/two-factor/", {"otp_token": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "otp_token": ["The code is wrong or has expired; enter the current one."]
    }
    assert [TOTPDevice.objects.get(user=editor).confirmed, client.get("/admin/").status_code] == [False, 302]


def test_setup_page_is_closed_to_visitors_and_to_unverified_owners_of_a_device(client, require_2fa, device):
    anonymous = client.get("/admin/two-factor/")
    client.force_login(device.user)
    unverified = client.get("/admin/two-factor/")

    assert [anonymous.status_code, anonymous["Location"]] == [302, "/admin/login/?next=/admin/two-factor/"]
    assert [unverified.status_code, unverified["Location"]] == [302, "/admin/login/?next=/admin/two-factor/"]
    assert TOTPDevice.objects.filter(user=device.user).count() == 1


def test_with_2fa_off_a_user_without_a_device_logs_in_with_the_password(client, settings, editor):
    settings.ADMIN_REQUIRE_2FA = False

    response = login(client)

    assert [response.status_code, response["Location"], client.get("/admin/").status_code] == [
        302,
        "/admin/",
        200,
    ]


def test_with_2fa_required_a_forced_login_without_verification_is_refused(client, require_2fa, device):
    client.force_login(device.user)

    assert client.get("/admin/").status_code == 302


def test_keep_alive_moves_the_idle_clock_of_a_signed_in_staff_session(client, settings, editor):
    settings.STAFF_SESSION_IDLE_SECONDS = 30 * 60
    client.force_login(editor)
    session = client.session
    session[LAST_ACTIVITY_KEY] = before = int(time.time()) - 20 * 60
    session.save()

    response = client.get("/admin/keep-alive/")

    assert [response.status_code, client.session[LAST_ACTIVITY_KEY] > before] == [204, True]


def test_keep_alive_is_closed_to_unverified_sessions(client, require_2fa, device):
    client.force_login(device.user)

    assert client.get("/admin/keep-alive/").status_code == 302


def test_a_save_after_the_session_ended_says_on_the_login_page_that_nothing_was_saved(client, editor):
    organisation = factories.OrganisationFactory(name="Before", status=Status.DRAFT)
    url = admin_url(Organisation, "change", organisation.pk)
    client.force_login(editor)
    Session.objects.all().delete()  # signed out in another tab

    response = client.post(url, {"name_en": "After"}, follow=True)

    assert response.redirect_chain == [(f"/admin/login/?next={url}", 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "Your session had ended, so your last save was not made. Log in again; if this browser kept "
        "your changes they come back on the form, otherwise enter them again."
    ]
    organisation.refresh_from_db()
    assert organisation.name == "Before"


def test_a_save_after_the_idle_limit_is_told_once(client, settings, editor):
    settings.STAFF_SESSION_IDLE_SECONDS = 30 * 60
    organisation = factories.OrganisationFactory(name="Before", status=Status.DRAFT)
    client.force_login(editor)
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 31 * 60
    session.save()

    response = client.post(
        admin_url(Organisation, "change", organisation.pk), {"name_en": "After"}, follow=True
    )

    assert [str(message) for message in response.context["messages"]] == [
        "You were signed out after 30 minutes without activity, so what you just sent was not saved. "
        "Sign in again and send it once more."
    ]


def test_login_page_says_the_changes_kept_in_the_tab_come_back(client):
    response = client.get("/admin/login/?next=/admin/events/event/1/change/&kept=1")

    assert [str(message) for message in response.context["messages"]] == [
        "Your session had ended before you saved. Your changes are kept in this browser tab: log in "
        "and they are put back on the form."
    ]


def test_login_page_shows_the_code_field(client):
    page = client.get("/admin/login/").content.decode()

    assert re.findall(r'<input type="text" name="otp_token"[^>]*autocomplete="one-time-code"', page) != []


def test_2fa_is_required_by_default_in_production_only():
    required = [
        configured(
            {**_plain_environment(), "DATABASE_URL": database_url(), **environment},
            required="settings.ADMIN_REQUIRE_2FA",
        )["required"]
        for environment in (
            {"DJANGO_ENV": "development"},
            {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 60},
        )
    ]

    assert required == [False, True]


def _plain_environment() -> dict:
    return {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "ADMIN_"))}
