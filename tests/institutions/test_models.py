"""The rules of organisations, people and affiliations, as database constraints."""

import datetime

import pytest

from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

D = datetime.date


# (constraint name, factory, kwargs or a callable that makes them against existing rows)
CASES = [
    (
        "institutions_affiliation_end_after_start",
        factories.AffiliationFactory,
        {"start_date": D(2020, 1, 1), "end_date": D(2019, 1, 1)},
    ),
]


# Unique constraints: a second row with the same key.
UNIQUE_CASES = [
    ("institutions_affiliation_unique", factories.AffiliationFactory, ("person", "organisation", "position")),
]


@pytest.mark.parametrize(("constraint", "factory", "fields"), CASES)
def test_database_refuses_row_breaking(constraint, factory, fields):
    values = {name: value() if callable(value) else value for name, value in fields.items()}
    assert_refused(constraint, lambda: factory(**values))


@pytest.mark.parametrize(("constraint", "factory", "key"), UNIQUE_CASES)
def test_database_refuses_duplicate(constraint, factory, key):
    first = factory()
    assert_refused(constraint, lambda: factory(**{name: getattr(first, name) for name in key}))


@pytest.mark.parametrize(
    ("constraint", "factory"),
    [
        ("institutions_organisation_not_own_parent", factories.OrganisationFactory),
    ],
)
def test_database_refuses_record_as_its_own_parent(constraint, factory):
    record = factory()
    record.parent_id = record.pk
    assert_refused(constraint, lambda: record.save(update_fields=["parent"]))
