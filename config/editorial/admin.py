"""The admin's shared parts: a base ModelAdmin and inlines every app's admin builds on.

Records and rows as in ``config.framework.models``: a record has its admin pages (``RecordAdmin``,
``TranslatedRecordAdmin``); its rows are edited on those pages through the ``…RowInline`` classes. A
row also has a change list of its own, on the same ``RecordAdmin`` base, and a record edited inside
another (a dialogue's phases and working groups) is inlined like a row.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.db.models import UniqueConstraint
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from config.editorial import kept_uploads, workflow
from config.editorial.concurrency import ConcurrencyMixin
from config.editorial.job_admin import JobAdmin
from config.editorial.models import Job
from config.editorial.publishing import PublishingAdminMixin
from config.editorial.revision_admin import RevisionAdminMixin
from config.editorial.translations import MissingTranslationsAdminMixin
from config.editorial.version_admin import VersionsAdminMixin, admin_reason
from config.framework.fields import CountriesField
from config.framework.forms import partial_date_form
from config.framework.internals import condition_holds
from config.framework.visibility import Status

# Field groups that recur in the admin's fieldsets, as model fields (a date and its precision on one
# line); named apart from the API's PERIOD_FIELDS, which are serializer fields.
ADMIN_PERIOD_FIELDS = (("start_date", "start_precision"), ("end_date", "end_precision"))
ADMIN_PUBLICATION_FIELDS = ("status", "visibility", "sources", "created_at", "updated_at")

FORMFIELD_OVERRIDES = {CountriesField: {"widget": FilteredSelectMultiple(_("countries"), is_stacked=False)}}


def text_list_formfield(db_field, **kwargs):
    """An array of names edited as a text area, one per line (aliases)."""
    return SimpleArrayField(
        db_field.base_field.formfield(),
        delimiter="\n",
        required=not db_field.blank,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=db_field.verbose_name.capitalize(),
        help_text=db_field.help_text,
        **kwargs,
    )


class UniqueRowsInlineFormSet(BaseInlineFormSet):
    """Refuse rows of one submission that break a unique constraint together.

    Django's formset checks plain unique constraints only; rows whose constraint has a condition
    or treats empty values as equal (``nulls_distinct=False``) would otherwise reach the database
    and fail there.
    """

    def clean(self):
        super().clean()
        model = self.model
        for constraint in model._meta.constraints:
            if not isinstance(constraint, UniqueConstraint) or not constraint.fields:
                continue
            if constraint.condition is None and constraint.nulls_distinct is not False:
                continue  # Django's own formset check covers it.
            seen = set()
            for form in self.forms:
                if not form.is_valid() or not form.cleaned_data or form.cleaned_data.get("DELETE"):
                    continue
                instance = form.instance
                if constraint.condition is not None and not condition_holds(constraint.condition, instance):
                    continue
                key = tuple(
                    getattr(instance, model._meta.get_field(name).attname)
                    for name in constraint.fields
                    if name != self.fk.name
                )
                if constraint.nulls_distinct is not False and None in key:
                    continue
                if key in seen:
                    form.add_error(None, ValidationError(constraint.get_violation_error_message()))
                seen.add(key)


def workflow_form(form_class, user, *, changed_only: bool = False):
    """``form_class`` that refuses, as a form error, a write the workflow does not allow ``user``.

    ``changed_only``: check only a form whose values changed (a record inlined in another's page, a
    dialogue's phase: its unchanged rows are not written).
    """

    class WorkflowForm(form_class):
        # Django's private ModelForm hook that builds the instance from the cleaned data and
        # validates it; the workflow must see the new status, which ``clean()`` cannot. Pinned by
        # tests/config/editorial/test_workflow.py (test_admin_form_names_the_missing_permission).
        # A form that writes nothing (an editor's proposal, config/editorial/revision_admin.py) leaves
        # the check to the write that publishes it.
        checks_workflow = True

        def _post_clean(self):
            super()._post_clean()
            if not self.checks_workflow or (changed_only and not self.has_changed()):
                return
            try:
                workflow.check_write(user, self.instance)
            except workflow.WorkflowError as error:
                self.add_error("status" if "status" in self.fields else None, error.message)

    WorkflowForm.__name__ = form_class.__name__
    return WorkflowForm


class RecordAdminMixin(ConcurrencyMixin, VersionsAdminMixin):
    """The admin of a model with status, visibility and sources (a record, or a row's own change
    list): the workflow, history, timestamps, widgets.

    Every save, status change, revert and delete goes through ``config.editorial.workflow``; the history
    page (``config.editorial.version_admin``) lists the versions of the whole record — its fields, rows
    and links — with their authors and what each changed, and can revert to one. A change form saves only onto
    the version it was loaded from (``config.editorial.concurrency``).
    """

    actions = ["submit_for_review", "return_to_draft", "publish", "unpublish"]
    readonly_fields = ("created_at", "updated_at")
    formfield_overrides = FORMFIELD_OVERRIDES
    list_per_page = 50
    save_on_top = True
    show_facets = admin.ShowFacets.ALLOW

    class Media:
        js = ("editorial/translation_tabs.js", "editorial/keep_alive.js", "editorial/session_ended.js")
        css = {"all": ("editorial/translation_tabs.css", "editorial/admin_layout.css")}

    @property
    def has_workflow(self) -> bool:
        return workflow.has_workflow(self.model)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, ArrayField) and not isinstance(db_field, CountriesField):
            return text_list_formfield(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # The workflow -----------------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.has_workflow or any("published_at" in flatten(opts["fields"]) for _, opts in fieldsets):
            return fieldsets
        with_date = []
        for name, opts in fieldsets:
            fields = list(opts["fields"])
            if "status" in fields:
                fields.insert(fields.index("status") + 1, "published_at")
            with_date.append((name, {**opts, "fields": tuple(fields)}))
        return with_date

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if self.has_workflow and not request.user.has_perm(workflow.permission_name(self.model, "publish")):
            readonly += ("published_at",)
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = partial_date_form(super().get_form(request, obj, change=change, **kwargs))
        form = workflow_form(form, request.user)
        return kept_uploads.kept_uploads_form(form, request.user)

    def keeps_uploads(self, request, obj) -> bool:
        """Whether a form shown again after an error keeps the files chosen (kept_uploads.py)."""
        return True

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if request.method == "POST" and self.keeps_uploads(request, obj):  # shown again after an error
            kept_uploads.keep_page_uploads(context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_allows(self, request, action, obj) -> bool:
        """Whether the workflow lets the user take ``action`` on ``obj`` as it is stored.

        The admin asks several times per page; the stored status is read once per object.
        (A version page's object carries that version's status, not the stored one.)
        """
        if obj is None or not self.has_workflow:
            return True
        if not hasattr(obj, "_stored_status"):
            obj._stored_status = workflow.stored_status(obj)
        status = obj._stored_status
        return status is None or workflow.allowed(request.user, action, obj, status)

    def has_change_permission(self, request, obj=None):
        # Editors without the publish permission may not change a published record: RevisionAdminMixin
        # (config/editorial/revision_admin.py) lets them propose a change to it instead.
        if not self.workflow_allows(request, workflow.Action.CHANGE, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if not self.workflow_allows(request, workflow.Action.DELETE, obj):
            return False
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.permission_name(self.model, "publish"))

    def save_model(self, request, obj, form, change):
        workflow.save_record(record=obj, by=request.user, reason=admin_reason(request, change))

    def delete_model(self, request, obj):
        workflow.delete_record(record=obj, by=request.user, reason=str(_("Deleted in the admin.")))

    def delete_queryset(self, request, queryset):
        # One by one, through the workflow and the history (never a bare QuerySet.delete()).
        for record in queryset:
            self.delete_model(request, record)

    def _set_status(self, request, queryset, status, verb):
        changed, refused = 0, []
        # Row by row (never QuerySet.update) so that every change is checked and kept in history.
        for record in queryset.exclude(status=status):
            try:
                workflow.transition(
                    record=record,
                    to=status,
                    by=request.user,
                    reason=str(_("%(verb)s in the admin.") % {"verb": verb}),
                )
            except workflow.WorkflowError as error:
                refused.append(f"{record}: {error.message}")
            else:
                changed += 1
        self.message_user(
            request,
            ngettext("%(count)d record %(verb)s.", "%(count)d records %(verb)s.", changed)
            % {"count": changed, "verb": verb},
            messages.SUCCESS if changed or not refused else messages.WARNING,
        )
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description=_("Submit the selected records for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset, Status.REVIEW, _("submitted for review"))

    @admin.action(description=_("Return the selected records to draft"), permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, _("returned to draft"))

    # publish: config.editorial.publishing.PublishingAdminMixin (with what the records use).

    @admin.action(description=_("Unpublish the selected records (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, _("unpublished"))

    @admin.display(description=_("countries"))
    def country_codes(self, record):
        return ", ".join(getattr(record, self.countries_field))

    countries_field = "countries"


# RevisionAdminMixin first: an editor's change to a published record is stored as a proposal
# (config/editorial/revision_admin.py) before the publishing step or RecordAdminMixin would see it.
class RecordAdmin(RevisionAdminMixin, PublishingAdminMixin, RecordAdminMixin, SimpleHistoryAdmin):
    """For models without translated fields."""


class TranslatedRecordAdmin(
    MissingTranslationsAdminMixin,
    RevisionAdminMixin,
    PublishingAdminMixin,
    RecordAdminMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """For models with translated fields: one tab per language, missing translations shown
    (config/editorial/translations.py)."""


class RowInlineMixin:
    """Rows edited on their record's page (roles, sessions …): compact, with constraint checks
    across rows."""

    formset = UniqueRowsInlineFormSet
    extra = 0
    formfield_overrides = FORMFIELD_OVERRIDES
    exclude = ("sources",)
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = partial_date_form(formset.form)  # dates typed as text (config/framework/forms.py)
        formset.form = kept_uploads.kept_uploads_form(formset.form, request.user)
        if workflow.has_workflow(self.model):
            # A record inlined in another's page (a dialogue's phases) goes through the workflow too:
            # an editor neither publishes it nor changes it while it is published.
            formset.form = workflow_form(formset.form, request.user, changed_only=True)
        return formset


class TabularRowInline(RowInlineMixin, admin.TabularInline):
    pass


class TranslatedTabularRowInline(RowInlineMixin, TranslationTabularInline):
    pass


class TranslatedStackedRowInline(RowInlineMixin, TranslationStackedInline):
    pass


# The import and export jobs (config/editorial/job_admin.py): a user's own, read-only.
admin.site.register(Job, JobAdmin)
