"""Delete the files of jobs finished more than ``JOB_FILES_RETENTION_DAYS`` ago.

A clean dry run keeps its upload until it is confirmed, and an export keeps its file for its user
to download; neither waits for ever. The jobs themselves stay (who imported what, when, with which
counts and errors); their pages no longer offer the confirm button or the download, and such a dry
run can no longer be confirmed: the editor uploads the file again. Run it daily (docs/operations.md).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from config.editorial import jobs
from config.editorial.models import Job


class Command(BaseCommand):
    help = "Delete the files of finished import and export jobs older than JOB_FILES_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="keep the files of jobs finished within this many days (default JOB_FILES_RETENTION_DAYS)",
        )

    def handle(self, *args, days, **options):
        days = settings.JOB_FILES_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        pruned = 0
        for job in Job.objects.filter(finished_at__lt=cutoff).exclude(file_path="").order_by("pk"):
            # An import shares its dry run's file (already deleted when the import finished).
            if not Job.objects.filter(file_path=job.file_path, finished_at__isnull=True).exists():
                jobs.discard_file(job)
            Job.objects.filter(pk=job.pk).update(file_path="")
            pruned += 1
        self.stdout.write(
            f"Deleted the files of {pruned} job{'' if pruned == 1 else 's'} finished before "
            f"{cutoff:%Y-%m-%d %H:%M} UTC."
        )
