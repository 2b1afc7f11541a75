"""Import speed: rows per second for a CSV of events, dry run and real import.

Run against a fresh, migrated database of its own (it adds a user, a dialogue, a topic and the
events it imports):

    createdb atlas_bench_import
    DATABASE_URL=postgres://localhost/atlas_bench_import .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://localhost/atlas_bench_import .venv/bin/python bench/import_speed.py --rows 10000
"""

import argparse
import csv
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402

from config.editorial.workflow import PUBLISHERS  # noqa: E402
from dialogues.models import Dialogue, Topic  # noqa: E402
from events.resources import EventResource  # noqa: E402

logger = logging.getLogger("bench.import_speed")

KINDS = ["plenary", "workshop", "webinar", "side_event", "conference"]


def write_events(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=EventResource.columns())
        writer.writeheader()
        for n in range(rows):
            writer.writerow(
                {
                    **dict.fromkeys(EventResource.columns(), ""),
                    "slug": f"bench-event-{n}",
                    "name": f"Bench event {n}",
                    "name_de": f"Testveranstaltung {n}",
                    "kind": KINDS[n % len(KINDS)],
                    "start": ["2024-08-28", "2024-08", "2024"][n % 3],
                    "city": "Berlin",
                    "country": "DE",
                    "dialogue": "BENCH" if n % 2 else "bench-dialogue",
                    "topics": "Bench topic",
                    "status": "draft",
                    "visibility": "public",
                }
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    user, _ = get_user_model().objects.get_or_create(username="bench-importer", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=PUBLISHERS))
    Dialogue.objects.get_or_create(
        slug="bench-dialogue",
        defaults={"name": "Bench dialogue", "acronym": "BENCH", "track": "2", "parties": ["DE", "CN"]},
    )
    Topic.objects.get_or_create(slug="bench-topic", defaults={"name": "Bench topic"})
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "events.csv"
        write_events(path, args.rows)
        logger.info("%d events, %.1f MB", args.rows, path.stat().st_size / 1024 / 1024)
        for label, options in (("dry run", {"dry_run": True}), ("import", {}), ("re-import (unchanged)", {})):
            started = time.perf_counter()
            call_command("import_records", "events", str(path), user=user.username, verbosity=0, **options)
            seconds = time.perf_counter() - started
            logger.info("%-22s %7.1f s  %7.0f rows/s", label, seconds, args.rows / seconds)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    main()
