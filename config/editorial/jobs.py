"""Imports and the admin's large exports as background jobs, off the request.

The admin stores the upload privately (the ``jobs`` storage, never under ``MEDIA_URL``), creates a
``Job`` and enqueues ``run_job`` through Django's tasks framework; the worker (``manage.py
db_worker``, docs/operations.md) runs it. An import is two jobs: the dry run, whose result (counts,
row errors) the editor reads on the job's page, and — confirmed there — the import of the same
file. Both call the resource exactly as the ``import_records`` command does, in one transaction:
all or nothing, through the workflow and the history (docs/import.md).

A job reports its progress every ``PROGRESS_EVERY`` rows on a connection of its own, since the
import's transaction keeps its writes (the job's row included) from every other connection until
it ends. While it runs, its worker holds a PostgreSQL advisory lock on it; a worker that dies
(killed, out of memory, the machine restarted) loses its connection, and with it the lock and the
import's transaction, which PostgreSQL rolls back: nothing was written. ``fail_stale()`` — called by
the job pages — finds the running jobs whose lock is free and marks them failed with that message.
"""

from __future__ import annotations

import logging
import uuid

from django.apps import apps
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections, router, transaction
from django.http import HttpRequest, QueryDict
from django.tasks import task
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.editorial import workflow
from config.editorial.imports import FORMATS, RESOURCES, read_error
from config.editorial.models import Job

logger = logging.getLogger(__name__)

# The advisory locks of running jobs: (JOB_LOCK_SPACE, job id), apart from other users of such locks.
JOB_LOCK_SPACE = 0x10B5

# Rows between two progress reports: one UPDATE per 100 rows costs nothing next to the rows' own
# queries, and at the ~20 rows a second the import ran when measured it is a report every 5 s.
PROGRESS_EVERY = 100


def storage():
    return storages["jobs"]


def format_class(name: str):
    """The import format for ``name`` (``csv``, ``xlsx``)."""
    return next(fmt for fmt in FORMATS if fmt().get_extension() == name)


def resource_class(label: str):
    """The import resource of the model with label ``label`` (``events.event``)."""
    return next(r for r in RESOURCES.values() if r._meta.model._meta.label_lower == label)


def may_import(user, model) -> bool:
    return user.is_active and user.has_perms(
        [workflow.permission_name(model, "add"), workflow.permission_name(model, "change")]
    )


def jobs_manager():
    # The worker reads what the request that created the job wrote: the primary, never a replica.
    return Job.objects.db_manager(router.db_for_write(Job))


# Starting jobs ---------------------------------------------------------------------------------


def start_dry_run(*, user, model, file_name: str, file_format: str, data: bytes) -> Job:
    """Store ``data`` privately and enqueue its dry run by ``user``."""
    path = storage().save(f"imports/{uuid.uuid4().hex}.{file_format}", ContentFile(data))
    job = Job.objects.create(
        kind=Job.Kind.DRY_RUN,
        model=model._meta.label_lower,
        user=user,
        file_name=file_name[:255],
        file_format=file_format,
        file_path=path,
    )
    enqueue(job)
    return job


def may_confirm(job: Job, user) -> bool:
    """Whether ``user`` may import the file of dry run ``job``: a clean, unconfirmed dry run."""
    return (
        job.kind == Job.Kind.DRY_RUN
        and job.state == Job.State.DONE
        and not job.has_errors
        and bool(job.file_path)  # not pruned (prune_job_files)
        and not job.confirmations.exists()
        and (job.user_id == user.pk or user.is_superuser)
        and may_import(user, apps.get_model(job.model))
    )


def confirm(job: Job, user) -> Job:
    """Enqueue the import of the file that dry run ``job`` checked, by ``user``."""
    with transaction.atomic():
        # One confirmation per dry run, even when the button is pressed twice at once.
        job = Job.objects.select_for_update().get(pk=job.pk)
        if not may_confirm(job, user):
            raise PermissionError(job.pk)
        imported = Job.objects.create(
            kind=Job.Kind.IMPORT,
            model=job.model,
            user=user,
            file_name=job.file_name,
            file_format=job.file_format,
            file_path=job.file_path,
            dry_run=job,
            rows_total=job.rows_total,
        )
        enqueue(imported)
    return imported


def start_export(*, user, model, file_format: str, query: str) -> Job:
    """Enqueue an export of ``model``'s change list as filtered by ``query``, for ``user``."""
    opts = model._meta
    job = Job.objects.create(
        kind=Job.Kind.EXPORT,
        model=opts.label_lower,
        user=user,
        file_name=f"{slugify(str(opts.verbose_name_plural))}-{timezone.localtime():%Y-%m-%d-%H%M}.{file_format}",
        file_format=file_format,
        query=query,
    )
    enqueue(job)
    return job


