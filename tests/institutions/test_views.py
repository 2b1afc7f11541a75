"""Organisation and people pages: lists and details in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import assert_detail_queries_do_not_grow, assert_list_queries_do_not_grow

pytestmark = pytest.mark.django_db


LISTS = [
    ("/institutions/", lambda: factories.OrganisationFactory()),
    ("/people/", lambda: factories.AffiliationFactory()),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    assert_list_queries_do_not_grow(client, url, make_row)


def grow_organisation(organisation, n):
    for _ in range(n):
        factories.DialogueRoleFactory(organisation=organisation)
        factories.ProjectRoleFactory(organisation=organisation)
        factories.EventParticipationFactory(organisation=organisation)
        factories.AffiliationFactory(organisation=organisation)


def grow_person(person, n):
    for _ in range(n):
        factories.AffiliationFactory(person=person)
        factories.EventSpeakerFactory(person=person, organisation=factories.OrganisationFactory())
        factories.ProjectContactFactory(person=person)


DETAILS = [
    (factories.OrganisationFactory, grow_organisation),
    (factories.PersonFactory, grow_person),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    assert_detail_queries_do_not_grow(client, factory(), grow)
