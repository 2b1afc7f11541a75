import datetime

import pytest
from django.core.exceptions import ValidationError

from config.framework.dates import PartialDate, format_period
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
