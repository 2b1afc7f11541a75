"""``make bench-views``: the visual views at 100,000 events — time to first draw and the data they load.

For each view (the timeline, the map, the network, the charts), on the benchmark's database of
``BENCH_EVENTS`` demo events (the one ``make bench`` builds, ``bench/run.py``) served by gunicorn as
in production:

- Chromium opens the page ``RUNS`` times with an empty cache; each view's script marks
  ``atlas:drawn`` (``performance.mark``) when its first picture is on the screen. The report gives
  the median time from the start of navigation to that mark, and to the page's load;
- the data the view loads from the API: its address, bytes on the wire (compressed, as served) and
  decoded, and the endpoint's own median time over ``RUNS`` requests.

It writes ``bench/results/views-<YYYY-MM-DD>.md``. Needs Debian's Chromium (``CHROMIUM``).
"""

import datetime
import json
import logging
import os
import shutil
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the database, gunicorn
from playwright.sync_api import sync_playwright

RUNS = int(os.environ.get("BENCH_VIEW_RUNS", 5))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# (name, page, what it shows)
VIEWS = [
    ("timeline", "/events/timeline/", "Timeline of every dialogue"),
    ("timeline-year", "/events/timeline/?year=2020", "Timeline filtered to one year"),
    ("map", "/map/", "Map of events and organisations"),
    ("network", "/network/", "Network of organisations (default limit)"),
    ("home", "/", "Home page: events per year by dialogue"),
]

logger = logging.getLogger("bench")


def median(values):
    return statistics.median(values) if values else float("nan")


def open_view(browser, base: str, path: str) -> dict:
    """One load with an empty cache: the first draw, the load, and every API response's size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: "/api/" in response.url and responses.append(response))
    page.goto(base + path, wait_until="load")
    # Polled from here: the page's policy forbids the eval a string predicate would need.
    deadline = time.monotonic() + 120
    while not page.evaluate("() => performance.getEntriesByName('atlas:drawn').length > 0"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path}: never marked atlas:drawn")
        page.wait_for_timeout(50)
    timings = page.evaluate(
        """() => {
            const drawn = performance.getEntriesByName('atlas:drawn')[0].startTime;
            const nav = performance.getEntriesByType('navigation')[0];
            const data = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'));
            return {drawn, load: nav.loadEventEnd, data: data.map(e => ({url: e.name,
                transfer: e.encodedBodySize, decoded: e.decodedBodySize}))};
        }"""
    )
    for response in responses:
        response.finished()
    context.close()
    return timings


def endpoint_time(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    run.CACHE.mkdir(exist_ok=True)
    env = run.production_env(run.DATABASE)  # nothing cached: every draw is computed
    run.ensure_database(env)
    run.manage("collectstatic", "--no-input", "-v0", env=env)
    port = run.free_port()
    base = f"http://127.0.0.1:{port}"
    rows = []
    with (
        run.serve(run.gunicorn("config.wsgi", env, port), env, port, ready="/healthz"),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, path, label in VIEWS:
            loads = [open_view(browser, base, path) for _ in range(RUNS)]
            data = loads[-1]["data"]
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "path": path,
                    "drawn": median([load["drawn"] for load in loads]),
                    "load": median([load["load"] for load in loads]),
                    "data": [
                        {**item, "ms": median([endpoint_time(item["url"]) for _ in range(RUNS)])}
                        for item in data
                    ],
                }
            )
            logger.info("%s: first draw %.0f ms", name, rows[-1]["drawn"])
        browser.close()
    write_report(rows)


def write_report(rows):
    today = datetime.date.today().isoformat()
    lines = [
        f"# The visual views at {run.EVENTS:,} events — {today}",
        "",
        f"Data: `generate_demo_data --events {run.EVENTS} --seed {run.SEED}`; gunicorn, "
        f"`DJANGO_ENV=production`, no cache; Chromium at 1280×900, an empty cache each load; medians of "
        f"{RUNS} loads (`bench/views.py`).",
        "",
        "| view | page | first draw (ms) | load (ms) | data loaded | on the wire (KB) | decoded (KB) "
        "| endpoint (ms) |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        for index, item in enumerate(row["data"] or [{}]):
            label, drawn, load = (
                (row["label"], f"{row['drawn']:.0f}", f"{row['load']:.0f}") if index == 0 else ("",) * 3
            )
            address = urlsplit(item.get("url", ""))
            data = f"`{address.path}?{address.query}`" if address.path else "—"
            kilobytes = f"{item.get('transfer', 0) / 1024:.1f} | {item.get('decoded', 0) / 1024:.1f}"
            endpoint = f"{item.get('ms', 0):.0f}"
            lines.append(
                f"| {label} | `{row['path']}` | {drawn} | {load} | {data} | {kilobytes} | {endpoint} |"
            )
    out = run.BENCH / "results" / f"views-{today}.md"
    out.write_text("\n".join(lines) + "\n")
    (run.CACHE / "views.json").write_text(json.dumps(rows, indent=2))
    logger.info("wrote %s", out.relative_to(run.ROOT))


if __name__ == "__main__":
    main()
