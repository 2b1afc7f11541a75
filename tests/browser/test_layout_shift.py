"""The pictures do not push the page about: each figure keeps its final size from the first paint,
before its script has drawn into it, so the layout shift the browser measures (Cumulative Layout
Shift, what Lighthouse scores) stays near zero on the pages with a chart, timeline, map or network."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every layout shift from the start of the page, as Lighthouse sums them (shifts right after an input
# do not count; there is none here).
WATCH_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""

# Lighthouse's "good" threshold is 0.1; the pictures should cost next to nothing.
BUDGET = 0.02

PAGES = {
    "home": ("/", ".chart-canvas.is-drawn svg"),
    "timeline": ("/events/timeline/", "figure.timeline[data-drawn] .timeline-svg"),
    "map": ("/map/", "#map g.place"),
    "network": ("/network/", ".network-figure[data-state='settled']"),
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", list(PAGES))
def test_the_figures_do_not_shift_the_page(page, seeded_site, kind, width):
    path, drawn = PAGES[kind]
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(WATCH_SHIFTS)
    page.goto(seeded_site + path)

    page.locator(drawn).first.wait_for(state="attached", timeout=20_000)
    # Two frames after the drawing: any shift it caused has been reported.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(300)

    shift = page.evaluate("window.layoutShift")
    assert shift < BUDGET, f"{kind} at {width}px shifts its layout by {shift:.3f}"
