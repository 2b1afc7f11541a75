"""Reading an import file within limits: its size, its rows, its cells and, for XLSX, its size unpacked.

A file is read row by row (Python's csv reader; openpyxl in read-only mode, which parses the sheet
as a stream), and reading stops at the first limit it passes, so the memory an import takes is
bounded by the limits, not by what the file claims to hold. The limits are settings
(``IMPORT_MAX_BYTES``, ``IMPORT_MAX_ROWS``, ``IMPORT_MAX_CELL_CHARS``, ``IMPORT_MAX_UNPACKED_BYTES``;
docs/import.md); each is refused with a ``FileLimitError`` that says which, in the admin's form, the
job's page and the ``import_records`` command alike.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first row under it row 2.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator

import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class FileLimitError(ValueError):
    """A file that passes one of the import's limits; the message names the limit and the place."""


def check_size(size: int) -> None:
    if size > settings.IMPORT_MAX_BYTES:
        raise FileLimitError(
            _("The file is %(size)s; an import takes at most %(limit)s: split it into parts.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.IMPORT_MAX_BYTES)}
        )


def check_unpacked_size(data: bytes) -> None:
    """Refuse a workbook that unpacks to more than ``IMPORT_MAX_UNPACKED_BYTES``.

    An XLSX file is a zip archive; its directory states each member's unpacked size, read here
    before anything is unpacked. openpyxl would otherwise inflate a zip bomb of a few kilobytes to
    gigabytes. A member whose stated size is a lie fails the zip's own CRC and length checks
    when it is read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        return  # not a workbook at all: openpyxl says so, and read_error() words it
    if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise FileLimitError(
            _(
                "The workbook unpacks to %(size)s; an import takes at most %(limit)s unpacked: "
                "split it into parts, or save it as CSV."
            )
            % {
                "size": filesizeformat(unpacked),
                "limit": filesizeformat(settings.IMPORT_MAX_UNPACKED_BYTES),
            }
        )


def limited_rows(rows: Iterable[list], headers: list) -> Iterator[list]:
    """``rows`` (under the header) checked for the row and cell limits as they are read."""
    max_rows, max_chars = settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_CELL_CHARS
    for number, row in enumerate(rows, 2):
        if number - 1 > max_rows:
            raise FileLimitError(
                _("The file has more than %(limit)s rows; an import takes at most %(limit)s: split it.")
                % {"limit": f"{max_rows:,}"}
            )
        for index, value in enumerate(row):
            if isinstance(value, str) and len(value) > max_chars:
                column = headers[index] if index < len(headers) and headers[index] else index + 1
                raise FileLimitError(
                    _("Row %(row)s, column %(column)s: a cell is larger than %(limit)s characters.")
                    % {"row": number, "column": column, "limit": f"{max_chars:,}"}
                )
        yield row


def read_csv(text: str) -> tablib.Dataset:
    """A CSV text as a dataset (the first row its header), within the limits."""
    # The csv module refuses a field over its limit (131,072 characters by default) with an
    # error that names neither row nor column; the file's size bounds a cell already, and
    # limited_rows() names the cell that passes IMPORT_MAX_CELL_CHARS.
    csv.field_size_limit(max(csv.field_size_limit(), settings.IMPORT_MAX_BYTES + 1))
    reader = csv.reader(io.StringIO(text))
    dataset = tablib.Dataset()
    headers = next(reader, [])
    dataset.headers = headers
    # Blank lines are skipped, as tablib's own CSV reading skips them.
    for row in limited_rows((row for row in reader if row), headers):
        dataset.append(fitted(row, len(headers), ""))
    return dataset


def read_xlsx(data: bytes) -> tablib.Dataset:
    """The first sheet of an XLSX workbook as a dataset, formulas as written, within the limits."""
    import openpyxl

    check_unpacked_size(data)
    # Formulas are read as written (not their cached results), so that they are refused.
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        rows = book.active.iter_rows(values_only=True)
        headers = list(next(rows, ()))
        dataset = tablib.Dataset()
        dataset.headers = headers
        for row in limited_rows(nonempty(rows), headers):
            dataset.append(fitted(list(row), len(headers), None))
        return dataset
    finally:
        book.close()


def nonempty(rows: Iterable[tuple]) -> Iterator[tuple]:
    # A sheet may declare rows it leaves empty (formatting down to row 1,048,576): they are not
    # rows of the import and do not count against its limit.
    for row in rows:
        if any(value not in (None, "") for value in row):
            yield row


def fitted(row: list, width: int, empty) -> list:
    """``row`` as wide as the header: short rows padded; cells beyond the header must be empty."""
    if len(row) < width:
        return row + [empty] * (width - len(row))
    if any(value not in (None, "") for value in row[width:]):
        return row  # tablib refuses it with "Row has incorrect dimensions", which read_error() words
    return row[:width]
