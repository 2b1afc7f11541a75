"""Delete the uploads kept across a validation error (config/editorial/kept_uploads.py) that were
stored more than a day ago: a form shown again is either saved soon or abandoned. Run it daily
(docs/operations.md)."""

from django.core.management.base import BaseCommand

from config.editorial import kept_uploads


class Command(BaseCommand):
    help = "Delete the uploads kept for forms shown again after an error, once they are a day old."

    def handle(self, *args, **options):
        deleted = kept_uploads.prune()
        self.stdout.write(
            f"Deleted {deleted} kept upload{'' if deleted == 1 else 's'} stored more than a day ago."
        )
