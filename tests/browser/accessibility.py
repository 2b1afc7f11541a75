"""What the browser tests check of every page they read: axe's WCAG 2.1 AA rules and the screen's width.

``violations`` is the stricter check of the quality bar (issue 15): every impact, and axe's best
practices besides WCAG — the same rules as ``make audit`` (bench/quality.py).
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# resultTypes: axe details only the violations (of the rest it keeps one element each), which saves
# it much of its time on a long page.
WCAG_AA_AND_BEST_PRACTICE = {
    "runOnly": {"type": "tag", "values": [*WCAG_AA["runOnly"]["values"], "best-practice"]},
    "resultTypes": ["violations"],
}


def serious_violations(page) -> list[tuple[str, int]]:
    """(rule, elements) of each serious or critical WCAG 2.1 AA violation on the page."""
    results = Axe().run(page, options=WCAG_AA)
    return [
        (violation["id"], len(violation["nodes"]))
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def violations(page) -> list[tuple[str, str, int]]:
    """(rule, impact, elements) of every violation of WCAG 2.1 A/AA or axe's best practices, whatever
    its impact."""
    results = Axe().run(page, options=WCAG_AA_AND_BEST_PRACTICE)
    return [
        (violation["id"], violation["impact"], len(violation["nodes"]))
        for violation in results.response["violations"]
    ]


def overflows(page) -> bool:
    """Whether the page scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
