"""The admin's list of recent changes across the whole atlas."""

from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from config.atlas import lookalikes  # noqa: F401 (registers what tells records apart, and duplicates)
from config.atlas.models import Change
from config.editorial.versions import describe_row_entries


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

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # A row's change names the record it hangs on and the row's own label, read for the page
        # in one query per kind of row (and of record).
        rows = describe_row_entries(
            [(change.model, int(change.key.rsplit(":", 1)[1])) for change in changelist.result_list]
        )
        for change in changelist.result_list:
            change.row = rows.get((change.model, int(change.key.rsplit(":", 1)[1])))
        return changelist

    @admin.display(description=_("record"))
    def record(self, change):
        """The record's history page in the admin, where each version can be compared and reverted.

        A row's change links to the history of the record it hangs on, where it is a version."""
        row = getattr(change, "row", None)
        if row is not None:
            parent, label = row
            if parent is None:
                return label
            opts = parent._meta
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[parent.pk])
            except NoReverseMatch:
                return f"{label} — {parent}"
            return format_html('{} — <a href="{}">{}</a>', label, url, parent)
        label = change.object_repr or f"#{change.object_id}"
        app_label, model_name = change.model.split(".")
        try:
            url = reverse(f"admin:{app_label}_{model_name}_history", args=[change.object_id])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)
