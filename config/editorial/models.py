"""The editorial app's tables: the background jobs of bulk import and export (config/editorial/jobs.py)
and the revisions editors propose to published records (config/editorial/revisions.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One import (its dry run, then the import itself) or one export, run by the worker.

    The job's file — the upload to import, or the export made — lives in the private ``jobs``
    storage under ``file_path``, and only the job's views read it. ``errors`` keeps the first
    ``MAX_ERRORS`` row errors (row, column, message); ``error_count`` counts them all. ``changes``
    keeps the first ``MAX_ERRORS`` changed rows as the preview lists them (row, record, each changed
    field old → new, a date's precision warning); ``changed`` counts them all.
    """

    MAX_ERRORS = 1000

    class Kind(models.TextChoices):
        DRY_RUN = "dry_run", _("dry run")
        IMPORT = "import", _("import")
        EXPORT = "export", _("export")

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    model = models.CharField(_("model"), max_length=100, help_text=_("app_label.model_name"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=8)
    file_path = models.CharField(_("stored file"), max_length=500, blank=True)
    query = models.TextField(_("change list query"), blank=True, help_text=_("what an export takes"))
    dry_run = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
        verbose_name=_("dry run"),
        help_text=_("the dry run an import confirms"),
    )
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    new = models.PositiveIntegerField(_("new"), null=True, blank=True)
    changed = models.PositiveIntegerField(_("changed"), null=True, blank=True)
    unchanged = models.PositiveIntegerField(_("unchanged"), null=True, blank=True)
    errors = models.JSONField(_("row errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of row errors"), default=0)
    changes = models.JSONField(
        _("changed rows"),
        default=list,
        blank=True,
        help_text=_("the first changed rows: row, record, each changed field old → new, warnings"),
    )
    message = models.TextField(_("message"), blank=True, help_text=_("why the job failed as a whole"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last report of the worker"), null=True, blank=True)

    class Meta:
        verbose_name = _("import or export job")
        verbose_name_plural = _("import and export jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="editorial_job_user_recent")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 100 if self.finished else 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def has_errors(self) -> bool:
        return bool(self.error_count or self.message)


class Revision(models.Model):
    """A change an editor proposes to a published record, kept beside the live record until a
    publisher publishes it (config/editorial/revisions.py).

    ``data`` is the change form as it was submitted (each field's list of values, inline formsets
    included), so that publishing it replays the same admin form, with the same validation,
    inlines and links; ``fields`` names the form's own fields. ``based_on`` is the record's
    ``updated_at`` when the proposal was made: a later one means the live record changed since.
    """

    class Kind(models.TextChoices):
        CHANGE = "change", _("change")
        REVERT = "revert", _("revert to an earlier version")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")
        REJECTED = "rejected", _("rejected")

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kind of record"),
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.CHANGE)
    version = models.PositiveBigIntegerField(
        _("version reverted to"), null=True, blank=True, help_text=_("the history entry a revert restores")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("why the change is proposed"))
    data = models.JSONField(_("proposed change"), default=dict)
    fields = models.JSONField(_("form fields"), default=list)
    based_on = models.DateTimeField(_("record's version proposed against"))
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.PROPOSED)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "state"], name="editorial_revision_record")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "author"],
                condition=models.Q(state="proposed"),
                name="editorial_revision_one_open_per_author",
                violation_error_message=_("You already have an open proposal for this record."),
            ),
        ]

    def __str__(self):
        return _("Revision %(number)s of %(record)s") % {
            "number": self.pk,
            "record": f"{self.content_type.name} {self.object_id}",
        }

    @property
    def is_open(self) -> bool:
        return self.state == self.State.PROPOSED