def enqueue(job: Job) -> None:
    # Enqueued in the transaction that created the job (the database backend stores the task in
    # the same database), so a job is never left without its task nor a task without its job.
    run_job.enqueue(job.pk)


# Running jobs ----------------------------------------------------------------------------------


@task
def run_job(job_id: int) -> str:
    """The worker's entry point: run job ``job_id`` once; returns the state it ended in."""
    alias = router.db_for_write(Job)
    lock(alias, job_id)
    try:
        job = claim(job_id)
        if job is None:
            return "skipped"
        try:
            if job.kind == Job.Kind.EXPORT:
                run_export(job)
            else:
                run_import(job)
        except Exception as error:
            # Whatever broke, the import's transaction was rolled back: say so on the job's page.
            logger.exception("Job %s failed", job_id)
            finish(
                job,
                Job.State.FAILED,
                message=_("The job stopped on an unexpected error (%(error)s); nothing was written.")
                % {"error": type(error).__name__},
            )
        return job.state
    finally:
        unlock(alias, job_id)


def lock(alias: str, job_id: int) -> None:
    # Taken before the job is marked running, so a running job without its lock has lost its worker.
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [JOB_LOCK_SPACE, job_id])


def unlock(alias: str, job_id: int) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [JOB_LOCK_SPACE, job_id])


def claim(job_id: int) -> Job | None:
    """Job ``job_id`` marked running, or None if it is not queued (it ran, or another worker has it)."""
    now = timezone.now()
    claimed = (
        jobs_manager()
        .filter(pk=job_id, state=Job.State.QUEUED)
        .update(state=Job.State.RUNNING, started_at=now, heartbeat_at=now)
    )
    return jobs_manager().get(pk=job_id) if claimed else None


def run_import(job: Job) -> None:
    model = apps.get_model(job.model)
    if not may_import(job.user, model):
        finish(
            job,
            Job.State.FAILED,
            message=_("%(user)s may not import %(models)s: it needs the add and change permissions.")
            % {"user": job.user.get_username(), "models": model._meta.verbose_name_plural},
        )
        return
    dataset = read(job)
    if dataset is None:
        return
    job.rows_total = len(dataset)
    job.save(update_fields=["rows_total"])
    resource = resource_class(job.model)()
    progress = Progress(job)
    resource.on_row = progress.tick
    try:
        with transaction.atomic(using=router.db_for_write(model)):
            allow_long_statements(router.db_for_write(model))
            result = resource.import_data(
                dataset,
                dry_run=job.kind == Job.Kind.DRY_RUN,
                use_transactions=True,
                rollback_on_validation_errors=True,
                user=job.user,
                file_name=job.file_name,
            )
    finally:
        progress.close()
    record(job, result)


def read(job: Job):
    """The job's file as a dataset within the limits, or None when it failed the job."""
    file_format = format_class(job.file_format)(encoding="utf-8-sig")
    with storage().open(job.file_path, "rb") as stored:
        data = stored.read()
    try:
        dataset = file_format.create_dataset(data)
    except Exception as error:  # a file we cannot read is refused with its reason
        finish(job, Job.State.FAILED, message=read_error(error, file_format.get_title().upper()))
        return None
    if not len(dataset):
        finish(job, Job.State.FAILED, message=_("The file has no rows under its header."))
        return None
    return dataset


def run_export(job: Job) -> None:
    """Write the export of the job's change list, as its user sees it filtered, to the job's file."""
    model = apps.get_model(job.model)
    model_admin = admin.site.get_model_admin(model)
    request = export_request(job)
    if not model_admin.has_export_permission(request):
        finish(
            job,
            Job.State.FAILED,
            message=_("%(user)s may not export %(models)s.")
            % {"user": job.user.get_username(), "models": model._meta.verbose_name_plural},
        )
        return
    file_format = format_class(job.file_format)()
    # The primary, on the connection whose statement timeout is lifted.
    alias = router.db_for_write(model)
    with transaction.atomic(using=alias):
        allow_long_statements(alias)
        queryset = model_admin.get_export_queryset(request).using(alias)
        job.rows_total = queryset.count()
        data = model_admin.get_export_data(file_format, request, queryset, encoding=model_admin.to_encoding)
    job.file_path = storage().save(f"exports/{uuid.uuid4().hex}.{job.file_format}", ContentFile(data))
    job.rows_done = job.rows_total
    finish(job, Job.State.DONE)


def export_request(job: Job) -> HttpRequest:
    """The change list request an export job stands for: its user, its filters and search."""
    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(job.query)
    request.user = job.user
    return request


