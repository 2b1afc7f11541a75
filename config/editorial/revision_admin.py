"""The admin's side of revisions (config/editorial/revisions.py): proposing a change to a published
record, and the revision page where a publisher publishes or rejects it.

``RevisionAdminMixin`` comes before ``RecordAdminMixin`` in every record's admin. For an editor on a
published record (``revisions.proposes``) it

- opens the change form editable, with a banner, and bound to the editor's open proposal if there
  is one; the status stays *published* (a proposal does not unpublish);
- lets Django's change view validate the form and its inlines as usual, then stores a ``Revision``
  (``save_model``) instead of writing the record, its links (``save_related``) or the admin log;
- does the same for a revert from django-simple-history's version page (…/history/<id>/).

The revision page (…/<id>/revisions/<revision>/) shows the change form bound to the proposal, the
fields and rows that differ from the live record, and what changed in the live record since. *Publish
this revision* replays the submitted form as the publisher through the normal save path
(``workflow.save_record``, the inlines, the history and the admin log); *Reject* and *Withdraw* close it.
"""

from __future__ import annotations

import copy
import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from config.editorial import revisions, versions, workflow
from config.editorial.kept_uploads import SUFFIX as KEPT_SUFFIX
from config.editorial.models import Revision
from config.framework.visibility import Status


def proposal_form(form_class):
    """``form_class`` (a workflow form) for an editor proposing a change to a published record.

    Nothing is written, so the workflow's check of the write is left out; the status stays
    published; uploaded files are refused with a message (a proposal keeps no files).
    """

    class ProposalForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "status" in self.fields:
                self.fields["status"].disabled = True
                self.fields["status"].help_text = _(
                    "A proposal keeps the record published; a publisher may unpublish it."
                )
                self.initial["status"] = Status.PUBLISHED

        # The model form's own validation, without the workflow's check (``workflow_form``): that
        # check is made when a publisher publishes the proposal.
        checks_workflow = False

        def _post_clean(self):
            super()._post_clean()
            # A file kept from an earlier attempt (config/editorial/kept_uploads.py) is a file too.
            kept = [key for key, value in self.data.items() if key.endswith(KEPT_SUFFIX) and value]
            if self.files or kept:
                names = ", ".join(
                    [upload.name for upload in self.files.values()]
                    + [key.removesuffix(KEPT_SUFFIX).rsplit("-", 1)[-1] for key in kept]
                )
                self.add_error(
                    None,
                    _(
                        "A proposal cannot keep uploaded files (%(names)s): they were not saved. Save "
                        "the proposal without them and add the files once a publisher has published it, "
                        "or ask a publisher to add them."
                    )
                    % {"names": names},
                )

    ProposalForm.__name__ = form_class.__name__
    return ProposalForm


def is_version_revert(revision: Revision) -> bool:
    """Whether ``revision`` proposes a revert made on the versions page (no form data: the revert
    restores the whole version, rows and links included, ``config.editorial.versions``)."""
    return revision.kind == Revision.Kind.REVERT and revision.version is not None and not revision.data


def revert_target(record, revision: Revision):
    """The version of ``record`` that ``revision`` proposes to revert to (None if it is gone)."""
    found = versions.versions(record)
    return found[revision.version - 1] if 1 <= revision.version <= len(found) else None


def bound_request(request, data):
    """A copy of ``request`` that reads as a POST of ``data`` without files: what Django's admin binds
    the inline formsets to (``ModelAdmin.get_formset_kwargs``)."""
    bound = copy.copy(request)
    bound.method = "POST"
    bound.POST = data
    bound._files = MultiValueDict()
    return bound


