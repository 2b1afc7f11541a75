from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from config.admin import (
    PERIOD_FIELDS,
    PUBLICATION_FIELDS,
    RecordAdmin,
    TabularRowInline,
    TranslatedRecordAdmin,
    TranslatedStackedRowInline,
    TranslatedTabularRowInline,
)
from config.imports import RecordImportExportMixin
from events.models import Change, Event, EventParticipation, EventSpeaker, Photo, Session
from events.resources import EventResource


class SessionInline(TranslatedStackedRowInline):
    model = Session
    fields = ("order", "title", "date", "description", "topics", "status", "visibility")
    autocomplete_fields = ("topics",)


class ParticipationInline(TabularRowInline):
    model = EventParticipation
    fields = ("organisation", "role", "note", "status", "visibility")
    autocomplete_fields = ("organisation",)


class SpeakerInline(TabularRowInline):
    model = EventSpeaker
    fields = ("order", "person", "role", "organisation", "status", "visibility")
    autocomplete_fields = ("person", "organisation")


class PhotoInline(TranslatedTabularRowInline):
    model = Photo
    fields = ("order", "image", "caption", "alt_text", "credit", "licence", "status", "visibility")


@admin.register(Event)
class EventAdmin(RecordImportExportMixin, TranslatedRecordAdmin):
    resource_classes = [EventResource]
    list_display = (
        "name",
        "kind",
        "start_date",
        "city",
        "country",
        "dialogue",
        "state",
        "status",
        "visibility",
    )
    list_filter = ("kind", "state", "mode", "status", "visibility", "dialogue", "country")
    list_select_related = ("dialogue",)
    search_fields = ("name", "name_de", "name_zh_hans", "city", "venue", "slug", "dialogue__acronym")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = (
        "parent",
        "dialogue",
        "working_group",
        "projects",
        "topics",
        "documents",
        "sources",
    )
    date_hierarchy = "start_date"
    inlines = [SessionInline, ParticipationInline, SpeakerInline, PhotoInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "state", "number", "parent")}),
        ("When", {"fields": PERIOD_FIELDS}),
        ("Where", {"fields": ("mode", "venue", "city", "country", ("latitude", "longitude"))}),
        ("Belongs to", {"fields": ("dialogue", "working_group", "projects", "topics")}),
        ("About", {"fields": ("summary", "description", "outcomes", "participant_count", "documents")}),
        ("Publication", {"fields": PUBLICATION_FIELDS}),
    )


@admin.register(Session)
class SessionAdmin(TranslatedRecordAdmin):
    list_display = ("event", "order", "title", "date", "status")
    list_select_related = ("event",)
    search_fields = ("title", "event__name")
    autocomplete_fields = ("event", "topics", "sources")


@admin.register(EventParticipation)
class EventParticipationAdmin(RecordAdmin):
    list_display = ("organisation", "role", "event", "status", "visibility")
    list_filter = ("role", "status", "visibility")
    list_select_related = ("organisation", "event")
    search_fields = ("organisation__name", "organisation__acronym", "event__name")
    autocomplete_fields = ("event", "organisation", "sources")


@admin.register(EventSpeaker)
class EventSpeakerAdmin(RecordAdmin):
    list_display = ("person", "role", "event", "organisation", "status", "visibility")
    list_filter = ("role", "status", "visibility")
    list_select_related = ("person", "event", "organisation")
    search_fields = ("person__family_name", "person__given_name", "event__name", "organisation__acronym")
    autocomplete_fields = ("event", "person", "organisation", "sources")


@admin.register(Photo)
class PhotoAdmin(TranslatedRecordAdmin):
    list_display = ("caption", "event", "credit", "licence", "status")
    list_select_related = ("event",)
    search_fields = ("caption", "credit", "event__name")
    autocomplete_fields = ("event", "sources")


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """Recent changes to every record and row: who changed what, when and why (read-only)."""

    list_display = ("history_date", "history_user", "history_type", "kind", "record", "history_change_reason")
    list_filter = ("history_type", "model", ("history_user", admin.RelatedOnlyFieldListFilter))
    date_hierarchy = "history_date"
    search_fields = ("object_repr", "history_change_reason", "history_user__username")
    list_select_related = ("history_user",)
    list_per_page = 100
    show_full_result_count = False

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("kind of record"), ordering="model")
    def kind(self, change):
        try:
            return apps.get_model(change.model)._meta.verbose_name
        except LookupError:
            return change.model

    @admin.display(description=_("record"))
    def record(self, change):
        """The record's history page in the admin, where each version can be compared and reverted."""
        label = change.object_repr or f"#{change.object_id}"
        app_label, model_name = change.model.split(".")
        try:
            url = reverse(f"admin:{app_label}_{model_name}_history", args=[change.object_id])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)
