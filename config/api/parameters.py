"""The query parameters an API read takes: any other is a 400 naming it, so a typo
(``?updatedsince=``) is never answered with the whole list.

What an endpoint takes is read off the code that reads the parameters, never listed by hand: its
filter backends (a FilterSet's filters, ``q`` where the list is searchable), its pagination (on a
list), and ``format`` (REST framework's ``URL_FORMAT_OVERRIDE``). A new filter is taken as soon as
its FilterSet has it. A view that reads parameters of its own names them in ``query_parameters()``.
"""

import difflib

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

from config.api.languages import PARAMETER as LANGUAGE_PARAMETER

UNKNOWN = "unknown_parameter"


def filterset_parameters(filterset_class) -> set[str]:
    """The parameters a FilterSet reads: one per filter, or one per part of a filter whose widget
    has several (django-filter's range widgets read ``<name>_min`` and ``<name>_max``, say)."""
    names = set()
    for name, filter_ in filterset_class.base_filters.items():
        widget = filter_.extra.get("widget") or filter_.field_class.widget
        suffixes = getattr(widget, "suffixes", None)
        names |= {f"{name}_{suffix}" if suffix else name for suffix in suffixes} if suffixes else {name}
    return names


def backend_parameters(backend, view) -> set[str]:
    """The parameters one filter backend reads: a FilterSet's filters, or what the backend documents
    in the schema (``q`` on a searchable list)."""
    if isinstance(backend, DjangoFilterBackend):
        filterset_class = backend.get_filterset_class(view, getattr(view, "queryset", None))
        return filterset_parameters(filterset_class) if filterset_class else set()
    return {parameter["name"] for parameter in backend.get_schema_operation_parameters(view)}


class QueryParameters:
    """A mixin for API views: a GET (or HEAD) with a query parameter the view does not take is a
    400 that names each such parameter, with the code ``unknown_parameter``.

    A view that lists (``detail`` is false: a list, an export) takes its filter backends' parameters
    and its paginator's; any view takes ``format`` and ``lang`` (``config.api.languages``).
    """

    def query_parameters(self) -> set[str]:
        names = {api_settings.URL_FORMAT_OVERRIDE, LANGUAGE_PARAMETER} - {None}
        if getattr(self, "detail", None) is False:
            for backend in getattr(self, "filter_backends", ()):
                names |= backend_parameters(backend(), self)
            paginator = getattr(self, "paginator", None)
            if paginator is not None:
                names |= {parameter["name"] for parameter in paginator.get_schema_operation_parameters(self)}
        return names

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            refuse_unknown_parameters(request.query_params, self.query_parameters())
            # An empty ordering or updated_since is none of the values the schema gives them.
            empty = [
                name
                for name in NOT_EMPTY
                if name in request.query_params and not all(request.query_params.getlist(name))
            ]
            if empty:
                raise ValidationError({name: [str(NOT_EMPTY[name])] for name in empty}, code="invalid")


NOT_EMPTY = {
    "ordering": _("Name a field to order by (see the schema), or leave ordering out."),
    "updated_since": _("Give a date and time (2026-01-31T00:00:00Z), or leave updated_since out."),
}


def refuse_unknown_parameters(query_params, known: set[str]) -> None:
    unknown = [name for name in query_params if name not in known]
    if unknown:
        raise ValidationError({name: [unknown_message(name, known)] for name in unknown}, code=UNKNOWN)


def unknown_message(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    values = {"name": name, "known": ", ".join(sorted(known)), "guess": close[0] if close else ""}
    if close:
        return (
            gettext(
                "This address takes no parameter “%(name)s”. Did you mean “%(guess)s”? It takes: %(known)s."
            )
            % values
        )
    return gettext("This address takes no parameter “%(name)s”. It takes: %(known)s.") % values
