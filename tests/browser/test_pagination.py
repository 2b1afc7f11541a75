"""Paging through a filtered list in a real browser: Next and Previous keep the filters, show other
rows, and record the page in the address bar."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def shown_names(page) -> list[str]:
    return page.locator("#results h2 a").all_inner_texts()


def test_visitor_pages_through_filtered_events_and_back(page, live_server):
    # 45 workshops make three pages of 20; the plenaries must never show.
    for number in range(45):
        factories.EventFactory(kind="workshop", name=f"Workshop {number:02}")
    factories.EventFactory.create_batch(5, kind="plenary")

    page.goto(live_server.url + "/events/?kind=workshop")
    page.evaluate("window.notReloaded = true")
    first = shown_names(page)

    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/events/\?kind=workshop&page=2$"))
    expect(page.locator(".pagination span")).to_have_text("Page 2 of 3")
    second = shown_names(page)
    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/events/\?kind=workshop&page=3$"))
    expect(page.locator(".pagination span")).to_have_text("Page 3 of 3")
    third = shown_names(page)
    page.locator("a[rel=prev]").click()
    expect(page).to_have_url(re.compile(r"/events/\?kind=workshop&page=2$"))
    expect(page.locator(".pagination span")).to_have_text("Page 2 of 3")

    assert shown_names(page) == second
    assert (len(first), len(second), len(third)) == (20, 20, 5)
    assert not set(first) & set(second) and not set(second) & set(third)
    assert all(name.startswith("Workshop") for name in first + second + third)
    expect(page.locator(".result-count")).to_have_text("45 results")
    expect(page.locator("input[name=kind][value=workshop]")).to_be_checked()
    # htmx swapped the results in place.
    assert page.evaluate("window.notReloaded") is True

    # The address it recorded serves the same page to a fresh load.
    page.reload()
    expect(page.locator(".pagination span")).to_have_text("Page 2 of 3")
    assert shown_names(page) == second


def test_page_links_work_without_javascript(browser, live_server):
    for number in range(25):
        factories.EventFactory(kind="workshop", name=f"Workshop {number:02}")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/events/?kind=workshop")
    page.locator("a[rel=next]").click()

    expect(page).to_have_url(re.compile(r"/events/\?kind=workshop&page=2$"))
    expect(page.locator(".pagination span")).to_have_text("Page 2 of 2")
    expect(page.locator("input[name=kind][value=workshop]")).to_be_checked()
    context.close()
