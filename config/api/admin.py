"""API tokens in the admin: staff issue them, see their state and last use, and revoke them.

The key of a new token is in the success message of the page that issued it, once; the admin never
shows it again, since only its digest is stored. A token's scopes, name and expiry may be changed
later; its key and account may not (issue a new token instead).
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.api import scopes
from config.api.models import ApiToken

# What the form proposes as a new token's expiry; a token that never expires is a choice, not a default.
DEFAULT_LIFETIME = datetime.timedelta(days=365)


class ApiTokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("scopes"),
        choices=scopes.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Read, and write each kind of record. The account's own permissions still apply."),
    )

    class Meta:
        model = ApiToken
        fields = ["user", "name", "scopes", "expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.initial.setdefault("expires_at", timezone.now() + DEFAULT_LIFETIME)
            self.initial.setdefault("scopes", [scopes.READ])


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = [
        "name",
        "user",
        "prefix",
        "state",
        "scope_list",
        "expires_at",
        "last_used_at",
        "last_used_from",
    ]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), "expires_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = [
        "prefix",
        "state",
        "created_at",
        "created_by",
        "revoked_at",
        "last_used_at",
        "last_used_from",
    ]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        # The account of an issued token stays: its key was handed to that account's system.
        return [*self.readonly_fields, "user"] if obj is not None else self.readonly_fields

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["user", "name", "scopes", "expires_at"]
        return ["user", "name", "prefix", "state", "scopes", "expires_at", *self.readonly_fields[2:]]

    @admin.display(description=_("state"))
    def state(self, token):
        if token.is_revoked:
            return _("revoked")
        if token.is_expired:
            return _("expired")
        return _("active")

    @admin.display(description=_("scopes"))
    def scope_list(self, token):
        return ", ".join(token.scopes)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        key = obj.set_new_key()
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        self.message_user(
            request,
            _(
                "The key of the token “%(name)s” is %(key)s — copy it now and give it to the partner "
                "system: it is shown this once and cannot be shown again."
            )
            % {"name": obj.name, "key": key},
            messages.SUCCESS,
        )

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            token.revoke()
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", len(tokens))
            % {"count": len(tokens)},
            messages.SUCCESS,
        )
