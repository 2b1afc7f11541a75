"""``manage.py prune_idempotency_keys``: the expired keys of every account go, the others stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from config.api.idempotency.models import IdempotencyKey
from tests import factories

pytestmark = pytest.mark.django_db


def test_prune_deletes_the_expired_keys_of_every_account(settings):
    settings.API_IDEMPOTENCY_KEY_SECONDS = 60
    old = timezone.now() - datetime.timedelta(seconds=61)
    for user in (factories.PartnerFactory(), factories.PartnerFactory()):
        IdempotencyKey.objects.create(user=user, key="old", fingerprint="0" * 64, created_at=old)
        IdempotencyKey.objects.create(user=user, key="recent", fingerprint="0" * 64)
    out = io.StringIO()

    call_command("prune_idempotency_keys", stdout=out)

    assert sorted(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent", "recent"]
    assert out.getvalue() == "Deleted 2 expired idempotency keys.\n"
