"""Keyset (cursor) pagination of every API list: a page begins after the sort key of the last row
the client saw, not at an offset, so records added or deleted before the position never shift what
the next page holds (none skipped, none twice, no ``next`` that leads nowhere).

A list's order is what its FilterSet made it (the default, or ``?ordering=``, always ending with
the id) or search's rank; ``sort_keys`` spells it out column by column as Django orders it, and the
page is ordered by those columns with NULLs placed explicitly — last ascending, first descending,
PostgreSQL's own default — so that the cursor's condition (``beyond``) and ``ORDER BY`` agree on
every row, NULLs included.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, FloatField, Q
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from django.utils.translation import gettext
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from config.framework.internals import explicit_ordering

CURSOR_SALT = "config.api.pagination.cursor"
CURSOR_MAX_LENGTH = 4096
KEY_ALIAS = "cursor_key_{}"


def whole_number(raw: str) -> int | None:
    """``raw`` as a number if it is one to nine ASCII digits (``"²".isdigit()`` is true), else ``None``."""
    return int(raw) if re.fullmatch(r"[0-9]{1,9}", raw) else None


@dataclass(frozen=True)
class SortKey:
    """One column of a list's order: a field path from the listed model (``dialogue__name``) or an
    annotation (``rank``), its direction, whether it can be NULL (its own column, or a nullable
    relation on the way to it), and the model field that reads a cursor's value back."""

    name: str
    descending: bool
    nullable: bool
    field: object

    def label(self) -> str:
        return f"-{self.name}" if self.descending else self.name


def sort_keys(queryset) -> list[SortKey]:
    """The columns ``queryset`` is ordered by, as Django orders it, ending with the listed model's id.

    A relation (``?ordering`` never names one, but a default ordering may: a phase's ``dialogue``)
    orders by the related model's own ordering, a descending one reversing it, as Django does; the
    names are the columns themselves (modeltranslation has already made ``name`` ``name_en`` in the
    list's ``order_by()``, but not in a related model's ordering, which Django reads from its Meta).
    """
    model = queryset.model
    terms = explicit_ordering(queryset) or tuple(model._meta.ordering)
    keys, seen = [], set()
    for term in terms:
        for key in expand(queryset, term):
            if key.name not in seen:
                seen.add(key.name)
                keys.append(key)
    pk = model._meta.pk
    if pk.name not in seen:
        keys.append(SortKey(pk.name, False, False, pk))
    return keys


def term_name(term) -> tuple[str, bool]:
    """An ordering term's name and whether it is descending (``"-start_date"``, ``F("rank").desc()``)."""
    if isinstance(term, str):
        return term.lstrip("-"), term.startswith("-")
    if isinstance(term, OrderBy) and isinstance(term.expression, F):
        return term.expression.name, term.descending
    if isinstance(term, F):
        return term.name, False
    raise TypeError(f"A list cannot be paged by a cursor in the order {term!r}.")


def expand(queryset, term, prefix: str = "", model=None, descending: bool = False, nullable: bool = False):
    """The sort keys of one ordering term: one column, or a relation's model's ordering."""
    model = model or queryset.model
    name, reverse = term_name(term)
    descending = descending != reverse
    if not prefix and name in queryset.query.annotations:
        return [SortKey(name, descending, True, queryset.query.annotations[name].output_field)]
    if name == "pk":
        name = model._meta.pk.name
    field, current = None, model
    parts = name.split("__")
    for part in parts:
        if field is not None:
            current = field.related_model
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:
            raise TypeError(f"A list cannot be paged by a cursor in the order {term!r}.") from None
        nullable = nullable or field.null or field.many_to_many or field.one_to_many
    path = f"{prefix}{name}"
    if (
        field.is_relation
        and parts[-1] != getattr(field, "attname", None)
        and field.related_model._meta.ordering
    ):
        related = field.related_model
        return [
            key
            for item in related._meta.ordering
            for key in expand(queryset, item, f"{path}__", related, descending, nullable)
        ]
    if field.is_relation:
        field = field.target_field
    return [SortKey(path, descending, nullable, field)]


def key_expression(key: SortKey):
    """What a page selects and compares for one sort key.

    A float is read as double precision: search's rank is a ``real``, which PostgreSQL sends as the
    shortest text that reads back as that ``real``; as a double that text is another number, and a
    cursor holding it would not find its own row again. Converting a ``real`` to a double is exact
    and keeps the order.
    """
    if isinstance(key.field, FloatField):
        return Cast(F(key.name), FloatField())
    return F(key.name)


