"""The programmes and projects API: every list and detail in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import assert_api_budget

pytestmark = pytest.mark.django_db


# Query budgets: the number of queries does not grow with the page ---------------------------------


BUDGETS = [
    ("programmes", lambda n: factories.ProgrammeFunderFactory().programme, 4),
    ("projects", lambda n: factories.ProjectRoleFactory().project, 10),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    assert_api_budget(staff_api, path, make, budget)
