from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from config.editorial.admin import (
    ADMIN_PUBLICATION_FIELDS,
    TranslatedRecordAdmin,
    TranslatedStackedRowInline,
    TranslatedTabularRowInline,
)
from config.editorial.job_admin import BackgroundImportExportMixin
from institutions.models import Affiliation, Organisation, OrganisationContactPoint, Person, Source
from institutions.resources import OrganisationResource, PersonResource


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "publisher", "language", "seen_on", "url")
    list_filter = ("publisher", "language")
    search_fields = ("title", "publisher", "url", "slug")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("created_at", "updated_at")


class AffiliationInline(TranslatedTabularRowInline):
    model = Affiliation
    fk_name = "person"
    autocomplete_fields = ("organisation",)
    fields = (
        "organisation",
        "position",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "status",
        "visibility",
    )


class OrganisationContactPointInline(TranslatedStackedRowInline):
    model = OrganisationContactPoint
    fields = ("order", "label", "email", "postal_address", "website", "status", "visibility")


@admin.register(Organisation)
class OrganisationAdmin(BackgroundImportExportMixin, TranslatedRecordAdmin):
    resource_classes = [OrganisationResource]
    list_display = ("name", "acronym", "kind", "country", "parent", "status", "visibility", "updated_at")
    list_filter = ("kind", "country", "status", "visibility")
    list_select_related = ("parent",)
    search_fields = (
        "name",
        "name_de",
        "name_zh_hans",
        "acronym",
        "native_name",
        "aliases__item_icontains",
        "slug",
    )
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent", "predecessor", "sources")
    inlines = [OrganisationContactPointInline]
    fieldsets = (
        (None, {"fields": ("name", "acronym", "native_name", "aliases", "slug", "kind", "country")}),
        (_("Relations"), {"fields": ("parent", "predecessor", "website")}),
        (_("Description"), {"fields": ("description",)}),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
    )


@admin.register(Person)
class PersonAdmin(BackgroundImportExportMixin, TranslatedRecordAdmin):
    resource_classes = [PersonResource]
    list_display = ("full_name", "honorific", "native_name", "status", "visibility", "updated_at")
    list_filter = ("status", "visibility", "name_order")
    search_fields = (
        "given_name",
        "family_name",
        "native_name",
        "slug",
        "affiliations__organisation__acronym",
    )
    prepopulated_fields = {"slug": ("given_name", "family_name")}
    autocomplete_fields = ("sources",)
    inlines = [AffiliationInline]
    fieldsets = (
        (None, {"fields": ("honorific", "given_name", "family_name", "name_order", "native_name", "slug")}),
        (_("Biography"), {"fields": ("bio",)}),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
    )


@admin.register(Affiliation)
class AffiliationAdmin(TranslatedRecordAdmin):
    list_display = ("person", "position", "organisation", "start_date", "end_date", "status", "visibility")
    list_filter = ("status", "visibility")
    list_select_related = ("person", "organisation")
    search_fields = (
        "person__family_name",
        "person__given_name",
        "organisation__name",
        "organisation__acronym",
        "position",
    )
    autocomplete_fields = ("person", "organisation", "sources")


@admin.register(OrganisationContactPoint)
class OrganisationContactPointAdmin(TranslatedRecordAdmin):
    list_display = ("organisation", "order", "label", "email", "status", "visibility")
    list_filter = ("status", "visibility")
    list_select_related = ("organisation",)
    search_fields = ("label", "email", "postal_address", "organisation__name", "organisation__acronym")
    autocomplete_fields = ("organisation", "sources")
