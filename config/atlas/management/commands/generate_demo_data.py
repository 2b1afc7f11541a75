"""``manage.py generate_demo_data --events N``: fill a database of its own with synthetic records."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from tqdm import tqdm

from config.atlas import demo


class Command(BaseCommand):
    help = (
        "Fill a database with realistic synthetic records: about N events, N/10 organisations and people, "
        "N/100 dialogues and projects, and everything around them. The same seed gives the same rows. "
        "Use a database of its own (--database, or DATABASE_URL naming another database): a database "
        "holding other records is refused unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, required=True, help="About how many events to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="The database alias to write into (default: default).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Add demo data even if the database holds other records."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty a database that holds only demo data before writing the new dataset.",
        )

    def handle(self, *args, events, seed, database, force, replace, **options):
        if events < 1:
            raise CommandError("--events must be a positive number.")
        connection = connections[database]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                f"The database {connection.settings_dict['NAME']!r} has unapplied migrations; "
                f"run `manage.py migrate --database {database}` first."
            )
        try:
            if replace and demo.dataset(database) is not None:
                demo.clear(database)
            plan = demo.Plan(events)
            with tqdm(
                total=plan.records, unit="records", disable=options["verbosity"] == 0, file=sys.stderr
            ) as progress:
                result = demo.generate(
                    events=events, seed=seed, using=database, force=force, progress=progress
                )
        except demo.DemoDataError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] > 1:
            for label, count in sorted(result.counts.items()):
                self.stdout.write(f"{label:40} {count:>10}")
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Wrote {result.rows} rows into {connection.settings_dict['NAME']!r} "
                f"in {result.seconds:.1f} s "
                f"({result.rows_per_second:,.0f} rows/s); seed {seed}, {events} events."
            )
