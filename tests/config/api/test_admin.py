"""Tokens in the admin: staff issue one and see its key once, in the success message; revoke them."""

import re

import pytest

from config.api.models import ApiToken
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def issue(admin_client, partner, **fields):
    data = {
        "user": partner.pk,
        "name": "GIZ sync",
        "scopes": ["read", "write:events"],
        "expires_at_0": "2030-01-01",
        "expires_at_1": "00:00:00",
        **fields,
    }
    return admin_client.post(admin_url(ApiToken, "add"), data, follow=True)


def test_a_new_tokens_key_is_shown_once_in_the_success_message(admin_client, admin_user, partner):
    response = issue(admin_client, partner)
    messages = [str(message) for message in response.context["messages"]]
    key = re.search(r"dat_[-\w]+", response.content.decode()).group()
    token = ApiToken.objects.get()

    assert ApiToken.objects.find(key) == token
    assert (token.user, token.created_by, token.scopes) == (partner, admin_user, ["read", "write:events"])
    assert any(key in message for message in messages)
    for page in (admin_url(ApiToken, "changelist"), admin_url(ApiToken, "change", token.pk)):
        shown = admin_client.get(page).content.decode()
        assert token.prefix in shown and key not in shown


def test_the_add_form_refuses_an_unknown_scope(admin_client, partner):
    response = issue(admin_client, partner, scopes=["write:everything"])

    assert response.context["adminform"].form.errors["scopes"]
    assert not ApiToken.objects.exists()


def test_the_revoke_action_revokes_the_selected_tokens(admin_client, partner):
    token, _key = ApiToken.objects.issue(user=partner, name="sync", scopes=["read"])

    admin_client.post(
        admin_url(ApiToken, "changelist"), {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )

    token.refresh_from_db()
    assert token.is_revoked
    assert admin_client.get(admin_url(ApiToken, "changelist")).status_code == 200
