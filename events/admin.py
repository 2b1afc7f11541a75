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
from events.models import Event, EventParticipation, EventPlace, EventSpeaker, Photo, Session
from events.resources import EventResource


class PlaceInline(TabularRowInline):
    """The further places of an event held in more than one (its own venue and city are place 1)."""

    model = EventPlace
    fields = (
        "order",
        "venue",
        "city",
        "country",
        "latitude",
        "longitude",
        "coordinates_source",
        "status",
        "visibility",
    )


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
class EventAdmin(BackgroundImportExportMixin, TranslatedRecordAdmin):
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
    search_fields = (
        "name",
        "name_de",
        "name_zh_hans",
        "city",
        "venue",
        "places__city",
        "slug",
        "dialogue__acronym",
    )
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
    inlines = [PlaceInline, SessionInline, ParticipationInline, SpeakerInline, PhotoInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "state", "number", "parent")}),
        (_("When"), {"fields": ADMIN_PERIOD_FIELDS}),
        (
            _("Where"),
            {"fields": ("mode", "venue", "city", "country", ("latitude", "longitude"), "coordinates_source")},
        ),
        (_("Belongs to"), {"fields": ("dialogue", "working_group", "projects", "topics")}),
        (
            _("About"),
            {
                "fields": (
                    "summary",
                    "description",
                    "outcomes",
                    "editor_note",
                    "participant_count",
                    "documents",
                )
            },
        ),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
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


@admin.register(EventPlace)
class EventPlaceAdmin(RecordAdmin):
    list_display = ("event", "order", "city", "country", "coordinates_source", "status", "visibility")
    list_filter = ("country", "status", "visibility")
    list_select_related = ("event",)
    search_fields = ("city", "venue", "event__name")
    autocomplete_fields = ("event", "sources")
