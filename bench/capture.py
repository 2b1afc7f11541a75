"""Pick the benchmark's requests from the data, and record what each costs in SQL.

Run by ``bench/run.py`` with the benchmark's environment. Writes a JSON file: each scenario's path,
status and number of queries (one request measured with ``CaptureQueriesContext`` after a warm-up
request), the SQL statements themselves (for the floor), and the ids Datasette's requests need.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.db.models.functions import ExtractYear  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from config.api.models import ApiToken  # noqa: E402
from dialogues.models import Dialogue  # noqa: E402
from events.models import Event  # noqa: E402

SEARCH_WORD, SEARCH_TYPO = "hydrogen", "Potsdm"


def parameters() -> dict:
    """The busiest dialogue and year an anonymous visitor sees, and an event of that list."""
    anonymous = AnonymousUser()
    busiest = (
        Event.objects.visible_to(anonymous)
        .filter(dialogue__in=Dialogue.objects.visible_to(anonymous), start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .values("dialogue_id", "dialogue__slug", "dialogue__acronym", "year")
        .annotate(events=Count("id"))
        .order_by("-events", "dialogue_id", "year")
        .first()
    )
    event = (
        Event.objects.visible_to(anonymous)
        .filter(dialogue_id=busiest["dialogue_id"], start_date__year=busiest["year"])
        .order_by("-start_date", "name", "id")
        .values("id", "slug")
        .first()
    )
    return {
        "dialogue_id": busiest["dialogue_id"],
        "dialogue": busiest["dialogue__slug"],
        "acronym": busiest["dialogue__acronym"],
        "year": busiest["year"],
        "events_in_list": busiest["events"],
        "event_id": event["id"],
        "event": event["slug"],
        "word": SEARCH_WORD,
        "typo": SEARCH_TYPO,
    }


def scenarios(p: dict) -> dict:
    listed = f"dialogue={p['dialogue']}&year={p['year']}"
    return {
        "home": "/",
        "event-list": f"/events/?{listed}",
        "event-detail": f"/events/{p['event']}/",
        "search-word": f"/search/?q={p['word']}",
        "search-acronym": f"/search/?q={p['acronym']}",
        "search-typo": f"/search/?q={p['typo']}",
        "api-event-list": f"/api/v1/events/?{listed}&page_size=50",
        "api-event-detail": f"/api/v1/events/{p['event']}/",
        "api-search": f"/api/v1/search/?q={p['word']}",
        "csv-export": f"/api/v1/events/?{listed}&page_size=100&format=csv",
    }


def staff_token() -> str:
    user, _ = get_user_model().objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    # A key is shown only when issued: each run issues a token of its own (read is all it needs).
    return ApiToken.objects.issue(user=user, name=f"bench {ApiToken.objects.count() + 1}", scopes=["read"])[1]


def main(out: str, only: list[str]):
    p = parameters()
    client = Client(HTTP_HOST="127.0.0.1")
    measured, statements = {}, {}
    for name, path in scenarios(p).items():
        if only and name not in only:
            continue
        client.get(path)  # warm-up: caches, lazy imports
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            b"".join(response) if response.streaming else response.content
        measured[name] = {"path": path, "status": response.status_code, "queries": len(queries)}
        statements[name] = [query["sql"] for query in queries.captured_queries]
    result = {"parameters": p, "scenarios": measured, "sql": statements, "staff_token": staff_token()}
    Path(out).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
