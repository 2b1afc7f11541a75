import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from config.framework.dates import (
    PartialDate,
    Week,
    editable,
    format_date,
    format_period,
    parse_partial_date,
    parse_period,
    week,
)
from tests import factories

D = datetime.date


@pytest.mark.parametrize(
    ("partial", "shown", "iso"),
    [
        (PartialDate(D(2020, 12, 1), "month"), "December 2020", "2020-12"),
        (PartialDate(D(2010, 1, 1), "year"), "2010", "2010"),
        (PartialDate(D(2022, 3, 25), "day"), "25 March 2022", "2022-03-25"),
    ],
)
def test_partial_date_shown_at_its_precision(partial, shown, iso):
    assert str(partial) == shown
    assert partial.iso == iso


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29)), "28–29 August 2024"),
        (PartialDate(D(2024, 10, 21)), PartialDate(D(2024, 10, 24)), "21–24 October 2024"),
        (PartialDate(D(2024, 10, 31)), PartialDate(D(2024, 11, 1)), "31 October – 1 November 2024"),
        (PartialDate(D(2020, 1, 1), "year"), PartialDate(D(2023, 1, 1), "year"), "2020–2023"),
        (PartialDate(D(2024, 3, 1), "month"), PartialDate(D(2024, 5, 1), "month"), "March–May 2024"),
        (PartialDate(D(2023, 4, 1), "month"), PartialDate(D(2026, 1, 1), "year"), "April 2023 – 2026"),
        (PartialDate(D(2020, 12, 1), "month"), None, "December 2020"),
        (None, PartialDate(D(2026, 1, 1), "year"), "until 2026"),
        (PartialDate(D(2024, 5, 1), "month"), PartialDate(D(2024, 5, 1), "month"), "May 2024"),
        (None, None, ""),
    ],
)
def test_format_period_at_the_precision_of_its_ends(start, end, shown):
    assert format_period(start, end) == shown


def test_partial_date_last_day_of_month_and_year():
    assert PartialDate(D(2024, 2, 1), "month").last_day == D(2024, 2, 29)
    assert PartialDate(D(2026, 1, 1), "year").last_day == D(2026, 12, 31)


@pytest.mark.django_db
def test_clean_truncates_date_to_its_precision():
    event = factories.EventFactory.build(start_date=D(2024, 5, 17), start_precision="month")

    event.full_clean(validate_unique=False, validate_constraints=False)

    assert event.start_date == D(2024, 5, 1)
    assert event.period == "May 2024"


@pytest.mark.django_db
def test_clean_accepts_end_in_the_same_month_as_a_day_precise_start():
    event = factories.EventFactory.build(
        start_date=D(2024, 5, 20), start_precision="day", end_date=D(2024, 5, 1), end_precision="month"
    )

    event.full_clean(validate_unique=False)
    event.save()

    assert event.period == "20 May 2024 – May 2024"


@pytest.mark.django_db
def test_clean_refuses_end_before_start_as_a_field_error():
    event = factories.EventFactory.build(start_date=D(2024, 8, 29), end_date=D(2024, 8, 28))

    with pytest.raises(ValidationError) as error:
        event.full_clean(validate_unique=False)

    assert error.value.message_dict == {"end_date": ["The end cannot be before the start."]}


# The parser of dates as people write them ------------------------------------------------------

