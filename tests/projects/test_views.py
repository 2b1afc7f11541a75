"""Project pages: the list and the page in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


LISTS = [
    ("/projects/", lambda: factories.ProjectRoleFactory()),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    make_row()
    with_one = count_queries(client, url)
    for _ in range(49):
        make_row()

    assert count_queries(client, url) == with_one


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
    record = factory()
    grow(record, 1)
    with_one = count_queries(client, record.get_absolute_url())
    grow(record, 20)

    assert count_queries(client, record.get_absolute_url()) == with_one