def allow_long_statements(alias: str) -> None:
    """Lift the web requests' statement timeout for the rest of this transaction.

    A request's statement timeout (docs/operations.md) guards the web workers; a job's statements
    run in the worker — an import's in one transaction for the whole file, an export's reading the
    whole list — and must not be cut off.
    """
    with connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")


def record(job: Job, result) -> None:
    """The result of ``import_data`` on the job: counts, the first row errors, its state."""
    totals = result.totals
    errors = [
        {"row": number, "column": "", "message": str(error.error)}
        for number, row_errors in result.row_errors()
        for error in row_errors
    ] + [
        {"row": row.number, "column": column, "message": str(message)}
        for row in result.invalid_rows
        for column, messages in row.error_dict.items()
        for message in messages
    ]
    errors.sort(key=lambda error: error["row"])
    job.new, job.changed, job.unchanged = totals["new"], totals["update"], totals["skip"]
    job.errors, job.error_count = errors[: Job.MAX_ERRORS], len(errors)
    job.changes = described_rows(result)[: Job.MAX_ERRORS]
    job.rows_done = job.rows_total or 0
    message = " ".join(str(error.error) for error in result.base_errors)
    failed = bool(message or errors)
    if failed and job.kind == Job.Kind.IMPORT:
        rows = len({error["row"] for error in errors})
        message = message or ngettext(
            "Nothing was imported: %(count)s row has errors.",
            "Nothing was imported: %(count)s rows have errors.",
            rows,
        ) % {"count": rows}
    finish(job, Job.State.FAILED if failed else Job.State.DONE, message=message)


def described_rows(result) -> list[dict]:
    """The changed rows of ``result`` as the job's page lists them: the row as the spreadsheet
    numbers it, the record, each changed field (old → new, readable) and the row's warnings."""
    return [
        {
            "row": row.number,
            "record": row.object_repr or "",
            "id": row.object_id,
            "changes": row.changes,
            "warnings": row.warnings,
        }
        for row in result.rows
        if getattr(row, "changes", None) or getattr(row, "warnings", None)
    ]


def finish(job: Job, state: str, *, message: str = "") -> None:
    job.state, job.message, job.finished_at = state, str(message), timezone.now()
    job.heartbeat_at = job.finished_at
    job.save()
    # The uploaded file is kept only while a clean dry run waits for its confirmation.
    if job.kind == Job.Kind.IMPORT or (job.kind == Job.Kind.DRY_RUN and state == Job.State.FAILED):
        discard_file(job)


def discard_file(job: Job) -> None:
    if job.file_path:
        storage().delete(job.file_path)


class Progress:
    """The rows done, written to the job every ``PROGRESS_EVERY`` rows on a connection of its own."""

    def __init__(self, job: Job):
        self.job_id = job.pk
        self.done = 0
        self.alias = router.db_for_write(Job)
        self.connection = None

    def tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self.write()

    def write(self) -> None:
        if self.connection is None:
            # Not in connections: Django's own connection for the alias is inside the import's
            # transaction, and its writes stay invisible until the end.
            self.connection = connections.create_connection(self.alias)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.connection.ops.quote_name(Job._meta.db_table)} "
                "SET rows_done = %s, heartbeat_at = now() WHERE id = %s",
                [self.done, self.job_id],
            )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


# Jobs whose worker died ------------------------------------------------------------------------


def fail_stale() -> int:
    """Mark failed the running jobs whose worker is gone (their advisory lock is free)."""
    alias = router.db_for_write(Job)
    message = _(
        "The worker stopped while it ran this job (it was restarted or killed); nothing was "
        "written. Upload the file again."
    )
    failed = 0
    for job in jobs_manager().filter(state=Job.State.RUNNING):
        if held(alias, job.pk):
            continue
        # Only if it still runs: a worker that finished between the read and the lock check has
        # saved its own state, which this must not overwrite.
        now = timezone.now()
        if (
            not jobs_manager()
            .filter(pk=job.pk, state=Job.State.RUNNING)
            .update(state=Job.State.FAILED, message=str(message), finished_at=now, heartbeat_at=now)
        ):
            continue
        if job.kind != Job.Kind.EXPORT:
            discard_file(job)
        logger.warning("Job %s failed: its worker stopped reporting", job.pk)
        failed += 1
    return failed


def held(alias: str, job_id: int) -> bool:
    """Whether a worker holds the lock of job ``job_id`` (the lock is taken and let go at once if not)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [JOB_LOCK_SPACE, job_id])
        if not cursor.fetchone()[0]:
            return True
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [JOB_LOCK_SPACE, job_id])
    return False
