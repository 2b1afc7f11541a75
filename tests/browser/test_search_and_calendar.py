"""Search results with their context and the calendar on a phone and on a desktop, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def watch_console(page) -> list[str]:
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


def test_calendar_is_a_list_at_360_pixels_with_nothing_off_screen(page, seeded_site):
    page.set_viewport_size({"width": 360, "height": 800})
    errors = watch_console(page)

    page.goto(seeded_site + "/events/calendar/?month=2024-10")

    expect(page.locator("table.calendar")).to_be_hidden()
    listed = page.locator(".calendar-list li")
    expect(listed.first).to_be_visible()
    expect(listed.filter(has_text="Study tour on climate governance")).to_contain_text(
        "Berlin, Germany; Cologne, Germany"
    )
    for box in (listed.nth(i).bounding_box() for i in range(listed.count())):
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert (overflows(page), serious_violations(page), errors) == (False, [], [])


def test_calendar_is_a_grid_at_1280_pixels_and_the_picker_moves_it(page, seeded_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    errors = watch_console(page)
    page.goto(seeded_site + "/events/calendar/?month=2024-10")

    expect(page.locator("table.calendar")).to_be_visible()
    expect(page.locator(".calendar-list")).to_be_hidden()
    expect(page.get_by_role("columnheader", name="Sunday")).to_be_visible()

    page.get_by_label("Month", exact=True).select_option(label="May")
    page.get_by_label("Year", exact=True).select_option("2024")
    page.get_by_role("button", name="Show month").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Events in May 2024")
    assert (overflows(page), serious_violations(page), errors) == (False, [], [])


@pytest.mark.parametrize("width", [360, 1280])
def test_search_shows_types_dates_places_and_marks_belem(page, seeded_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    errors = watch_console(page)
    page.goto(seeded_site + "/search/?q=Belem")

    expect(page.locator(".search-results .where mark")).to_have_text("Belém")
    page.goto(seeded_site + "/search/?q=UBA")
    expect(page.locator(".search-results > li").first).to_contain_text("German Environment Agency (UBA)")
    page.get_by_role("link", name="Events 4").click()
    expect(page.locator(".search-results .kicker")).to_have_text(["Event"] * 4)
    page.get_by_label("Order").select_option("newest")
    page.get_by_role("button", name="Search").last.click()
    expect(page).to_have_url(re.compile(r"type=events.*sort=newest|sort=newest.*type=events"))
    assert (overflows(page), serious_violations(page), errors) == (False, [], [])
