"""The charts in a real browser: each draws over its table, with the table's numbers, under the CSP,
accessible and within a phone's width; without JavaScript the table alone shows the numbers."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Each page with a chart, and what its picture is made of.
CHART_PAGES = [
    ("/", "rect.bar"),
    ("/dialogues/t2d/", "rect.bar"),
    ("/topics/", "rect.cell"),
    ("/topics/emissions-trading/", "rect.bar"),
    ("/institutions/uba/", "rect.bar"),
    ("/de/", "rect.bar"),
    ("/zh-hans/topics/", "rect.cell"),
]

# The table's cells with a number other than zero, without the total column: one mark each.
NONZERO_CELLS = """table => [...table.tBodies[0].rows].flatMap(row => [...row.cells].slice(1, -1))
    .filter(cell => cell.textContent.trim() !== '0').length"""
# What the marks say, per year and series: their titles end with the count.
MARK_TOTAL = "marks => marks.reduce((sum, mark) => sum + Number(mark.dataset.count), 0)"
TABLE_TOTAL = """table => [...table.tBodies[0].rows].reduce((sum, row) =>
    sum + Number(row.cells[row.cells.length - 1].textContent.replace(/\\D/g, '')), 0)"""


def watch(page) -> list[str]:
    """Console errors, uncaught exceptions, failed requests and CSP violations on the page."""
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and urlsplit(response.url).path != "/favicon.ico"
            and problems.append(f"{response.status} {response.url}")
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return problems


@pytest.mark.parametrize("width", [360, 1280])
def test_each_chart_draws_the_numbers_of_its_table(page, seeded_site, width):
    problems = watch(page)
    page.set_viewport_size({"width": width, "height": 900})

    for path, mark in CHART_PAGES:
        page.goto(seeded_site + path)
        figure = page.locator("figure.chart").first
        picture = figure.locator(".chart-canvas svg[role=img]")
        expect(picture).to_be_visible()
        table = figure.locator("table.chart-table")
        marks = picture.locator(mark)

        assert marks.count() == table.evaluate(NONZERO_CELLS) > 0, path
        assert marks.evaluate_all(MARK_TOTAL) == table.evaluate(TABLE_TOTAL), path
        summary = figure.locator(".chart-summary").get_attribute("id")
        assert picture.get_attribute("aria-labelledby") == summary
        if mark == "rect.bar":
            legend = figure.locator(".chart-legend li")
            assert legend.all_text_contents() == [
                text.strip() for text in table.locator("thead th[data-key]").all_text_contents()
            ], path
        assert problems == [], path
        assert serious_violations(page) == [], path
        assert not overflows(page), path


def test_tables_show_the_numbers_without_javascript(browser, seeded_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for path, _mark in CHART_PAGES:
            page.goto(seeded_site + path)
            figure = page.locator("figure.chart").first
            expect(figure.locator("table.chart-table")).to_be_visible()
            # The picture's box (kept for the script to draw into) takes no room without it.
            expect(figure.locator(".chart-canvas")).to_be_hidden()
            assert figure.locator(".chart-canvas svg[role=img]").count() == 0
            assert figure.locator("table.chart-table tbody tr").count() > 0
    finally:
        context.close()
