"""A record's page in a real browser: its citation copied by the button (no console error, no CSP
violation), and the page with its sources, citation and the site's own pages passing axe at phone
width. Without JavaScript the button stays hidden and the citation stays readable."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKSHOP = "/events/iki-china-interface-workshop-2024/"


@pytest.fixture
def problems(page):
    """Console errors (a CSP violation is one), uncaught exceptions and failed requests."""
    found = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on(
        "response",
        lambda response: (
            found.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return found


@pytest.mark.parametrize(
    ("prefix", "copied"), [("", "Copied to the clipboard."), ("/de", "In die Zwischenablage kopiert.")]
)
def test_the_copy_button_copies_the_citation(page, seeded_site, problems, prefix, copied):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seeded_site)
    page.goto(seeded_site + prefix + WORKSHOP)

    citation = page.locator("#cite-text")
    button = page.locator("button.copy")
    expect(button).to_be_visible()
    button.click()

    expect(page.locator(".copy-status")).to_have_text(copied)
    pasted = page.evaluate("navigator.clipboard.readText()")
    assert pasted == " ".join(citation.inner_text().split())
    assert pasted.startswith("Dialogue Atlas, ")
    assert f"{seeded_site}{prefix}{WORKSHOP}" in pasted
    assert problems == []


def test_without_javascript_the_citation_is_there_and_the_button_is_not(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeded_site + WORKSHOP)

    expect(page.locator("#cite-text")).to_contain_text("Dialogue Atlas, ")
    expect(page.locator("button.copy")).to_be_hidden()
    context.close()


def test_record_and_site_pages_pass_axe_and_fit_a_phone(page, seeded_site, problems):
    page.set_viewport_size({"width": 360, "height": 800})
    paths = [WORKSHOP, "/dialogues/t2d/", "/de/about/", "/methodology/", "/zh-hans/licence/", "/cite/"]
    report = {}
    for path in paths:
        page.goto(seeded_site + path)
        report[path] = ([rule for rule, _count in serious_violations(page)], overflows(page))

    assert report == {path: ([], False) for path in paths}
    assert problems == []