LANGUAGES = ("en", "de", "zh-hans")
DAY, MONTH, YEAR = "day", "month", "year"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2025", D(2025, 1, 1), YEAR),
        ("2025-10", D(2025, 10, 1), MONTH),
        ("2025-10-28", D(2025, 10, 28), DAY),
        ("October 2025", D(2025, 10, 1), MONTH),
        ("Oct 2025", D(2025, 10, 1), MONTH),
        ("Oct. 2025", D(2025, 10, 1), MONTH),
        ("Oktober 2025", D(2025, 10, 1), MONTH),
        ("Okt. 2025", D(2025, 10, 1), MONTH),
        ("März 2025", D(2025, 3, 1), MONTH),
        ("Mai 2025", D(2025, 5, 1), MONTH),
        ("Dezember 2025", D(2025, 12, 1), MONTH),
        ("2025年10月", D(2025, 10, 1), MONTH),
        ("2025年十月", D(2025, 10, 1), MONTH),
        ("2025年", D(2025, 1, 1), YEAR),
        ("十月 2025", D(2025, 10, 1), MONTH),
        ("2025年10月28日", D(2025, 10, 28), DAY),
        ("2025 年 10 月 28 日", D(2025, 10, 28), DAY),
        ("２０２５年１０月２８日", D(2025, 10, 28), DAY),
        ("2025年十月二十八日", D(2025, 10, 28), DAY),
        ("28 October 2025", D(2025, 10, 28), DAY),
        ("28th October 2025", D(2025, 10, 28), DAY),
        ("October 28, 2025", D(2025, 10, 28), DAY),
        ("Sept. 28, 2025", D(2025, 9, 28), DAY),
        ("28. Oktober 2025", D(2025, 10, 28), DAY),
        ("28.10.2025", D(2025, 10, 28), DAY),
        ("1.3.2025", D(2025, 3, 1), DAY),
        ("1 十月 2025", D(2025, 10, 1), DAY),
        ("  OCTOBER \t 2025 ", D(2025, 10, 1), MONTH),
        ("october 2025", D(2025, 10, 1), MONTH),
        ("2025/10/28", D(2025, 10, 28), DAY),
    ],
)
def test_parse_partial_date_reads_what_people_write(language, text, date, precision):
    with translation.override(language):
        assert parse_partial_date(text) == PartialDate(date, precision)
        assert parse_period(text) == (PartialDate(date, precision), None)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("28–29 August 2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("28-29 Aug 2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("28. – 29. August 2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("28.–29. August 2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("2024年8月28日至29日", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("2024年8月28日至9月2日", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 9, 2))),
        ("30 November – 12 December 2023", PartialDate(D(2023, 11, 30)), PartialDate(D(2023, 12, 12))),
        ("August 28–29, 2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29))),
        ("28.08.–02.09.2024", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 9, 2))),
        ("2024-08-28 – 2024-08-30", PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 30))),
        ("2023–2024", PartialDate(D(2023, 1, 1), YEAR), PartialDate(D(2024, 1, 1), YEAR)),
        ("2023-2024", PartialDate(D(2023, 1, 1), YEAR), PartialDate(D(2024, 1, 1), YEAR)),
        ("2020 to 2023", PartialDate(D(2020, 1, 1), YEAR), PartialDate(D(2023, 1, 1), YEAR)),
        ("2020 bis 2023", PartialDate(D(2020, 1, 1), YEAR), PartialDate(D(2023, 1, 1), YEAR)),
        ("2020至2023年", PartialDate(D(2020, 1, 1), YEAR), PartialDate(D(2023, 1, 1), YEAR)),
        ("March–May 2024", PartialDate(D(2024, 3, 1), MONTH), PartialDate(D(2024, 5, 1), MONTH)),
        ("2024年8月至10月", PartialDate(D(2024, 8, 1), MONTH), PartialDate(D(2024, 10, 1), MONTH)),
        ("April 2023 – 2026", PartialDate(D(2023, 4, 1), MONTH), PartialDate(D(2026, 1, 1), YEAR)),
    ],
)
def test_parse_period_reads_both_ends_at_their_precision(language, text, start, end):
    with translation.override(language):
        assert parse_period(text) == (start, end)


def test_parse_period_of_nothing_is_no_date():
    assert parse_period("  ") == (None, None)
    assert parse_partial_date("") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "10/01/2025",
            "“10/01/2025” could be 1 October 2025 or 10 January 2025: "
            "write 2025-10-01 or 1 October 2025, or 2025-01-10 or 10 January 2025.",
        ),
        (
            "01/10/2025",
            "“01/10/2025” could be 10 January 2025 or 1 October 2025: "
            "write 2025-01-10 or 10 January 2025, or 2025-10-01 or 1 October 2025.",
        ),
        (
            "10-01-2025",
            "“10-01-2025” could be 1 October 2025 or 10 January 2025: "
            "write 2025-10-01 or 1 October 2025, or 2025-01-10 or 10 January 2025.",
        ),
        (
            "28/08/2024",
            "“28/08/2024” is read differently in different countries (day or month first): "
            "write 2024-08-28 or 28 August 2024.",
        ),
        (
            "05/05/2025",
            "“05/05/2025” is read differently in different countries (day or month first): "
            "write 2025-05-05 or 5 May 2025.",
        ),
    ],
)
def test_ambiguous_dates_are_refused_with_what_to_type_instead(text, message):
    for parse in (parse_partial_date, parse_period):
        with pytest.raises(ValidationError) as error:
            parse(text)
        assert (error.value.code, error.value.messages) == ("ambiguous", [message])


