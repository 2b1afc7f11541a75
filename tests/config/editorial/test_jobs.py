"""Imports and exports as background jobs (config/editorial/jobs.py, job_admin.py, files.py).

The limits of a file (rows, cell size, a workbook's size unpacked) in the admin's form, the job and
the command; the job pages (who may see, confirm, download); a job that fails writes nothing; the
exports that become jobs. Most tests run a job as it is enqueued (the immediate backend of
tests/conftest.py); the last ones run the database backend with a real worker
(``manage.py db_worker``) in a process of its own, and kill one mid-import.
"""

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, transaction
from django.urls import resolve, reverse
from django_tasks_db.models import DBTaskResult

from config.editorial import jobs
from config.editorial.models import Job
from events.models import Event
from institutions.models import Organisation
from tests import factories
from tests.helpers import csv_bytes
from tests.settings_probe import BASE_DIR, database_url

CSV, XLSX = "0", "1"  # the admin's format choices, in config.editorial.imports.FORMATS order
IMPORT_URL = "admin:events_event_import"


def event_rows(count: int, **values) -> list[dict]:
    return [
        {"slug": f"job-event-{n}", "name": f"Job event {n}", "kind": "plenary", "status": "draft", **values}
        for n in range(1, count + 1)
    ]


def upload(client, content: bytes, name: str, file_format=CSV, url=IMPORT_URL):
    return client.post(
        reverse(url), {"import_file": SimpleUploadedFile(name, content), "format": file_format}
    )


def job_of(response) -> Job:
    """The job an upload, a confirm or an export redirected to."""
    assert response.status_code == 302, response.content
    match = resolve(response.url)
    assert match.url_name == "editorial_job_change"
    return Job.objects.get(pk=match.kwargs["object_id"])


def import_command(path: Path, user, **options) -> str:
    out = io.StringIO()
    call_command(
        "import_records", "events", str(path), user=user.username, stdout=out, stderr=io.StringIO(), **options
    )
    return out.getvalue()


