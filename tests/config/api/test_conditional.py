"""Conditional requests: ETag / Last-Modified with 304, If-Match with 412, the winner's change kept."""

import pytest
from django.utils.http import http_date

from institutions.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/uba/"


@pytest.fixture
def uba(db):
    return factories.OrganisationFactory(slug="uba", name="Umweltbundesamt")


def test_detail_has_etag_and_last_modified(api, uba):
    response = api.get(URL)

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"] == http_date(int(uba.updated_at.timestamp()))
    assert response["Cache-Control"] == "public, max-age=60"


def test_matching_if_none_match_is_answered_304(api, uba):
    etag = api.get(URL)["ETag"]

    response = api.get(URL, headers={"If-None-Match": etag})

    assert (response.status_code, response.content, response["ETag"]) == (304, b"", etag)


def test_list_matching_if_none_match_is_answered_304(api, uba):
    etag = api.get("/api/v1/organisations/")["ETag"]

    assert api.get("/api/v1/organisations/", headers={"If-None-Match": etag}).status_code == 304


def test_etag_changes_when_the_record_changes(api, uba):
    etag = api.get(URL)["ETag"]
    uba.name = "German Environment Agency"
    uba.save()

    assert api.get(URL, headers={"If-None-Match": etag}).status_code == 200


def test_if_modified_since_alone_never_gets_a_304(api, uba):
    last_modified = api.get(URL)["Last-Modified"]

    response = api.get(URL, headers={"If-Modified-Since": last_modified})

    assert (response.status_code, response["Last-Modified"]) == (200, last_modified)


def test_if_modified_since_does_not_hide_a_change_to_a_nested_row(api):
    dialogue = factories.DialogueFactory(slug="t2d")
    url = "/api/v1/dialogues/t2d/"
    first = api.get(url)
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=factories.OrganisationFactory(slug="uba"))

    response = api.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert response.status_code == 200
    assert [role["organisation"]["slug"] for role in response.json()["roles"]] == ["uba"]
    assert api.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_stale_if_match_is_refused_with_412_and_the_winners_change_kept(writer_api, uba):
    etag = writer_api.get(URL)["ETag"]

    first = writer_api.patch(URL, {"name": "First"}, format="json", headers={"If-Match": etag})
    second = writer_api.patch(URL, {"name": "Second"}, format="json", headers={"If-Match": etag})

    assert first.status_code == 200
    assert (second.status_code, second.json()["code"]) == (412, "precondition_failed")
    assert Organisation.objects.get(slug="uba").name == "First"


def test_write_response_etag_is_the_next_if_match(writer_api, uba):
    etag = writer_api.patch(URL, {"name": "First"}, format="json")["ETag"]

    response = writer_api.patch(URL, {"name": "Second"}, format="json", headers={"If-Match": etag})

    assert (response.status_code, response.json()["name"]) == (200, "Second")
    assert response["ETag"] == writer_api.get(URL)["ETag"]


def test_stale_if_match_on_delete_keeps_the_record(writer_api, uba):
    assert writer_api.delete(URL, headers={"If-Match": '"stale"'}).status_code == 412
    assert Organisation.objects.filter(slug="uba").exists()


def test_authenticated_reads_are_private(partner_api, uba):
    assert partner_api.get(URL)["Cache-Control"] == "private, no-cache"
