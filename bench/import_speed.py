"""Import speed: the atlas's import against django-import-export's plain one, same rows, same data.

For each engine, a fresh copy (``CREATE DATABASE … TEMPLATE``) of one prepared database — migrated,
with the records the rows name (dialogues, working groups, topics, projects) and a publisher — is
given to a child process of its own, which imports ``BENCH_IMPORT_ROWS`` events twice:

- **new**: every row creates an event;
- **changed**: the same slugs again, every row with a changed name, summary, date and topic.

The engines:

- **atlas**: ``EventResource`` (``events/resources.py``) through ``import_data`` exactly as the
  ``import_records`` command calls it — one transaction, all or nothing, every row checked against
  the model and the workflow, one history entry per written row with the user and the reason,
  unchanged rows skipped, the changes feed and the response cache kept exact. Related records are
  named the way people write them: by slug, acronym or name.
- **plain**: a plain ``ModelResource`` for ``Event`` with the same columns, ``ForeignKeyWidget`` and
  ``ManyToManyWidget`` by slug (its file names related records by slug, since that is all they
  read), ``import_data(use_transactions=True)``: no model validation, no workflow, no skipping.
  The project's model signals stay connected, as they are for any ``save()`` in the atlas: each
  saved row still writes its history entry (without user or reason), enters the changes feed and
  drops the response cache. Disconnecting them would measure an atlas that loses history and
  leaves partner copies stale, which no import may do.
- **bare**: the same plain ``ModelResource`` with every model signal disconnected for the import:
  no history, no changes feed, no cache invalidation — the library's import as the issue names it
  ("no workflow, no history"), and an atlas that no one could run, as the floor to beat.

Each child reports rows per second per pass, its resident memory with the file read and its peak
while importing (``VmHWM``, reset before each import); the parent logs them and the ratios
(atlas ÷ plain: above 1, the atlas is faster). Nothing is asserted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/import_speed.py
    BENCH_IMPORT_ROWS=100000 DATABASE_URL=… .venv/bin/python bench/import_speed.py atlas

The engines to run can be named (``atlas``, ``plain``); by default both run. The cache is Django's
local-memory cache (``REDIS_URL`` is unset for the children), so Redis's speed is not measured.
"""

import contextlib
import csv
import datetime
import hashlib
import inspect
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import database_url, log

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", 5_000))
TEMPLATE = "atlas_bench_import_base"
ENGINES = ("atlas", "plain", "bare")

DIALOGUES, WORKING_GROUPS, TOPICS, PROJECTS = 20, 40, 30, 200
KINDS = ["plenary", "workshop", "webinar", "side_event", "conference"]
CITIES = [("Berlin", "DE"), ("Beijing", "CN"), ("Bonn", "DE"), ("Shanghai", "CN"), ("Brussels", "BE")]
# The columns both files have; the atlas's file writes the start as one partial date.
PLAIN_COLUMNS = [
    "slug", "name", "name_de", "name_zh_hans", "kind", "start_date", "start_precision", "city", "country",
    "latitude", "longitude", "dialogue", "working_group", "projects", "topics", "summary", "summary_de",
    "participant_count", "status", "visibility",
]  # fmt: skip
ATLAS_COLUMNS = [
    "slug", "name", "name_de", "name_zh_hans", "kind", "start", "city", "country", "latitude", "longitude",
    "dialogue", "working_group", "projects", "topics", "summary", "summary_de", "participant_count",
    "status", "visibility",
]  # fmt: skip


def admin_sql(*statements):
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def fingerprint() -> str:
    digest = hashlib.sha256(f"{DIALOGUES}:{WORKING_GROUPS}:{TOPICS}:{PROJECTS}".encode())
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *ROOT.glob("config/*/migrations/*.py")]):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(inspect.getsource(prepare).encode())
    return digest.hexdigest()[:16]


def child(*args, database: str) -> str:
    # DEBUG off, as in production: with it on, Django keeps the SQL of the last 9,000 queries,
    # which for batches of 500 rows is hundreds of megabytes.
    env = {
        **os.environ,
        "DATABASE_URL": database_url(database),
        "LOG_LEVEL": "WARNING",
        "DJANGO_DEBUG": "false",
    }
    env.pop("REDIS_URL", None)
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def ensure_template() -> None:
    """The migrated database with the related records, made once per schema (fingerprint)."""
    CACHE.mkdir(exist_ok=True)
    stamp = CACHE / f"{TEMPLATE}.fingerprint"
    if stamp.exists() and stamp.read_text() == fingerprint():
        return
    log(f"preparing {TEMPLATE}")
    admin_sql(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)', f'CREATE DATABASE "{TEMPLATE}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(TEMPLATE)},
        check=True,
    )
    child("--prepare", database=TEMPLATE)
    stamp.write_text(fingerprint())


