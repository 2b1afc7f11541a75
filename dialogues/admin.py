from django.contrib import admin
from django.utils.translation import gettext
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
from config.framework.fields import country_names_by_code
from dialogues.models import (
    Dialogue,
    DialogueAim,
    DialogueRole,
    Phase,
    Publication,
    PublicationAuthor,
    Topic,
    WorkingGroup,
    WorkingGroupMember,
)
from dialogues.resources import PublicationResource

# A row's side is one of its dialogue's parties: the menus offer those (and blank, "both") instead of
# every country, which made the T2D form's HTML half a megabyte. A value stored before the parties
# changed stays on offer, so that opening and saving a row never changes it.


def side_choices(parties, current=""):
    """The choices of a row's side: blank ("both"), the parties, and ``current`` if it is none of them."""
    names = country_names_by_code()
    codes = [code for code in parties if code]
    if current and current not in codes:
        codes.append(current)
    return [("", _("both"))] + [(code, names.get(code, code)) for code in codes]


def posted_parties(request) -> list[str]:
    """The parties a dialogue form was just submitted with (an editor may add a party and use it on a
    row in the same save); codes that are no country are left to the parties field to refuse."""
    if request.method != "POST":
        return []
    names = country_names_by_code()
    return [code for code in request.POST.getlist("parties") if code in names]


def parties_side_form(form_class, parties):
    """``form_class`` whose ``side`` menu offers only ``parties`` (plus blank and the row's own value),
    and refuses any other side with a message that names them."""
    parties = list(dict.fromkeys(parties))

    class PartiesSideForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields.get("side")
            if field is None:
                return
            field.choices = side_choices(parties, getattr(self.instance, "side", "") or "")
            field.error_messages["invalid_choice"] = gettext(
                "%(value)s is not a party to this dialogue; "
                "choose one of %(parties)s, or leave it blank for both."
            ).replace("%(parties)s", ", ".join(parties) or "—")

    PartiesSideForm.__name__ = form_class.__name__
    return PartiesSideForm


class PartiesSideInlineMixin:
    """An inline whose rows' side is chosen among the parties of the dialogue the page belongs to."""

    def dialogue_of(self, obj):
        return obj

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        dialogue = self.dialogue_of(obj) if obj is not None else None
        if dialogue is None and not posted_parties(request):
            return formset  # a new record: its parties are not known yet
        parties = [*(dialogue.parties if dialogue else []), *posted_parties(request)]
        formset.form = parties_side_form(formset.form, parties)
        return formset


