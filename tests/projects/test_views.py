"""Project pages: the list and the page in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import assert_detail_queries_do_not_grow, assert_list_queries_do_not_grow

pytestmark = pytest.mark.django_db


LISTS = [
    ("/projects/", lambda: factories.ProjectRoleFactory()),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    assert_list_queries_do_not_grow(client, url, make_row)


def grow_project(project, n):
    for _ in range(n):
        factories.ProjectFocusAreaFactory(project=project)
        factories.ProjectRoleFactory(project=project)
        factories.ProjectContactFactory(project=project)
        project.dialogues.add(factories.DialogueFactory())
        factories.EventFactory().projects.add(project)


DETAILS = [
    (factories.ProjectFactory, grow_project),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    assert_detail_queries_do_not_grow(client, factory(), grow)