def xlsx_bytes(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bomb(unpacked: int) -> bytes:
    """An XLSX-shaped zip whose sheet unpacks to ``unpacked`` bytes (of zeros: it packs to little)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * unpacked)
    return out.getvalue()


# The limits --------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_too_many_rows_fail_the_job_and_the_command(client, publisher, settings, tmp_path):
    settings.IMPORT_MAX_ROWS = 3
    content = csv_bytes(event_rows(4))
    client.force_login(publisher)

    job = job_of(upload(client, content, "events.csv"))

    message = "The file has more than 3 rows; an import takes at most 3: split it."
    assert (job.state, job.message) == (Job.State.FAILED, message)
    assert message in client.get(reverse("admin:editorial_job_change", args=[job.pk])).content.decode()
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        import_command(path, publisher)
    assert str(error.value) == f"events.csv: {message}"
    assert not Event.objects.exists()

    settings.IMPORT_MAX_ROWS = 4
    assert import_command(path, publisher) == "Imported: 4 new, 0 changed, 0 unchanged.\n"


def test_a_cell_over_the_limit_is_named_by_row_and_column(client, publisher, settings, tmp_path):
    # 140,000 characters: over Python's csv field limit (131,072), which used to end the import
    # with "field larger than field limit" and no row or column.
    rows = event_rows(2)
    rows[1]["name"] = "x" * 140_000
    content = csv_bytes(rows)
    client.force_login(publisher)

    job = job_of(upload(client, content, "events.csv"))

    message = "Row 3, column name: a cell is larger than 100,000 characters."
    assert (job.state, job.message) == (Job.State.FAILED, message)
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        import_command(path, publisher)
    assert str(error.value) == f"events.csv: {message}"

    # openpyxl writes at most 32,767 characters to a cell (Excel's limit): a lower limit here.
    settings.IMPORT_MAX_CELL_CHARS = 1000
    sheet = xlsx_bytes([["slug", "kind", "name"], ["a", "plenary", "A"], ["b", "plenary", "y" * 1001]])
    job = job_of(upload(client, sheet, "events.xlsx", XLSX))
    assert job.message == "Row 3, column name: a cell is larger than 1,000 characters."
    assert not Event.objects.exists()


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_unpacked(
    client, publisher, settings, tmp_path
):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1_000_000
    bomb = zip_bomb(5_000_000)
    assert len(bomb) < 10_000
    client.force_login(publisher)

    response = upload(client, bomb, "bomb.xlsx", XLSX)

    message = (
        "The workbook unpacks to 4.8\xa0MB; an import takes at most 976.6\xa0KB unpacked: split it into "
        "parts, or save it as CSV."
    )
    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [message]
    assert not Job.objects.exists()
    # A job given the file anyway (the command's --background checks it too) fails with the message.
    job = jobs.start_dry_run(
        user=publisher, model=Event, file_name="bomb.xlsx", file_format="xlsx", data=bomb
    )
    job.refresh_from_db()
    assert (job.state, job.message) == (Job.State.FAILED, message)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    for options in ({}, {"background": True}):
        with pytest.raises(CommandError) as error:
            import_command(path, publisher, **options)
        assert str(error.value) == f"bomb.xlsx: {message}"


def test_a_file_over_the_size_limit_is_refused_by_the_command(publisher, settings, tmp_path):
    settings.IMPORT_MAX_BYTES = 100
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes(event_rows(5)))

    with pytest.raises(CommandError) as error:
        import_command(path, publisher, background=True)

    assert str(error.value) == "events.csv is larger than IMPORT_MAX_BYTES (100 bytes)."
    assert not Job.objects.exists()


# The job pages -----------------------------------------------------------------------------------


def test_the_dry_run_shows_counts_and_the_confirm_imports_through_the_workflow(client, publisher):
    factories.EventFactory(slug="job-event-1", name="Job event 1", kind="plenary", status="draft")
    client.force_login(publisher)

    response = upload(client, csv_bytes(event_rows(3)), "events.csv")

    dry_run = job_of(response)
    assert (dry_run.state, dry_run.new, dry_run.changed, dry_run.unchanged) == (Job.State.DONE, 2, 0, 1)
    assert (dry_run.rows_total, dry_run.rows_done) == (3, 3)
    page = client.get(response.url).content.decode()
    assert "Checked, nothing written: 2 new, 0 changed, 1 unchanged." in page
    assert 'http-equiv="refresh"' not in page  # finished: the page stops reloading
    assert Event.objects.count() == 1

    imported = job_of(client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk])))

    assert (imported.kind, imported.state, imported.new, imported.dry_run) == (
        Job.Kind.IMPORT,
        Job.State.DONE,
        2,
        dry_run,
    )
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "job-event-1",
        "job-event-2",
        "job-event-3",
    ]
    entry = Event.objects.get(slug="job-event-2").history.get()
    assert (entry.history_user, entry.history_change_reason) == (publisher, "Imported from events.csv")
    # The file was kept for the confirmation only.
    assert not jobs.storage().exists(dry_run.file_path)
    # Confirmed once: a second press imports nothing more.
    again = client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk]))
    assert again.status_code == 302
    assert Job.objects.filter(kind=Job.Kind.IMPORT).count() == 1


def test_a_queued_job_page_refreshes_itself_without_a_script(client, publisher):
    client.force_login(publisher)
    job = Job.objects.create(
        kind=Job.Kind.DRY_RUN, model="events.event", user=publisher, file_name="e.csv", file_format="csv"
    )

    response = client.get(reverse("admin:editorial_job_change", args=[job.pk]))

    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "<script>" not in page
    assert "Confirm import" not in page


def test_only_the_owner_or_a_superuser_sees_and_confirms_a_job(client, publisher, editor, admin_user):
    client.force_login(publisher)
    dry_run = job_of(upload(client, csv_bytes(event_rows(2)), "events.csv"))
    page = reverse("admin:editorial_job_change", args=[dry_run.pk])
    confirm = reverse("admin:editorial_job_confirm", args=[dry_run.pk])

    client.force_login(editor)
    assert client.get(page).status_code == 404
    assert client.post(confirm).status_code == 404
    listed = client.get(reverse("admin:editorial_job_changelist"))
    assert listed.status_code == 200
    assert list(listed.context["cl"].result_list) == []
    assert not Event.objects.exists()

    client.logout()
    assert client.get(page).status_code == 302  # to the login page

    client.force_login(publisher)
    assert client.get(confirm).status_code == 405
    assert [
        job.pk for job in client.get(reverse("admin:editorial_job_changelist")).context["cl"].result_list
    ] == [dry_run.pk]

    client.force_login(admin_user)
    assert client.get(page).status_code == 200
    job_of(client.post(confirm))
    assert Event.objects.count() == 2
    assert Event.objects.get(slug="job-event-1").history.get().history_user == admin_user


def test_the_old_confirm_address_imports_nothing(client, publisher):
    client.force_login(publisher)

    response = client.post(
        reverse("admin:events_event_process_import"),
        {"import_file_name": "events.csv", "original_file_name": "events.csv", "format": CSV},
    )

    assert response.status_code == 404
    assert not Event.objects.exists()


def test_a_dry_run_with_row_errors_cannot_be_confirmed(client, publisher):
    rows = event_rows(3)
    rows[2]["kind"] = "picnic"
    client.force_login(publisher)

    dry_run = job_of(upload(client, csv_bytes(rows), "events.csv"))

    assert dry_run.state == Job.State.FAILED
    assert [(error["row"], error["column"]) for error in dry_run.errors] == [(4, "kind")]
    response = client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk]), follow=True)
    assert "cannot be confirmed" in response.content.decode()
    assert not Job.objects.filter(kind=Job.Kind.IMPORT).exists()
    assert not Event.objects.exists()
    assert not jobs.storage().exists(dry_run.file_path)


def test_an_import_that_fails_after_its_dry_run_writes_nothing(client, publisher):
    # Between the dry run and the confirm, a second organisation takes the acronym a row names.
    factories.OrganisationFactory(slug="uba", acronym="UBA")
    rows = [
        {"slug": "dehst", "name": "German Emissions Trading Authority", "parent": "UBA"},
        {"slug": "bmuv", "name": "Environment Ministry", "parent": ""},
    ]
    client.force_login(publisher)
    dry_run = job_of(
        upload(client, csv_bytes(rows), "orgs.csv", url="admin:institutions_organisation_import")
    )
    assert dry_run.state == Job.State.DONE
    factories.OrganisationFactory(slug="uba-2", acronym="UBA")

    imported = job_of(client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk])))

    assert imported.state == Job.State.FAILED
    assert imported.message == "Nothing was imported: 1 row has errors."
    assert imported.errors[0]["row"] == 2
    assert not Organisation.objects.filter(slug__in=["dehst", "bmuv"]).exists()


def test_a_running_job_whose_worker_is_gone_is_marked_failed(publisher):
    alive, dead = (
        Job.objects.create(
            kind=Job.Kind.IMPORT,
            model="events.event",
            user=publisher,
            file_name=name,
            file_format="csv",
            state=Job.State.RUNNING,
        )
        for name in ("alive.csv", "dead.csv")
    )
    worker = connections.create_connection("default")  # a live worker holds its job's lock
    try:
        with worker.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [jobs.JOB_LOCK_SPACE, alive.pk])

        assert jobs.fail_stale() == 1
    finally:
        worker.close()

    alive.refresh_from_db()
    dead.refresh_from_db()
    assert alive.state == Job.State.RUNNING
    assert dead.state == Job.State.FAILED
    assert dead.message.startswith("The worker stopped while it ran this job")


def test_a_jobs_transaction_lifts_the_requests_statement_timeout():
    # SET LOCAL: until the job's transaction ends (the test's own transaction, here, rolls back
    # both settings).
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '5s'")
        with transaction.atomic():
            jobs.allow_long_statements("default")
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("0",)


# Exports -----------------------------------------------------------------------------------------


def test_a_large_export_is_a_job_whose_file_only_its_user_downloads(client, publisher, editor, settings):
    settings.ADMIN_EXPORT_DIRECT_ROWS = 1
    factories.EventFactory(slug="e-plenary", name="=1+1", kind="plenary")
    factories.EventFactory(slug="e-plenary-2", name="Second", kind="plenary")
    factories.EventFactory(slug="e-workshop", name="Workshop", kind="workshop")
    client.force_login(publisher)

    response = client.post(
        reverse("admin:events_event_export") + "?kind__exact=plenary", {"format": CSV, "resource": "0"}
    )

    job = job_of(response)
    assert (job.kind, job.state, job.rows_total) == (Job.Kind.EXPORT, Job.State.DONE, 2)
    download = reverse("admin:editorial_job_download", args=[job.pk])
    assert download in client.get(response.url).content.decode()
    content = b"".join(client.get(download).streaming_content).decode()
    lines = content.splitlines()
    assert sorted(line.split(",")[:2] for line in lines[1:]) == [
        ["e-plenary", "'=1+1"],
        ["e-plenary-2", "Second"],
    ]
    assert client.get(download)["Content-Disposition"].startswith('attachment; filename="events-')

    client.force_login(editor)
    assert client.get(download).status_code == 404
    client.logout()
    assert client.get(download).status_code == 302


def test_an_export_of_a_list_with_filters_it_does_not_have_is_a_bad_request(client, publisher):
    client.force_login(publisher)

    for method in (client.get, client.post):
        response = method(
            reverse("admin:events_event_export") + "?no_such_field=1", {"format": CSV, "resource": "0"}
        )

        assert response.status_code == 400
        assert response.content.decode() == "The list's filters in the address are not valid."
    assert not Job.objects.exists()


def test_a_small_export_is_written_in_the_request(client, publisher):
    factories.EventFactory(slug="e-small", kind="plenary")
    client.force_login(publisher)

    response = client.post(reverse("admin:events_event_export"), {"format": CSV, "resource": "0"})

    assert response.status_code == 200
    assert response.content.decode().splitlines()[1].startswith("e-small,")
    assert not Job.objects.exists()


# The database backend and a real worker ------------------------------------------------------------

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def worker(job_files, *arguments) -> subprocess.Popen:
    """``manage.py db_worker`` in a process of its own, on the test database and the test's files."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "JOB_FILES_ROOT": str(job_files),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    environment.pop("REDIS_URL", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", *arguments],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run_worker_once(job_files) -> str:
    process = worker(job_files, "--batch")
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


@pytest.mark.django_db(transaction=True)
def test_an_import_through_the_database_backend_and_a_worker(client, admin_user, settings, job_files):
    settings.TASKS = DATABASE_BACKEND
    client.force_login(admin_user)

    dry_run = job_of(upload(client, csv_bytes(event_rows(3)), "events.csv"))

    assert dry_run.state == Job.State.QUEUED
    assert DBTaskResult.objects.get().task_result.args == [dry_run.pk]
    run_worker_once(job_files)
    dry_run.refresh_from_db()
    assert (dry_run.state, dry_run.new, dry_run.rows_done) == (Job.State.DONE, 3, 3)
    assert not Event.objects.exists()

    imported = job_of(client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk])))
    assert imported.state == Job.State.QUEUED
    run_worker_once(job_files)

    imported.refresh_from_db()
    assert (imported.state, imported.new) == (Job.State.DONE, 3)
    assert Event.objects.count() == 3
    for event in Event.objects.all():
        entry = event.history.get()
        assert (entry.history_user, entry.history_change_reason) == (admin_user, "Imported from events.csv")
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_writes_nothing_and_its_job_is_marked_failed(admin_user, settings, job_files):
    settings.TASKS = DATABASE_BACKEND
    job = Job.objects.create(
        kind=Job.Kind.IMPORT,
        model="events.event",
        user=admin_user,
        file_name="many.csv",
        file_format="csv",
        file_path=jobs.storage().save("imports/many.csv", ContentFile(csv_bytes(event_rows(3000)))),
    )
    jobs.enqueue(job)
    process = worker(job_files)
    try:
        # The progress shows while the import's transaction is open: it is written on a
        # connection of its own every PROGRESS_EVERY rows.
        deadline = time.monotonic() + 240
        while Job.objects.get(pk=job.pk).rows_done < jobs.PROGRESS_EVERY:
            assert process.poll() is None, process.stdout.read()
            assert time.monotonic() < deadline, "no progress reported"
            time.sleep(0.2)
        running = Job.objects.get(pk=job.pk)
        assert running.state == Job.State.RUNNING
        assert running.rows_total == 3000
        assert jobs.fail_stale() == 0  # its worker holds it
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    assert not Event.objects.exists()
    # PostgreSQL ends the worker's session (rolling back, letting go of the lock) once it notices
    # the client is gone.
    deadline = time.monotonic() + 60
    while jobs.fail_stale() == 0:
        assert time.monotonic() < deadline, "the killed worker's lock is still held"
        time.sleep(0.2)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "nothing was written" in job.message
