"""The base ViewSets of every API endpoint: ``RecordViewSet`` for records, found by slug, and
``RowViewSet`` for the rows with an endpoint of their own (records and rows as in
``config.framework.models``), found by id."""

from django.conf import settings
from django.db import connections, router, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from config.api.changes import Position, encode_cursor, watermark
from config.api.conditional import (
    check_if_match,
    last_modified_header,
    reader_key,
    representation_etag,
    version_annotation,
    version_etag,
)
from config.api.idempotency.keys import answer_once, request_key
from config.api.languages import asked_language, is_all, parameter_values, possible_languages
from config.api.pagination import whole_number
from config.api.parameters import QueryParameters
from config.api.renderers import CSVRenderer, NDJSONRenderer, csv_lines, ndjson_line
from config.api.scopes import kind_of
from config.api.serializers import TranslationsField
from config.editorial import workflow
from config.framework.models import unread_columns
from config.framework.spreadsheets import not_stated_cells, with_not_stated
from config.operations.cache import conditional_response, is_anonymous_request
from config.operations.database import raise_timeouts

NUL = "\x00"
# The actions whose records carry their stored version, for their ETag.
VERSIONED = ("retrieve", "create", "update", "partial_update", "destroy")


class Snapshot:
    """The lines of an export, read in one REPEATABLE READ transaction: its count, its changes-feed
    cursor and every record come from one snapshot. The transaction ends when the response is
    closed, streamed to the end or not (the server closes what a streaming response closes).

    The transaction lifts the request's idle-in-transaction timeout (the session waits on the
    client between chunks) and raises its statement timeout to ``DATABASE_LONG_STATEMENT_TIMEOUT_MS``
    (counting a large export takes longer than a request's statement may): ``raise_timeouts``.

    Inside a transaction already (a test's), the export reads in that one and opens none.
    """

    def __init__(self, using: str):
        self.lines = iter(())
        connection = connections[using]
        self.atomic = None if connection.in_atomic_block else transaction.atomic(using=using)
        if self.atomic is not None:
            self.atomic.__enter__()
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            raise_timeouts(using)

    def __iter__(self):
        yield from self.lines

    def close(self):
        atomic, self.atomic = self.atomic, None
        if atomic is not None:
            atomic.__exit__(None, None, None)


def in_language(language: str, represent, records):
    """``represent(record)`` for each record, in ``language``: a streamed export's rows are made
    after the view has returned, when the request's language (``?lang=``) is no longer active."""
    for record in records:
        with translation.override(language):
            row = represent(record)
        yield row


