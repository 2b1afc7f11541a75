"""What the browser tests check of every page they read: axe's WCAG 2.1 AA rules and the screen's width."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_violations(page) -> list[tuple[str, int]]:
    """(rule, elements) of each serious or critical WCAG 2.1 AA violation on the page."""
    results = Axe().run(page, options=WCAG_AA)
    return [
        (violation["id"], len(violation["nodes"]))
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def overflows(page) -> bool:
    """Whether the page scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
