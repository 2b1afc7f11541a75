"""DialogueFilterSet and PublicationFilterSet, tested directly."""

import datetime

import pytest

from dialogues.filtersets import DialogueFilterSet, PublicationFilterSet
from dialogues.models import Dialogue, Publication
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def test_dialogue_filterset_by_party_uses_any_of_the_given():
    t2d = factories.DialogueFactory(parties=["CN", "DE"], name="A")
    india_us = factories.DialogueFactory(parties=["IN", "US"], name="B")
    factories.DialogueFactory(parties=["EU", "US"], name="C", slug="eu-us")

    assert list(DialogueFilterSet({"party": ["DE", "IN"]}, Dialogue.objects.all()).qs) == [t2d, india_us]


def test_dialogue_filterset_active_in_year():
    since_2010 = factories.DialogueFactory(start_date=D(2010, 1, 1), start_precision="year", name="A")
    concluded = factories.DialogueFactory(
        start_date=D(2015, 1, 1),
        end_date=D(2019, 1, 1),
        start_precision="year",
        end_precision="year",
        name="B",
    )
    factories.DialogueFactory(start_date=D(2020, 12, 1), name="C")

    assert list(DialogueFilterSet({"year": "2016"}, Dialogue.objects.all()).qs) == [since_2010, concluded]


def test_dialogue_filterset_by_organisation_role():
    uba = factories.OrganisationFactory(slug="uba")
    role = factories.DialogueRoleFactory(organisation=uba)
    factories.DialogueFactory()

    assert list(DialogueFilterSet({"organisation": "uba"}, Dialogue.objects.all()).qs) == [role.dialogue]


def test_publication_filterset_by_kind_and_year():
    paper = factories.PublicationFactory(kind="policy_paper", date=D(2024, 5, 1))
    factories.PublicationFactory(kind="news", date=D(2024, 5, 1))
    factories.PublicationFactory(kind="policy_paper", date=D(2023, 5, 1))

    assert list(
        PublicationFilterSet({"kind": "policy_paper", "year": "2024"}, Publication.objects.all()).qs
    ) == [paper]
