"""Cells bound for a spreadsheet: text it would run as a formula is defused (CSV injection).

One rule for every file the atlas writes for spreadsheets — the API's CSV lists and exports and
the admin's CSV and XLSX exports — and for reading such a file back in the import.
"""

import json
import re
from datetime import date, datetime
from decimal import Decimal

# A spreadsheet runs a cell that starts with one of these as a formula: OWASP's list (=, +, -, @,
# tab, carriage return) and the line feed, which like those two is white space that may be stripped
# on the way into a spreadsheet, leaving what follows it first.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
# A number as the atlas writes one ("-5", "-33.868800") is no formula: it stays a number in the
# spreadsheet and on the way back in. Numbers are written without a "+", so a leading "+" marks
# text ("+1", "+49 30 1234"), which keeps its sign as text; "-1+1" is no plain number either.
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def runs_as_formula(value) -> bool:
    """Whether a spreadsheet would run ``value`` as a formula if written as it is."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not NUMBER.fullmatch(value)


def neutralise(value):
    """A cell as written: text a spreadsheet would run as a formula gets a leading "'"."""
    return "'" + value if runs_as_formula(value) else value


def unneutralise(text: str) -> str:
    """A cell as read back: the "'" that ``neutralise`` adds taken off again."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def is_formula(value) -> bool:
    """Whether an imported cell holds a formula (a workbook's formulas are read as written, "=…")."""
    return isinstance(value, str) and value.startswith("=")


def spreadsheet_cell(value):
    """A value of an API representation as a spreadsheet cell: a reference by its slug, a list
    joined, numbers as numbers, text defused."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("slug") or value.get("id") or json.dumps(value, default=str, ensure_ascii=False)
    elif isinstance(value, list):
        value = "; ".join(str(spreadsheet_cell(item)) for item in value)
    if isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, date | datetime):
        value = value.isoformat()
    return neutralise(str(value))


def not_stated_cells(fields) -> dict[str, str]:
    """The columns among a serializer's ``fields`` whose null means "not stated" (a track, a kind, a
    role the sources do not give), each with the cell written for it: a spreadsheet cannot tell an
    empty cell from a missing value, so it says ``not_stated``, as the filters and the import do."""
    return {
        name: field.not_stated_cell
        for name, field in fields.items()
        if getattr(field, "not_stated_cell", None)
    }


def with_not_stated(rows, cells: dict[str, str]):
    """``rows`` (API representations) with each null of ``cells``' columns written as its cell."""
    for row in rows:
        if cells:
            row = {**row, **{name: cell for name, cell in cells.items() if name in row and row[name] is None}}
        yield row
