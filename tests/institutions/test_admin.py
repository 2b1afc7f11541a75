"""The organisation and people admin: finding an organisation by every name it goes by."""

import pytest

from institutions.models import Organisation
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("term", ["UBA", "Umweltbundesamt", "German Environment Agency", "umwelt"])
def test_admin_search_finds_organisation_by_acronym_native_name_and_alias(admin_client, term):
    uba = factories.OrganisationFactory(
        name="German Environment Agency",
        acronym="UBA",
        native_name="Umweltbundesamt",
        aliases=["Umwelt Bundesamt"],
    )
    factories.OrganisationFactory(name="National Center for Climate Change Strategy", acronym="NCSC")

    response = admin_client.get(admin_url(Organisation, "changelist"), {"q": term})

    assert list(response.context["cl"].result_list) == [uba]


def test_admin_search_finds_organisation_by_alias_only(admin_client):
    dehst = factories.OrganisationFactory(name="German Emissions Trading Authority", aliases=["DEHSt"])

    response = admin_client.get(admin_url(Organisation, "changelist"), {"q": "dehst"})

    assert list(response.context["cl"].result_list) == [dehst]
