"""Bad input is a 4xx in one JSON shape, and writes nothing."""

import pytest
from django.test import override_settings

from dialogues.models import Dialogue
from institutions.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def error(response):
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == response.status_code
    return body


@pytest.mark.parametrize(
    ("url", "status", "fields"),
    [
        ("/api/v1/events/?kind=party", 400, ["kind"]),
        ("/api/v1/events/?starts_after=2024-13-45", 400, ["starts_after"]),
        ("/api/v1/events/?updated_since=yesterday", 400, ["updated_since"]),
        ("/api/v1/events/?year=99999", 400, ["year"]),
        ("/api/v1/events/?page=99", 404, []),
        ("/api/v1/events/?page_size=1000000", 400, ["page_size"]),
        ("/api/v1/events/?dialogue=t2d%00", 400, ["dialogue"]),
        ("/api/v1/events/?name%00=x", 400, ["name"]),
        ("/api/v1/events/nothing-here/", 404, []),
        ("/api/v1/dialogue-roles/123456/", 404, []),
        (f"/api/v1/events/?q={'x' * 10_000}", 400, ["q"]),
        # "²".isdigit() is true, but int("²") fails; so do numbers past Python's digit limit.
        ("/api/v1/dialogues/?page=²", 400, ["page"]),
        ("/api/v1/dialogues/?page=١", 400, ["page"]),
        ("/api/v1/dialogues/?page_size=²", 400, ["page_size"]),
        (f"/api/v1/dialogues/?page={'9' * 5000}", 400, ["page"]),
        (f"/api/v1/dialogues/?page_size={'9' * 5000}", 400, ["page_size"]),
        ("/api/v1/dialogues/?page=1000000", 404, []),
        ("/api/v1/dialogues/?page=last", 200, None),
    ],
)
def test_bad_query_is_a_4xx_naming_the_field(api, url, status, fields):
    response = api.get(url)

    assert response.status_code == status
    if fields is not None:
        assert [item["field"] for item in error(response)["errors"]] == fields


def test_invalid_json_is_a_400(writer_api):
    response = writer_api.post("/api/v1/organisations/", "{not json", content_type="application/json")

    assert (response.status_code, error(response)["code"]) == (400, "parse_error")
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize("body", ["[" * 100_000, '{"name": ' + "[" * 100_000])
def test_too_deeply_nested_json_is_a_400(writer_api, body):
    response = writer_api.post("/api/v1/topics/", body, content_type="application/json")

    assert (response.status_code, error(response)["code"]) == (400, "parse_error")


def test_wrong_content_type_is_a_415(writer_api):
    response = writer_api.post("/api/v1/organisations/", "slug=x&name=y", content_type="text/plain")

    assert (response.status_code, error(response)["code"]) == (415, "unsupported_media_type")


def test_method_not_allowed_is_a_405(writer_api):
    response = writer_api.put("/api/v1/organisations/", {}, format="json")

    assert (response.status_code, error(response)["code"]) == (405, "method_not_allowed")


def test_anonymous_write_is_a_401_with_www_authenticate(api):
    response = api.post("/api/v1/organisations/", {}, format="json")

    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Token")
    assert error(response)["code"] == "not_authenticated"


def test_reference_to_an_invisible_record_is_a_400(writer_api):
    factories.DialogueFactory(slug="secret", visibility="internal")
    body = {"slug": "wg", "name": "WG", "dialogue": "secret"}

    response = writer_api.post("/api/v1/working-groups/", body, format="json")

    assert response.status_code == 400
    assert error(response)["errors"] == [
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
    assert error(response)["errors"] == [
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
    assert {item["field"] for item in error(response)["errors"]} == {"dialogue", "number"}


def test_null_byte_in_a_body_is_a_400(writer_api):
    response = writer_api.post("/api/v1/organisations/", {"slug": "x", "name": "a\x00b"}, format="json")

    assert response.status_code == 400
    assert [item["field"] for item in error(response)["errors"]] == ["name"]


def test_delete_of_a_referenced_record_is_a_409(publisher_api):
    uba = factories.OrganisationFactory(slug="uba")
    factories.DialogueRoleFactory(organisation=uba)

    response = publisher_api.delete("/api/v1/organisations/uba/")

    assert (response.status_code, error(response)["code"]) == (409, "conflict")
    assert Organisation.objects.filter(slug="uba").exists()


def test_throttled_anonymous_client_gets_429_with_retry_after(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None},
    }
    # A response served from the anonymous cache costs no work and is not counted; this is the throttle.
    settings.RESPONSE_CACHE_SECONDS = 0

    statuses = [api.get("/api/v1/topics/").status_code for _ in range(3)]
    response = api.get("/api/v1/topics/")

    assert statuses == [200, 200, 429]
    assert (error(response)["code"], int(response["Retry-After"]) > 0) == ("throttled", True)


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_cors_allows_reads_from_configured_origins(api):
    response = api.get("/api/v1/topics/", headers={"Origin": "https://partner.example"})

    assert response["Access-Control-Allow-Origin"] == "https://partner.example"
