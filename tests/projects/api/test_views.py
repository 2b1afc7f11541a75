"""The programmes and projects API: every list and detail in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


# Query budgets: the number of queries does not grow with the page ---------------------------------

MAX_ROWS = 100


BUDGETS = [
    ("programmes", lambda n: factories.ProgrammeFunderFactory().programme, 4),
    ("projects", lambda n: factories.ProjectRoleFactory().project, 10),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    records = [make(n) for n in range(MAX_ROWS)]
    detail = records[0].slug if hasattr(records[0], "slug") else records[0].pk
    path, _, query = path.partition("?")

    counts = [
        count_queries(staff_api, f"/api/v1/{path}/?{query}&page_size={size}") for size in (1, 50, MAX_ROWS)
    ]

    assert counts == [counts[0]] * 3
    assert counts[0] <= budget
    assert count_queries(staff_api, f"/api/v1/{path}/{detail}/") <= budget
