from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from config.editorial.admin import (
    ADMIN_PERIOD_FIELDS,
    ADMIN_PUBLICATION_FIELDS,
    RecordAdmin,
    TabularRowInline,
    TranslatedRecordAdmin,
    TranslatedStackedRowInline,
    TranslatedTabularRowInline,
)
from config.editorial.job_admin import BackgroundImportExportMixin
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectContactPoint,
    ProjectFocusArea,
    ProjectRole,
)
from projects.resources import ProjectResource


class ProgrammeFunderInline(TabularRowInline):
    model = ProgrammeFunder
    fields = ("organisation", "status", "visibility")
    autocomplete_fields = ("organisation",)


@admin.register(Programme)
class ProgrammeAdmin(TranslatedRecordAdmin):
    list_display = ("name", "acronym", "status", "visibility")
    list_filter = ("status", "visibility")
    search_fields = ("name", "name_de", "name_zh_hans", "acronym", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("sources",)
    inlines = [ProgrammeFunderInline]


@admin.register(ProgrammeFunder)
class ProgrammeFunderAdmin(RecordAdmin):
    list_display = ("programme", "organisation", "status")
    list_select_related = ("programme", "organisation")
    search_fields = ("programme__name", "organisation__name", "organisation__acronym")
    autocomplete_fields = ("programme", "organisation", "sources")


class ProjectFocusAreaInline(TranslatedTabularRowInline):
    model = ProjectFocusArea
    fields = ("order", "name", "status", "visibility")


class ProjectRoleInline(TabularRowInline):
    model = ProjectRole
    fields = ("organisation", "role", "start_date", "end_date", "note", "status", "visibility")
    autocomplete_fields = ("organisation",)


class ProjectContactInline(TranslatedTabularRowInline):
    model = ProjectContact
    fields = ("person", "role", "status", "visibility")
    autocomplete_fields = ("person",)


class ProjectContactPointInline(TranslatedStackedRowInline):
    model = ProjectContactPoint
    fields = ("order", "label", "email", "postal_address", "website", "status", "visibility")


@admin.register(Project)
class ProjectAdmin(BackgroundImportExportMixin, TranslatedRecordAdmin):
    resource_classes = [ProjectResource]
    list_display = (
        "title",
        "acronym",
        "programme",
        "country_codes",
        "state",
        "start_date",
        "status",
        "visibility",
    )
    list_filter = ("programme", "state", "status", "visibility", "topics")
    list_select_related = ("programme",)
    search_fields = ("title", "title_de", "title_zh_hans", "acronym", "aliases__item_icontains", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = (
        "programme",
        "parent",
        "topics",
        "dialogues",
        "working_groups",
        "publications",
        "sources",
    )
    inlines = [ProjectFocusAreaInline, ProjectRoleInline, ProjectContactInline, ProjectContactPointInline]
    fieldsets = (
        (
            None,
            {"fields": ("title", "acronym", "aliases", "slug", "programme", "parent", "countries", "state")},
        ),
        (_("When and how much"), {"fields": (*ADMIN_PERIOD_FIELDS, ("budget", "currency"))}),
        (_("About"), {"fields": ("summary", "description", "website", "topics")}),
        (_("Supports"), {"fields": ("dialogues", "working_groups", "publications")}),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
    )


@admin.register(ProjectFocusArea)
class ProjectFocusAreaAdmin(TranslatedRecordAdmin):
    list_display = ("project", "order", "name", "status")
    list_select_related = ("project",)
    search_fields = ("name", "project__title", "project__acronym")
    autocomplete_fields = ("project", "sources")


@admin.register(ProjectRole)
class ProjectRoleAdmin(RecordAdmin):
    list_display = ("organisation", "role", "project", "status", "visibility")
    list_filter = ("role", "status", "visibility")
    list_select_related = ("organisation", "project")
    search_fields = ("organisation__name", "organisation__acronym", "project__title", "project__acronym")
    autocomplete_fields = ("project", "organisation", "sources")


@admin.register(ProjectContact)
class ProjectContactAdmin(TranslatedRecordAdmin):
    list_display = ("person", "role", "project", "status", "visibility")
    list_select_related = ("person", "project")
    search_fields = ("person__family_name", "person__given_name", "project__title", "project__acronym")
    autocomplete_fields = ("project", "person", "sources")


@admin.register(ProjectContactPoint)
class ProjectContactPointAdmin(TranslatedRecordAdmin):
    list_display = ("project", "order", "label", "email", "status", "visibility")
    list_filter = ("status", "visibility")
    list_select_related = ("project",)
    search_fields = ("label", "email", "postal_address", "project__title", "project__acronym")
    autocomplete_fields = ("project", "sources")
