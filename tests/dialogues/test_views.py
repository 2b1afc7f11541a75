"""Dialogue, publication and topic pages: lists and details in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import assert_detail_queries_do_not_grow, assert_list_queries_do_not_grow

pytestmark = pytest.mark.django_db


LISTS = [
    (
        "/dialogues/",
        lambda: factories.DialogueRoleFactory(dialogue=factories.DialogueFactory()).dialogue.topics.add(
            factories.TopicFactory()
        ),
    ),
    ("/publications/", lambda: factories.PublicationFactory()),
    ("/topics/", lambda: factories.TopicFactory()),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    assert_list_queries_do_not_grow(client, url, make_row)


def grow_dialogue(dialogue, n):
    for _ in range(n):
        phase = factories.PhaseFactory(dialogue=dialogue, number=dialogue.phases.count() + 1)
        factories.WorkingGroupFactory(dialogue=dialogue, phase=phase)
        factories.DialogueRoleFactory(dialogue=dialogue, phase=phase)
        factories.DialogueAimFactory(dialogue=dialogue)
        factories.EventFactory(dialogue=dialogue)
        factories.PublicationFactory(dialogue=dialogue)
        factories.ProjectFactory().dialogues.add(dialogue)


DETAILS = [
    (factories.DialogueFactory, grow_dialogue),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    assert_detail_queries_do_not_grow(client, factory(), grow)
