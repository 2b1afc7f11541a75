"""OrganisationFilterSet and PersonFilterSet, tested directly."""

import pytest

from institutions.filtersets import OrganisationFilterSet, PersonFilterSet
from institutions.models import Organisation, Person
from tests import factories

pytestmark = pytest.mark.django_db


def test_organisation_filterset_by_kind_and_country():
    uba = factories.OrganisationFactory(kind="government_agency", country="DE")
    factories.OrganisationFactory(kind="government_agency", country="CN")
    factories.OrganisationFactory(kind="ngo", country="DE")

    params = {"kind": "government_agency", "country": "DE"}

    assert list(OrganisationFilterSet(params, Organisation.objects.all()).qs) == [uba]


def test_person_filterset_by_organisation():
    affiliation = factories.AffiliationFactory(organisation=factories.OrganisationFactory(slug="ncsc"))
    factories.PersonFactory()

    assert list(PersonFilterSet({"organisation": "ncsc"}, Person.objects.all()).qs) == [affiliation.person]
