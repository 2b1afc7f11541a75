"""``manage.py prune_job_files``: the files of old finished jobs go, the jobs and recent files stay."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from config.editorial import jobs
from config.editorial.models import Job
from events.models import Event
from tests import factories
from tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


def dry_run(user, slug: str) -> Job:
    """A clean dry run of a one-row file (tests run jobs as they are enqueued)."""
    data = csv_bytes([{"slug": slug, "name": slug.title(), "kind": "plenary"}])
    job = jobs.start_dry_run(user=user, model=Event, file_name=f"{slug}.csv", file_format="csv", data=data)
    job.refresh_from_db()
    assert (job.state, job.has_errors) == (Job.State.DONE, False)
    return job


def finished_days_ago(job: Job, days: int) -> None:
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=days))


def prune(**options) -> str:
    out = io.StringIO()
    call_command("prune_job_files", stdout=out, **options)
    return out.getvalue()


def test_old_unconfirmed_dry_runs_and_exports_lose_their_files_and_keep_their_jobs(
    client, publisher, settings
):
    settings.ADMIN_EXPORT_DIRECT_ROWS = 0
    factories.EventFactory(slug="stored", kind="plenary")
    old, recent = dry_run(publisher, "old"), dry_run(publisher, "recent")
    client.force_login(publisher)
    export_response = client.post(reverse("admin:events_event_export"), {"format": "0", "resource": "0"})
    export = Job.objects.get(kind=Job.Kind.EXPORT)
    assert export_response.status_code == 302 and export.state == Job.State.DONE
    for job in (old, export):
        finished_days_ago(job, settings.JOB_FILES_RETENTION_DAYS + 1)
    old_files = [old.file_path, export.file_path]
    assert all(jobs.storage().exists(path) for path in old_files)

    assert prune().startswith("Deleted the files of 2 jobs finished before ")

    assert not any(jobs.storage().exists(path) for path in old_files)
    assert jobs.storage().exists(recent.file_path)
    assert Job.objects.count() == 3
    old.refresh_from_db()
    export.refresh_from_db()
    assert (old.file_path, export.file_path) == ("", "")
    # The pruned dry run offers no confirmation and cannot be confirmed; the export no download.
    page = client.get(reverse("admin:editorial_job_change", args=[old.pk])).content.decode()
    assert reverse("admin:editorial_job_confirm", args=[old.pk]) not in page
    assert not jobs.may_confirm(old, publisher)
    assert jobs.may_confirm(recent, publisher)
    page = client.get(reverse("admin:editorial_job_change", args=[export.pk])).content.decode()
    assert reverse("admin:editorial_job_download", args=[export.pk]) not in page
    assert client.get(reverse("admin:editorial_job_download", args=[export.pk])).status_code == 404
    assert prune().startswith("Deleted the files of 0 jobs")


def test_days_can_be_given_and_a_running_import_keeps_the_file_it_shares_with_its_dry_run(publisher):
    checked = dry_run(publisher, "checked")
    importing = Job.objects.create(
        kind=Job.Kind.IMPORT,
        model=checked.model,
        user=publisher,
        file_name=checked.file_name,
        file_format="csv",
        file_path=checked.file_path,
        dry_run=checked,
        state=Job.State.RUNNING,
    )
    finished_days_ago(checked, 2)

    assert prune(days=3).startswith("Deleted the files of 0 jobs")
    assert prune(days=1).startswith("Deleted the files of 1 job finished before ")

    assert jobs.storage().exists(importing.file_path)  # the running import still reads it
    checked.refresh_from_db()
    assert checked.file_path == ""