def main(selected: list[str]) -> None:
    engines = [engine for engine in ENGINES if not selected or engine in selected]
    ensure_template()
    log(f"{ROWS} events; load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    figures = {}
    for engine in engines:
        database = f"atlas_bench_import_{engine}_{ROWS}"
        admin_sql(
            f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)',
            f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE}"',
        )
        try:
            figures[engine] = json.loads(child("--engine", engine, database=database).splitlines()[-1])
        finally:
            admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for phase in ("new", "changed"):
            item = figures[engine][phase]
            log(
                f"{engine:6} {phase:8} {item['seconds']:8.1f} s {item['rows_per_second']:8.0f} rows/s"
                f"  RSS {item['loaded_mb']:.0f} MB with the file read, peak {item['peak_mb']:.0f} MB"
                f" while importing  ({item['totals']})"
            )
    for other in ("plain", "bare"):
        if "atlas" not in figures or other not in figures:
            continue
        for phase in ("new", "changed"):
            ratio = figures["atlas"][phase]["rows_per_second"] / figures[other][phase]["rows_per_second"]
            log(f"atlas ÷ {other}, {phase}: {ratio:.2f}")
    log(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")


# In the child: Django ----------------------------------------------------------------------------


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def prepare() -> None:
    """The records the rows name, and the importing publisher."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from config.editorial.workflow import PUBLISHERS
    from dialogues.models import Dialogue, Topic, WorkingGroup
    from projects.models import Project

    user = get_user_model().objects.create(username="bench-importer", is_staff=True)
    user.groups.add(Group.objects.get(name=PUBLISHERS))
    dialogues = [
        Dialogue.objects.create(
            slug=f"dialogue-{n}", name=f"Dialogue on climate {n}", acronym=f"DLG{n}", track="2",
            parties=["DE", "CN"], status="published",
        )
        for n in range(DIALOGUES)
    ]  # fmt: skip
    for n in range(WORKING_GROUPS):
        WorkingGroup.objects.create(
            slug=f"working-group-{n}", name=f"Working group {n}", dialogue=dialogues[n % DIALOGUES]
        )
    for n in range(TOPICS):
        Topic.objects.create(slug=f"topic-{n}", name=f"Topic {n}", name_de=f"Thema {n}")
    for n in range(PROJECTS):
        Project.objects.create(slug=f"project-{n}", title=f"Project {n}", acronym=f"PRJ{n}")


def event_rows(rows: int, changed: bool):
    """The rows, with related records by slug; ``changed``: each row with other values. One at a
    time, so that making the file does not add to the import's peak memory."""
    for n in range(rows):
        shift = 1 if changed else 0
        city, country = CITIES[n % len(CITIES)]
        precision = ["day", "month", "year"][n % 3]
        year, month, day = 2000 + n % 25, 1 + (n + shift) % 12, 1 + n % 28
        start = datetime.date(year, month if precision != "year" else 1, day if precision == "day" else 1)
        located = n % 4 == 0
        yield (
            {
                "slug": f"event-{n}",
                "name": f"Event {n}{' (revised)' if changed else ''} on climate cooperation",
                "name_de": f"Veranstaltung {n} zur Klimazusammenarbeit",
                "name_zh_hans": f"气候合作活动 {n}" if n % 2 else "",
                "kind": KINDS[n % len(KINDS)],
                "start_date": start.isoformat(),
                "start_precision": precision,
                "city": city,
                "country": country,
                "latitude": f"{52.5 + n % 10 / 10:.4f}" if located else "",
                "longitude": f"{13.4 + n % 10 / 10:.4f}" if located else "",
                "dialogue": f"dialogue-{n % DIALOGUES}",
                "working_group": f"working-group-{n % WORKING_GROUPS}" if n % 3 == 0 else "",
                "projects": ";".join(f"project-{(n + k) % PROJECTS}" for k in range(n % 3)),
                "topics": ";".join(f"topic-{(n + k + shift) % TOPICS}" for k in range(1 + n % 2)),
                "summary": f"Summary of event {n}{' after review' if changed else ''}.",
                "summary_de": f"Zusammenfassung der Veranstaltung {n}.",
                "participant_count": str(20 + n % 300),
                "status": "draft",
                "visibility": "public",
            }
        )


def as_people_write_it(row: dict, n: int) -> dict:
    """The atlas's file: a partial date, and related records by slug, acronym or name."""
    out = {column: row.get(column, "") for column in ATLAS_COLUMNS}
    start = row["start_date"]
    out["start"] = {"day": start, "month": start[:7], "year": start[:4]}[row["start_precision"]]
    dialogue = int(row["dialogue"].rsplit("-", 1)[1])
    out["dialogue"] = [row["dialogue"], f"DLG{dialogue}", f"Dialogue on climate {dialogue}"][n % 3]
    out["topics"] = ";".join(
        f"Topic {item.rsplit('-', 1)[1]}" if n % 2 else item for item in row["topics"].split(";") if item
    )
    out["projects"] = ";".join(
        f"PRJ{item.rsplit('-', 1)[1]}" if n % 2 else item for item in row["projects"].split(";") if item
    )
    return out


def write_csv(path: Path, columns: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def plain_resource_class():
    from import_export import resources, widgets
    from import_export.fields import Field

    from dialogues.models import Dialogue, Topic, WorkingGroup
    from events.models import Event
    from projects.models import Project

    class PlainEventResource(resources.ModelResource):
        dialogue = Field("dialogue", "dialogue", widgets.ForeignKeyWidget(Dialogue, "slug"))
        working_group = Field(
            "working_group", "working_group", widgets.ForeignKeyWidget(WorkingGroup, "slug")
        )
        projects = Field("projects", "projects", widgets.ManyToManyWidget(Project, ";", "slug"))
        topics = Field("topics", "topics", widgets.ManyToManyWidget(Topic, ";", "slug"))

        class Meta:
            model = Event
            import_id_fields = ("slug",)
            fields = PLAIN_COLUMNS

    return PlainEventResource


@contextlib.contextmanager
def no_model_signals(disconnect: bool):
    """Every model signal without receivers while the block runs (``disconnect``), then as before."""
    from django.db.models import signals

    kept = {}
    if disconnect:
        for name in (
            "pre_init",
            "post_init",
            "pre_save",
            "post_save",
            "pre_delete",
            "post_delete",
            "m2m_changed",
        ):
            signal = getattr(signals, name)
            kept[signal] = signal.receivers
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in kept.items():
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def memory_mb(key: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) / 1024


def run_engine(engine: str) -> dict:
    import tablib
    from django.contrib.auth import get_user_model

    from events.models import Event
    from events.resources import EventResource

    user = get_user_model().objects.get(username="bench-importer")
    figures = {}
    with tempfile.TemporaryDirectory() as directory:
        for phase in ("new", "changed"):
            rows = event_rows(ROWS, changed=phase == "changed")
            path = Path(directory) / f"{phase}.csv"
            if engine == "atlas":
                write_csv(path, ATLAS_COLUMNS, (as_people_write_it(row, n) for n, row in enumerate(rows)))
            else:
                write_csv(path, PLAIN_COLUMNS, rows)
            started = time.perf_counter()
            # As the command reads a file: the CSV into a dataset, then import_data.
            dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
            # The peak from here on (Linux: writing 5 to clear_refs resets VmHWM): the import's.
            loaded_mb = memory_mb("VmRSS")
            Path("/proc/self/clear_refs").write_text("5")
            if engine == "atlas":
                result = EventResource().import_data(
                    dataset,
                    dry_run=False,
                    use_transactions=True,
                    rollback_on_validation_errors=True,
                    user=user,
                    file_name=path.name,
                )
            else:
                with no_model_signals(engine == "bare"):
                    result = plain_resource_class()().import_data(
                        dataset, dry_run=False, use_transactions=True
                    )
            seconds = time.perf_counter() - started
            if result.has_errors() or result.has_validation_errors():
                problems = [str(e.error) for _n, errors in result.row_errors() for e in errors[:1]][:3]
                problems += [str(row.error_dict) for row in result.invalid_rows[:3]]
                raise SystemExit(f"{engine} {phase}: the import failed: {problems}")
            figures[phase] = {
                "seconds": seconds,
                "rows_per_second": ROWS / seconds,
                "loaded_mb": loaded_mb,
                "peak_mb": memory_mb("VmHWM"),
                "totals": {key: value for key, value in result.totals.items() if value},
            }
            del result, dataset
    figures["events"] = Event.objects.count()
    return figures


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if "--prepare" in sys.argv:
        setup_django()
        prepare()
    elif "--engine" in sys.argv:
        setup_django()
        # The figures go to the parent on stdout, as the last line.
        sys.stdout.write(json.dumps(run_engine(sys.argv[sys.argv.index("--engine") + 1])) + "\n")
    else:
        main(sys.argv[1:])
