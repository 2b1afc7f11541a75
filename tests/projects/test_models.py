"""The rules of programmes, projects and their rows, as database constraints."""

import datetime

import pytest

from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

D = datetime.date


# (constraint name, factory, kwargs or a callable that makes them against existing rows)
CASES = [
    ("projects_project_budget_not_negative", factories.ProjectFactory, {"budget": -1, "currency": "EUR"}),
    ("projects_project_budget_has_currency", factories.ProjectFactory, {"budget": 1000}),
    (
        "projects_project_end_after_start",
        factories.ProjectFactory,
        {"start_date": D(2020, 1, 1), "end_date": D(2019, 1, 1)},
    ),
    (
        "projects_projectrole_end_after_start",
        factories.ProjectRoleFactory,
        {"start_date": D(2021, 1, 1), "end_date": D(2020, 1, 1)},
    ),
]


# Unique constraints: a second row with the same key.
UNIQUE_CASES = [
    ("projects_projectfocusarea_unique_order", factories.ProjectFocusAreaFactory, ("project", "order")),
    ("projects_projectrole_unique", factories.ProjectRoleFactory, ("project", "organisation", "role")),
    ("projects_projectcontact_unique", factories.ProjectContactFactory, ("project", "person")),
    ("projects_programmefunder_unique", factories.ProgrammeFunderFactory, ("programme", "organisation")),
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
        ("projects_project_not_own_parent", factories.ProjectFactory),
    ],
)
def test_database_refuses_record_as_its_own_parent(constraint, factory):
    record = factory()
    record.parent_id = record.pk
    assert_refused(constraint, lambda: record.save(update_fields=["parent"]))
