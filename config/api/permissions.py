"""Who may do what: anyone reads what ``visible_to`` shows; writes need Django model permissions."""

from rest_framework import permissions


class ReadOrModelPermission(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Reads are open (the queryset applies the visibility rule); a write needs an authenticated
    user holding the model's add, change or delete permission, as in the admin."""

    def _queryset(self, view):
        # Only the model is needed: not the view's queryset, with its prefetches, built anew.
        queryset = getattr(view, "queryset", None)
        return queryset if queryset is not None else super()._queryset(view)
