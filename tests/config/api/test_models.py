"""API tokens: a key shown once and stored as its digest, scopes checked, states."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from config.api import scopes
from config.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_only_the_digest_and_a_prefix_of_the_key_are_stored(partner):
    token, key = ApiToken.objects.issue(user=partner, name="sync", scopes=["read"])

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        stored = " ".join(map(str, cursor.fetchone()))

    assert key.startswith("dat_") and len(key) > 40
    assert key not in stored and key[12:] not in stored
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key.startswith(token.prefix) and len(token.prefix) == 12
    assert ApiToken.objects.find(key) == token


def test_the_scopes_are_read_and_a_write_scope_per_endpoint():
    names = [scope for scope, _label in scopes.choices()]

    assert names[0] == "read"
    assert {"write:events", "write:sessions", "write:dialogue-roles", "write:organisations"} <= set(names)
    assert len(names) == 16  # read, and the fifteen endpoints


def test_an_unknown_scope_is_refused(partner):
    with pytest.raises(ValidationError) as error:
        ApiToken.objects.issue(user=partner, name="sync", scopes=["read", "write:everything"])

    assert error.value.message_dict == {"scopes": ["Unknown scopes: write:everything."]}


def test_two_tokens_of_one_account_have_different_names(partner):
    ApiToken.objects.issue(user=partner, name="sync", scopes=["read"])

    with pytest.raises(ValidationError) as error:
        ApiToken.objects.issue(user=partner, name="sync", scopes=["read"])

    assert error.value.messages == ["This account already has a token of this name."]


def test_active_excludes_revoked_and_expired_tokens(partner):
    active, _ = ApiToken.objects.issue(user=partner, name="a", scopes=["read"])
    revoked, _ = ApiToken.objects.issue(user=partner, name="b", scopes=["read"])
    revoked.revoke()
    expired, _ = ApiToken.objects.issue(
        user=partner, name="c", scopes=["read"], expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert list(ApiToken.objects.active()) == [active]
    assert (active.is_active, revoked.is_revoked, expired.is_expired) == (True, True, True)


@pytest.mark.parametrize(
    ("held", "method", "kind", "missing"),
    [
        (["read"], "GET", "events", None),
        (["read"], "POST", "events", "write:events"),
        (["write:events"], "GET", "events", None),
        (["write:events"], "GET", "sessions", "read"),
        (["write:events"], "DELETE", "events", None),
        (["write:events"], "PATCH", "sessions", "write:sessions"),
        (["write:events"], "GET", None, "read"),
        ([], "OPTIONS", "events", "read"),
    ],
)
def test_what_each_scope_allows(held, method, kind, missing):
    assert scopes.missing_scope(held, method, kind) == missing
