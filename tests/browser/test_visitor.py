"""A visitor's journey through the public site, in a real browser."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

# serialized_rollback: the flush after each test would otherwise also delete the rows that data
# migrations created (the Partners group), which later tests rely on.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_searches_with_a_typo_and_finds_the_potsdam_plenary(page, seeded_site):
    page.goto(seeded_site + "/")
    page.get_by_label("Search the atlas", exact=True).last.fill("Potsdm")
    page.get_by_role("button", name="Search").last.click()

    expect(page).to_have_url(re.compile(r"/search/\?q=Potsdm$"))
    expect(page.get_by_role("link", name="9th Plenary Meeting of the T2D")).to_be_visible()


def test_visitor_filters_events_without_reload_follows_the_series_and_subscribes(page, seeded_site):
    page.goto(seeded_site + "/events/")
    page.evaluate("window.notReloaded = true")

    # The first two facets start open.
    page.get_by_role("checkbox", name=re.compile(r"^Sino-German Track II Dialogue")).check()
    expect(page.locator(".result-count")).to_have_text("12 results")
    page.locator("summary", has_text="Year").click()
    page.get_by_role("radio", name=re.compile(r"^2024")).check()
    expect(page.locator(".result-count")).to_have_text("2 results")

    # htmx swapped the results in place and recorded the filters in the address bar.
    assert page.evaluate("window.notReloaded") is True
    assert re.search(r"dialogue=t2d", page.url) and re.search(r"year=2024", page.url)
    results = page.locator("#results h2 a")
    expect(results).to_have_text(["9th Plenary Meeting of the T2D", "8th Plenary Meeting of the T2D"])

    ics_link = page.get_by_role("link", name="Subscribe to these events (iCalendar)")
    feed = page.request.get(seeded_site + ics_link.get_attribute("href"))
    calendar = Calendar.from_ical(feed.body())
    assert feed.headers["content-type"].startswith("text/calendar")
    assert sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")) == [
        "8th Plenary Meeting of the T2D",
        "9th Plenary Meeting of the T2D",
    ]

    page.get_by_role("link", name="8th Plenary Meeting of the T2D").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("8th Plenary Meeting of the T2D")
    page.locator("a[rel=next]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("9th Plenary Meeting of the T2D")
    expect(page.get_by_text("Potsdam, Germany")).to_be_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_pass_axe_and_fit_the_screen(page, seeded_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    paths = [
        "/",
        "/dialogues/",
        "/dialogues/t2d/",
        "/events/?dialogue=t2d",
        "/events/calendar/?month=2024-08",
        "/events/iki-china-interface-workshop-2024/",
        "/projects/clct/",
        "/institutions/uba/",
        "/people/",
        "/search/?q=emission+trading",
    ]
    report = {}
    for path in paths:
        page.goto(seeded_site + path)
        serious, overflow = serious_violations(page), overflows(page)
        report[path] = (serious, overflow)

    assert report == {path: ([], False) for path in paths}
    # The strict Content-Security-Policy blocks nothing the pages need.
    assert console_errors == []


def test_keyboard_user_reaches_the_content_first(page, seeded_site):
    page.goto(seeded_site + "/dialogues/")
    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