def test_an_ambiguous_end_of_a_period_is_refused_with_the_hint():
    with pytest.raises(ValidationError) as error:
        parse_period("10/01/2025 – 12/01/2025")

    assert error.value.code == "ambiguous"
    assert "write 2025-10-01 or 1 October 2025" in error.value.messages[0]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 February 2025", "“31 February 2025” is not a date: February 2025 has no day 31."),
        ("2025-02-29", "“2025-02-29” is not a date: February 2025 has no day 29."),
        ("30.02.2025", "“30.02.2025” is not a date: February 2025 has no day 30."),
        ("2025年2月30日", "“2025年2月30日” is not a date: February 2025 has no day 30."),
        ("2024-13", "“2024-13” is not a date: there is no month 13."),
        ("13/13/2025", "“13/13/2025” is not a date."),
        ("29–28 August 2024", "“29–28 August 2024” ends before it starts."),
        (
            "next Tuesday",
            "“next Tuesday” is not a date: write 2024-08-28, 28 August 2024, August 2024 or 2024.",
        ),
        ("28 August", "“28 August” is not a date: write 2024-08-28, 28 August 2024, August 2024 or 2024."),
        ("28.10.25", "“28.10.25” is not a date: write 2024-08-28, 28 August 2024, August 2024 or 2024."),
    ],
)
def test_invalid_dates_are_refused_clearly(language, text, message):
    with pytest.raises(ValidationError) as error, translation.override("en"):
        parse_period(text)

    assert error.value.messages == [message]


def test_a_period_where_one_date_is_wanted_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_partial_date("28–29 August 2024")

    assert error.value.messages == ["“28–29 August 2024” is a period: only one date goes here."]


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", ["28 October 2025", "October 2025", "2025"]),
        ("de", ["28. Oktober 2025", "Oktober 2025", "2025"]),
        ("zh-hans", ["2025年10月28日", "2025年10月", "2025"]),
    ],
)
def test_editable_shows_a_date_at_its_precision_and_reads_back(language, shown):
    dates = [
        PartialDate(D(2025, 10, 28)),
        PartialDate(D(2025, 10, 1), MONTH),
        PartialDate(D(2025, 1, 1), YEAR),
    ]
    with translation.override(language):
        assert [editable(date) for date in dates] == shown
        assert [parse_partial_date(text) for text in shown] == dates
        # What the public pages show is read too ("28 十月 2025" in Chinese).
        assert [parse_partial_date(str(date)) for date in dates] == dates


def test_hints_name_the_dates_in_the_interface_language():
    with translation.override("de"), pytest.raises(ValidationError) as error:
        parse_partial_date("10/01/2025")

    assert "2025-10-01 oder 1. Oktober 2025" in error.value.messages[0]


def test_a_long_text_is_refused_quickly_and_shown_cut():
    with pytest.raises(ValidationError) as error:
        parse_period("2024-" * 2000)

    assert error.value.code == "invalid"
    assert len(error.value.messages[0]) < 200


@pytest.mark.parametrize("text", ["2025年十十月", "2025年10月十十日", "十十月", "2025年二十十月"])
def test_chinese_numerals_that_are_no_number_are_refused(text):
    with pytest.raises(ValidationError) as refused:
        parse_period(text)

    assert "is not a date" in refused.value.messages[0]


@pytest.mark.parametrize("text", ["2025-10-00", "0 October 2025", "2025年10月0日", "00.10.2025"])
def test_day_zero_is_refused_never_read_as_the_first(text):
    with pytest.raises(ValidationError) as refused:
        parse_period(text)

    assert "no day 0" in refused.value.messages[0]
    assert "2025-10" in refused.value.messages[0]


# Dates in each language ---------------------------------------------------------------------------

