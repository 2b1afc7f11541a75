"""``make audit``: Lighthouse, the Nu HTML Checker and axe on every kind of public page, as in production.

Issue 15's bars: Lighthouse (mobile and desktop) at least 95 in every category on the home page, a
list, a record, search and each visual view; axe: no violation of any impact; the Nu HTML Checker:
no error on any page kind. This script measures all three the same way every time:

1. a database of its own (``atlas_quality`` on the server ``DATABASE_URL`` names), migrated and
   seeded (``load_seed`` only adds what is missing, so a second run reuses it);
2. the atlas under gunicorn with ``DJANGO_ENV=production`` and ``DEBUG`` off, as ``bench/run.py``
   starts it, its static files collected;
3. each page of ``PAGES`` fetched over HTTP: its status (a 404 is a row that says so, not a crash);
4. the Nu HTML Checker (``vnu.jar`` from npm's ``vnu-jar``) on every page's HTML, in one JVM;
5. axe (WCAG 2.1 A/AA and best practice, every impact) in Chromium at 360 and 1280 px;
6. Lighthouse 12.2.3 (mobile and desktop presets, all four categories) on the pages marked for it;
7. ``bench/results/quality-YYYY-MM-DD.md``: one table, then every failure in detail.

The tools live in ``bench/.cache/`` (git-ignored) and are installed there, pinned, on first use.
Name page kinds as arguments to audit only those (``bench/quality.py home event-list``).
"""

