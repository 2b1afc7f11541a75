"""The organisations and people API: what a record and a list show, in a fixed number of queries."""

import pytest

from tests import factories
from tests.helpers import assert_api_budget, reference

pytestmark = pytest.mark.django_db


T = "http://testserver"


def test_organisation_detail_is_the_full_record(api):
    parent = factories.OrganisationFactory(slug="uba", name="German Environment Agency", acronym="UBA")
    dehst = factories.OrganisationFactory(
        slug="dehst",
        name="German Emissions Trading Authority",
        acronym="DEHSt",
        native_name="Deutsche Emissionshandelsstelle",
        aliases=["DEHSt"],
        kind="government_agency",
        parent=parent,
        website="https://www.dehst.de/",
    )

    data = api.get("/api/v1/organisations/dehst/").json()

    assert data == {
        "id": dehst.pk,
        "slug": "dehst",
        "url": f"{T}/api/v1/organisations/dehst/",
        "html_url": f"{T}/institutions/dehst/",
        "name": "German Emissions Trading Authority",
        "acronym": "DEHSt",
        "native_name": "Deutsche Emissionshandelsstelle",
        "aliases": ["DEHSt"],
        "kind": "government_agency",
        "country": "DE",
        "parent": reference(parent, "organisations", "/institutions/uba/"),
        "predecessor": None,
        "website": "https://www.dehst.de/",
        "description": "",
        "contact_points": [],
        "status": "published",
        "published_at": None,
        "visibility": "public",
        "created_at": dehst.created_at.isoformat().replace("+00:00", "Z"),
        "updated_at": dehst.updated_at.isoformat().replace("+00:00", "Z"),
        "fallbacks": {},
    }


def test_organisation_list_is_lean_and_paginated(api):
    uba = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", acronym="UBA")

    data = api.get("/api/v1/organisations/").json()

    assert data == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": uba.pk,
                "slug": "uba",
                "url": f"{T}/api/v1/organisations/uba/",
                "html_url": f"{T}/institutions/uba/",
                "name": "Umweltbundesamt",
                "acronym": "UBA",
                "native_name": "",
                "kind": "research_institute",
                "country": "DE",
                "parent": None,
                "status": "published",
                "published_at": None,
                "visibility": "public",
                "created_at": uba.created_at.isoformat().replace("+00:00", "Z"),
                "updated_at": uba.updated_at.isoformat().replace("+00:00", "Z"),
                "fallbacks": {},
            }
        ],
    }


# Query budgets: the number of queries does not grow with the page ---------------------------------


BUDGETS = [
    # Parents are NGOs, the records listed research institutes: every row shown has a parent.
    (
        "organisations?kind=research_institute",
        lambda n: factories.OrganisationFactory(parent=factories.OrganisationFactory(kind="ngo")),
        4,
    ),
    ("people", lambda n: factories.AffiliationFactory().person, 4),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    assert_api_budget(staff_api, path, make, budget)
