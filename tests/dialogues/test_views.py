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
        factories.DialogueFactory(supports=dialogue)


DETAILS = [
    (factories.DialogueFactory, grow_dialogue),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    assert_detail_queries_do_not_grow(client, factory(), grow)


def test_dialogue_page_links_the_dialogue_it_supports_and_says_what_is_not_stated(client):
    ministerial = factories.DialogueFactory(name="Ministerial dialogue", track="1")
    beijing = factories.DialogueFactory(name="Beijing Dialogue", parties=[], track="", state="")
    t2d = factories.DialogueFactory(name="Track II dialogue", supports=ministerial)
    factories.PhaseFactory(dialogue=t2d, number=1, steering_committee_meetings=6, cadence="Twice each year")

    supporting = client.get(t2d.get_absolute_url())
    supported = client.get(ministerial.get_absolute_url())
    unstated = client.get(beijing.get_absolute_url()).content.decode()

    assert supporting.context["supports"] == ministerial
    assert "<dt>Steering committee meetings</dt><dd>6</dd>" in supporting.content.decode()
    assert "<dt>Meets</dt><dd>Twice each year</dd>" in supporting.content.decode()
    assert list(supported.context["dialogue"].supported_by.all()) == [t2d]
    assert f'<dt>Supported by</dt><dd><a href="{t2d.get_absolute_url()}">' in supported.content.decode()
    assert unstated.count("<dd>Not stated</dd>") == 2  # parties and state


def test_publication_page_shows_its_editors_note(client):
    publication = factories.PublicationFactory(editor_note="Its title is its own opening words.")

    page = client.get(publication.get_absolute_url()).content.decode()

    assert "<h2>Editor's note</h2>" in page
    assert "<p>Its title is its own opening words.</p>" in page
