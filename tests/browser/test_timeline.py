"""The timeline of events in a real browser: drawn from the API, filtered like the list, the same
data as its table, each mark a link, and the table alone without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.accessibility import overflows, serious_violations
from tests.browser.filters import open_facet

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WATCH_CSP = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.cspViolations.push(e.violatedDirective));"
)


def mark_paths(page) -> list[str]:
    return page.eval_on_selector_all(
        "svg a.mark", "links => links.map(a => new URL(a.getAttribute('href')).pathname).sort()"
    )


def table_paths(page) -> list[str]:
    return page.eval_on_selector_all(
        ".timeline-table a.timeline-event", "links => links.map(a => new URL(a.href).pathname).sort()"
    )


def drawn_total(page) -> int:
    return int(re.match(r"\d+", page.locator("#timeline-summary").inner_text()).group())


@pytest.mark.parametrize("width", [360, 1280])
def test_timeline_draws_filters_and_agrees_with_its_table(page, seeded_site, width):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(WATCH_CSP)
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(seeded_site + "/events/timeline/")
    expect(page.locator("figure.timeline[data-drawn='marks']")).to_be_visible()

    total = drawn_total(page)
    assert total > 12
    assert len(mark_paths(page)) == total
    assert mark_paths(page) == table_paths(page)
    assert page.locator("svg .phase").count() > 0
    legend = page.locator(".timeline-legend li[data-kind='plenary']")
    expect(legend).to_have_text("plenary")
    assert legend.locator("path").count() == 1
    assert serious_violations(page) == []
    assert not overflows(page)

    # The list's filter panel filters the timeline, in place.
    open_facet(page, "Dialogue")
    page.get_by_role("checkbox", name=re.compile(r"^Sino-German Track II Dialogue")).check()
    expect(page.locator(".timeline-table tbody")).to_have_count(1)
    expect(page.locator("figure.timeline[data-drawn='marks']")).to_be_visible()
    expect(page.locator("svg a.mark")).to_have_count(drawn_total(page))
    assert drawn_total(page) < total
    assert mark_paths(page) == table_paths(page)
    assert "dialogue=t2d" in page.get_by_role("link", name="List", exact=True).get_attribute("href")

    # Zoom controls work from the keyboard, and a mark is a link to its record.
    page.get_by_role("button", name="Zoom in").press("Enter")
    page.get_by_label("Year").select_option("2024")
    mark = page.locator("svg a.mark", has=page.locator("path")).filter(
        has_text=re.compile("9th Plenary Meeting of the T2D")
    )
    expect(mark).to_have_attribute(
        "aria-label", re.compile(r"^9th Plenary Meeting of the T2D, .*2024, plenary$")
    )
    mark.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("9th Plenary Meeting of the T2D")

    assert errors == []
    assert page.evaluate("window.cspViolations") == []


def test_event_list_links_to_its_timeline_with_its_filters(page, seeded_site):
    page.goto(seeded_site + "/events/?kind=plenary")
    page.get_by_role("link", name="See them on a timeline").click()

    expect(page).to_have_url(re.compile(r"/events/timeline/\?kind=plenary$"))
    expect(page.locator("figure.timeline[data-drawn='marks']")).to_be_visible()
    assert len(mark_paths(page)) == drawn_total(page) == len(table_paths(page))


def test_without_javascript_the_table_shows(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeded_site + "/de/events/timeline/")

    expect(page.locator(".timeline-table")).to_be_visible()
    expect(page.locator("figure.timeline")).to_be_hidden()
    assert len(table_paths(page)) == drawn_total(page) > 0
    assert (
        page.locator(".timeline-table a.timeline-event").first.get_attribute("href").startswith("/de/events/")
    )
    context.close()


def test_an_event_whose_kind_is_not_stated_is_drawn_and_named_so(page, seeded_site):
    factories.EventFactory(
        slug="unstated-kind", name="Event of no stated kind", kind="", start_date="2024-05-02"
    )
    page.goto(seeded_site + "/events/timeline/?kind=not_stated")
    expect(page.locator("figure.timeline[data-drawn='marks']")).to_be_visible()

    # With the seed's own event of no stated kind (New York City Climate Week 2024).
    assert mark_paths(page) == table_paths(page)
    assert set(mark_paths(page)) == {"/events/unstated-kind/", "/events/new-york-city-climate-week-2024/"}
    mark = page.locator("svg a.mark[href$='/events/unstated-kind/']")
    expect(mark).to_have_attribute(
        "aria-label", re.compile(r"^Event of no stated kind, .*2024, kind not stated$")
    )
    assert mark.locator("path.shape.open").count() == 1
    assert page.locator("svg a.mark path.shape.open").count() == 2
    legend = page.locator(".timeline-legend li[data-kind='not_stated']")
    expect(legend).to_have_text("kind not stated")
    assert legend.locator("path").count() == 1
