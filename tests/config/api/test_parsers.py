"""Request bodies: JSON only, and bad JSON (malformed, nested too deeply) is a 400 that writes nothing."""

import pytest

from institutions.models import Organisation
from tests.helpers import api_error

pytestmark = pytest.mark.django_db


def test_invalid_json_is_a_400(writer_api):
    response = writer_api.post("/api/v1/organisations/", "{not json", content_type="application/json")

    assert (response.status_code, api_error(response)["code"]) == (400, "parse_error")
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize("body", ["[" * 100_000, '{"name": ' + "[" * 100_000])
def test_too_deeply_nested_json_is_a_400(writer_api, body):
    response = writer_api.post("/api/v1/topics/", body, content_type="application/json")

    assert (response.status_code, api_error(response)["code"]) == (400, "parse_error")


def test_wrong_content_type_is_a_415(writer_api):
    response = writer_api.post("/api/v1/organisations/", "slug=x&name=y", content_type="text/plain")

    assert (response.status_code, api_error(response)["code"]) == (415, "unsupported_media_type")
