"""German and Chinese pages in a real browser: the seed's English text shown on them carries its own
``lang`` and a badge that passes axe and fits a phone; dates are in the page's language."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.accessibility import overflows, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize(
    ("language", "when"), [("de", "28.–29. August 2024"), ("zh-hans", "2024年8月28日至29日")]
)
def test_fallback_text_is_marked_passes_axe_and_fits_a_phone(page, seeded_site, language, when):
    page.set_viewport_size({"width": 360, "height": 800})
    page.set_extra_http_headers({"Accept-Language": language})
    with translation.override(language):
        workshop = reverse("events:event-detail", args=["iki-china-interface-workshop-2024"])
        paths = [reverse("home"), reverse("events:event-list"), workshop, reverse("dialogues:dialogue-list")]
    report = {}
    for path in paths:
        page.goto(seeded_site + path)
        serious, overflow = [rule for rule, _count in serious_violations(page)], overflows(page)
        report[path] = (serious, overflow)

    assert report == {path: ([], False) for path in paths}
    page.goto(seeded_site + workshop)
    heading = page.get_by_role("heading", level=1)
    # The seed gives the workshop's name in English only.
    expect(heading.locator("span[lang=en]").first).to_have_text("IKI China Interface Workshop 2024")
    expect(heading.locator(".lang-badge")).to_have_attribute("lang", language)
    expect(page.locator("dd", has_text=when)).to_be_visible()
