"""The public lists in a real browser at 1280 and 360 px: facet counts that follow every htmx filter,
chips that remove one value, and the filter drawer that leaves the results above the fold."""

import re
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from playwright.sync_api import expect

from events.models import Event
from tests.browser.accessibility import overflows, serious_violations

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def facet_counts(page, param: str) -> dict[str, int]:
    """The values a facet offers on the page and their counts."""
    return {
        row.locator("input").get_attribute("value"): int(row.locator(".count").text_content())
        for row in page.locator(f"#facets li:has(input[name={param}])").all()
    }


def watch_console(page) -> list[str]:
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_counts_follow_an_htmx_filter_and_chips_remove_it(page, seeded_site):
    errors = watch_console(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_site + "/events/")
    page.evaluate("window.notReloaded = true")
    before = facet_counts(page, "year")

    page.locator("#facets input[name=kind][value=plenary]").check()
    plenaries = Event.objects.visible_to(AnonymousUser()).filter(kind="plenary")
    expect(page.locator(".result-count")).to_have_text(f"{plenaries.count()} results")

    # The other facets count among the plenaries now; the chosen one still offers its other values.
    years = Counter(str(event.start_date.year) for event in plenaries if event.start_date)
    expect(page.locator("#filter-summary")).to_have_text("Filters (1)")
    assert facet_counts(page, "year") == dict(years) != before
    offered = [
        count for param in ("dialogue", "year", "country") for count in facet_counts(page, param).values()
    ]
    assert offered and all(count > 0 for count in offered)
    assert len(facet_counts(page, "kind")) > 1
    # Keyboard focus stays on the box just ticked, though the facets were swapped.
    assert page.evaluate("document.activeElement.value") == "plenary"
    assert page.evaluate("window.notReloaded") is True
    assert serious_violations(page) == []

    page.get_by_role("link", name="Remove the filter Kind plenary").click()
    expect(page.locator("#filter-summary")).to_have_text("Filters (0)")
    expect(page).to_have_url(re.compile(r"/events/$"))
    assert facet_counts(page, "year") == before
    assert page.evaluate("window.notReloaded") is True
    assert errors == []


def test_the_filters_are_a_drawer_at_360_px_with_the_results_above_the_fold(page, seeded_site):
    errors = watch_console(page)
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(seeded_site + "/events/")

    first_row = page.locator("#results .card").first.bounding_box()
    assert first_row["y"] + 40 < 640, first_row  # its heading is in the first screen
    expect(page.locator("#facets")).to_be_hidden()
    assert serious_violations(page) == [] and not overflows(page)

    page.get_by_text("Filters (0)").click()
    page.locator("#facets input[name=kind][value=plenary]").check()
    expect(page.locator("#filter-summary")).to_have_text("Filters (1)")
    # The drawer stays open while the visitor filters.
    expect(page.locator("#facets")).to_be_visible()
    assert serious_violations(page) == [] and not overflows(page)
    assert errors == []


def test_the_drawer_works_without_javascript(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(seeded_site + "/events/")

    page.get_by_text("Filters (0)").click()
    page.locator("#facets input[name=kind][value=plenary]").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/events/\?(.*&)?kind=plenary(&|$)"))
    expect(page.get_by_role("link", name="Remove the filter Kind plenary")).to_be_visible()
    context.close()
