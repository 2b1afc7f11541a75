"""``/api/v1/search/``: results grouped by type, only what the reader may see, bad input refused."""

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import assert_queries_do_not_grow_with_events

pytestmark = pytest.mark.django_db


def test_search_endpoint_groups_results_by_type_with_references(api):
    dehst = factories.OrganisationFactory(
        name="German Emissions Trading Authority", acronym="DEHSt", slug="dehst"
    )
    wg = factories.WorkingGroupFactory(name="Emissions trading", slug="t2d-wg-2", number=2)

    response = api.get("/api/v1/search/", {"q": "emission trading"})

    body = response.json()
    assert response.status_code == 200
    assert body["query"] == "emission trading"
    assert [
        (group["type"], group["total"], [r["slug"] for r in group["results"]]) for group in body["groups"]
    ] == [
        ("working_groups", 1, [wg.slug]),
        ("organisations", 1, [dehst.slug]),
    ]
    result = body["groups"][1]["results"][0]
    assert {key: result[key] for key in ("id", "slug", "name", "url", "html_url")} == {
        "id": dehst.pk,
        "slug": "dehst",
        "name": "German Emissions Trading Authority",
        "url": "http://testserver/api/v1/organisations/dehst/",
        "html_url": "http://testserver/institutions/dehst/",
    }
    assert result["rank"] > 0


def test_search_endpoint_leaves_out_hidden_records_and_shows_partners_theirs(api, partner_api):
    factories.DialogueFactory(name="Hydrogen dialogue (draft)", status=Status.DRAFT)
    factories.DialogueFactory(
        name="Hydrogen dialogue (partners)", slug="partners", visibility=Visibility.PARTNERS
    )

    anonymous = api.get("/api/v1/search/", {"q": "hydrogen"}).json()["groups"]
    partner = partner_api.get("/api/v1/search/", {"q": "hydrogen"}).json()["groups"]

    assert anonymous == []
    assert [[r["slug"] for r in group["results"]] for group in partner] == [["partners"]]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "q", "Give a search text."),
        ({"q": "   "}, "q", "Give a search text."),
        ({"q": "x" * 1001}, "q", "The search text is too long: 1001 characters; at most 1000."),
        ({"q": "uba", "per_type": "0"}, "per_type", "A whole number from 1 to 50."),
        ({"q": "uba", "per_type": "1000000"}, "per_type", "A whole number from 1 to 50."),
        ({"q": "uba", "per_type": "two"}, "per_type", "A whole number from 1 to 50."),
        ({"q": "uba", "per_type": "²"}, "per_type", "A whole number from 1 to 50."),
        ({"q": "uba", "per_type": "9" * 5000}, "per_type", "A whole number from 1 to 50."),
    ],
)
def test_search_endpoint_refuses_bad_input_naming_the_field(api, params, field, message):
    response = api.get("/api/v1/search/", params)

    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": field, "code": "invalid", "message": message}]


def test_search_endpoint_is_read_only(api):
    assert api.post("/api/v1/search/?q=uba", {}, format="json").status_code == 405


# The search endpoint in a fixed number of queries --------------------------------------------------

URLS = ["/api/v1/search/?q=event"]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(client, settings, url):
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database
    assert_queries_do_not_grow_with_events(client, url)
