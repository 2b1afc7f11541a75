"""``make bench``: the atlas under gunicorn against Datasette and a framework-free floor, same data.

Steps (each cached where it can be):
1. a database of ``BENCH_EVENTS`` demo events (``generate_demo_data``), on the server ``DATABASE_URL``
   names, kept between runs and rebuilt when the size, seed, migrations or generator change;
2. the SQL each scenario runs and its query count (``bench/capture.py``);
3. the same records exported to SQLite with full-text search, for Datasette (kept between runs);
4. for each server and scenario: a warm-up, then ``wrk`` for ``BENCH_DURATION`` seconds;
5. gunicorn workers' memory after the run, and peak memory while streaming the NDJSON export;
6. ``bench/results/<date>.md``.
"""

import contextlib
import datetime
import hashlib
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CACHE = BENCH / ".cache"
BIN = ROOT / ".venv" / "bin"

EVENTS = int(os.environ.get("BENCH_EVENTS", 100_000))
SEED = int(os.environ.get("BENCH_SEED", 1))
DURATION = int(os.environ.get("BENCH_DURATION", 10))
WARMUP = int(os.environ.get("BENCH_WARMUP", 2))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 8))
WORKERS = int(os.environ.get("BENCH_WORKERS", 3))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SERVER_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = f"atlas_bench_e{EVENTS}_s{SEED}"

SCENARIOS = {
    "home": "Home page",
    "event-list": "Event list, filtered by dialogue and year (HTML)",
    "event-detail": "Event detail (HTML)",
    "search-word": "Site search: a word",
    "search-acronym": "Site search: an acronym",
    "search-typo": "Site search: a typo",
    "api-event-list": "API event list, filtered by dialogue and year, 50 rows",
    "api-event-detail": "API event detail",
    "api-search": "API search (a word)",
    "csv-export": "CSV of a filtered event list (100 rows)",
}
CACHED = ("api-event-list", "api-event-detail")


logger = logging.getLogger("bench")


def log(message):
    logger.info(message)