import contextlib
import datetime
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # bench/run.py: the production environment, the database server, free ports

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CACHE = BENCH / ".cache"
BIN = Path(sys.executable).parent
NODE_PREFIX = CACHE / "node"
LIGHTHOUSE_VERSION = "12.2.3"
VNU_VERSION = "26.9.27"
LIGHTHOUSE = NODE_PREFIX / "node_modules" / ".bin" / "lighthouse"
VNU_JAR = CACHE / f"vnu-{VNU_VERSION}" / "package" / "build" / "dist" / "vnu.jar"
CHROMIUM = (
    os.environ.get("CHROME_PATH")
    or os.environ.get("CHROMIUM")
    or shutil.which("chromium")
    or "/usr/bin/chromium"
)
DATABASE = os.environ.get("QUALITY_DATABASE", "atlas_quality")
BAR = 95
LIGHTHOUSE_RUNS = int(os.environ.get("QUALITY_LIGHTHOUSE_RUNS", 1))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WIDTHS = (360, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@dataclass(frozen=True)
class Page:
    kind: str
    path: str
    lighthouse: bool = False


# Records from the seed (fixtures/). The visual views and /about/ are being built elsewhere: until
# they exist they are rows that say 404.
PAGES = [
    Page("home", "/", lighthouse=True),
    Page("dialogue-list", "/dialogues/"),
    Page("project-list", "/projects/"),
    Page("event-list", "/events/?dialogue=t2d", lighthouse=True),
    Page("organisation-list", "/institutions/"),
    Page("person-list", "/people/"),
    Page("publication-list", "/publications/"),
    Page("topic-list", "/topics/"),
    Page("dialogue", "/dialogues/t2d/", lighthouse=True),
    Page("working-group", "/working-groups/t2d-wg-1/"),
    Page("project", "/projects/clct/"),
    Page("programme", "/programmes/iki/"),
    Page("event", "/events/iki-china-interface-workshop-2024/", lighthouse=True),
    Page("organisation", "/institutions/uba/"),
    Page("person", "/people/jennifer-morgan/"),
    Page("publication", "/publications/ccc-news-t2d-2022-toward-cop27/"),
    Page("topic", "/topics/emissions-trading/"),
    Page("search", "/search/?q=emission+trading", lighthouse=True),
    Page("search-empty", "/search/", lighthouse=True),
    Page("calendar", "/events/calendar/?month=2024-08", lighthouse=True),
    Page("not-found", "/no-such-page/"),
    Page("timeline", "/events/timeline/", lighthouse=True),
    Page("map", "/map/", lighthouse=True),
    Page("network", "/network/", lighthouse=True),
    Page("about", "/about/", lighthouse=True),
    Page("methodology", "/methodology/"),
    Page("timeline-de", "/de/events/timeline/?dialogue=t2d"),
    Page("map-zh", "/zh-hans/map/"),
    Page("network-de", "/de/network/"),
    Page("home-de", "/de/", lighthouse=True),
    Page("event-list-de", "/de/events/"),
    Page("dialogue-de", "/de/dialogues/t2d/"),
    Page("search-de", "/de/search/?q=Emissionshandel"),
    Page("home-zh", "/zh-hans/", lighthouse=True),
    Page("event-zh", "/zh-hans/events/iki-china-interface-workshop-2024/"),
    Page("calendar-zh", "/zh-hans/events/calendar/?month=2024-08"),
]
# Pages whose expected answer is not 200.
EXPECTED_STATUS = {"not-found": 404}
# Lighthouse audits a page fails on purpose, with the reason; the report shows them (they still count).
DELIBERATE = {
    "is-crawlable": "search results (`/search/?q=…`) are endless: they carry `noindex` (and robots.txt "
    "disallows `/search/?`), as search engines ask of such pages; `/search/` itself is an indexable "
    "landing page (search-empty)",
}


@dataclass
class Result:
    page: Page
    status: int | str = "?"
    html: str = ""
    vnu_errors: list = field(default_factory=list)
    vnu_warnings: list = field(default_factory=list)
    axe: dict = field(default_factory=dict)  # width -> [(id, impact, nodes, help, targets)]
    lighthouse: dict = field(
        default_factory=dict
    )  # preset -> {"scores": {...}, "failing": [...]} or {"error"}
    console: list = field(default_factory=list)
    overflow: list = field(default_factory=list)  # widths at which the page scrolls sideways

    @property
    def served(self) -> bool:
        return self.status == EXPECTED_STATUS.get(self.page.kind, 200)


logger = logging.getLogger("quality")


def log(message):
    logger.info(message)


# --- the tools --------------------------------------------------------------------------------------


def ensure_tools():
    """Lighthouse and vnu.jar, pinned, in bench/.cache/ (npm's own client fetches and checks them)."""
    CACHE.mkdir(exist_ok=True)
    if not LIGHTHOUSE.exists():
        log(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {NODE_PREFIX.relative_to(ROOT)}")
        subprocess.run(
            ["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--prefix", str(NODE_PREFIX), "--no-fund"],
            check=True,
            capture_output=True,
        )
    if not VNU_JAR.exists():
        log(f"fetching vnu-jar@{VNU_VERSION}")
        folder = VNU_JAR.parents[3]
        folder.mkdir(exist_ok=True)
        subprocess.run(["npm", "pack", f"vnu-jar@{VNU_VERSION}"], cwd=folder, check=True, capture_output=True)
        subprocess.run(["tar", "xzf", f"vnu-jar-{VNU_VERSION}.tgz"], cwd=folder, check=True)
    for tool in ("java", "node"):
        if not shutil.which(tool):
            raise SystemExit(
                f"The audit needs {tool} on the PATH (Debian: apt-get install default-jre nodejs)."
            )
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"No Chromium at {CHROMIUM}: apt-get install chromium, or set CHROME_PATH.")


# --- the atlas, as in production --------------------------------------------------------------------


def production_env() -> dict:
    return run.production_env(DATABASE)


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(env):
    """Create the audit's database once; migrate and seed it (both only add what is missing)."""
    with psycopg.connect(run.database_url("postgres"), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
        if not exists:
            connection.execute(f"CREATE DATABASE \"{DATABASE}\" TEMPLATE template0 ENCODING 'UTF8'")
    manage("migrate", "--no-input", "-v0", env=env)
    manage("load_seed", "-v0", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)


@contextlib.contextmanager
def atlas(env):
    """gunicorn serving the atlas on a free port; yields its base URL."""
    port = run.free_port()
    command = [
        BIN / "gunicorn", "config.wsgi", "--chdir", str(ROOT), "--bind", f"127.0.0.1:{port}",
        "--log-level", "warning", "--workers", "2", "--worker-class", "gthread", "--threads", "4",
    ]  # fmt: skip
    log_file = (CACHE / "quality-gunicorn.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=10).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log_file.close()


# --- the checks -------------------------------------------------------------------------------------


def fetch(base: str, result: Result):
    """The page's status and HTML, over HTTP (an error page is HTML too)."""
    try:
        with urllib.request.urlopen(base + result.page.path, timeout=30) as response:
            result.status, result.html = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        result.status, result.html = error.code, error.read().decode(errors="replace")
    except OSError as error:
        result.status = f"error: {error}"


def run_vnu(results: list[Result]):
    """The Nu HTML Checker on every fetched page at once (one JVM start), errors and warnings apart."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for index, result in enumerate(results):
            if result.html:
                path = (Path(folder) / f"{index:03d}.html").resolve()
                path.write_text(result.html)
                files[str(path)] = result
        if not files:
            return
        completed = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
            capture_output=True,
            text=True,
        )
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    for message in messages:
        # vnu names each file as "file:" and its absolute path.
        result = files.get(message.get("url", "").removeprefix("file:"))
        if result is None:
            continue
        line = f"line {message.get('lastLine', '?')}: {message['message']}"
        extract = message.get("extract", "").strip().replace("\n", " ")
        entry = f"{line} — `{extract[:120]}`" if extract else line
        if message["type"] == "error" or message.get("subType") == "fatal":
            result.vnu_errors.append(entry)
        elif message.get("subType") == "warning":
            result.vnu_warnings.append(entry)


def run_axe(base: str, results: list[Result]):
    """axe at each width, every impact; console errors and sideways scrolling noted on the way."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        errors = []
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            for result in results:
                if not isinstance(result.status, int):
                    continue
                errors.clear()
                try:
                    page.goto(base + result.page.path, wait_until="load")
                    response = axe.run(page, options=options).response
                except Exception as error:  # a page that breaks the browser is a row, not the end of the run
                    result.axe[width] = [("run-error", "critical", 0, str(error)[:200], [])]
                    continue
                result.axe[width] = [
                    (
                        violation["id"],
                        violation["impact"],
                        len(violation["nodes"]),
                        violation["help"],
                        [", ".join(node["target"]) for node in violation["nodes"][:3]],
                    )
                    for violation in response["violations"]
                ]
                if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                    result.overflow.append(width)
                # A 404's own console error ("Failed to load resource") is the answer it is meant to be.
                expected = EXPECTED_STATUS.get(result.page.kind) or result.status != 200
                result.console.extend(
                    f"{width}px: {text}" for text in errors if not (expected and "status of 404" in text)
                )
            context.close()
        browser.close()


def run_lighthouse(base: str, result: Result, preset: str):
    """Lighthouse on one page with one preset, ``LIGHTHOUSE_RUNS`` times: the run with the median
    performance score is kept (Lighthouse's own advice against a noisy machine), and a run that
    fails to record the page (``NO_NAVSTART`` and the like) is tried once more."""
    runs = []
    for _ in range(LIGHTHOUSE_RUNS):
        run = lighthouse_once(base + result.page.path, preset)
        if "error" in run:
            run = lighthouse_once(base + result.page.path, preset)
        runs.append(run)
    scored = sorted((run for run in runs if "error" not in run), key=lambda run: run["scores"]["performance"])
    result.lighthouse[preset] = scored[len(scored) // 2] if scored else runs[-1]


def lighthouse_once(url: str, preset: str) -> dict:
    """One Lighthouse run: the four scores (0–100) and the weighted audits below 0.9, or an error."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        try:
            completed = subprocess.run(
                command,
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=180,
            )
        except subprocess.TimeoutExpired:
            return {"error": "Lighthouse took over 180 s"}
        if completed.returncode or not output.exists():
            return {"error": ((completed.stderr or "").strip().splitlines() or ["no report"])[-1][:200]}
        report = json.loads(output.read_text())
    if report.get("runtimeError"):
        return {"error": report["runtimeError"].get("message", "")[:200]}
    scores, failing = {}, []
    for name in CATEGORIES:
        category = report["categories"][name]
        scores[name] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                failing.append(
                    f"{name}: {ref['id']} ({audit['score']:.2f}) — {audit.get('displayValue', '')}"
                )
    return {"scores": scores, "failing": failing}


# --- the report -------------------------------------------------------------------------------------


def cell(result: Result, preset: str) -> str:
    run = result.lighthouse.get(preset)
    if run is None:
        return "–"
    if "error" in run:
        return "error"
    return "/".join(str(run["scores"][name]) for name in CATEGORIES)


def axe_count(result: Result) -> str:
    if not result.axe:
        return "–"
    return " / ".join(str(sum(nodes for _, _, nodes, _, _ in result.axe.get(width, []))) for width in WIDTHS)


def passes(result: Result) -> bool:
    lighthouse_ok = all(
        "error" not in run and min(run["scores"].values()) >= BAR for run in result.lighthouse.values()
    )
    axe_ok = not any(result.axe.values())
    return result.served and lighthouse_ok and axe_ok and not result.vnu_errors and not result.overflow


def report(results: list[Result], seconds: float) -> str:
    today = datetime.date.today().isoformat()
    lines = [
        f"# Quality audit, {today}",
        "",
        f"`make audit` (bench/quality.py): the atlas under gunicorn, `DJANGO_ENV=production`, seed data. "
        f"Lighthouse {LIGHTHOUSE_VERSION} (performance/accessibility/best practices/SEO; bar {BAR}), "
        f"Nu HTML Checker {VNU_VERSION}, axe ({', '.join(AXE_TAGS)}; every impact; elements at "
        f"{' / '.join(f'{w}px' for w in WIDTHS)}). {len(results)} pages in {seconds / 60:.1f} minutes.",
        "",
        "| page | path | status | Lighthouse mobile | Lighthouse desktop | Nu errors (warnings) | axe | ok |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        status = (
            result.status if result.served or result.page.kind in EXPECTED_STATUS else f"**{result.status}**"
        )
        lines.append(
            f"| {result.page.kind} | `{result.page.path}` | {status} | {cell(result, 'mobile')} | "
            f"{cell(result, 'desktop')} | {len(result.vnu_errors)} ({len(result.vnu_warnings)}) | "
            f"{axe_count(result)} | {'yes' if passes(result) else 'no'} |"
        )
    lines += ["", "## Failures", ""]
    for result in results:
        details = []
        if not result.served:
            details.append(f"- answered {result.status}")
        for preset, scores in result.lighthouse.items():
            if "error" in scores:
                details.append(f"- Lighthouse {preset}: {scores['error']}")
            else:
                details += [f"- Lighthouse {preset}: {item}" for item in scores["failing"]]
        details += [f"- Nu error, {entry}" for entry in result.vnu_errors]
        details += [f"- Nu warning, {entry}" for entry in result.vnu_warnings]
        for width, violations in result.axe.items():
            details += [
                f"- axe {width}px: {rule} ({impact}, {nodes} elements) — {help_text}; {'; '.join(targets)}"
                for rule, impact, nodes, help_text, targets in violations
            ]
        details += [f"- scrolls sideways at {width}px" for width in result.overflow]
        details += [f"- console: {text[:200]}" for text in result.console]
        if details:
            lines += [f"### {result.page.kind} (`{result.page.path}`)", "", *details, ""]
    lines += ["## Deliberate", "", *(f"- `{audit}`: {reason}" for audit, reason in DELIBERATE.items()), ""]
    return "\n".join(lines) + "\n"


def main(selected: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    unknown = set(selected) - {page.kind for page in PAGES}
    if unknown:
        kinds = ", ".join(page.kind for page in PAGES)
        raise SystemExit(f"No such page kind: {', '.join(sorted(unknown))}. Choose from {kinds}.")
    pages = [page for page in PAGES if not selected or page.kind in selected]
    started = time.perf_counter()
    ensure_tools()
    env = production_env()
    log(f"preparing {DATABASE}")
    prepare_database(env)
    results = [Result(page) for page in pages]
    with atlas(env) as base:
        for result in results:
            fetch(base, result)
        log("Nu HTML Checker")
        run_vnu(results)
        log("axe")
        run_axe(base, results)
        lighthouse = os.environ.get("QUALITY_LIGHTHOUSE", "marked")
        for result in results:
            wanted = lighthouse == "all" or (lighthouse == "marked" and result.page.lighthouse)
            if wanted and result.status == 200:
                for preset in ("mobile", "desktop"):
                    log(f"Lighthouse {preset} {result.page.path}")
                    run_lighthouse(base, result, preset)
    text = report(results, time.perf_counter() - started)
    path = BENCH / "results" / f"quality-{datetime.date.today().isoformat()}.md"
    path.write_text(text)
    log(f"wrote {path.relative_to(ROOT)}")
    log(text.split("## Failures")[0])
    return 0 if all(passes(result) for result in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
