"""Page-number pagination with a default and a capped page size; a bad page is a 4xx."""

import re

from django.conf import settings
from django.core.paginator import InvalidPage
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response


def whole_number(raw: str) -> int | None:
    """``raw`` as a number if it is one to nine ASCII digits (``"²".isdigit()`` is true), else ``None``."""
    return int(raw) if re.fullmatch(r"[0-9]{1,9}", raw) else None


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=2&page_size=50``: ``count``, ``next``, ``previous`` and ``results``, plus a Link header.

    A page size above the maximum, or a page that is not a positive number, is refused with a 400
    rather than silently corrected, so that a client never believes it has everything when it has not.
    """

    page_size_query_param = "page_size"

    @property
    def page_size(self):
        return settings.API_PAGE_SIZE

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Enter a whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        number = None if raw in self.last_page_strings else whole_number(raw)
        if raw not in self.last_page_strings and (number is None or number < 1):
            raise ValidationError({self.page_query_param: ["Enter a whole number from 1."]})
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        if number is None:
            number = paginator.num_pages
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise NotFound(f"Page {number} is past the last page ({paginator.num_pages}).") from None
        self.request = request
        return list(self.page)

    def get_paginated_response(self, data):
        response = Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        if any(url for url, _ in links):
            response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        return response

    def get_schema_operation_parameters(self, view):
        # The bounds that ``get_page_size`` and ``paginate_queryset`` enforce.
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], **bounds.get(parameter["name"], {})}
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        return response
