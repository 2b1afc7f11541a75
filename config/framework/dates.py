"""Partial dates: a date plus the precision the source gives it ("December 2020", "2010").

A partial date is stored as two columns, ``<name>_date`` and ``<name>_precision``. The date is
normalised to the first day of its period (1 December 2020 for "December 2020"), so that it sorts
and compares with full dates, and a database constraint keeps it so.
"""

import calendar
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

from babel import Locale
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import dateformat
from django.utils.translation import get_language
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
        return format_date(self)

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


# Showing dates in the reader's language ------------------------------------------------------------
#
# One place writes every date the site, its feeds, its calendar and the API show, at its precision and
# in the active language's own form ("December 2020", "Dezember 2020", "2020年12月"). The forms are
# written out per language rather than taken from Django's date formats (whose Chinese month names
# read "十二月 2020") or from CLDR's interval formats (which abbreviate the months and join Chinese
# ranges with a dash): month names come from CLDR (Babel). Everything shown here the parser reads back.


@dataclass(frozen=True, slots=True)
class DateForms:
    """How one language writes a date at each precision, and a period's ends together.

    Patterns take ``{d}`` (day), ``{m}`` (month number), ``{M}`` (the month's full name) and ``{y}``
    (year); the period patterns take them numbered (``{d1}`` … ``{y2}``) or the whole ends
    (``{start}``, ``{end}``).
    """

    locale: str
    day: str
    month: str
    year: str
    days_in_month: str  # 28–29 August 2024
    days_in_year: str  # 30 November – 12 December 2023
    months_in_year: str  # March–May 2024
    years: str  # 2020–2023
    apart: str  # any other period: 30 December 2023 – 2 January 2024
    since: str
    until: str


DATE_FORMS = {
    "en": DateForms(
        locale="en_GB",  # the atlas writes English dates day first, and its weeks start on Monday
        day="{d} {M} {y}",
        month="{M} {y}",
        year="{y}",
        days_in_month="{d1}–{d2} {M} {y}",
        days_in_year="{d1} {M1} – {d2} {M2} {y}",
        months_in_year="{M1}–{M2} {y}",
        years="{y1}–{y2}",
        apart="{start} – {end}",
        since="since {start}",
        until="until {end}",
    ),
    "de": DateForms(
        locale="de",
        day="{d}. {M} {y}",
        month="{M} {y}",
        year="{y}",
        days_in_month="{d1}.–{d2}. {M} {y}",
        days_in_year="{d1}. {M1} – {d2}. {M2} {y}",
        months_in_year="{M1}–{M2} {y}",
        years="{y1}–{y2}",
        apart="{start} – {end}",
        since="seit {start}",
        until="bis {end}",
    ),
    "zh": DateForms(
        locale="zh_Hans",
        day="{y}年{m}月{d}日",
        month="{y}年{m}月",
        year="{y}年",
        days_in_month="{y}年{m}月{d1}日至{d2}日",
        days_in_year="{y}年{m1}月{d1}日至{m2}月{d2}日",
        months_in_year="{y}年{m1}月至{m2}月",
        years="{y1}年至{y2}年",
        apart="{start}至{end}",
        since="{start}起",
        until="至{end}",
    ),
}


def date_forms(language: str | None = None) -> DateForms:
    """The date forms of ``language`` (default: the active one); English for any other language."""
    language = (language or get_language() or "en").lower()
    return DATE_FORMS.get(language.split("-")[0], DATE_FORMS["en"])


@functools.cache
def month_names(locale: str) -> tuple[str, ...]:
    """The full month names of a CLDR locale, January first, as a date writes them."""
    names = Locale.parse(locale).months["format"]["wide"]
    return tuple(names[number] for number in range(1, 13))


@dataclass(frozen=True, slots=True)
class Week:
    """A calendar week in a language: its first day (0 is Monday, as in ``calendar``) and its
    days' names in that order."""

    first_day: int
    day_names: tuple[str, ...]


def week(language: str | None = None) -> Week:
    """The week as the language's locale has it (Monday first for all three of the atlas)."""
    locale = Locale.parse(date_forms(language).locale)
    first = locale.first_week_day
    names = locale.days["stand-alone"]["wide"]
    return Week(first, tuple(names[(first + offset) % 7] for offset in range(7)))


def _fields(date: datetime.date, forms: DateForms, suffix: str = "") -> dict[str, object]:
    return {
        f"d{suffix}": date.day,
        f"m{suffix}": date.month,
        f"M{suffix}": month_names(forms.locale)[date.month - 1],
        f"y{suffix}": date.year,
    }


