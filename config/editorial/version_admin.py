"""The admin's pages of a record's versions: its history, one version, and the revert to it.

``VersionsAdminMixin`` (a base of ``RecordAdminMixin``) replaces django-simple-history's pages,
which showed only the record's own fields (and today's rows and links beside an old version):

- *History* (``…/<id>/history/``) lists the versions of the whole record (``config.editorial.versions``),
  newest first, each with its author, reason and what it changed — fields, rows and links.
- A version (``…/<id>/history/version/<number>/``) shows the record as it was then: its fields,
  rows and links, and what that version changed. Its *Revert to this version* button restores all of
  it through the workflow, leaving the record's status and publish date as they are.
- simple-history's page of one entry (``…/<id>/history/<history id>/``) leads to the version that
  holds the entry; a revert is never made by saving that old form.

Inline rows saved with their record take the record's reason (*Changed in the admin.*).
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from config.editorial import history, revisions, versions, workflow
from config.editorial.models import Revision

VERSIONS_PER_PAGE = 50


def admin_reason(request, change: bool) -> str:
    """The history reason of a save made in the admin."""
    match = request.resolver_match
    if match and match.url_name.endswith("_simple_history"):
        # simple-history's page of a deleted record's last entry, saved: the record comes back.
        return _("Restored from its history in the admin.")
    return _("Changed in the admin.") if change else _("Created in the admin.")


class VersionsAdminMixin:
    """History of whole records in the admin: the versions list, a version's page, the revert."""

    versions_template = "admin/editorial/versions.html"
    version_template = "admin/editorial/version.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_version"
        return [
            path(
                "<path:object_id>/history/version/<int:number>/",
                self.admin_site.admin_view(self.version_view),
                name=name,
            ),
            *super().get_urls(),
        ]

    def save_formset(self, request, form, formset, change):
        # The rows saved with their record carry its reason and author into their history.
        reason = admin_reason(request, change)
        for row_form in formset.forms:
            workflow.set_history_author(row_form.instance, request.user, reason)
        super().save_formset(request, form, formset, change)

    def _versioned_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This record does not exist (it may have been deleted)."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request, obj, **extra):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "object": obj,
            "original": obj,
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            # A deleted record: simple-history's list of its entries, with the last values.
            return super().history_view(request, object_id, extra_context)
        obj = self._versioned_object(request, object_id)
        found = list(reversed(versions.versions(obj)))
        page = Paginator(found, VERSIONS_PER_PAGE).get_page(request.GET.get("page"))
        context = self._context(
            request,
            obj,
            title=_("History: %(record)s") % {"record": obj},
            page_obj=page,
            versions=page.object_list,
            latest=found[0].number if found else None,
        )
        return TemplateResponse(request, self.versions_template, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            # A deleted record: simple-history's page of its last values, from which it is re-created.
            return super().history_form_view(request, object_id, version_id, extra_context)
        obj = self._versioned_object(request, object_id)
        for version in versions.versions(obj):
            if any(
                type(entry) is self.model.history.model and str(entry.history_id) == str(version_id)
                for entry in version.entries
            ):
                return HttpResponseRedirect(self.version_url(obj, version.number))
        raise Http404(_("This record has no such version."))

    def version_url(self, obj, number: int) -> str:
        opts = self.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_version",
            args=[obj.pk, number],
            current_app=self.admin_site.name,
        )

    def version_view(self, request, object_id, number):
        obj = self._versioned_object(request, object_id)
        found = versions.versions(obj)
        if not 1 <= number <= len(found):
            raise Http404(_("This record has no such version."))
        version = found[number - 1]
        may_revert = (
            number != len(found) and version.snapshot.exists and self.has_change_permission(request, obj)
        )
        if request.method == "POST":
            if not may_revert:
                raise PermissionDenied
            return self._revert(request, obj, version)
        context = self._context(
            request,
            obj,
            title=_("Version %(number)s of %(record)s") % {"number": number, "record": obj},
            version=version,
            shown=shown_snapshot(version.snapshot),
            latest=len(found),
            may_revert=may_revert,
            proposing=may_revert and revisions.proposes(request.user, obj),
            note_field=revisions.NOTE_FIELD,
            revert_refused=number != len(found) and not may_revert,
        )
        return TemplateResponse(request, self.version_template, context)

    def _propose_revert(self, request, obj, version):
        return revisions.propose(
            record=obj,
            by=request.user,
            data={},
            fields=[],
            kind=Revision.Kind.REVERT,
            version=version.number,
            note=request.POST.get(revisions.NOTE_FIELD, "").strip(),
        )

    def _revert(self, request, obj, version):
        if revisions.proposes(request.user, obj):
            # An editor's revert of a published record waits, as a proposal, for a publisher.
            try:
                revision = self._propose_revert(request, obj, version)
            except workflow.WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                _(
                    "Your revert to version %(number)s is proposed (revision %(revision)s), not made: the "
                    "public keeps seeing the published version until a publisher publishes it."
                )
                % {"number": version.number, "revision": revision.pk},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(revisions.revision_url(revision) or request.path)
        try:
            changes = versions.restore_version(obj, version, by=request.user)
        except workflow.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.path)
        except versions.RestoreError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(
            request,
            _("Reverted to version %(number)s. Restored: %(changes)s. Its status stays %(status)s.")
            % {
                "number": version.number,
                "changes": changes.summary(),
                "status": obj.get_status_display() if hasattr(obj, "get_status_display") else "—",
            },
            messages.SUCCESS,
        )
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
        )


def shown_snapshot(snapshot: versions.Snapshot) -> dict:
    """What a version's page shows of ``snapshot``: fields, rows by kind, links by field."""
    labels = versions.Labels()
    model = snapshot.model
    entry = snapshot.entry if snapshot.exists else None
    fields = []
    if entry is not None:
        for field in versions.compared_fields(model):
            value = getattr(entry, field.attname)
            if not versions.is_empty(value):
                fields.append((versions.label_of(field), labels.value(field, value)))
    rows = [
        (
            str(row_model._meta.verbose_name_plural).capitalize(),
            [versions.row_label(row) for _pk, row in sorted(found.items())],
        )
        for row_model, found in snapshot.rows.items()
        if found
    ]
    links, links_since = None, None
    if snapshot.links is not None:
        links = [
            (versions.label_of(field), labels.of(field.related_model, snapshot.links.get(field.name, [])))
            for field in history.link_fields(model)
        ]
    else:
        links_since = (
            model.history.filter(history_links__isnull=False)
            .order_by("history_date")
            .values_list("history_date", flat=True)
            .first()
        )
    return {"fields": fields, "rows": rows, "links": links, "links_since": links_since}
