"""Who may do what: anyone reads what ``visible_to`` shows; writes need Django model permissions."""

from rest_framework import permissions


class ReadOrModelPermission(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Reads are open (the queryset applies the visibility rule); a write needs an authenticated
    user holding the model's add, change or delete permission, as in the admin."""

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
