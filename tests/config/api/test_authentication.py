"""``Authorization: Token <key>`` (or ``Bearer``): active tokens authenticate; every other is a 401
that says why. Each use is noted (when, from where), at most once a minute."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from config.api.models import ApiToken
from tests import factories
from tests.helpers import api_error, issue_token

pytestmark = pytest.mark.django_db


def get(key: str, keyword: str = "Token", **headers):
    return APIClient().get("/api/v1/organisations/", HTTP_AUTHORIZATION=f"{keyword} {key}", **headers)


@pytest.mark.parametrize("keyword", ["Token", "Bearer", "bearer"])
def test_an_active_token_authenticates_as_its_account(keyword):
    user = factories.PartnerFactory()
    factories.OrganisationFactory(slug="for-partners", visibility="partners")

    response = get(issue_token(user, "read"), keyword)

    assert [record["slug"] for record in response.json()["results"]] == ["for-partners"]


def refusal(response) -> tuple[int, str, str]:
    return response.status_code, response["WWW-Authenticate"], api_error(response)["detail"]


def test_an_unknown_key_is_a_401():
    assert refusal(get("dat_not-a-key")) == (401, "Token", "This token is not valid.")


def test_a_revoked_token_is_a_401_that_says_so(partner):
    key = issue_token(partner)
    token = ApiToken.objects.get()
    token.revoke()

    assert refusal(get(key)) == (
        401,
        "Token",
        f"This token was revoked on {token.revoked_at.isoformat(timespec='seconds')}; ask for a new one.",
    )


def test_an_expired_token_is_a_401_that_says_so(partner):
    expired = timezone.now() - datetime.timedelta(minutes=1)
    key = issue_token(partner, expires_at=expired)

    assert refusal(get(key)) == (
        401,
        "Token",
        f"This token expired on {expired.isoformat(timespec='seconds')}; ask for a new one.",
    )


def test_the_token_of_a_deactivated_account_is_a_401(partner):
    key = issue_token(partner)
    partner.is_active = False
    partner.save()

    assert refusal(get(key))[2] == "The account of this token is deactivated."


def test_a_key_with_a_space_is_a_401():
    response = APIClient().get("/api/v1/", HTTP_AUTHORIZATION="Token a b")

    assert response.status_code == 401


def test_several_tokens_of_one_account_each_authenticate(partner):
    keys = [issue_token(partner, name=name) for name in ("production", "staging")]

    assert [get(key).status_code for key in keys] == [200, 200]


def test_a_use_is_noted_with_its_address_at_most_once_a_minute(partner, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    key = issue_token(partner)

    get(key, HTTP_X_FORWARDED_FOR="198.51.100.7")
    first = ApiToken.objects.get()
    get(key, HTTP_X_FORWARDED_FOR="198.51.100.7")
    again = ApiToken.objects.get()
    get(key, HTTP_X_FORWARDED_FOR="198.51.100.8")
    moved = ApiToken.objects.get()

    assert first.last_used_from == "198.51.100.7" and first.last_used_at is not None
    assert again.last_used_at == first.last_used_at
    assert moved.last_used_from == "198.51.100.8"