@admin.register(Topic)
class TopicAdmin(TranslatedRecordAdmin):
    list_display = ("name", "parent", "status", "visibility")
    list_filter = ("status", "visibility", "parent")
    list_select_related = ("parent",)
    search_fields = ("name", "name_de", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent", "sources")


class DialogueAimInline(TranslatedTabularRowInline):
    model = DialogueAim
    fields = ("order", "text", "status", "visibility")


class PhaseInline(TranslatedStackedRowInline):
    model = Phase
    fields = (
        "number",
        "name",
        "slug",
        *ADMIN_PERIOD_FIELDS,
        "summary",
        "steering_committee_meetings",
        "cadence",
        "topics",
        "status",
        "visibility",
    )
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("topics",)


class WorkingGroupInline(TranslatedStackedRowInline):
    model = WorkingGroup
    fields = ("phase", "number", "name", "slug", *ADMIN_PERIOD_FIELDS, "topics", "status", "visibility")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("phase", "topics")


class DialogueRoleInline(PartiesSideInlineMixin, TabularRowInline):
    model = DialogueRole
    fields = (
        "organisation",
        "role",
        "side",
        "phase",
        "start_date",
        "end_date",
        "note",
        "status",
        "visibility",
    )
    autocomplete_fields = ("organisation", "phase")


@admin.register(Dialogue)
class DialogueAdmin(TranslatedRecordAdmin):
    list_display = (
        "name",
        "acronym",
        "track",
        "country_codes",
        "state",
        "start_date",
        "status",
        "visibility",
    )
    countries_field = "parties"
    list_filter = ("track", "state", "status", "visibility", "topics")
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
    autocomplete_fields = ("topics", "sources", "supports")
    inlines = [DialogueAimInline, PhaseInline, WorkingGroupInline, DialogueRoleInline]
    fieldsets = (
        (
            None,
            {"fields": ("name", "acronym", "native_name", "aliases", "slug", "track", "parties", "state")},
        ),
        (_("When"), {"fields": (*ADMIN_PERIOD_FIELDS, "cadence")}),
        (_("About"), {"fields": ("summary", "description", "website", "topics", "supports")}),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
    )


@admin.register(DialogueAim)
class DialogueAimAdmin(TranslatedRecordAdmin):
    list_display = ("dialogue", "order", "text", "status")
    list_filter = ("dialogue", "status")
    list_select_related = ("dialogue",)
    search_fields = ("text", "dialogue__name", "dialogue__acronym")
    autocomplete_fields = ("dialogue", "sources")


@admin.register(Phase)
class PhaseAdmin(TranslatedRecordAdmin):
    list_display = ("__str__", "number", "start_date", "end_date", "status", "visibility")
    list_filter = ("dialogue", "status", "visibility")
    list_select_related = ("dialogue",)
    search_fields = ("name", "name_de", "dialogue__name", "dialogue__acronym", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("dialogue", "topics", "sources")


class WorkingGroupMemberInline(PartiesSideInlineMixin, TabularRowInline):
    model = WorkingGroupMember

    def dialogue_of(self, obj):
        return obj.dialogue

    fields = ("organisation", "person", "role", "side", "note", "status", "visibility")
    autocomplete_fields = ("organisation", "person")


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TranslatedRecordAdmin):
    list_display = ("name", "dialogue", "phase", "number", "status", "visibility")
    list_filter = ("dialogue", "status", "visibility", "topics")
    list_select_related = ("dialogue", "phase")
    search_fields = ("name", "name_de", "name_zh_hans", "dialogue__name", "dialogue__acronym", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("dialogue", "phase", "topics", "sources")
    inlines = [WorkingGroupMemberInline]


@admin.register(WorkingGroupMember)
class WorkingGroupMemberAdmin(RecordAdmin):
    list_display = ("working_group", "organisation", "person", "role", "side", "status")
    list_filter = ("role", "status", "visibility")
    list_select_related = ("working_group__dialogue", "organisation", "person")
    search_fields = (
        "working_group__name",
        "organisation__name",
        "organisation__acronym",
        "person__family_name",
    )
    autocomplete_fields = ("working_group", "organisation", "person", "sources")


@admin.register(DialogueRole)
class DialogueRoleAdmin(RecordAdmin):
    list_display = ("organisation", "role", "dialogue", "side", "phase", "status", "visibility")
    list_filter = ("role", "dialogue", "side", "status", "visibility")
    list_select_related = ("organisation", "dialogue", "phase__dialogue")
    search_fields = (
        "organisation__name",
        "organisation__acronym",
        "dialogue__name",
        "dialogue__acronym",
        "note",
    )
    autocomplete_fields = ("dialogue", "organisation", "phase", "sources")


class PublicationAuthorInline(TabularRowInline):
    model = PublicationAuthor
    fields = ("order", "organisation", "person", "status", "visibility")
    autocomplete_fields = ("organisation", "person")


@admin.register(Publication)
class PublicationAdmin(BackgroundImportExportMixin, TranslatedRecordAdmin):
    resource_classes = [PublicationResource]
    list_display = ("title", "kind", "date", "dialogue", "status", "visibility")
    list_filter = ("kind", "dialogue", "status", "visibility", "topics")
    list_select_related = ("dialogue",)
    search_fields = ("title", "title_de", "title_zh_hans", "summary", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("dialogue", "working_group", "topics", "sources")
    date_hierarchy = "date"
    inlines = [PublicationAuthorInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", ("date", "date_precision"))}),
        (_("Document"), {"fields": ("url", "file", "summary", "editor_note")}),
        (_("Belongs to"), {"fields": ("dialogue", "working_group", "topics")}),
        (_("Publication"), {"fields": ADMIN_PUBLICATION_FIELDS}),
    )


@admin.register(PublicationAuthor)
class PublicationAuthorAdmin(RecordAdmin):
    list_display = ("publication", "order", "organisation", "person", "status")
    list_select_related = ("publication", "organisation", "person")
    search_fields = ("publication__title", "organisation__name", "person__family_name")
    autocomplete_fields = ("publication", "organisation", "person", "sources")
