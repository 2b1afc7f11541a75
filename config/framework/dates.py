"""Partial dates: a date plus the precision the source gives it ("December 2020", "2010").

A partial date is stored as two columns, ``<name>_date`` and ``<name>_precision``. The date is
normalised to the first day of its period (1 December 2020 for "December 2020"), so that it sorts
and compares with full dates, and a database constraint keeps it so.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def truncate(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the period ``date`` falls in at ``precision``."""
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return date.replace(day=1)
    return date


def aligned_condition(date_field: str, precision_field: str) -> Q:
    """A constraint condition: the date is the first day of its period (or absent)."""
    return (
        Q(**{f"{date_field}__isnull": True})
        | Q(**{precision_field: Precision.DAY})
        | Q(**{precision_field: Precision.MONTH, f"{date_field}__day": 1})
        | Q(**{precision_field: Precision.YEAR, f"{date_field}__day": 1, f"{date_field}__month": 1})
    )


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a day, a month or a year."""

    date: datetime.date
    precision: str = Precision.DAY

    def __str__(self) -> str:
        return dateformat.format(self.date, {"day": "j F Y", "month": "F Y", "year": "Y"}[self.precision])

    @property
    def last_day(self) -> datetime.date:
        """The last day the partial date may stand for ("May 2024" → 31 May 2024)."""
        if self.precision == Precision.YEAR:
            return self.date.replace(month=12, day=31)
        if self.precision == Precision.MONTH:
            return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        return self.date

    @property
    def iso(self) -> str:
        """ISO 8601 at the known precision: 2024-08-28, 2024-05 or 2010."""
        if self.precision == Precision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def format_period(start: PartialDate | None, end: PartialDate | None) -> str:
    """Show a period at the precision of its ends: "28–29 August 2024", "2020–2023", "May 2024"."""
    if start is None and end is None:
        return ""
    if end is None or start == end:
        return str(start) if start is not None else str(_("until %(end)s") % {"end": end})
    if start is None:
        return str(_("until %(end)s") % {"end": end})
    same_year = start.date.year == end.date.year
    if start.precision == end.precision == Precision.DAY and same_year:
        if start.date.month == end.date.month:
            return f"{start.date.day}–{end}"
        return f"{dateformat.format(start.date, 'j F')} – {end}"
    if start.precision == end.precision == Precision.MONTH and same_year:
        return f"{dateformat.format(start.date, 'F')}–{end}"
    if start.precision == end.precision == Precision.YEAR:
        return f"{start}–{end}"
    return f"{start} – {end}"
