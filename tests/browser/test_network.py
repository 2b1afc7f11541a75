"""The network of who meets whom (/network/) in Chromium: drawn from the API over its table."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTEN_FOR_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.cspViolations.push(event.violatedDirective));
"""


def open_network(page, url):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(LISTEN_FOR_CSP)
    page.goto(url)
    expect(page.locator(".network-figure")).to_have_attribute("data-state", re.compile("drawn|settled"))
    return errors


@pytest.mark.parametrize("width", [360, 1280])
def test_the_network_draws_its_table_filters_and_links(page, seeded_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    errors = open_network(page, seeded_site + "/network/")

    rows = page.locator(".network-table tbody tr")
    nodes = page.locator(".network-node")
    assert rows.count() > 2
    expect(nodes).to_have_count(rows.count())
    uba = page.locator('.network-node[data-slug="uba"]')
    assert re.match(r"UBA: \d+ shared events?.* with \d+ organisations?", uba.get_attribute("aria-label"))

    # Focus on a node highlights whom it meets.
    uba.focus()
    expect(page.locator(".network-figure")).to_have_class(re.compile("has-focus"))
    assert page.locator(".network-node.is-near").count() > 1

    assert serious_violations(page) == []
    assert not overflows(page)

    # A filter applies (a GET form): one dialogue, events only.
    page.get_by_label("Dialogue", exact=True).select_option("t2d")
    page.get_by_role("checkbox", name="shared events").check()
    page.get_by_role("button", name="Show the network").click()
    expect(page).to_have_url(re.compile(r"dialogue=t2d.*link=events"))
    expect(page.locator(".network-figure")).to_have_attribute("data-state", re.compile("drawn|settled"))
    expect(page.locator(".network-node")).to_have_count(page.locator(".network-table tbody tr").count())

    # A node is a link to its organisation.
    page.locator('.network-node[data-slug="uba"]').dispatch_event("click")
    expect(page).to_have_url(re.compile(r"/institutions/.*uba"))
    assert errors == []
    assert page.evaluate("window.cspViolations") == []


def test_the_table_without_javascript(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeded_site + "/de/network/?dialogue=t2d")
    expect(page.locator(".network-table tbody tr").first).to_be_visible()
    expect(page.locator(".network-figure")).to_be_hidden()
    expect(page.locator("#org-uba")).to_contain_text("UBA")
    context.close()
