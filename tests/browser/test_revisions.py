"""An editor proposes a change to a published event in a real browser; the public keeps the published
version until a publisher publishes the proposal."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url, grant

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# The editorial groups come from a data migration, which the flush after an earlier transactional
# test (one without serialized_rollback) removes; these accounts hold the same permissions on events.
@pytest.fixture
def editor():
    return grant(factories.StaffFactory(username="editor"), Event, "view", "add", "change", "delete")


@pytest.fixture
def publisher():
    return grant(
        factories.StaffFactory(username="publisher"), Event, "view", "add", "change", "delete", "publish"
    )


def sign_in(browser, base_url, user):
    """A browser context of its own, signed in to the admin as ``user``; its page and problems."""
    context = browser.new_context()
    page = context.new_page()
    problems = []
    # Console errors (a CSP violation is one), uncaught exceptions, failed requests but the favicon's.
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and urlsplit(response.url).path != "/favicon.ico"
            else None
        ),
    )
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return context, page, problems


def public_place(browser, url) -> str:
    """What a visitor (a fresh browser context) reads under "Where" on the event's page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    place = page.locator("dt:text-is('Where') + dd").inner_text()
    context.close()
    return place


def test_editors_proposal_goes_public_only_when_a_publisher_publishes_it(
    browser, live_server, editor, publisher
):
    event = factories.EventFactory(
        name="Tianjin plenary", slug="tianjin", city="Tianjin", status=Status.PUBLISHED
    )
    public_url = live_server.url + event.get_absolute_url()
    assert public_place(browser, public_url) == "Tianjin"

    editing, page, editor_problems = sign_in(browser, live_server.url, editor)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    expect(
        page.get_by_text("This record is published. Saving proposes your changes as a revision")
    ).to_be_visible()
    page.locator("#id_city").fill("Beijing")
    page.get_by_label("Why you propose this change (for the publisher):").fill("It met in Beijing.")
    page.locator("input[name=_save]").first.click()

    expect(page.locator(".messagelist")).to_contain_text("were saved as a proposal")
    expect(page.locator(".revision-changes")).to_contain_text("Beijing")
    assert public_place(browser, public_url) == "Tianjin"
    editing.close()

    publishing, page, publisher_problems = sign_in(browser, live_server.url, publisher)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    page.get_by_role("link", name=re.compile(r"Revision \d+ proposed by editor")).click()
    changes = page.locator(".revision-changes tbody tr")
    expect(changes).to_have_count(1)
    expect(changes.first.locator("td")).to_have_text(["the record", "City", "Tianjin", "Beijing"])
    expect(page.get_by_text("It met in Beijing.")).to_be_visible()
    page.get_by_role("button", name="Publish this revision").first.click()

    expect(page.locator(".messagelist")).to_contain_text("is published: the public now sees the new version")
    assert public_place(browser, public_url) == "Beijing"
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    publishing.close()
    assert editor_problems == [] and publisher_problems == []