def format_date(value: PartialDate, language: str | None = None) -> str:
    """One partial date at its precision: "28 August 2024", "Dezember 2020", "2020年"."""
    forms = date_forms(language)
    return getattr(forms, value.precision).format(**_fields(value.date, forms))


def format_period(
    start: PartialDate | None,
    end: PartialDate | None,
    *,
    open_end: bool = False,
    language: str | None = None,
) -> str:
    """A period at the precision of its ends, in the active language (or ``language``).

    "28–29 August 2024", "28.–29. August 2024", "2024年8月28日至29日"; "March–May 2024";
    "2020–2023"; "30 December 2023 – 2 January 2024"; a single date when the end is missing or the
    same; "since 2010" when the end is missing and ``open_end`` says the period goes on; "until May
    2024" when only the end is known.
    """
    forms = date_forms(language)
    if start is None and end is None:
        return ""
    if start is None:
        return forms.until.format(end=format_date(end, language))
    if end is None or start == end:
        shown = format_date(start, language)
        return forms.since.format(start=shown) if end is None and open_end else shown
    fields = {**_fields(start.date, forms, "1"), **_fields(end.date, forms, "2")}
    same_year = start.date.year == end.date.year
    if start.precision == end.precision == Precision.DAY and same_year:
        if start.date.month == end.date.month:
            return forms.days_in_month.format(**fields, **_fields(end.date, forms))
        return forms.days_in_year.format(**fields, y=end.date.year)
    if start.precision == end.precision == Precision.MONTH and same_year:
        return forms.months_in_year.format(**fields, y=end.date.year)
    if start.precision == end.precision == Precision.YEAR:
        return forms.years.format(**fields)
    return forms.apart.format(start=format_date(start, language), end=format_date(end, language))


# Reading dates as people write them --------------------------------------------------------------
#
# One parser for the admin's forms, the import and the API: "2025", "2025-10", "October 2025",
# "Okt. 2025", "2025年10月", "28 October 2025", "October 28, 2025", "28. Oktober 2025", "28.10.2025",
# and periods ("28–29 August 2024", "2024年8月28日至29日", "2023–2024"), whatever the interface
# language. Forms that countries read differently ("10/01/2025") are refused with what to type instead.

