"""``?q=`` on every searchable API list, ranked like the site search (``config.framework.search``).

Kept apart from the search view: REST framework imports its filter backends while it loads, before
views and schema helpers may be imported.
"""

from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from config.framework.internals import explicit_ordering
from config.framework.search import MAX_INPUT_LENGTH


def searched_text(request) -> str | None:
    """The ``q`` parameter, checked: None when absent or blank."""
    query = request.query_params.get("q")
    if query is None or not query.strip():
        return None
    if len(query) > MAX_INPUT_LENGTH:
        raise ValidationError(
            {
                "q": [
                    gettext("The search text is too long: %(length)s characters; at most %(limit)s.")
                    % {"length": len(query), "limit": MAX_INPUT_LENGTH}
                ]
            }
        )
    return query


def is_searchable(model) -> bool:
    return any(field.name == "search_vector" for field in model._meta.get_fields())


class SearchFilterBackend(BaseFilterBackend):
    """``?q=hydrogen``: the matching records, best first (``?ordering=`` still wins when given)."""

    def filter_queryset(self, request, queryset, view):
        query = searched_text(request)
        if query is None:
            return queryset
        if not is_searchable(queryset.model):
            raise ValidationError({"q": [gettext("This list cannot be searched; filter it instead.")]})
        searched = queryset.search(query)
        if any(request.query_params.getlist("ordering")):
            searched = searched.order_by(*explicit_ordering(queryset))
        return searched

    def get_schema_operation_parameters(self, view):
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None or not is_searchable(model):
            return []
        return [
            {
                "name": "q",
                "required": False,
                "in": "query",
                "description": "Search text (full text in English, German and Chinese, with typos and "
                "acronyms): the matching records, best first.",
                "schema": {"type": "string", "maxLength": MAX_INPUT_LENGTH},
            }
        ]
