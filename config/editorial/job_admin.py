"""The admin's side of the background jobs (config/editorial/jobs.py): upload, job pages, confirm, download.

``BackgroundImportExportMixin`` is the import and export of every record's admin. An upload that
passes the form (size, and a workbook's size unpacked) becomes a dry-run job, and the editor is
sent to the job's page; it refreshes itself (``<meta http-equiv="refresh">``, no script, so the
strict CSP holds) until the worker is done, then shows the counts and the row errors, and a
*Confirm import* button when the dry run found none. An export of more than
``ADMIN_EXPORT_DIRECT_ROWS`` rows is a job too, whose file its user downloads from the job's page.

``JobAdmin`` lists a user's own jobs (a superuser's: everyone's); nobody adds, changes or deletes
them there.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from import_export.forms import ExportForm

from config.editorial import jobs
from config.editorial.imports import RecordImportExportMixin
from config.editorial.models import Job


def job_url(job: Job) -> str:
    return reverse("admin:editorial_job_change", args=[job.pk])


class BackgroundImportExportMixin(RecordImportExportMixin):
    """Import (always) and large exports as jobs of the worker, off the request."""

    def import_action(self, request, **kwargs):
        if request.method != "POST":
            return super().import_action(request, **kwargs)
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if not form.is_valid():
            return super().import_action(request, **kwargs)  # shows the form with its errors
        file_format = self.get_import_formats()[int(form.cleaned_data["format"])]()
        upload = form.cleaned_data["import_file"]
        job = jobs.start_dry_run(
            user=request.user,
            model=self.model,
            file_name=upload.name,
            file_format=file_format.get_extension(),
            data=upload.read(),
        )
        return HttpResponseRedirect(job_url(job))

    def process_import(self, request, **kwargs):
        # import-export's confirm step imported a temporary file inside the request; the confirm
        # is the job page's button now (JobAdmin.confirm_view), and this address imports nothing.
        raise Http404

    def export_action(self, request):
        try:
            return self.export_or_job(request)
        except IncorrectLookupParameters:
            # A query string that names no filter of the list (the change list itself answers ?e=1).
            return HttpResponseBadRequest(_("The list's filters in the address are not valid."))

    def export_or_job(self, request):
        if request.method != "POST":
            return super().export_action(request)
        if not self.has_export_permission(request):
            raise PermissionDenied
        formats = self.get_export_formats()
        form = ExportForm(formats, self.get_export_resource_classes(request), data=request.POST)
        if not form.is_valid():
            return super().export_action(request)
        queryset = self.get_export_queryset(request)
        if queryset.count() <= settings.ADMIN_EXPORT_DIRECT_ROWS:
            return super().export_action(request)  # small enough to write in the request
        job = jobs.start_export(
            user=request.user,
            model=self.model,
            file_format=formats[int(form.cleaned_data["format"])]().get_extension(),
            query=request.GET.urlencode(),
        )
        return HttpResponseRedirect(job_url(job))


class JobAdmin(admin.ModelAdmin):
    """A user's import and export jobs: the list, each job's page, confirm, download."""

    list_display = ("created_at", "kind", "records", "file_name", "state", "progress", "outcome")
    list_filter = ("kind", "state")
    list_display_links = ("created_at", "file_name")
    list_select_related = ("user",)
    change_form_template = "admin/editorial/job/job.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or obj.user_id == request.user.pk or request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("records"))
    def records(self, job: Job) -> str:
        model = job_model(job)
        return str(model._meta.verbose_name_plural) if model else job.model

    @admin.display(description=_("progress"))
    def progress(self, job: Job) -> str:
        if job.rows_total is None:
            return "–"
        return f"{job.rows_done:,} / {job.rows_total:,}"

    @admin.display(description=_("outcome"))
    def outcome(self, job: Job) -> str:
        if job.message:
            return job.message
        if job.error_count:
            return _("%(count)s row errors") % {"count": job.error_count}
        if job.state == Job.State.DONE and job.kind != Job.Kind.EXPORT:
            return _("%(new)s new, %(changed)s changed, %(unchanged)s unchanged") % {
                "new": job.new,
                "changed": job.changed,
                "unchanged": job.unchanged,
            }
        return ""

    def changelist_view(self, request, extra_context=None):
        jobs.fail_stale()
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:job_id>/confirm/", wrap(self.confirm_view), name="editorial_job_confirm"),
            path("<int:job_id>/download/", wrap(self.download_view), name="editorial_job_download"),
            *super().get_urls(),
        ]

    def visible_job(self, request, job_id) -> Job:
        job = get_object_or_404(self.get_queryset(request), pk=job_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return job

    def change_view(self, request, object_id, form_url="", extra_context=None):
        jobs.fail_stale()
        try:
            job = self.visible_job(request, int(object_id))
        except ValueError:
            raise Http404 from None
        model = job_model(job)
        confirmation = job.confirmations.order_by("-pk").first()
        context = {
            **self.admin_site.each_context(request),
            "title": str(job),
            "subtitle": None,
            "opts": self.opts,
            "job": job,
            "model_opts": model._meta if model else None,
            "confirmation": confirmation,
            "may_confirm": jobs.may_confirm(job, request.user),
            "may_download": job.kind == Job.Kind.EXPORT
            and job.state == Job.State.DONE
            and bool(job.file_path),
            "shown_errors": len(job.errors),
            "shown_changes": len(job.changes),
            "refresh": not job.finished,
        }
        return TemplateResponse(request, self.change_form_template, context)

    def confirm_view(self, request, job_id):
        """The confirm button posts here: the import of the dry run's file, by this user."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        job = self.visible_job(request, job_id)
        try:
            imported = jobs.confirm(job, request.user)
        except PermissionError:
            self.message_user(
                request,
                _("This dry run cannot be confirmed: it found errors, was confirmed, or is not yours."),
                messages.ERROR,
            )
            return HttpResponseRedirect(job_url(job))
        return HttpResponseRedirect(job_url(imported))

    def download_view(self, request, job_id):
        job = self.visible_job(request, job_id)
        if job.kind != Job.Kind.EXPORT or job.state != Job.State.DONE or not job.file_path:
            raise Http404
        stored = jobs.storage().open(job.file_path, "rb")
        return FileResponse(stored, as_attachment=True, filename=job.file_name)


def job_model(job: Job):
    try:
        return apps.get_model(job.model)
    except LookupError:
        return None
