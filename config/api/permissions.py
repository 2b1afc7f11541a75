"""Who may do what: anyone reads what ``visible_to`` shows; writes need Django model permissions; a
token does only what its scopes allow (``config.api.scopes``).

A request signed in through the session (staff in the browsable API) has no token and so no
scopes: its account's permissions alone decide, as in the admin.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from config.api.models import ApiToken
from config.api.scopes import kind_of, missing_scope


class MissingScope(exceptions.PermissionDenied):
    """A 403 naming the scope the token lacks (code ``missing_scope``)."""

    default_code = "missing_scope"

    def __init__(self, scope: str):
        super().__init__(
            _("This token does not have the scope “%(scope)s”; ask for a token that has it.")
            % {"scope": scope}
        )


def check_scope(request, view) -> None:
    """Raise ``MissingScope`` when the request's token may not make this request."""
    token = request.auth
    if not isinstance(token, ApiToken):
        return
    scope = missing_scope(token.scopes, request.method, kind_of(view))
    if scope is not None:
        raise MissingScope(scope)


class TokenScope(permissions.BasePermission):
    """Open to everyone, within a token's scopes: for the views that show what anyone may read
    (search), whose results go through the visibility rule."""

    def has_permission(self, request, view):
        check_scope(request, view)
        return True


class ReadOrModelPermission(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Reads are open (the queryset applies the visibility rule); a write needs an authenticated
    user holding the model's add, change or delete permission, as in the admin. A token's scopes
    are checked first, so a token without the scope is told which one it lacks."""

    def has_permission(self, request, view):
        check_scope(request, view)
        return super().has_permission(request, view)

    def _queryset(self, view):
        # REST framework asks this private hook of DjangoModelPermissions for the queryset whose
        # model names the permissions, and its own builds the view's whole queryset for that
        # (``get_queryset()``: the visibility filter and every prefetch of the serializer). Only
        # the model is needed, so the class's ``queryset`` is enough. Part of the read-path work
        # measured in docs/scaling.md ("The read path"); not measured on its own. If REST
        # framework stopped calling the hook, only that saving would be lost; if it changed its
        # arguments, every request would fail. tests/config/api/test_rest_framework_seams.py pins both.
        queryset = getattr(view, "queryset", None)
        return queryset if queryset is not None else super()._queryset(view)
