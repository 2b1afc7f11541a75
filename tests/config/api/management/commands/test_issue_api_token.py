"""``manage.py issue_api_token``: the key on stdout, once; refusals name what is wrong."""

import io

import pytest
from django.core.management import CommandError, call_command

from config.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_key_of_a_new_token(partner):
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "issue_api_token",
        partner.username,
        "--name",
        "sync",
        "--scope",
        "read",
        "--scope",
        "write:events",
        stdout=out,
        stderr=err,
    )

    key = out.getvalue().strip()
    token = ApiToken.objects.find(key)
    assert (token.user, token.name, token.scopes) == (partner, "sync", ["read", "write:events"])
    assert token.expires_at is not None and token.prefix in err.getvalue() and key not in err.getvalue()


def test_the_command_refuses_an_unknown_scope_and_account(partner):
    with pytest.raises(CommandError, match="Unknown scopes: write:all"):
        call_command("issue_api_token", partner.username, "--name", "x", "--scope", "write:all")
    with pytest.raises(CommandError, match="There is no account"):
        call_command("issue_api_token", "nobody", "--name", "x")
    assert not ApiToken.objects.exists()
