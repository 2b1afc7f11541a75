"""The admin's shared parts: a base ModelAdmin and inlines every app's admin builds on."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.db.models import UniqueConstraint
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from config.fields import CountriesField
from config.visibility import Status

# Field groups that recur in the fieldsets of many models.
PERIOD_FIELDS = (("start_date", "start_precision"), ("end_date", "end_precision"))
PUBLICATION_FIELDS = ("status", "visibility", "sources", "created_at", "updated_at")

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
                if constraint.condition is not None:
                    against = instance._get_field_expression_map(meta=model._meta)
                    if not constraint.condition.check(against):
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


class RecordAdminMixin:
    """A record with status, visibility and sources: publish actions, timestamps, widgets."""

    actions = ["publish", "unpublish"]
    readonly_fields = ("created_at", "updated_at")
    formfield_overrides = FORMFIELD_OVERRIDES
    list_per_page = 50
    save_on_top = True
    show_facets = admin.ShowFacets.ALLOW

    class Media:
        js = ("config/admin/translation_tabs.js",)
        css = {"all": ("config/admin/translation_tabs.css",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, ArrayField) and not isinstance(db_field, CountriesField):
            return text_list_formfield(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _set_status(self, request, queryset, status, verb):
        changed = 0
        # Saved row by row (not QuerySet.update) so that every change goes through save().
        for record in queryset.exclude(status=status):
            record.status = status
            record.save(update_fields=["status"])
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d record %(verb)s.", "%(count)d records %(verb)s.", changed)
            % {"count": changed, "verb": verb},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, _("published"))

    @admin.action(description=_("Unpublish the selected records (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, _("unpublished"))

    @admin.display(description=_("countries"))
    def country_codes(self, record):
        return ", ".join(getattr(record, self.countries_field))

    countries_field = "countries"


class RecordAdmin(RecordAdminMixin, admin.ModelAdmin):
    pass


class TranslatedRecordAdmin(RecordAdminMixin, TranslationAdmin):
    """For models with translated fields: one tab per language."""


class RowInlineMixin:
    """Inline rows (roles, sessions …): compact, with constraint checks across rows."""

    formset = UniqueRowsInlineFormSet
    extra = 0
    formfield_overrides = FORMFIELD_OVERRIDES
    exclude = ("sources",)
    show_change_link = True


class TabularRowInline(RowInlineMixin, admin.TabularInline):
    pass


class TranslatedTabularRowInline(RowInlineMixin, TranslationTabularInline):
    pass


class TranslatedStackedRowInline(RowInlineMixin, TranslationStackedInline):
    pass