def database_url(name: str) -> str:
    parts = urlsplit(SERVER_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def production_env(database: str) -> dict:
    """The environment of the atlas as it runs in production, on ``database``, with no shared cache
    and no throttle (the benchmarks, the views' benchmark and the quality audit all serve it so)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(database),
        "DJANGO_ENV": "production",
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "API_THROTTLE_ANON": "100000000/minute",
        "API_THROTTLE_USER": "100000000/minute",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    return env


def fingerprint() -> str:
    """Changes when the schema or the generator changes: the cached database is rebuilt then."""
    digest = hashlib.sha256(f"{EVENTS}:{SEED}".encode())
    migrations = [*ROOT.glob("*/migrations/*.py"), *ROOT.glob("config/*/migrations/*.py")]
    paths = [*sorted(migrations), ROOT / "config" / "atlas" / "demo.py"]
    for path in paths:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def manage(*args, env):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def ensure_database(env) -> float:
    """Create, migrate and fill the benchmark database unless it is already there; seconds spent."""
    stamp = CACHE / f"{DATABASE}.fingerprint"
    if stamp.exists() and stamp.read_text() == fingerprint():
        log(f"reusing database {DATABASE}")
        return 0.0
    started = time.perf_counter()
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(
            f"CREATE DATABASE \"{DATABASE}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        )
    log(f"generating {EVENTS} events into {DATABASE}")
    manage("migrate", "--no-input", "-v0", env=env)
    manage("generate_demo_data", "--events", str(EVENTS), "--seed", str(SEED), env=env)
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    stamp.write_text(fingerprint())
    (CACHE / f"{DATABASE}.sqlite").unlink(missing_ok=True)
    return time.perf_counter() - started


def export_sqlite(env) -> Path:
    """The visible records as SQLite, with full-text search on names and summaries (for Datasette)."""
    import sqlite_utils

    path = CACHE / f"{DATABASE}.sqlite"
    if path.exists():
        return path
    log("exporting to SQLite")
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = sqlite_utils.Database(partial)
    public = "status = 'published' AND visibility = 'public'"
    tables = {
        "dialogues": f"SELECT id, slug, name, acronym, summary FROM dialogues_dialogue WHERE {public}",
        "organisations": "SELECT id, slug, name, acronym, country, description FROM institutions_organisation"
        f" WHERE {public}",
        "events": "SELECT id, slug, name, kind, state, start_date, start_precision, end_date, country, city,"
        f" dialogue_id, summary, updated_at FROM events_event WHERE {public}",
    }
    with psycopg.connect(env["DATABASE_URL"]) as connection:
        for table, sql in tables.items():
            with connection.cursor(name=f"export_{table}") as cursor:
                cursor.execute(sql)
                columns = None
                rows = []
                for row in cursor:
                    columns = columns or [column.name for column in cursor.description]
                    rows.append(dict(zip(columns, row, strict=True)))
                    if len(rows) == 10_000:
                        db[table].insert_all(rows, pk="id")
                        rows = []
                db[table].insert_all(rows, pk="id")
    db["events"].add_foreign_key("dialogue_id", "dialogues", "id")
    db["events"].create_index(["dialogue_id", "start_date"])
    db["events"].enable_fts(["name", "summary"])
    db["organisations"].enable_fts(["name", "description"])
    db.vacuum()
    db.close()
    partial.rename(path)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(command, env, port, ready="/", quiet=False):
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready}", timeout=30).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{command[0]} did not start") from None
                time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def gunicorn(app, env, port, workers=WORKERS, chdir=ROOT):
    return [
        BIN / "gunicorn", app, "--chdir", str(chdir), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
        "--workers", str(workers), "--worker-class", "gthread", "--threads", str(THREADS),
    ]  # fmt: skip


def wrk(url: str, headers=()) -> dict:
    extra = [item for header in headers for item in ("-H", header)]
    base = ["wrk", "-t2", f"-c{CONNECTIONS}", "--timeout", "10s", *extra, "-s", str(BENCH / "report.lua")]
    subprocess.run([*base, f"-d{WARMUP}s", url], check=True, capture_output=True)
    output = subprocess.run([*base, f"-d{DURATION}s", url], check=True, capture_output=True, text=True).stdout
    data = json.loads(output.split("BENCH_JSON ", 1)[1])
    ok = sum(count for code, count in data["codes"].items() if 200 <= int(code) < 300)
    socket_errors = data["connect_errors"] + data["read_errors"] + data["write_errors"] + data["timeouts"]
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50": data["p50_us"] / 1000,
        "p95": data["p95_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "errors": data["requests"] - ok + socket_errors,
        "requests": data["requests"],
        "codes": data["codes"],
    }


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


def memory_mb(pid: int, key: str) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) / 1024


def export_peak(env, query: str, token: str) -> dict:
    """Stream the NDJSON export from a fresh one-worker gunicorn; the worker's peak RSS and the lines."""
    port = free_port()
    with serve(gunicorn("config.wsgi", env, port, workers=1), env, port, ready="/healthz") as process:
        worker = children(process.pid)[0]
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/events/export/{query}",
            headers={"Authorization": f"Token {token}"},
        )
        before = memory_mb(worker, "VmHWM")
        started, lines = time.perf_counter(), 0
        with urllib.request.urlopen(request, timeout=900) as response:
            for _line in response:
                lines += 1
        return {
            "lines": lines,
            "seconds": time.perf_counter() - started,
            "before_mb": before,
            "peak_mb": memory_mb(worker, "VmHWM"),
        }


