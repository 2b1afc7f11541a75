"""The quality bar of every kind of public page, in a real browser (issue 15): no axe violation of any
impact (WCAG 2.1 A/AA and best practice), no sideways scrolling, no console error — at a phone's and
a desktop's width, in English and German.

Lighthouse and the Nu HTML Checker need node and java: they run in ``make audit`` (bench/quality.py),
which checks the same pages as served in production.
"""

import pytest

from tests.browser.accessibility import overflows, violations

# serialized_rollback: the flush after each test would otherwise also delete the rows that data
# migrations created (the Partners group), which later tests rely on.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# One page of each kind, with records from the seed (fixtures/).
PAGES = [
    "/",
    "/dialogues/",
    "/projects/",
    "/events/?dialogue=t2d",
    "/institutions/",
    "/people/",
    "/publications/",
    "/topics/",
    "/dialogues/t2d/",
    "/working-groups/t2d-wg-1/",
    "/projects/clct/",
    "/programmes/iki/",
    "/events/iki-china-interface-workshop-2024/",
    "/institutions/uba/",
    "/people/jennifer-morgan/",
    "/publications/ccc-news-t2d-2022-toward-cop27/",
    "/topics/emissions-trading/",
    "/search/?q=emission+trading",
    "/search/",
    "/events/calendar/?month=2024-08",
]
NOT_FOUND = "/no-such-page/"


@pytest.mark.parametrize("width", [360, 1280])
def test_every_kind_of_page_meets_the_quality_bar(page, seeded_site, width):
    """One browser context per width (the test's ``page``), every page kind in English and German."""
    page.set_viewport_size({"width": width, "height": 900})
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    report = {}
    for path in [*PAGES, NOT_FOUND]:
        for prefix in ("", "/de"):
            console_errors.clear()
            response = page.goto(seeded_site + prefix + path)
            expected_status = 404 if path == NOT_FOUND else 200
            # The not-found page's own answer is logged as a failed load: that one is meant.
            errors = [text for text in console_errors if not (path == NOT_FOUND and "404" in text)]
            report[prefix + path] = (
                response.status == expected_status,
                violations(page),
                overflows(page),
                errors,
            )

    assert report == {address: (True, [], False, []) for address in report}
