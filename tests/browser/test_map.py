"""The map in a real browser: it draws the countries and the places the table lists, filters, zooms
and lists a place's events, without a console error or a CSP violation; without JavaScript the
table says everything."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations
from tests.browser.filters import open_facet

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def problems(page):
    """Console errors and warnings, uncaught exceptions (a CSP violation is a console error)."""
    found = []
    page.add_init_script(WATCH_CSP)
    page.on(
        "console",
        lambda message: found.append(message.text) if message.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def drawn(page) -> tuple[int, int]:
    """(events, places) the circles stand for, read off the drawing."""
    return page.evaluate(
        """() => [...document.querySelectorAll("#map g.place")].reduce(
            (sum, g) => [sum[0] + Number(g.dataset.count), sum[1] + Number(g.dataset.places)], [0, 0])"""
    )


def tabled(page) -> tuple[int, int]:
    """(events, places) the table lists."""
    return page.evaluate(
        """() => [...document.querySelectorAll("tr[data-place] td.number")].reduce(
            (sum, td) => [sum[0] + Number(td.textContent.replace(/\\D/g, "")), sum[1] + 1], [0, 0])"""
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_the_map_draws_the_countries_and_the_places_of_the_table(page, seeded_site, problems, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(seeded_site + "/map/")

    expect(page.locator("#map g.place").first).to_be_attached()
    assert page.locator("#map path.country").count() > 150
    # Countries with organisations are shaded, the others are not.
    assert page.locator('#map path.country[data-country="DE"]').get_attribute("fill")
    assert page.locator('#map path.country[data-country="DE"]:not(.empty)').count() == 1
    assert drawn(page) == tabled(page)
    assert tabled(page)[0] > 10
    assert page.evaluate("window.cspViolations") == []
    assert problems == []
    assert serious_violations(page) == []
    assert not overflows(page)


def test_a_filter_applies_to_the_map_and_the_table(page, seeded_site, problems):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_site + "/map/")
    expect(page.locator("#map g.place").first).to_be_attached()
    before = tabled(page)

    open_facet(page, "Kind")
    page.get_by_label("plenary", exact=False).first.check()

    expect(page).to_have_url(re.compile(r"/map/\?.*kind=plenary"))
    page.wait_for_function(f"() => document.querySelectorAll('tr[data-place]').length < {before[1]}")
    page.wait_for_function(
        """() => [...document.querySelectorAll("#map g.place")]
              .reduce((sum, g) => sum + Number(g.dataset.places), 0)
              === document.querySelectorAll("tr[data-place]").length"""
    )
    assert drawn(page) == tabled(page)
    assert tabled(page)[0] < before[0]
    assert page.evaluate("window.cspViolations") == [] and problems == []


def test_zooming_separates_places_and_a_place_lists_its_events(page, seeded_site, problems):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_site + "/map/")
    expect(page.locator("#map g.place").first).to_be_attached()
    groups_before = page.locator("#map g.place").count()

    # Berlin and Potsdam are one circle on the whole world; a click on it zooms in until they part.
    grouped = page.locator("#map g.place:not([data-places='1'])").first
    grouped.click()
    page.wait_for_function(f"() => document.querySelectorAll('#map g.place').length > {groups_before}")

    page.get_by_role("button", name="Whole world", exact=True).click()
    page.wait_for_function(f"() => document.querySelectorAll('#map g.place').length === {groups_before}")
    countries = page.locator("#map g.countries")
    expect(countries).to_have_attribute("transform", "translate(0,0) scale(1)")
    page.get_by_role("button", name="Zoom in", exact=True).click()
    expect(page.locator("#map g.countries")).to_have_attribute("transform", re.compile(r"scale\(2\)$"))

    # A single place, chosen with the keyboard, lists its events with links to their records.
    page.get_by_role("button", name="Whole world", exact=True).click()
    single = page.locator("#map g.place[data-places='1']").first
    single.focus()
    page.keyboard.press("Enter")
    link = page.locator("#map-detail a").first
    expect(link).to_be_visible()
    assert "/events/" in link.get_attribute("href")
    assert problems == []


def test_without_javascript_the_table_shows_the_same_places(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeded_site + "/map/")

    expect(page.locator("#map-figure")).to_be_hidden()
    expect(page.locator("#map-summary")).to_contain_text("events in")
    expect(page.get_by_role("row", name="Glasgow, United Kingdom")).to_be_visible()
    assert page.locator("tr[data-place]").count() > 5
    context.close()