def main(selected: list[str]):
    """Every scenario, the export and the report; or, with scenario names, only those, logged."""
    unknown = set(selected) - set(SCENARIOS) - {"export"}
    if unknown:
        raise SystemExit(
            f"No such scenario: {', '.join(sorted(unknown))}. Choose from {', '.join(SCENARIOS)}, export."
        )
    scenarios = [name for name in SCENARIOS if not selected or name in selected]
    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    load_before = os.getloadavg()
    env = production_env(DATABASE)
    generation = ensure_database(env)
    manage("collectstatic", "--no-input", "-v0", env=env)

    log("capturing queries")
    captured_path = CACHE / "captured.json"
    subprocess.run([BIN / "python", BENCH / "capture.py", captured_path], cwd=ROOT, env=env, check=True)
    captured = json.loads(captured_path.read_text())
    cached_env = {**env, "REDIS_URL": REDIS_URL}
    cached_path = CACHE / "captured-cached.json"
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    subprocess.run(
        [BIN / "python", BENCH / "capture.py", cached_path, *CACHED], cwd=ROOT, env=cached_env, check=True
    )
    cached_counts = json.loads(cached_path.read_text())["scenarios"]
    queries_path = CACHE / "floor-queries.json"
    queries_path.write_text(json.dumps(captured["sql"]))
    p = captured["parameters"]
    paths = {name: item["path"] for name, item in captured["scenarios"].items()}
    sqlite_path = export_sqlite(env)

    results = {name: {} for name in SCENARIOS}
    port = free_port()
    log("atlas")
    with serve(gunicorn("config.wsgi", env, port), env, port, ready="/healthz") as atlas:
        for name in scenarios:
            results[name]["atlas"] = wrk(f"http://127.0.0.1:{port}{paths[name]}")
            log(f"  {name}: {results[name]['atlas']['rps']:.0f} req/s")
        rss = [memory_mb(pid, "VmRSS") for pid in children(atlas.pid)]
    log("atlas, cached (Redis)")
    redis.Redis.from_url(REDIS_URL).flushdb()
    port = free_port()
    with serve(gunicorn("config.wsgi", cached_env, port), cached_env, port, ready="/healthz") as cached:
        for name in (name for name in CACHED if name in scenarios):
            results[name]["atlas, cached"] = wrk(f"http://127.0.0.1:{port}{paths[name]}")
        rss_cached = [memory_mb(pid, "VmRSS") for pid in children(cached.pid)]
    log("floor")
    floor_env = {**env, "BENCH_QUERIES": str(queries_path)}
    port = free_port()
    with serve(gunicorn("floor:application", floor_env, port, chdir=BENCH), floor_env, port, ready="/home"):
        for name in scenarios:
            results[name]["floor"] = wrk(f"http://127.0.0.1:{port}/{name}")
    log("datasette")
    port = free_port()
    name = sqlite_path.stem
    datasette = {
        "api-event-list": f"/{name}/events.json?dialogue_id={p['dialogue_id']}"
        f"&start_date__gte={p['year']}-01-01&start_date__lte={p['year']}-12-31&_sort_desc=start_date&_size=50",
        "api-event-detail": f"/{name}/events/{p['event_id']}.json",
        "api-search": f"/{name}/events.json?_search={p['word']}&_size=20",
    }
    command = [BIN / "datasette", "serve", "-i", str(sqlite_path), "--host", "127.0.0.1", "--port", str(port)]
    with serve(command, env, port, ready="/-/versions.json", quiet=True):
        for scenario, path in datasette.items():
            if scenario in scenarios:
                results[scenario]["datasette"] = wrk(f"http://127.0.0.1:{port}{path}")

    if selected:
        for name in scenarios:
            for server, figures in results[name].items():
                log(
                    f"{name} {server}: {figures['rps']:.0f} req/s, p50 {figures['p50']:.1f} ms, "
                    f"p95 {figures['p95']:.1f} ms, errors {figures['errors']}"
                )
        if "export" not in selected:
            return
    log("NDJSON export memory")
    total = subprocess.run(
        ["psql", env["DATABASE_URL"], "-Atc", "SELECT count(*) FROM events_event"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    tenth = (datetime.date(2008, 1, 1) + datetime.timedelta(days=730)).isoformat()
    # Each export has a fresh worker of its own, so the two run side by side (peaks do not mix).
    with ThreadPoolExecutor(max_workers=2) as pool:
        everything = pool.submit(export_peak, env, "", captured["staff_token"])
        tenth_of_it = pool.submit(export_peak, env, f"?starts_before={tenth}", captured["staff_token"])
        exports = {"all events": everything.result(), "about a tenth (starts_before)": tenth_of_it.result()}
    if selected:
        for label, item in exports.items():
            log(
                f"export {label}: {item['lines']} lines in {item['seconds']:.1f} s, "
                f"peak {item['peak_mb']:.0f} MB"
            )
        return
    load_after = os.getloadavg()
    report = write_report(
        results=results,
        captured=captured,
        cached_counts=cached_counts,
        datasette=datasette,
        rss=rss,
        rss_cached=rss_cached,
        exports=exports,
        total_events=int(total),
        generation=generation,
        load=(load_before, load_after),
        elapsed=time.perf_counter() - started,
    )
    log(f"wrote {report.relative_to(ROOT)}")


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "–"


def write_report(*, results, captured, cached_counts, datasette, rss, rss_cached, exports, total_events,
                 generation, load, elapsed) -> Path:  # fmt: skip
    p = captured["parameters"]
    today = datetime.date.today().isoformat()
    lines = [
        f"# Benchmark {today}",
        "",
        f"Data: {total_events:,} events (`generate_demo_data --events {EVENTS} --seed {SEED}`), database "
        f"`{DATABASE}`; {'generated in ' + format(generation, '.0f') + ' s' if generation else 'reused'}.",
        f"Atlas and floor: gunicorn, {WORKERS} gthread workers × {THREADS} threads, `DJANGO_ENV=production`, "
        "`DEBUG` off, loopback. Datasette: `datasette serve -i` (immutable), loopback.",
        f"Load: `wrk -t2 -c{CONNECTIONS}`, {WARMUP} s warm-up then {DURATION} s per scenario, on the same "
        f"{os.cpu_count()}-core machine as the servers and the database.",
        f"Machine load (1/5/15-min averages): before {'/'.join(f'{x:.2f}' for x in load[0])}, "
        f"after {'/'.join(f'{x:.2f}' for x in load[1])} (other engineers' test runs share the machine).",
        f"Requests: dialogue `{p['dialogue']}`, year {p['year']} ({p['events_in_list']} visible events), "
        f"event `{p['event']}`, search words `{p['word']}`, `{p['acronym']}`, `{p['typo']}`.",
        f"Whole run: {elapsed / 60:.1f} min.",
        "",
        "Latency in ms; errors are non-2xx responses plus socket errors; queries per request measured once "
        "(after a warm-up request) with `CaptureQueriesContext`. Ratio: the atlas's requests/s over the "
        "peer's (above 1 means the atlas is faster).",
        "",
    ]
    for name, label in SCENARIOS.items():
        scenario = captured["scenarios"][name]
        lines += [f"## {label}", "", f"`GET {scenario['path']}`", ""]
        lines += [
            "| server | req/s | p50 | p95 | p99 | errors | queries/req | atlas ÷ server |",
            "|---|---|---|---|---|---|---|---|",
        ]
        atlas = results[name]["atlas"]["rps"]
        for server, figures in results[name].items():
            queries = {"atlas": scenario["queries"], "floor": scenario["queries"]}.get(server, "")
            if server == "atlas, cached":
                queries = cached_counts.get(name, {}).get("queries", "")
            lines.append(
                f"| {server} | {figures['rps']:.0f} | {figures['p50']:.1f} | {figures['p95']:.1f} | "
                f"{figures['p99']:.1f} | {figures['errors']} | {queries} | {ratio(atlas, figures['rps'])} |"
            )
        if name in datasette:
            lines += ["", f"Datasette: `GET {datasette[name]}`"]
        lines.append("")

    def rps(name, server):
        return results[name].get(server, {}).get("rps", 0)

    def p95(name, server):
        return results[name].get(server, {}).get("p95", 0)

    def verdict(ok):
        return "met" if ok else "**not met**"

    targets = [
        (
            "API event list ≥ 1.5× Datasette's throughput",
            rps("api-event-list", "atlas") / rps("api-event-list", "datasette"),
            1.5,
        ),
        (
            "API event list ≥ 0.5× the floor's throughput",
            rps("api-event-list", "atlas") / rps("api-event-list", "floor"),
            0.5,
        ),
    ]
    lines += ["## Targets", "", "| target | measured | |", "|---|---|---|"]
    for label, value, bound in targets:
        lines.append(f"| {label} | {value:.2f}× | {verdict(value >= bound)} |")
    for name in ("search-word", "search-acronym", "search-typo", "api-search"):
        value = p95(name, "atlas") / p95(name, "floor")
        lines.append(
            f"| {SCENARIOS[name]}: p95 ≤ 3× the floor's p95 | {value:.2f}× | {verdict(value <= 3)} |"
        )
    for name in CACHED:
        value = rps(name, "atlas, cached") / rps(name, "floor")
        lines.append(
            f"| {SCENARIOS[name]}, cached: ≥ 0.8× the floor | {value:.2f}× | {verdict(value >= 0.8)} |"
        )
    worst = max(rss + rss_cached)
    lines.append(
        f"| gunicorn worker RSS after the run < 200 MB | {', '.join(f'{x:.0f}' for x in rss)} MB "
        f"(cached: {', '.join(f'{x:.0f}' for x in rss_cached)} MB) | {verdict(worst < 200)} |"
    )
    small, large = exports["about a tenth (starts_before)"], exports["all events"]
    lines.append(
        f"| NDJSON export in constant memory | peak worker RSS {large['peak_mb']:.0f} MB "
        f"for {large['lines']:,} events vs {small['peak_mb']:.0f} MB for {small['lines']:,} | "
        f"{verdict(large['peak_mb'] <= small['peak_mb'] * 1.2)} |"
    )
    lines += ["", "## NDJSON export (staff token, one fresh worker each)", ""]
    lines += [
        "| export | events | seconds | events/s | worker peak RSS before → after |",
        "|---|---|---|---|---|",
    ]
    for label, item in exports.items():
        lines.append(
            f"| {label} | {item['lines']:,} | {item['seconds']:.1f} | "
            f"{item['lines'] / item['seconds']:.0f} | {item['before_mb']:.0f} → {item['peak_mb']:.0f} MB |"
        )
    path = BENCH / "results" / f"{today}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="[bench %(asctime)s] %(message)s", datefmt="%H:%M:%S")
    sys.exit(main(sys.argv[1:]))
