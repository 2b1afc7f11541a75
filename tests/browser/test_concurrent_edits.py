"""Two editors, two browsers, one event: the second save is refused with the first editor's changes
shown; after "Use theirs" and a second save nothing of either is lost — with no CSP violation."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from config.framework.visibility import Status
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def problems_of(page) -> list[str]:
    """Console errors (a CSP violation is one), uncaught exceptions and failed requests of ``page``."""
    problems = []

    def console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(response):
        if response.status >= 400 and urlsplit(response.url).path != "/favicon.ico":
            problems.append(f"{response.status} {response.url}")

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def editor_page(browser, live_server, user):
    context = browser.new_context()
    page = context.new_page()
    problems = problems_of(page)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page, problems


def test_two_editors_save_one_event_and_nothing_is_lost(browser, live_server, writer, editor):
    event = factories.EventFactory(name="Plenary", city="Berlin", venue="Old hall", status=Status.DRAFT)
    session = factories.SessionFactory(event=event, order=1, title="Opening")
    url = live_server.url + admin_url(type(event), "change", event.pk)
    first, first_problems = editor_page(browser, live_server, writer)
    second, second_problems = editor_page(browser, live_server, editor)
    first.goto(url)
    second.goto(url)

    # The first editor moves the meeting to a new hall and renames the opening session.
    first.locator("#id_venue").fill("New hall")
    first.locator("#id_sessions-0-title_en").fill("Welcome")
    first.get_by_role("button", name="Save and continue editing").first.click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    # The second, on the page opened before, sets the city and a venue of their own.
    second.locator("#id_city").fill("Bonn")
    second.locator("#id_venue").fill("Side hall")
    second.get_by_role("button", name="Save and continue editing").first.click()

    panel = second.locator("#concurrency-conflict")
    name = writer.get_full_name() or writer.username
    expect(panel).to_contain_text(f"What {name} changed since you opened this page")
    expect(panel).to_contain_text("nothing was saved")
    expect(panel.locator(".concurrency-changes")).to_contain_text("Old hall")
    expect(panel.locator(".concurrency-merged")).to_contain_text("Title [en]")
    both = panel.locator(".concurrency-both tbody tr")
    expect(both).to_have_count(1)
    expect(both).to_contain_text("New hall")
    expect(both).to_contain_text("Side hall")
    expect(second.locator("#id_city")).to_have_value("Bonn")
    expect(second.locator("#id_venue")).to_have_value("Side hall")
    expect(second.locator("#id_sessions-0-title_en")).to_have_value("Welcome")
    event.refresh_from_db()
    assert (event.city, event.venue) == ("Berlin", "New hall")

    both.get_by_role("button", name="Use theirs").click()
    expect(second.locator("#id_venue")).to_have_value("New hall")
    second.get_by_role("button", name="Save and continue editing").first.click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")

    event.refresh_from_db()
    session.refresh_from_db()
    assert (event.city, event.venue, session.title) == ("Bonn", "New hall", "Welcome")
    assert first_problems == []
    assert second_problems == []
