"""Changing language in a real browser: the switch keeps the page, its filters and its page number."""

import itertools
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.accessibility import overflows, serious_violations

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def shown_names(page) -> list[str]:
    """The events' names, without the mark of a name shown in another language than the page's."""
    return [
        link.evaluate("a => (a.querySelector('[lang]') || a).firstChild.textContent.trim()")
        for link in page.locator("#results h2 a").all()
    ]


def fallback_languages(page) -> list[str]:
    """The language of each name shown in another language than the page's."""
    return [
        mark.get_attribute("lang")
        for mark in page.locator("#results h2 a > span[lang]:not(.lang-badge)").all()
    ]


def switch_link(page, name):
    return page.locator("nav.language-switch").get_by_role("link", name=name, exact=True)


def test_visitor_filters_pages_and_switches_to_german_and_chinese(page, live_server):
    # 25 workshops make two pages of 20; the plenaries must never show.
    for number in range(25):
        factories.EventFactory(kind="workshop", name=f"Workshop {number:02}")
    factories.EventFactory.create_batch(3, kind="plenary")

    page.goto(live_server.url + "/events/?kind=workshop")
    page.evaluate("window.notReloaded = true")
    # htmx brings page 2 in place; the switch follows the address it records.
    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/events/\?kind=workshop&page=2$"))
    assert page.evaluate("window.notReloaded") is True
    second = shown_names(page)
    expect(switch_link(page, "English")).to_have_attribute("aria-current", "true")

    switch_link(page, "Deutsch").click()
    expect(page).to_have_url(re.compile(r"/de/events/\?kind=workshop&page=2$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(switch_link(page, "Deutsch")).to_have_attribute("aria-current", "true")
    expect(page.locator("input[name=kind][value=workshop]")).to_be_checked()
    assert shown_names(page) == second
    # The interface reads German; the names, English only, say so.
    expect(page.locator(".pagination")).to_contain_text("Seite 2 von 2")
    expect(page.locator(".result-count")).to_contain_text("25 Ergebnisse")
    assert fallback_languages(page) == ["en"] * 5
    # Links inside the page stay German.
    assert page.locator("a[rel=prev]").get_attribute("href") == "/de/events/?kind=workshop&page=1"

    switch_link(page, "中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/events/\?kind=workshop&page=2$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(switch_link(page, "中文")).to_have_attribute("aria-current", "true")
    expect(page.locator("input[name=kind][value=workshop]")).to_be_checked()
    assert shown_names(page) == second
    expect(page.locator(".result-count")).to_contain_text("25 条结果")
    assert fallback_languages(page) == ["en"] * 5
    assert (len(second), set(switch_link(page, "English").get_attribute("href").split("?")[1:])) == (
        5,
        {"kind=workshop&page=2"},
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_the_switch_fits_the_screen(page, live_server, width):
    factories.EventFactory(slug="potsdam", name="9th Plenary Meeting of the T2D")
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(live_server.url + "/de/events/potsdam/")

    switch = page.get_by_role("navigation", name="Sprache")
    expect(switch).to_be_visible()
    links = [switch_link(page, name).bounding_box() for name in ("English", "Deutsch", "中文")]
    # All three on one line, inside the screen, none overlapping the next; the page does not scroll sideways.
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= width for box in links)
    assert len({round(box["y"]) for box in links}) == 1
    assert all(left["x"] + left["width"] <= right["x"] for left, right in itertools.pairwise(links))
    assert all(box["height"] >= 24 for box in links)  # a target large enough to tap (WCAG 2.2 2.5.8)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [360, 1280])
def test_german_and_chinese_pages_pass_axe_and_fit_the_screen(page, seeded_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    paths = [
        "/de/",
        "/de/events/?dialogue=t2d",
        "/de/events/iki-china-interface-workshop-2024/",
        "/de/unknown/",
        "/zh-hans/",
        "/zh-hans/dialogues/t2d/",
        "/zh-hans/institutions/uba/",
        "/zh-hans/search/?q=emission+trading",
    ]
    report = {}
    for path in paths:
        page.goto(seeded_site + path)
        serious, overflow = serious_violations(page), overflows(page)
        report[path] = (page.locator("html").get_attribute("lang"), serious, overflow)

    assert report == {path: ("de" if path.startswith("/de/") else "zh-Hans", [], False) for path in paths}