class RecordViewSet(QueryParameters, viewsets.ModelViewSet):
    """List, retrieve, create, update and delete one kind of record.

    ``serializer_class`` is the full representation (details and writes); ``summary_serializer_class``
    the lean one of lists. Every queryset goes through ``visible_to`` and the serializer's
    ``eager_load``, so a page costs the same number of queries whatever its size. A read with a
    query parameter it does not take is a 400 (``QueryParameters``).
    """

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    summary_serializer_class = None
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_serializer_class(self):
        if self.action in ("list", "export") and self.summary_serializer_class is not None:
            # A CSV export has the columns of the CSV list; an NDJSON export the full records.
            return self.serializer_class if self.exports_records() else self.summary_serializer_class
        return self.serializer_class

    def exports_records(self) -> bool:
        """Whether this is an NDJSON export (full records), rather than a list or a CSV export."""
        return self.action == "export" and self.accepted_format() != CSVRenderer.format

    def accepted_format(self) -> str | None:
        """The format content negotiation chose (``None`` before it has run)."""
        return getattr(getattr(self.request, "accepted_renderer", None), "format", None)

    def get_queryset(self):
        user = self.request.user
        serializer_class = self.get_serializer_class()
        queryset = serializer_class.eager_load(super().get_queryset().visible_to(user), user)
        if self.request.method in SAFE_METHODS:
            # Reads leave the columns they do not show unread; a write saves the whole record.
            queryset = queryset.defer(*unread_columns(queryset.model, self.shown_fields()))
        if self.action in VERSIONED and kind_of(self) is not None:
            # The stored version, for the ETag, read with the record (no query of its own).
            queryset = queryset.annotate(feed_version=version_annotation(kind_of(self)))
        return queryset

    def shown_fields(self) -> list[str]:
        """The fields a read shows: its serializer's (a format may show more)."""
        return self.get_serializer_class().Meta.fields

    def initial(self, request, *args, **kwargs):
        # PostgreSQL cannot store or compare a NUL character; refuse it before anything reads it.
        for name, values in request.query_params.lists():
            if NUL in name or any(NUL in value for value in values):
                raise ValidationError({name.replace(NUL, ""): [gettext("Null characters are not allowed.")]})
        super().initial(request, *args, **kwargs)

    # Reads -------------------------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        self.last_modified = max((record.updated_at for record in page), default=None)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        self.last_modified = instance.updated_at
        self.versioned = instance
        return Response(self.get_serializer(instance).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "after",
                OpenApiTypes.INT,
                description="Only records with an id above this: where an interrupted export resumes.",
            )
        ],
        responses={
            (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
        },
        description="Every record the caller may see, with the list's filters, in id order (unless "
        "`ordering` says otherwise), streamed "
        "from one snapshot: newline-delimited JSON (one full record a line, the first step of a "
        "sync), or with `?format=csv` a CSV file with the columns of the CSV list. `X-Total-Count` "
        "says how many records the response holds, `X-Changes-Cursor` where the changes feed "
        "(`/api/v1/changes/`) goes on from.",
    )
    @action(detail=False, renderer_classes=[NDJSONRenderer, CSVRenderer], pagination_class=None)
    def export(self, request, *args, **kwargs):
        after = whole_number(request.query_params.get("after", "0"))
        if after is None:
            raise ValidationError(
                {"after": [gettext("Enter the id of the last record received (a whole number).")]}
            )
        queryset = self.filter_queryset(self.get_queryset())
        if "ordering" in request.query_params:
            if after:
                raise ValidationError(
                    {"after": [gettext("An export resumes in id order: leave out “ordering”.")]}
                )
        else:
            # In id order, so that an export that breaks off resumes after the last id received.
            queryset = queryset.filter(pk__gt=after).order_by("pk")
        # Chosen now: the rows are read after the request's routing decisions have been reset.
        using = router.db_for_read(queryset.model)
        snapshot = Snapshot(using)
        try:
            queryset = queryset.using(using)
            count = queryset.count()
            cursor = encode_cursor(Position(watermark(using), 0))
        except BaseException:
            snapshot.close()
            raise
        # One serializer for every record: building its fields anew for each was most of the cost.
        serializer = self.get_serializer_class()(context=self.get_serializer_context())
        # A server-side cursor read in chunks, each chunk's relations prefetched: memory stays
        # bounded by the chunk, whatever the number of rows.
        rows = in_language(
            translation.get_language(),
            serializer.to_representation,
            queryset.iterator(chunk_size=settings.API_EXPORT_CHUNK_SIZE),
        )
        if request.accepted_renderer.format == CSVRenderer.format:
            columns = [name for name, field in serializer.fields.items() if self.exports_column(field)]
            snapshot.lines = csv_lines(columns, with_not_stated(rows, not_stated_cells(serializer.fields)))
            response = StreamingHttpResponse(snapshot, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{self.basename}.csv"'
        else:
            snapshot.lines = map(ndjson_line, rows)
            response = StreamingHttpResponse(snapshot, content_type="application/x-ndjson")
        response["Cache-Control"] = "private, no-store"
        # Sent before the records are read: the language asked for and those it may fall back to
        # (each record's ``fallbacks`` says which of its texts did).
        response["Content-Language"] = possible_languages(request)
        response["X-Total-Count"] = str(count)
        response["X-Changes-Cursor"] = cursor
        return response

    def exports_column(self, field) -> bool:
        """Whether a CSV export has a column for ``field``: every field shown (``<field>_translations``
        only with ``?lang=all``)."""
        if field.write_only:
            return False
        return not isinstance(field, TranslationsField) or is_all(self.request)

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | ({"after"} if self.action == "export" else set())

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "exception", False) and not isinstance(
            getattr(request, "accepted_renderer", None), JSONRenderer | BrowsableAPIRenderer
        ):
            # Errors are always JSON, whatever format the client asked for.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, HttpResponse):  # REST framework's, and a replayed first answer
            response["Vary"] = "Accept, Accept-Language, Authorization, Cookie"
        if request.method in ("GET", "HEAD"):
            # A token's or a session's answer is kept nowhere (no-store), as the site's pages
            # (AnonymousCacheMiddleware); clients that keep its ETag themselves still revalidate.
            personal = request.user.is_authenticated or not is_anonymous_request(request)
            shared = not personal and response.status_code < 400
            # Unless the view said otherwise (exports are never stored).
            response.setdefault(
                "Cache-Control",
                f"public, max-age={settings.HTTP_CACHE_MAX_AGE}"
                if shared
                else ("private, no-store" if personal else "private, no-cache"),
            )
            if isinstance(response, Response) and response.status_code == 200 and response.data is not None:
                return self.conditional(request, response)
        return response

    def conditional(self, request, response):
        media_format = request.accepted_renderer.format
        versioned = getattr(self, "versioned", None)
        if versioned is not None:
            etag = self.instance_etag(versioned, media_format)
        else:
            etag = representation_etag(response.data, media_format, asked_language(request))
        last_modified = getattr(self, "last_modified", None)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = last_modified_header(last_modified)
        return conditional_response(request, response)

    # Writes ------------------------------------------------------------------------------------

    def get_object_for_write(self):
        """The record a PUT, PATCH or DELETE changes, locked, once ``If-Match`` names its current
        version (428 without it, 412 when it names another; ``config.api.conditional``).

        Called inside the write's transaction: the lock makes the check and the write see the same
        version. ``get_object`` itself stays a plain read, because REST framework calls it to
        describe a record too — ``OPTIONS`` asks it as if for a PUT, outside any transaction (where
        a lock is an error: it was a 500 for every account that may change the record) and with no
        ``If-Match`` to check.
        """
        self.queryset = self.queryset.select_for_update(of=("self",))
        instance = self.get_object()
        check_if_match(self.request, self.current_etags(instance))
        return instance

    def current_etags(self, instance) -> tuple[str, ...]:
        """The ETags a GET of ``instance`` would send now, one per language: what ``If-Match`` is
        compared with (a record read in German may be written with its German ETag).

        Read anew, once the row is locked: the version the locking query read with the row comes
        from that query's snapshot, taken before the lock was granted — another writer's change
        that committed meanwhile would not be in it."""
        instance.feed_version = None
        version = self.stored_version(instance)
        return tuple(
            self.instance_etag(instance, language=language, version=version)
            for language in parameter_values()
        )

    def stored_version(self, instance) -> str:
        version = getattr(instance, "feed_version", None)
        if version is None:
            row = type(instance)._default_manager.filter(pk=instance.pk)
            version = row.annotate(v=version_annotation(kind_of(self))).values_list("v", flat=True).first()
        return version

    def instance_etag(self, instance, media_format: str = "json", *, language=None, version=None) -> str:
        """``instance``'s stored version as this reader's ETag in ``language`` (the request's by
        default; ``config.api.conditional``)."""
        return version_etag(
            kind_of(self),
            instance.pk,
            version or self.stored_version(instance),
            reader_key(self.request.user),
            media_format,
            language or asked_language(self.request),
        )

    def write_response(self, instance, status_code):
        """The response to a write: the record as a GET would show it, with its new ETag.

        A record the writer may no longer see (made a draft, say) is still shown as written, but
        loaded like any other, so that its related records are only those the writer may see.
        """
        reloaded = self.get_queryset().filter(pk=instance.pk).first()
        if reloaded is None:
            row = type(instance)._default_manager.filter(pk=instance.pk)
            reloaded = self.serializer_class.eager_load(row, self.request.user).get()
        data = self.serializer_class(reloaded, context=self.get_serializer_context()).data
        headers = {"ETag": self.instance_etag(reloaded), "Location": data.get("url") or ""}
        return Response(data, status=status_code, headers=headers)

    def create(self, request, *args, **kwargs):
        """A new record; with an ``Idempotency-Key``, once per key (``config.api.idempotency``)."""
        key = request_key(request)
        if key is None:
            return self.create_record(request)
        return answer_once(request, key, lambda: self.rendered(self.create_record(request)))

    def create_record(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = serializer.save()
        return self.write_response(instance, status.HTTP_201_CREATED)

    def rendered(self, response):
        """``response`` rendered now, as it would be once the view returned, so that its body can
        be stored as the first answer to an idempotency key."""
        response.accepted_renderer = self.request.accepted_renderer
        response.accepted_media_type = self.request.accepted_media_type
        response.renderer_context = self.get_renderer_context()
        return response.render()

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.get_object_for_write()
            serializer = self.get_serializer(
                instance, data=request.data, partial=kwargs.get("partial", False)
            )
            serializer.is_valid(raise_exception=True)
            instance = serializer.save()
            return self.write_response(instance, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.get_object_for_write()
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance):
        workflow.delete_record(record=instance, by=self.request.user, reason="Deleted through the API.")


class RowViewSet(RecordViewSet):
    """A row's own endpoint (dialogue roles, sessions): as a record's, looked up by id, since a
    row has no slug."""

    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"
