"""The stored keys: one per account and key, expired after ``API_IDEMPOTENCY_KEY_SECONDS``."""

import datetime

import pytest
from django.utils import timezone

from config.api.idempotency.models import IdempotencyKey
from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


def test_an_account_has_one_row_per_key():
    user = factories.PartnerFactory()
    IdempotencyKey.objects.create(user=user, key="k", fingerprint="0" * 64)
    IdempotencyKey.objects.create(user=factories.PartnerFactory(), key="k", fingerprint="0" * 64)

    assert_refused(
        "api_idempotency_one_key_per_account",
        lambda: IdempotencyKey.objects.create(user=user, key="k", fingerprint="1" * 64),
    )


def test_a_key_expires_after_its_lifetime(settings):
    settings.API_IDEMPOTENCY_KEY_SECONDS = 3600
    now = timezone.now()
    user = factories.PartnerFactory()
    fresh = IdempotencyKey.objects.create(
        user=user, key="fresh", fingerprint="0" * 64, created_at=now - datetime.timedelta(minutes=59)
    )
    old = IdempotencyKey.objects.create(
        user=user, key="old", fingerprint="0" * 64, created_at=now - datetime.timedelta(minutes=61)
    )

    assert (fresh.is_expired(now), old.is_expired(now)) == (False, True)
    assert list(IdempotencyKey.objects.expired(now)) == [old]


def test_the_lifetime_is_a_day_by_default():
    from django.conf import settings

    assert settings.API_IDEMPOTENCY_KEY_SECONDS == 24 * 60 * 60


def test_an_accounts_keys_go_with_it():
    user = factories.PartnerFactory()
    IdempotencyKey.objects.create(user=user, key="k", fingerprint="0" * 64)

    user.delete()

    assert not IdempotencyKey.objects.exists()
