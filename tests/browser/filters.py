"""Reaching a facet of a list's filter panel, however the panel starts (a closed drawer on a phone,
the first two facets and any with a chosen value open)."""


def open_facet(page, title: str) -> None:
    """Open the filter drawer if it is closed, then the facet titled ``title`` if it is closed."""
    drawer = page.locator("details.filter-drawer")
    if drawer.count() and not drawer.evaluate("details => details.open"):
        drawer.locator("> summary").click()
    facet = page.locator("details.facet").filter(has=page.locator("summary", has_text=title)).first
    if not facet.evaluate("details => details.open"):
        facet.locator("summary").click()
