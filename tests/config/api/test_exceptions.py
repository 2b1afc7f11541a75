"""Bad input is a 4xx in one JSON shape, and writes nothing."""

import json

import pytest
from django.core.handlers.exception import response_for_exception
from django.db import OperationalError

from dialogues.models import Dialogue
from institutions.models import Organisation
from tests import factories
from tests.helpers import api_error, if_match

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status", "fields"),
    [
        ("/api/v1/events/?kind=party", 400, ["kind"]),
        ("/api/v1/events/?starts_after=2024-13-45", 400, ["starts_after"]),
        ("/api/v1/events/?updated_since=yesterday", 400, ["updated_since"]),
        ("/api/v1/events/?year=99999", 400, ["year"]),
        # Lists page by cursor: a page number is a parameter they do not take.
        ("/api/v1/events/?page=99", 400, ["page"]),
        ("/api/v1/events/?cursor=not-a-cursor", 400, ["cursor"]),
        ("/api/v1/events/?page_size=1000000", 400, ["page_size"]),
        ("/api/v1/events/?dialogue=t2d%00", 400, ["dialogue"]),
        ("/api/v1/events/?name%00=x", 400, ["name"]),
        ("/api/v1/events/nothing-here/", 404, []),
        ("/api/v1/dialogue-roles/123456/", 404, []),
        (f"/api/v1/events/?q={'x' * 10_000}", 400, ["q"]),
        # "²".isdigit() is true, but int("²") fails; so do numbers past Python's digit limit.
        ("/api/v1/dialogues/?page_size=²", 400, ["page_size"]),
        ("/api/v1/dialogues/?page_size=١", 400, ["page_size"]),
        (f"/api/v1/dialogues/?page_size={'9' * 5000}", 400, ["page_size"]),
        (f"/api/v1/dialogues/?cursor={'9' * 5000}", 400, ["cursor"]),
    ],
)
def test_bad_query_is_a_4xx_naming_the_field(api, url, status, fields):
    response = api.get(url)

    assert response.status_code == status
    if fields is not None:
        assert [item["field"] for item in api_error(response)["errors"]] == fields


def test_method_not_allowed_is_a_405(writer_api):
    response = writer_api.put("/api/v1/organisations/", {}, format="json")

    assert (response.status_code, api_error(response)["code"]) == (405, "method_not_allowed")


def test_anonymous_write_is_a_401_with_www_authenticate(api):
    response = api.post("/api/v1/organisations/", {}, format="json")

    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Token")
    assert api_error(response)["code"] == "not_authenticated"


def test_reference_to_an_invisible_record_is_a_400(partner_system_api):
    factories.DialogueFactory(slug="secret", visibility="internal")
    body = {"slug": "wg", "name": "WG", "dialogue": "secret"}

    response = partner_system_api.post("/api/v1/working-groups/", body, format="json")

    assert response.status_code == 400
    assert api_error(response)["errors"] == [
        {
            "field": "dialogue",
            "code": "does_not_exist",
            "message": "There is no dialogue with the slug 'secret' that you may see.",
        }
    ]


def test_constraint_violation_is_a_400_with_the_constraints_message(writer_api):
    body = {
        "slug": "x",
        "name": "X",
        "track": "2",
        "parties": ["DE", "CN"],
        "start": "2020-12",
        "end": "2019",
    }

    response = writer_api.post("/api/v1/dialogues/", body, format="json")

    assert response.status_code == 400
    assert api_error(response)["errors"] == [
        {"field": "end", "code": "invalid", "message": "The end cannot be before the start."}
    ]
    assert Dialogue.objects.count() == 0


def test_unique_constraint_names_its_fields(writer_api):
    dialogue = factories.DialogueFactory(slug="t2d")
    factories.PhaseFactory(dialogue=dialogue, number=1)

    response = writer_api.post(
        "/api/v1/phases/", {"slug": "again", "dialogue": "t2d", "number": 1, "name": "Again"}, format="json"
    )

    assert response.status_code == 400
    assert {item["field"] for item in api_error(response)["errors"]} == {"dialogue", "number"}


def test_null_byte_in_a_body_is_a_400(writer_api):
    response = writer_api.post("/api/v1/organisations/", {"slug": "x", "name": "a\x00b"}, format="json")

    assert response.status_code == 400
    assert [item["field"] for item in api_error(response)["errors"]] == ["name"]


def test_delete_of_a_referenced_record_is_a_409(publisher_api):
    uba = factories.OrganisationFactory(slug="uba")
    factories.DialogueRoleFactory(organisation=uba)

    url = "/api/v1/organisations/uba/"

    response = publisher_api.delete(url, headers=if_match(publisher_api, url))

    assert (response.status_code, api_error(response)["code"]) == (409, "conflict")
    assert Organisation.objects.filter(slug="uba").exists()


@pytest.mark.parametrize(("path", "api"), [("/api/v1/events/", True), ("/events/", False)])
def test_a_database_failure_outside_a_view_is_a_503_not_a_500(rf, settings, path, api):
    """What Django answers for an exception a middleware raised (a session read while the database is
    away): the 503 of a view's failure, through ``handler500``."""
    settings.DATABASE_RETRY_AFTER_SECONDS = 4
    request = rf.get(path)
    try:
        raise OperationalError("terminating connection due to administrator command")
    except OperationalError as error:
        response = response_for_exception(request, error)

    assert (response.status_code, response["Retry-After"]) == (503, "4")
    if api:
        assert json.loads(response.content) == {
            "status": 503,
            "code": "database_unavailable",
            "detail": "The database is briefly unavailable or too slow to answer; try again after "
            "Retry-After seconds.",
            "errors": [],
        }
    else:
        assert b"Briefly unavailable" in response.content
