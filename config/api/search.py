"""``/api/v1/search/``: every type at once (``?q=`` on single lists is in ``config.api.filters``).

Both rank like the site search (``config.framework.search``): full-text rank plus trigram similarity, over
the records the caller may see.
"""

from django.utils import translation
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.filters import searched_text
from config.api.languages import language_codes
from config.api.pagination import whole_number
from config.api.parameters import QueryParameters
from config.api.permissions import TokenScope
from config.api.serializers import name_language, reference
from config.framework.search import clean_query, search_all

DEFAULT_PER_TYPE, MAX_PER_TYPE = 5, 50


class SearchResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(allow_null=True)
    name = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    html_url = serializers.URLField(allow_null=True)
    rank = serializers.FloatField()
    headline_html = serializers.CharField(help_text="The matching passage, HTML-escaped, matches in <mark>.")
    fallbacks = serializers.DictField(
        child=serializers.ChoiceField(choices=language_codes()),
        help_text="`name`, when it is in another language than the one asked for, with its language.",
    )


class SearchGroupSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="dialogues, working_groups, projects, events, organisations, …")
    label = serializers.CharField()
    total = serializers.IntegerField(help_text="How many records of this type match.")
    results = SearchResultSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The text as searched (at most 200 characters).")
    groups = SearchGroupSerializer(many=True)


PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, required=True, description="Search text."),
    OpenApiParameter(
        "per_type", OpenApiTypes.INT, description=f"Results per type, 1–{MAX_PER_TYPE} (default 5)."
    ),
]


def name_fallback(record) -> dict[str, str]:
    """``{"name": <language>}`` when the record's name is shown in another language than asked for."""
    language = name_language(record)
    return {"name": language} if language not in (None, translation.get_language()) else {}


class SearchView(QueryParameters, APIView):
    """Every type at once: the best matches of each type the caller may see, grouped by type."""

    # Read-only, and ``search_all`` applies the visibility rule to every type it searches.
    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | {parameter.name for parameter in PARAMETERS}

    @extend_schema(
        operation_id="search",
        parameters=PARAMETERS,
        responses={200: SearchResponseSerializer},
    )
    def get(self, request, *args, **kwargs):
        query = searched_text(request)
        if query is None:
            raise ValidationError({"q": [gettext("Give a search text.")]})
        per_type = whole_number(request.query_params.get("per_type", str(DEFAULT_PER_TYPE)))
        if per_type is None or not 1 <= per_type <= MAX_PER_TYPE:
            raise ValidationError(
                {"per_type": [gettext("A whole number from 1 to %(limit)s.") % {"limit": MAX_PER_TYPE}]}
            )
        groups = search_all(query, request.user, per_type=per_type)
        data = {
            "query": clean_query(query),
            "groups": [
                {
                    "type": group.key,
                    "label": str(group.label),
                    "total": group.total,
                    "results": [
                        {
                            **reference(record, request),
                            "rank": round(record.rank, 4),
                            "headline_html": str(record.headline),
                            "fallbacks": name_fallback(record),
                        }
                        for record in group.results
                    ],
                }
                for group in groups
            ],
        }
        return Response(SearchResponseSerializer(data).data)