MONTHS = {
    # English, with the abbreviations Django's "N" format writes ("Sept.")
    **dict.fromkeys(("january", "jan"), 1),
    **dict.fromkeys(("february", "feb"), 2),
    **dict.fromkeys(("march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    "may": 5,
    **dict.fromkeys(("june", "jun"), 6),
    **dict.fromkeys(("july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
    # German (and Austrian "Jänner")
    **dict.fromkeys(("januar", "jänner", "jän"), 1),
    "februar": 2,
    **dict.fromkeys(("märz", "maerz", "mär", "mrz"), 3),
    "mai": 5,
    "juni": 6,
    "juli": 7,
    **dict.fromkeys(("oktober", "okt"), 10),
    **dict.fromkeys(("dezember", "dez"), 12),
    # Chinese, as Django writes a month's name ("十月")
    **{f"{name}月": number for number, name in enumerate("一二三四五六七八九", start=1)},
    **{"十月": 10, "十一月": 11, "十二月": 12},
}
MAX_LENGTH = 80  # the longest a date or a period is written ("30 September 2024 bis 12. Dezember 2025" is 38)
CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_MONTH = "(?P<month_name>{})".format("|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)))
_CN_NUMBER = "[0-9]{1,2}|[〇零一二两三四五六七八九十]{1,3}"
_ORDINAL = r"(?:st|nd|rd|th|\.)?"
# Each form a part of a date may take: a year, a month and a day, each possibly missing (a
# period's first part may leave out what its second gives: "28–29 August 2024").
_PARTS = [
    re.compile(p)
    for p in (
        r"(?P<year>[0-9]{4})(?:(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?:(?P=sep)(?P<day>[0-9]{1,2}))?)?",
        r"(?P<day>[0-9]{1,2})\. ?(?P<month>[0-9]{1,2})\.(?: ?(?P<year>[0-9]{4}))?",
        rf"(?:(?P<day>[0-9]{{1,2}}){_ORDINAL} ?)?{_MONTH}\.?(?:,? ?(?P<year>[0-9]{{4}}))?",
        rf"{_MONTH}\.? ?(?P<day>[0-9]{{1,2}}){_ORDINAL}(?:,? ?(?P<year>[0-9]{{4}}))?",
        rf"(?=.)(?:(?P<year>[0-9]{{4}}) ?年)? ?(?:(?P<cn_month>{_CN_NUMBER}) ?月(?:份)?)? ?"
        rf"(?:(?P<cn_day>{_CN_NUMBER}) ?[日号])?",
        rf"(?P<day>[0-9]{{1,2}}){_ORDINAL}",
        r"(?P<day>[0-9]{1,2}), ?(?P<year>[0-9]{4})",
    )
]
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Day and month in an order that depends on the country: 10/01/2025, 10-01-2025.
_AMBIGUOUS = re.compile(r"(?P<a>[0-9]{1,2})(?P<sep>[-/])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})")
# What separates a period's two ends: a dash of any kind, a tilde, "to", "bis", "至", "到".
_RANGE_SEPARATOR = re.compile(r" ?(?:[-‐‑‒–—―−~]|至|到) ?| (?:to|bis) ")


def _normalise(text: str) -> str:
    """Full-width digits and signs as ASCII, any case, one space between words."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _chinese_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return CHINESE_DIGITS.get(text, -1) if len(text) == 1 else -1
    if (
        len(tens) > 1
        or len(ones) > 1
        or (tens and tens not in CHINESE_DIGITS)
        or (ones and ones not in CHINESE_DIGITS)
    ):
        return -1  # "十十", "二十十": no number
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)


def _parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """The year, month and day ``text`` gives (each possibly None), or None if it is no date."""
    ambiguous = _AMBIGUOUS.fullmatch(text)
    if ambiguous:
        raise _ambiguous(text, int(ambiguous["a"]), int(ambiguous["b"]), int(ambiguous["year"]))
    for pattern in _PARTS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        found = match.groupdict()
        month = found.get("month")
        if found.get("month_name"):
            month = MONTHS[found["month_name"]]
        elif found.get("cn_month"):
            month = _chinese_number(found["cn_month"])
        day = _chinese_number(found["cn_day"]) if found.get("cn_day") else found.get("day")
        if -1 in (month, day):
            return None  # Chinese numerals that are no number ("十十")
        year = found.get("year")
        return (
            int(year) if year else None,
            int(month) if month is not None else None,
            int(day) if day is not None else None,
        )
    return None


def _complete(text: str, year, month, day) -> PartialDate | None:
    """The partial date of a year, month and day, or None if a part it needs is missing."""
    if year is None or (day is not None and month is None):
        return None
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(
            _("“%(value)s” is not a date: there is no month %(month)s."),
            code="invalid_date",
            params={"value": text, "month": month},
        )
    if day is not None and day < 1:
        # "2025-10-00" is how some write "a day in October": the month, never the 1st.
        raise ValidationError(
            _("“%(value)s” is not a date: there is no day %(day)s. For a month, write %(month)s."),
            code="invalid_date",
            params={"value": text, "day": day, "month": f"{year:04d}-{month:02d}" if month else year},
        )
    try:
        date = datetime.date(year, month or 1, day or 1)
    except ValueError:
        if month is None or day is None or year < 1:
            raise ValidationError(
                _("“%(value)s” is not a date."), code="invalid_date", params={"value": text}
            ) from None
        raise ValidationError(
            _("“%(value)s” is not a date: %(month)s has no day %(day)s."),
            code="invalid_date",
            params={
                "value": text,
                "month": editable(PartialDate(datetime.date(year, month, 1), Precision.MONTH)),
                "day": day,
            },
        ) from None
    precision = Precision.DAY if day is not None else Precision.MONTH if month is not None else Precision.YEAR
    return PartialDate(date, precision)


def _ambiguous(text: str, first: int, second: int, year: int) -> ValidationError:
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            reading = PartialDate(datetime.date(year, month, day))
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        return ValidationError(_("“%(value)s” is not a date."), code="invalid_date", params={"value": text})
    written = [str(_("%(iso)s or %(written)s") % {"iso": r.iso, "written": editable(r)}) for r in readings]
    if len(readings) == 1:
        return ValidationError(
            _("“%(value)s” is read differently in different countries (day or month first): write %(hint)s."),
            code="ambiguous",
            params={"value": text, "hint": written[0]},
        )
    return ValidationError(
        _("“%(value)s” could be %(first)s or %(second)s: write %(first_hint)s, or %(second_hint)s."),
        code="ambiguous",
        params={
            "value": text,
            "first": editable(readings[0]),
            "second": editable(readings[1]),
            "first_hint": written[0],
            "second_hint": written[1],
        },
    )


def _not_a_date(text: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not a date: write 2024-08-28, 28 August 2024, August 2024 or 2024."),
        code="invalid",
        params={"value": text},
    )


def _single(text: str, shown: str) -> PartialDate | None:
    parts = _parts(text)
    return _complete(shown, *parts) if parts is not None else None


def _split(text: str, shown: str) -> tuple[PartialDate, PartialDate] | None:
    """The two ends of a period written in one piece, each end taking from the other what it
    leaves out ("28–29 August 2024", "30 November – 12 December 2023", "2024年8月28日至29日")."""
    found, error = [], None
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()].strip(), text[separator.end() :].strip()
        if not left or not right:
            continue
        try:
            first, second = _parts(left), _parts(right)
            if first is None or second is None:
                continue
            (y1, m1, d1), (y2, m2, d2) = first, second
            if m1 is None and d1 is not None:
                m1 = m2
            if m2 is None and d2 is not None:
                m2 = m1
            y1, y2 = y1 if y1 is not None else y2, y2 if y2 is not None else y1
            start, end = _complete(shown, y1, m1, d1), _complete(shown, y2, m2, d2)
        except ValidationError as refused:
            error = error or refused
            continue
        if start is not None and end is not None and (start, end) not in found:
            found.append((start, end))
    if len(found) > 1:
        raise ValidationError(
            _("“%(value)s” can be read in more than one way: separate the two dates with “ to ”."),
            code="ambiguous",
            params={"value": shown},
        )
    if found:
        start, end = found[0]
        if end.last_day < start.date:
            raise ValidationError(
                _("“%(value)s” ends before it starts."), code="invalid_date", params={"value": shown}
            )
        return start, end
    if error is not None:
        raise error
    return None


def parse_period(text: str) -> tuple[PartialDate | None, PartialDate | None]:
    """A start and an end as people write them: a single date (its end None) or a period.

    "2024" → (2024, None); "28–29 August 2024" → (28 August 2024, 29 August 2024);
    "2023–2024", "March–May 2024", "2024年8月28日至29日", "30 November – 12 December 2023".
    Empty text is (None, None). Raises ValidationError with a message saying what to type instead.
    """
    iso = _ISO.fullmatch(str(text).strip())
    if iso:  # the common case (every import of a spreadsheet written by the export), read directly
        year, month, day = (int(part) if part else None for part in iso.groups())
        return _complete(iso[0], year, month, day), None
    shown = " ".join(str(text).split())
    normal = _normalise(text)
    if not normal:
        return None, None
    if len(normal) > MAX_LENGTH:
        raise _not_a_date(shown[:MAX_LENGTH] + "…")
    try:
        single = _single(normal, shown)
    except ValidationError as refused:
        # "10-01-2025" is refused as ambiguous, not read as a period "10 – 01-2025".
        if refused.code == "ambiguous":
            raise
        single, error = None, refused
    else:
        error = None
    if single is not None:
        return single, None
    period = _split(normal, shown)
    if period is not None:
        return period
    raise error or _not_a_date(shown)


def parse_partial_date(text: str) -> PartialDate | None:
    """A single date as people write it ("October 2025", "28.10.2025", "2025年10月"), or None if empty.

    Raises ValidationError saying what to type instead: for an ambiguous "10/01/2025", an
    impossible 31 February, a period where one date is wanted.
    """
    start, end = parse_period(text)
    if end is not None:
        raise ValidationError(
            _("“%(value)s” is a period: only one date goes here."),
            code="period",
            params={"value": " ".join(str(text).split())},
        )
    return start


def editable(value: PartialDate) -> str:
    """A partial date as an editor types it back in the interface language ("October 2025",
    "28. Oktober 2025", "2025年10月28日"): what the forms show, which the parser reads again."""
    language = (get_language() or "en").lower()
    if language.startswith("zh"):
        formats = {"day": "Y年n月j日", "month": "Y年n月", "year": "Y"}
    elif language.startswith("de"):
        formats = {"day": "j. F Y", "month": "F Y", "year": "Y"}
    else:
        formats = {"day": "j F Y", "month": "F Y", "year": "Y"}
    return dateformat.format(value.date, formats[value.precision])
