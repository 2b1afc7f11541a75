"""Delete the idempotency keys older than ``API_IDEMPOTENCY_KEY_SECONDS``.

An account's expired keys also go on its next POST with a key; this command catches the accounts
that stopped sending them. Run it daily (docs/operations.md).
"""

from django.core.management.base import BaseCommand

from config.api.idempotency.models import IdempotencyKey


class Command(BaseCommand):
    help = "Delete the API's expired idempotency keys."

    def handle(self, *args, **options):
        deleted, _by_model = IdempotencyKey.objects.expired().delete()
        self.stdout.write(f"Deleted {deleted} expired idempotency key{'' if deleted == 1 else 's'}.")
