"""Helpers the tests share: counting queries, API tokens and permissions, ETags, files to import, checks.

Fixtures (the users and clients of each role, the seed data) are in ``tests/conftest.py``; rows are
made by ``tests/factories.py``.
"""

import csv
import io
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.oath import TOTP
from rest_framework.test import APIClient

from config.api import scopes as token_scopes
from config.api.models import ApiToken
from tests import factories

# Counting queries ---------------------------------------------------------------------------------


class CapturedQueries(CaptureQueriesContext):
    """The queries run on one connection in a ``with`` block: ``len()`` counts them, ``sql`` lists them."""

    @property
    def sql(self) -> list[str]:
        return [query["sql"] for query in self.captured_queries]

    def __repr__(self) -> str:
        # What pytest shows when an assertion on the count fails: the queries themselves.
        return "\n".join(f"{number}. {sql}" for number, sql in enumerate(self.sql, 1)) or "no queries"


def capture_queries(using: str = DEFAULT_DB_ALIAS) -> CapturedQueries:
    """``with capture_queries() as queries: …`` records every query run on ``using`` in the block."""
    return CapturedQueries(connections[using])


def count_queries(client, url: str, **request) -> int:
    """The number of queries a successful GET of ``url`` runs, a streamed body read to its end."""
    with capture_queries() as queries:
        response = client.get(url, **request)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def assert_list_queries_do_not_grow(client, url: str, make_row, rows: int = 50) -> None:
    """A page's list runs as many queries for ``rows`` rows as for one (``make_row`` adds one)."""
    make_row()
    with_one = count_queries(client, url)
    for _ in range(rows - 1):
        make_row()
    assert count_queries(client, url) == with_one


def assert_detail_queries_do_not_grow(client, record, grow) -> None:
    """A record's page runs as many queries with 21 of each related row as with one."""
    grow(record, 1)
    with_one = count_queries(client, record.get_absolute_url())
    grow(record, 20)
    assert count_queries(client, record.get_absolute_url()) == with_one


def assert_queries_do_not_grow_with_events(client, url: str) -> None:
    """``url`` runs as many queries with 30 fully linked events as with 11.

    Eleven is past search's ten results per type, beyond which it counts the rest once. The
    response cache is expected off (``settings.RESPONSE_CACHE_SECONDS = 0``), so every request
    reaches the database.
    """
    for number in range(11):
        factories.full_event(number)
    with_eleven = count_queries(client, url)
    for number in range(11, 30):
        factories.full_event(number)
    assert count_queries(client, url) == with_eleven


API_BUDGET_ROWS = 100


def assert_api_budget(client, path: str, make, budget: int) -> None:
    """An API list runs the same queries for 1, 50 and 100 rows, and it and a detail at most ``budget``.

    ``path`` is the endpoint under ``/api/v1/`` (with a query string, if any); ``make(n)`` creates
    the n-th record the list shows.
    """
    records = [make(n) for n in range(API_BUDGET_ROWS)]
    detail = records[0].slug if hasattr(records[0], "slug") else records[0].pk
    path, _, query = path.partition("?")
    # A token's first use is noted once (config/api/models.py, ``record_use``), not on every request.
    client.get("/api/v1/")
    counts = [
        count_queries(client, f"/api/v1/{path}/?{query}&page_size={size}")
        for size in (1, 50, API_BUDGET_ROWS)
    ]
    assert counts == [counts[0]] * 3
    assert counts[0] <= budget
    assert count_queries(client, f"/api/v1/{path}/{detail}/") <= budget


# Admin addresses ---------------------------------------------------------------------------------


# The organisation change form's inline of contact points, empty: what a form posted without touching
# them sends (Django refuses a form whose inline lacks its management data).
NO_CONTACT_POINTS = {"contact_points-TOTAL_FORMS": "0", "contact_points-INITIAL_FORMS": "0"}


def admin_url(model, view: str, *args) -> str:
    """The address of one of a model's admin pages: ``changelist``, ``add``, ``change`` …"""
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# API tokens and permissions -----------------------------------------------------------------------


def issue_token(user, *scopes: str, **fields) -> str:
    """The key of a new token of ``user`` with ``scopes`` (default: every scope, read and write)."""
    every = [scope for scope, _label in token_scopes.choices()]
    fields.setdefault("name", f"test token {ApiToken.objects.count() + 1}")
    return ApiToken.objects.issue(user=user, scopes=list(scopes) or every, **fields)[1]


def token_client(user, *scopes: str) -> APIClient:
    """An API client that authenticates as ``user`` with a token of ``scopes`` (default: every
    scope), as partner systems do: the account's permissions and the workflow decide."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(user, *scopes)}")
    return client


def created_by(record, user):
    """Name ``user`` as the author of ``record``'s creation in its history, as a write through the
    API, the admin or an import would (factories save with no author): ``record`` is then one of
    the drafts ``user`` reads."""
    type(record).history.filter(id=record.pk, history_type="+").update(history_user=user)
    return record


def record_permissions():
    """Every permission on the atlas's records (view, add, change, delete, publish)."""
    return Permission.objects.filter(content_type__app_label__in=settings.ATLAS_APPS)


def grant(user, model, *actions):
    """Give ``user`` the permissions ``<action>_<model>`` (``add``, ``change``, ``publish`` …)."""
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label=model._meta.app_label, codename__in=codenames)
    )
    return user


def reference(record, path: str, html_path: str) -> dict:
    """How the API refers to ``record`` from another record: id, slug, name and both addresses."""
    return {
        "id": record.pk,
        "slug": record.slug,
        "name": getattr(record, "name", None) or getattr(record, "title", None) or record.full_name,
        "url": f"http://testserver/api/v1/{path}/{record.slug}/",
        "html_url": f"http://testserver{html_path}",
    }


def if_match(client, url: str) -> dict[str, str]:
    """The ``If-Match`` header of a safe write to ``url``: the ETag ``client``'s GET of it answers.

    Every PUT, PATCH and DELETE needs one (a 428 without it); pass it as ``headers=``. A client that
    cannot read the record gets no header: its write is refused (401, 403, 404) before the
    precondition is looked at.
    """
    response = client.get(url)
    return {"If-Match": response["ETag"]} if response.status_code == 200 else {}


def api_error(response) -> dict:
    """The body of an API error, checked for the one shape every error has."""
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == response.status_code
    return body


# Files, constraints, authenticator codes ----------------------------------------------------------


def csv_bytes(rows: list[dict]) -> bytes:
    """A CSV file (UTF-8) with the keys of the first row as its header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def assert_refused(constraint: str, create) -> None:
    """``create()`` fails on the database constraint named ``constraint``."""
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    assert error.value.__cause__.diag.constraint_name == constraint


def current_code(device) -> str:
    """The code an authenticator app shows for a TOTP ``device`` now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"
