"""“Download these results”: a public list, filtered as shown, as a CSV or XLSX file.

Every page of the list, not just the one shown, with the columns of the API's CSV export for the same
kind of record (the list view names the API's summary serializer; the framework only calls it). The
cells go through the one rule against formula injection (``spreadsheets.spreadsheet_cell``): text a
spreadsheet would run is defused, numbers stay numbers. A list longer than
``LIST_DOWNLOAD_MAX_ROWS`` is refused with a message that says how to narrow it or where the API
export is, so one request never writes an unbounded file.
"""

import csv
import tempfile

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify

from config.framework.spreadsheets import not_stated_cells, spreadsheet_cell, with_not_stated

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHUNK = 500  # records read (and their relations prefetched) at a time


def max_rows() -> int:
    return settings.LIST_DOWNLOAD_MAX_ROWS


def file_name(model, extension: str) -> str:
    """``events-2026-12-01.csv``: the list (named in English, whatever the page's language) and the day."""
    with translation.override("en"):
        name = slugify(str(model._meta.verbose_name_plural))
    return f"{name}-{timezone.localdate().isoformat()}.{extension}"


def columns_of(serializer) -> list[str]:
    """The API CSV export's columns: every field shown (``<field>_translations`` only with
    ``?lang=all``, which a page never sends)."""
    return [
        name
        for name, field in serializer.fields.items()
        if not field.write_only and not name.endswith("_translations")
    ]


def rows_of(serializer, queryset):
    """Each record as its API representation, read ``CHUNK`` at a time with a server-side cursor.

    The response is streamed after the view has returned, when the page's language is no longer
    active: each row is made in the language the page was in.
    """
    language = translation.get_language()
    for record in queryset.iterator(chunk_size=CHUNK):
        with translation.override(language):
            yield serializer.to_representation(record)


class _Line:
    """A file-like object that hands back what the csv writer writes, for streaming."""

    def write(self, text: str) -> str:
        return text


def csv_response(columns: list[str], rows, name: str) -> StreamingHttpResponse:
    """A streamed CSV file (UTF-8 with a byte-order mark, so spreadsheets read the Chinese right)."""

    def lines():
        writer = csv.writer(_Line())
        yield ("\ufeff" + writer.writerow(columns)).encode()
        batch = []
        for row in rows:
            batch.append(writer.writerow([spreadsheet_cell(row.get(column)) for column in columns]))
            if len(batch) >= 200:
                yield "".join(batch).encode()
                batch = []
        if batch:
            yield "".join(batch).encode()

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def xlsx_response(columns: list[str], rows, name: str) -> FileResponse:
    """An XLSX workbook written row by row (openpyxl's write-only mode) to a temporary file, which
    is then streamed: a zip cannot be sent before it is finished, but memory stays bounded."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(name.rsplit(".", 1)[0][:31])
    sheet.append(columns)
    for row in rows:
        cells = [spreadsheet_cell(row.get(column)) for column in columns]
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in cells]
        )
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 -- closed by the response
    book.save(spooled)
    spooled.seek(0)
    return FileResponse(spooled, as_attachment=True, filename=name, content_type=CONTENT_TYPES["xlsx"])


def download(queryset, serializer_class, request, extension: str):
    """The response for ``?download=csv|xlsx`` of a list: ``queryset`` is the filtered list in its
    order. None when the list is longer than the limit (the view explains the refusal)."""
    serializer = serializer_class(context={"request": request})
    columns = columns_of(serializer)
    user = getattr(request, "user", None)
    queryset = serializer_class.eager_load(queryset, user)
    rows = with_not_stated(rows_of(serializer, queryset), not_stated_cells(serializer.fields))
    name = file_name(queryset.model, extension)
    response = (csv_response if extension == "csv" else xlsx_response)(columns, rows, name)
    response["Cache-Control"] = "private, no-store"
    return response