class RevisionAdminMixin:
    """Proposals for a published record in its admin (see the module's docstring)."""

    revision_template = "admin/editorial/revision_form.html"
    revert_proposal_template = "admin/editorial/revert_proposal.html"

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["editorial/revisions.css"]})

    def proposes(self, request, obj) -> bool:
        """Whether a save of ``obj`` by this user is stored as a proposal."""
        if obj is None or obj.pk is None or not workflow.has_workflow(self.model):
            return False
        if not hasattr(obj, "_stored_status"):
            obj._stored_status = workflow.stored_status(obj)
        return revisions.proposes(request.user, obj, obj._stored_status)

    def has_change_permission(self, request, obj=None):
        if self.proposes(request, obj):
            return True
        return super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        return proposal_form(form_class) if self.proposes(request, obj) else form_class

    def get_formsets_with_inlines(self, request, obj=None):
        # A proposal writes no inlined record either: the check is made when it is published.
        proposing = obj is not None and self.proposes(request, obj)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if proposing and getattr(formset.form, "checks_workflow", False):
                formset.form = type(formset.form.__name__, (formset.form,), {"checks_workflow": False})
            yield formset, inline

    def get_urls(self):
        return [
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revision",
            ),
            *super().get_urls(),
        ]

    # Proposing: Django's change view and simple-history's version page, with the writes replaced ------

    def save_model(self, request, obj, form, change):
        if not self.proposes(request, obj):
            return super().save_model(request, obj, form, change)
        match = request.resolver_match
        version = match.args[-1] if match and match.url_name.endswith("_simple_history") else None
        data = revisions.submitted_data(request.POST)
        if "status" in form.fields:
            data["status"] = [Status.PUBLISHED]
        request.atlas_revision = revisions.propose(
            record=obj,
            by=request.user,
            data=data,
            fields=list(form.fields),
            note=request.POST.get(revisions.NOTE_FIELD, "").strip(),
            kind=Revision.Kind.REVERT if version else Revision.Kind.CHANGE,
            version=int(version) if version else None,
        )
        # The version page saves the form's links itself (form.save_m2m()): nothing is written.
        form.save_m2m = lambda: None

    def save_related(self, request, form, formsets, change):
        if getattr(request, "atlas_revision", None) is None:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "atlas_revision", None) is None:
            return super().construct_change_message(request, form, formsets, add)
        return []  # the formsets were not saved: there is nothing to describe

    def log_change(self, request, obj, message):
        if getattr(request, "atlas_revision", None) is None:
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        revision = getattr(request, "atlas_revision", None)
        if revision is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your changes to the published %(model)s “%(record)s” were saved as a proposal (revision "
                "%(number)s), not published: the public keeps seeing the published version until a "
                "publisher publishes it."
            )
            % {"model": self.opts.verbose_name, "record": obj, "number": revision.pk},
            messages.SUCCESS,
        )
        if "_continue" in request.POST:
            return HttpResponseRedirect(self.change_url(obj.pk))
        return HttpResponseRedirect(revisions.revision_url(revision))

    def change_url(self, pk) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[pk])

    # The banner's context -----------------------------------------------------------------------

    def revision_context(self, request, obj, revision=None) -> dict:
        proposing = self.proposes(request, obj)
        own = revisions.own_open_revision(obj, request.user) if proposing else None
        others = [item for item in revisions.open_revisions_of(obj) if item != revision and item != own]
        for item in [*others, *([own] if own else [])]:
            item.url = revisions.revision_url(item)
        return {
            "proposing": proposing and revision is None,
            "own": own,
            "others": others,
            "note": own.note if own else "",
            "note_field": revisions.NOTE_FIELD,
            "decision_note_field": revisions.DECISION_NOTE_FIELD,
        }

    def keeps_uploads(self, request, obj) -> bool:
        # A proposal keeps no file: none is kept for the next attempt either.
        return not self.proposes(request, obj) and super().keeps_uploads(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and "revision_context" not in context:
            context["revision_context"] = self.revision_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            record_context = {**self.revision_context(request, obj), "version_page": True}
            extra_context = {**(extra_context or {}), "revision_context": record_context}
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # An editor's open proposal is what the form shows, and what a save updates.
        if object_id is not None and request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.proposes(request, obj):
                own = revisions.own_open_revision(obj, request.user)
                if own is not None and not is_version_revert(own):
                    return self.render_revision(request, obj, own, editing=True, extra_context=extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    # The revision page --------------------------------------------------------------------------

    def row_models(self, request, obj) -> list[tuple]:
        """The models of the rows edited on this record's page, each with its foreign key's column."""
        rows = []
        for inline in self.get_inline_instances(request, obj):
            keys = [
                field
                for field in inline.model._meta.fields
                if field.many_to_one
                and field.related_model is self.model
                and inline.fk_name in (None, field.name)
            ]
            if keys:
                rows.append((inline.model, keys[0].attname))
        return rows

    def bound_forms(self, request, revision, data, files=None):
        """The change form and its inline formsets for the record as stored, bound to ``data``."""
        record = self.get_object(request, str(revision.object_id))
        if record is None:
            raise Http404(_("The record of this proposal no longer exists."))
        form_class = self.get_form(request, record, change=True, fields=revision.fields)
        form = form_class(data, files or {}, instance=record)
        if revision.kind == Revision.Kind.REVERT:
            return form, [], []  # a version page's form has no inlines
        formsets, inline_instances = self._create_formsets(
            bound_request(request, data) if files is None else request, form.instance, change=True
        )
        return form, formsets, inline_instances

    def render_revision(
        self, request, obj, revision, *, data=None, files=None, editing=False, extra_context=None
    ):
        if is_version_revert(revision):
            return self.render_revert_proposal(request, obj, revision)
        data = data if data is not None else revisions.as_querydict(revision.data)
        form, formsets, inline_instances = self.bound_forms(request, revision, data, files)
        form.is_valid()
        all_valid(formsets)  # the errors to show, as the change view would
        fieldsets = self.get_fieldsets(request, obj)
        admin_form = self.admin_form(request, obj, form, fieldsets)
        inline_formsets = self.get_inline_formsets(request, formsets, inline_instances, obj)
        media = self.media + admin_form.media
        for inline_formset in inline_formsets:
            media += inline_formset.media
        record_context = self.revision_context(request, obj, revision=None if editing else revision)
        if not editing:
            stored = self.model._base_manager.get(pk=obj.pk)
            record_context.update(
                revision=revision,
                changes=revisions.describe_changes(form, formsets),
                later=revisions.later_changes(revision, stored, self.row_models(request, obj)),
                may_decide=revision.is_open and revisions.may_decide(request.user, obj),
                may_withdraw=revision.is_open and revision.author_id == request.user.pk,
                history_url=reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
                ),
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revision %(number)s of %(record)s") % {"number": revision.pk, "record": obj}
            if not editing
            else _("Change %s") % self.opts.verbose_name,
            "subtitle": str(obj),
            "adminform": admin_form,
            "object_id": str(obj.pk),
            "original": obj,
            "is_popup": False,
            "to_field": None,
            "media": media,
            "inline_admin_formsets": inline_formsets,
            "errors": self.error_list(form, formsets),
            "preserved_filters": self.get_preserved_filters(request),
            "revision_context": record_context,
            **(extra_context or {}),
        }
        response = self.render_change_form(request, context, add=False, change=True, obj=obj)
        if not editing:
            response.template_name = self.revision_template
        return response

    def render_revert_proposal(self, request, obj, revision):
        """A proposal to revert to a version (made on the versions page): what the revert would change,
        from the record as it is now to that version, with the decisions."""
        stored = self.model._base_manager.get(pk=obj.pk)
        target = revert_target(stored, revision)
        current = versions.version_snapshot(stored, datetime.datetime.max.replace(tzinfo=datetime.UTC))
        record_context = self.revision_context(request, obj, revision=revision)
        record_context.update(
            revision=revision,
            later=revisions.later_changes(revision, stored, self.row_models(request, obj)),
            may_decide=revision.is_open and revisions.may_decide(request.user, obj),
            may_withdraw=revision.is_open and revision.author_id == request.user.pk,
            history_url=reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]),
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revision %(number)s of %(record)s") % {"number": revision.pk, "record": obj},
            "subtitle": str(obj),
            "opts": self.opts,
            "original": obj,
            "revision_context": record_context,
            "version_number": revision.version,
            "changes": versions.diff(current, target.snapshot) if target is not None else None,
            "missing_version": target is None,
        }
        return TemplateResponse(request, self.revert_proposal_template, context)

    def publish_revert_proposal(self, request, obj, revision):
        """Publish a proposal to revert to a version: the versions' restore, as the publisher."""
        with transaction.atomic():
            stored = self.model._base_manager.select_for_update().get(pk=obj.pk)
            if (
                revisions.later_changes(revision, stored, self.row_models(request, obj))
                and "_confirm_stale" not in request.POST
            ):
                self.message_user(
                    request,
                    _(
                        "The published record changed after this proposal was made. Check the changes, "
                        "then tick “Publish anyway” to publish it."
                    ),
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.get_full_path())
            target = revert_target(stored, revision)
            if target is None:
                raise workflow.WorkflowError(_("The version this proposal reverts to no longer exists."))
            try:
                changes = versions.restore_version(
                    stored, target, by=request.user, reason=revisions.published_reason(revision)
                )
            except versions.RestoreError as error:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
            revisions.mark_published(revision=revision, by=request.user)
        self.message_user(
            request,
            _(
                "Revision %(number)s by %(author)s is published: “%(record)s” is back to version "
                "%(version)s (%(changes)s) and stays published."
            )
            % {
                "number": revision.pk,
                "author": revision.author.get_username(),
                "record": stored,
                "version": revision.version,
                "changes": changes.summary(),
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.change_url(obj.pk))

    def admin_form(self, request, obj, form, fieldsets):
        # A field the proposal's form did not have (the publish date, for an editor) is shown, not edited.
        readonly = list(self.get_readonly_fields(request, obj))
        readonly += [
            name for name in flatten_fieldsets(fieldsets) if name not in form.fields and name not in readonly
        ]
        return helpers.AdminForm(
            form,
            list(fieldsets),
            self.get_prepopulated_fields(request, obj),
            readonly,
            model_admin=self,
        )

    def error_list(self, form, formsets):
        return helpers.AdminErrorList(form, formsets)

    def revision_view(self, request, object_id, revision_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such record."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        revision = revisions.revisions_of(obj).filter(pk=revision_id).first()
        if revision is None:
            raise Http404(_("No such revision of this record."))
        if request.method == "POST":
            try:
                if "_publish" in request.POST:
                    return self.publish_revision(request, obj, revision)
                if "_reject" in request.POST:
                    revisions.reject(
                        revision=revision,
                        by=request.user,
                        note=request.POST.get(revisions.DECISION_NOTE_FIELD, "").strip(),
                    )
                    self.message_user(
                        request,
                        _("Revision %(number)s was rejected; the published version is unchanged.")
                        % {"number": revision.pk},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(self.change_url(obj.pk))
                if "_withdraw" in request.POST:
                    revisions.withdraw(revision=revision, by=request.user)
                    self.message_user(
                        request,
                        _("You withdrew your proposal (revision %(number)s).") % {"number": revision.pk},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(self.change_url(obj.pk))
            except workflow.WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(request.get_full_path())
        return self.render_revision(request, obj, revision)

    def publish_revision(self, request, obj, revision):
        """Replay the revision's form (as the page posts it) as the publisher, through the normal save."""
        if not revision.is_open:
            raise workflow.WorkflowError(
                _("This proposal is %(state)s already.") % {"state": revision.get_state_display()}
            )
        if not revisions.may_decide(request.user, obj):
            raise workflow.WorkflowError(_("Only a publisher may publish a proposal."))
        if is_version_revert(revision):
            return self.publish_revert_proposal(request, obj, revision)
        data = revisions.submitted_data(request.POST)
        with transaction.atomic():
            record = self.model._base_manager.select_for_update().get(pk=obj.pk)
            if (
                revisions.later_changes(revision, record, self.row_models(request, obj))
                and "_confirm_stale" not in request.POST
            ):
                self.message_user(
                    request,
                    _(
                        "The published record changed after this proposal was made (listed below). "
                        "Publishing the proposal replaces those changes with its values: check them, "
                        "then tick “Publish anyway” to publish it."
                    ),
                    messages.ERROR,
                )
                return self.render_revision(request, obj, revision, data=request.POST, files=request.FILES)
            form, formsets, _inlines = self.bound_forms(request, revision, request.POST, files=request.FILES)
            form_valid = form.is_valid()
            if all_valid(formsets) and form_valid:
                new_object = self.save_form(request, form, change=True)
                workflow.save_record(
                    record=new_object, by=request.user, reason=revisions.published_reason(revision)
                )
                self.save_related(request, form, formsets, True)
                self.log_change(request, new_object, self.construct_change_message(request, form, formsets))
                revision.data = data
                revision.save(update_fields=["data", "updated_at"])
                revisions.mark_published(revision=revision, by=request.user)
                self.message_user(
                    request,
                    _(
                        "Revision %(number)s by %(author)s is published: the public now sees the new "
                        "version of “%(record)s”."
                    )
                    % {"number": revision.pk, "author": revision.author.get_username(), "record": new_object},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self.change_url(obj.pk))
        self.message_user(
            request, _("The proposal cannot be published as it is: see the errors below."), messages.ERROR
        )
        return self.render_revision(request, obj, revision, data=request.POST, files=request.FILES)