DAY, MONTH, YEAR = "day", "month", "year"
LOCALISED_PERIODS = [
    # (start, end, English, German, Chinese)
    ((D(2020, 12, 1), MONTH), None, "December 2020", "Dezember 2020", "2020年12月"),
    ((D(2020, 1, 1), YEAR), None, "2020", "2020", "2020年"),
    ((D(2022, 3, 25), DAY), None, "25 March 2022", "25. März 2022", "2022年3月25日"),
    (
        (D(2024, 8, 28), DAY),
        (D(2024, 8, 29), DAY),
        "28–29 August 2024",
        "28.–29. August 2024",
        "2024年8月28日至29日",
    ),
    (
        (D(2023, 11, 30), DAY),
        (D(2023, 12, 12), DAY),
        "30 November – 12 December 2023",
        "30. November – 12. Dezember 2023",
        "2023年11月30日至12月12日",
    ),
    (
        (D(2023, 12, 30), DAY),
        (D(2024, 1, 2), DAY),
        "30 December 2023 – 2 January 2024",
        "30. Dezember 2023 – 2. Januar 2024",
        "2023年12月30日至2024年1月2日",
    ),
    ((D(2024, 3, 1), MONTH), (D(2024, 5, 1), MONTH), "March–May 2024", "März–Mai 2024", "2024年3月至5月"),
    (
        (D(2023, 3, 1), MONTH),
        (D(2024, 5, 1), MONTH),
        "March 2023 – May 2024",
        "März 2023 – Mai 2024",
        "2023年3月至2024年5月",
    ),
    ((D(2020, 1, 1), YEAR), (D(2023, 1, 1), YEAR), "2020–2023", "2020–2023", "2020年至2023年"),
    (
        (D(2023, 4, 1), MONTH),
        (D(2026, 1, 1), YEAR),
        "April 2023 – 2026",
        "April 2023 – 2026",
        "2023年4月至2026年",
    ),
]


def _partial(value):
    return PartialDate(*value) if value else None


LOCALISED_CASES = [
    pytest.param(language, _partial(start), _partial(end), row[column], id=f"{language}-{row[column]}")
    for *row_dates, en, de, zh in LOCALISED_PERIODS
    for start, end in [row_dates]
    for row in [(en, de, zh)]
    for column, language in enumerate(("en", "de", "zh-hans"))
]


@pytest.mark.parametrize(("language", "start", "end", "shown"), LOCALISED_CASES)
def test_format_period_in_each_language(language, start, end, shown):
    with translation.override(language):
        assert format_period(start, end) == shown
        if end is None:
            assert str(start) == format_date(start) == shown


@pytest.mark.parametrize(("language", "start", "end", "shown"), LOCALISED_CASES)
def test_every_period_shown_reads_back_as_the_same_period(language, start, end, shown):
    with translation.override(language):
        assert parse_period(shown) == (start, end)


@pytest.mark.parametrize(
    ("language", "since", "until"),
    [
        ("en", "since 2010", "until May 2024"),
        ("de", "seit 2010", "bis Mai 2024"),
        ("zh-hans", "2010年起", "至2024年5月"),
    ],
)
def test_open_periods_in_each_language(language, since, until):
    with translation.override(language):
        assert format_period(PartialDate(D(2010, 1, 1), YEAR), None, open_end=True) == since
        assert format_period(None, PartialDate(D(2024, 5, 1), MONTH)) == until


def test_format_period_takes_a_language_without_activating_it():
    period = (PartialDate(D(2024, 8, 28)), PartialDate(D(2024, 8, 29)))

    assert format_period(*period, language="zh-hans") == "2024年8月28日至29日"
    assert format_period(*period, language="pt-br") == "28–29 August 2024"  # no forms of its own: English


def test_chinese_months_are_never_written_as_chinese_month_names():
    with translation.override("zh-hans"):
        shown = [format_date(PartialDate(D(2020, month, 1), MONTH)) for month in range(1, 13)]

    assert shown == [f"2020年{month}月" for month in range(1, 13)]


@pytest.mark.parametrize(
    ("language", "first_day", "names"),
    [
        ("en", 0, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
        ("de", 0, ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")),
        ("zh-hans", 0, ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")),
    ],
)
def test_week_in_each_language(language, first_day, names):
    with translation.override(language):
        assert week() == Week(first_day, names)
