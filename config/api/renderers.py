"""Formats besides JSON: CSV for every list, NDJSON and CSV exports (the events app adds its own)."""

import csv
import io
import json

from django.utils.translation import gettext
from rest_framework import renderers
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.serializers import ListSerializer
from rest_framework.utils.encoders import JSONEncoder

from config.framework.spreadsheets import not_stated_cells, spreadsheet_cell, with_not_stated


def rows_of(data) -> list[dict]:
    """The records of a paginated list, a plain list, or one record."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else []


def fields_of(data) -> dict:
    """The fields of the serializer behind ``data`` (a paginated list, a list, or one record)."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    serializer = getattr(data, "serializer", None)
    serializer = getattr(serializer, "child", serializer)
    return getattr(serializer, "fields", {}) if serializer is not None else {}


def records_of(data) -> list:
    """The model instances behind the records of ``data`` (a paginated list, a list, or one record).

    DRF's serialized data keeps a link to its serializer for renderers that need more than the data.
    """
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    serializer = getattr(data, "serializer", None)
    instance = getattr(serializer, "instance", None)
    if instance is None:
        return []
    return list(instance) if isinstance(serializer, ListSerializer) else [instance]


# One rule for every spreadsheet the atlas writes (the site's list downloads too).
csv_cell = spreadsheet_cell


class FormatNegotiation(DefaultContentNegotiation):
    """``?format=`` must name a format the address has: any other value, an empty one included, is
    a 400 naming the parameter, as a parameter the address does not take is.

    REST framework answers an unknown format with a 404, which a client reads as "no such record",
    and ignores an empty one; the schema lists the formats each operation takes, and a generated
    client sends only those.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        name = self.settings.URL_FORMAT_OVERRIDE
        if name and not format_suffix and name in request.query_params:
            value = request.query_params[name]
            formats = [renderer.format for renderer in renderers]
            if value not in formats:
                raise ValidationError(
                    {
                        name: [
                            gettext("There is no format “%(value)s” here; it takes: %(formats)s.")
                            % {"value": value, "formats": ", ".join(formats)}
                        ]
                    }
                )
        return super().select_renderer(request, renderers, format_suffix)


class CSVRenderer(renderers.BaseRenderer):
    """One row per record of the page, one column per field; paging as in JSON (Link header)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    openapi_schema = {"type": "string", "description": "CSV: a header line, then one line per record."}

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = list(with_not_stated(rows_of(data), not_stated_cells(fields_of(data))))
        columns = list(rows[0]) if rows else []
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(column)) for column in columns])
        return buffer.getvalue().encode(self.charset)


class _Line:
    """A file-like object that hands back what the csv writer writes, for streaming."""

    def write(self, text: str) -> str:
        return text


def csv_lines(columns: list[str], rows, batch: int = 200):
    """A header and one line per row, as bytes, ``batch`` lines at a time (a streamed export)."""
    writer = csv.writer(_Line())
    lines = [writer.writerow(columns)]
    for row in rows:
        lines.append(writer.writerow([csv_cell(row.get(column)) for column in columns]))
        if len(lines) >= batch:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


class NDJSONRenderer(renderers.BaseRenderer):
    """Newline-delimited JSON, one record a line; used by the streamed exports."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = None
    openapi_schema = {"type": "string", "description": "Newline-delimited JSON: one record a line."}

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b"".join(ndjson_line(row) for row in rows_of(data))


def ndjson_line(row) -> bytes:
    return (json.dumps(row, cls=JSONEncoder, ensure_ascii=False) + "\n").encode()