def ordering_signature(queryset, keys: list[SortKey]) -> str:
    """What a cursor is valid for: the model and its sort keys, and what an annotation computes (a
    rank is one search's rank). A cursor of one order, language (``name_en`` is not ``name_de``) or
    search is refused by another."""
    annotations = queryset.query.annotations
    parts = [queryset.model._meta.label_lower, *(key.label() for key in keys)]
    if any(key.name in annotations for key in keys):
        # The annotation's SQL and parameters (its repr names objects by their address).
        compiler = queryset.query.get_compiler(queryset.db)
        parts += [repr(compiler.compile(annotations[key.name])) for key in keys if key.name in annotations]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def encode_value(value):
    """A sort key's value as JSON holds it exactly (``isoformat`` keeps every microsecond)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def beyond(keys, values, reverse: bool, inclusive: bool) -> Q | None:
    """The rows after the boundary row's ``values`` in the order of ``keys`` (before it when
    ``reverse``), the boundary itself too when ``inclusive``; ``None`` when no row can be.

    Row by row as ``ORDER BY … ASC NULLS LAST`` and ``DESC NULLS FIRST`` place them: a row is after
    the boundary when it equals it on the first keys and is after it on the next one. The first
    key's bound is repeated on its own, so that an index on it can start at the boundary.
    """
    terms, equal = [], Q()
    for index, (key, value) in enumerate(zip(keys, values, strict=True)):
        alias = KEY_ALIAS.format(index)
        descending = key.descending != reverse
        step = after(alias, value, descending, key.nullable)
        if step is not None:
            terms.append(equal & step)
        equal &= Q(**{f"{alias}__isnull": True}) if value is None else Q(**{alias: value})
    if inclusive:
        terms.append(equal)
    if not terms:
        return None
    condition = terms[0]
    for term in terms[1:]:
        condition |= term
    start = at_or_after(KEY_ALIAS.format(0), values[0], keys[0].descending != reverse, keys[0].nullable)
    return condition if start is None else start & condition


def after(alias: str, value, descending: bool, nullable: bool) -> Q | None:
    """The rows strictly after ``value`` on one key (NULLs last ascending, first descending)."""
    if descending:
        if value is None:
            return Q(**{f"{alias}__isnull": False})
        return Q(**{f"{alias}__lt": value})
    if value is None:
        return None
    return (
        Q(**{f"{alias}__gt": value}) | Q(**{f"{alias}__isnull": True})
        if nullable
        else Q(**{f"{alias}__gt": value})
    )


def at_or_after(alias: str, value, descending: bool, nullable: bool) -> Q | None:
    """The rows at or after ``value`` on one key, when that is a range an index can answer."""
    if descending:
        return None if value is None else Q(**{f"{alias}__lte": value})
    if value is None:
        return Q(**{f"{alias}__isnull": True})
    return None if nullable else Q(**{f"{alias}__gte": value})


@dataclass(frozen=True)
class Cursor:
    """A position in a list: the sort key values of a boundary row, which way to read from it
    (``reverse``: the rows before it), and whether the boundary row itself is included."""

    values: list
    reverse: bool = False
    inclusive: bool = False


class CursorPagination(pagination.BasePagination):
    """``?page_size=50``, then the ``next`` link (``?cursor=…``): ``count``, ``next``, ``previous``
    and ``results``, plus a Link header with the same two links.

    A cursor is signed (``django.core.signing``), so a client cannot make one up or change one; a
    malformed, tampered or foreign cursor (made for another order, language or search) is a 400
    naming ``cursor``. A page size above the maximum is refused with a 400 rather than silently
    corrected, so that a client never believes it has everything when it has not.

    A page costs what a page-number page cost: the count, then the page's rows (one more than the
    page, to know whether there is a next one). ``previous`` is given on every page reached
    through a cursor, without asking whether anything is before it: it may lead to an empty page
    when everything before was deleted.
    """

    cursor_query_param = "cursor"
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
                {
                    self.page_size_query_param: [
                        gettext("Enter a whole number from 1 to %(limit)s.") % {"limit": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        self.keys = sort_keys(queryset)
        self.signature = ordering_signature(queryset, self.keys)
        self.cursor = self.decode_cursor(request)
        self.count = queryset.count()
        self.next_cursor = self.previous_cursor = None
        if not self.count:
            return []
        rows = self.read(queryset, page_size + 1)
        more, rows = len(rows) > page_size, rows[:page_size]
        cursor = self.cursor
        if cursor is not None and cursor.reverse:
            rows.reverse()
        first = self.position(rows[0]) if rows else None
        last = self.position(rows[-1]) if rows else None
        if cursor is None or not cursor.reverse:
            if more:
                self.next_cursor = Cursor(last)
            if cursor is not None:
                self.previous_cursor = (
                    Cursor(first, reverse=True) if rows else Cursor(cursor.values, True, not cursor.inclusive)
                )
        else:
            if more:
                self.previous_cursor = Cursor(first, reverse=True)
            self.next_cursor = Cursor(last) if rows else Cursor(cursor.values, False, not cursor.inclusive)
        return rows

    def read(self, queryset, limit: int) -> list:
        """Up to ``limit`` rows from the cursor on, in the order of the sort keys (reversed when
        reading backwards), each carrying its sort key values."""
        # The keys name columns; modeltranslation must not turn a related model's ``name`` into
        # ``name_<language>`` (Django's own ordering by the relation reads ``name``).
        if hasattr(queryset, "rewrite"):
            queryset = queryset.rewrite(False)
        queryset = queryset.annotate(
            **{KEY_ALIAS.format(index): key_expression(key) for index, key in enumerate(self.keys)}
        )
        reverse = self.cursor is not None and self.cursor.reverse
        order = []
        for index, key in enumerate(self.keys):
            column = F(KEY_ALIAS.format(index))
            descending = key.descending != reverse
            order.append(column.desc(nulls_first=True) if descending else column.asc(nulls_last=True))
        queryset = queryset.order_by(*order)
        if self.cursor is not None:
            condition = beyond(self.keys, self.cursor.values, reverse, self.cursor.inclusive)
            if condition is None:
                return []
            queryset = queryset.filter(condition)
        return list(queryset[:limit])

    def position(self, row) -> list:
        return [getattr(row, KEY_ALIAS.format(index)) for index in range(len(self.keys))]

    # Cursors -----------------------------------------------------------------------------------

    def encode_cursor(self, cursor: Cursor) -> str:
        values = [encode_value(value) for value in cursor.values]
        # No timestamp: the same page has the same links, so its ETag stays the same.
        token = signing.Signer(salt=CURSOR_SALT).sign_object(
            [self.signature, values, int(cursor.reverse), int(cursor.inclusive)], compress=True
        )
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, token)

    def decode_cursor(self, request) -> Cursor | None:
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None
        malformed = ValidationError(
            {
                self.cursor_query_param: [
                    gettext("This cursor is not valid: use the next and previous links as given.")
                ]
            }
        )
        if len(raw) > CURSOR_MAX_LENGTH:
            raise malformed
        try:
            signature, values, reverse, inclusive = signing.Signer(salt=CURSOR_SALT).unsign_object(raw)
        except (signing.BadSignature, ValueError, TypeError):
            raise malformed from None
        if signature != self.signature:
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        gettext(
                            "This cursor was made for another order, language or search: keep the "
                            "ordering, q and language (lang or Accept-Language) of the page it came "
                            "from, or start again without a cursor."
                        )
                    ]
                }
            )
        if not isinstance(values, list) or len(values) != len(self.keys) or {reverse, inclusive} - {0, 1}:
            raise malformed
        try:
            values = [
                None if value is None else key.field.to_python(value)
                for key, value in zip(self.keys, values, strict=True)
            ]
        except (DjangoValidationError, TypeError, ValueError):
            raise malformed from None
        return Cursor(values, bool(reverse), bool(inclusive))

    # Response ----------------------------------------------------------------------------------

    def get_next_link(self):
        return None if self.next_cursor is None else self.encode_cursor(self.next_cursor)

    def get_previous_link(self):
        return None if self.previous_cursor is None else self.encode_cursor(self.previous_cursor)

    def get_paginated_response(self, data):
        next_link, previous_link = self.get_next_link(), self.get_previous_link()
        response = Response(
            {"count": self.count, "next": next_link, "previous": previous_link, "results": data}
        )
        links = [(next_link, "next"), (previous_link, "prev")]
        if any(url for url, _ in links):
            response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        return response

    def get_schema_operation_parameters(self, view):
        # What ``decode_cursor`` and ``get_page_size`` read, with the bounds they enforce.
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page begins: the opaque value of a `next` or `previous` link. "
                "Omit it for the first page.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Records per page (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "The records that match, on every page."},
                "next": {**link, "example": "https://atlas.example/api/v1/events/?cursor=eyJ…"},
                "previous": {**link, "example": "https://atlas.example/api/v1/events/?cursor=eyJ…"},
                "results": schema,
            },
        }
