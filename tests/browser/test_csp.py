"""Under the strict CSP the API docs and the admin still work in a real browser, with no violation."""

import re
from urllib.parse import urlsplit

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url, current_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REDOC_REMOTE_LOGO = re.compile(
    r"^Loading the image 'https://cdn\.redoc\.ly/[^']+' violates .* \"img-src 'self' data:\""
)

DRF_STYLE_ATTRIBUTE = re.compile(
    r"^Applying inline style violates .* a hash \('sha256-OfgyIBrd\+/vP79JdFMYP\+re4T\+fIenvkrHPD2HZ8/cs='\)"
)


@pytest.fixture
def browser_problems(page):
    """Console errors, uncaught exceptions and failed requests (a CSP violation is a console error)."""
    problems = []

    def console(message):
        # Failed requests are recorded by address below; the console names no address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(response):
        if response.status >= 400:
            problems.append(f"{response.status} {response.url}")

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_swagger_ui_renders_the_schema_under_the_csp(page, live_server, browser_problems):
    page.goto(live_server.url + "/api/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Dialogue Atlas API", timeout=60_000)
    expect(page.locator(".opblock-tag").first).to_be_visible()
    assert browser_problems == []


def test_redoc_renders_the_schema_under_the_csp(page, live_server, browser_problems):
    page.goto(live_server.url + "/api/docs/redoc/")

    # The schema is generated on the first request, which takes a while.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dialogue Atlas API", timeout=60_000)
    # Styled by the styles Redoc injects (with the nonce): the menu is laid out beside the content.
    expect(page.locator(".menu-content")).to_be_visible()
    assert page.locator(".menu-content").evaluate("element => getComputedStyle(element).position") in (
        "fixed",
        "sticky",
    )
    # The one thing the policy keeps out is the remote "by Redocly" logo: no third-party requests.
    assert [problem for problem in browser_problems if not REDOC_REMOTE_LOGO.search(problem)] == []


def test_admin_login_page_works_under_the_csp(page, live_server, browser_problems):
    page.goto(live_server.url + "/admin/login/")

    expect(page.get_by_label("Authenticator code")).to_be_visible()
    assert browser_problems == []


def test_staff_registers_an_authenticator_and_enters_the_admin(
    page, live_server, settings, browser_problems, staff
):
    settings.ADMIN_REQUIRE_2FA = True

    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor login")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    page.get_by_label("Authenticator code").fill(current_code(TOTPDevice.objects.get(user=staff)))
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_text("Your authenticator app is set up")).to_be_visible()
    assert [urlsplit(page.url).path, TOTPDevice.objects.get(user=staff).confirmed] == ["/admin/", True]
    assert browser_problems == []


def test_the_permissions_policy_names_only_features_the_browser_knows(page, live_server):
    notes = []
    page.on("console", lambda message: notes.append(message.text))

    response = page.goto(live_server.url + "/")

    assert "camera=()" in response.headers["permissions-policy"]
    assert [note for note in notes if "Permissions-Policy" in note] == []


def test_typing_in_an_admin_form_tells_the_server_the_session_is_in_use(
    page, live_server, browser_problems, writer
):
    event = factories.EventFactory(name="Long edit", status=Status.DRAFT)
    page.clock.install()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(writer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    # A long while of reading the page, then the editor types: the script says so (once a minute).
    page.clock.fast_forward("05:00")

    with page.expect_response(lambda response: urlsplit(response.url).path == "/admin/keep-alive/") as pinged:
        page.locator("#content-main form input[type=text]:visible").first.press_sequentially(" more")

    assert pinged.value.status == 204
    assert browser_problems == []


def test_browsable_api_keeps_its_layout_under_the_csp(page, live_server, browser_problems):
    page.goto(live_server.url + "/api/v1/events/?format=api")

    filters = page.get_by_role("button", name="Filters")
    expect(filters).to_be_visible()
    assert filters.evaluate("element => getComputedStyle(element).float") == "right"
    # DRF's own style="float: right; margin-right: 10px" attributes are refused (and restyled above).
    assert [problem for problem in browser_problems if not DRF_STYLE_ATTRIBUTE.search(problem)] == []
