"""One way to a 304, whether the API view answers or the response cache does."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from events.models import Event
from tests import factories
from tests.helpers import token_client

pytestmark = pytest.mark.django_db

URL = "/api/v1/events/plenary/"
KEPT = ("ETag", "Last-Modified", "Cache-Control", "Vary")


@pytest.fixture(params=["view", "cache"])
def answered_by(request, settings):
    """Who answers the second request: the API view (cache off), or the response cache."""
    cache.clear()
    settings.RESPONSE_CACHE_SECONDS = 0 if request.param == "view" else 300
    return request.param


@pytest.fixture
def first(answered_by):
    factories.EventFactory(slug="plenary")
    response = APIClient().get(URL)
    assert response.status_code == 200
    return response


def again(**headers):
    return APIClient().get(URL, headers=headers)


def test_current_etag_is_a_304_with_the_caching_headers(first):
    response = again(**{"If-None-Match": first["ETag"]})

    assert (response.status_code, response.content) == (304, b"")
    assert {name: response[name] for name in KEPT} == {name: first[name] for name in KEPT}


@pytest.mark.parametrize("tags", ["W/{etag}", '"other", {etag}', "*"])
def test_weak_listed_or_any_etag_is_a_304(first, tags):
    assert again(**{"If-None-Match": tags.format(etag=first["ETag"])}).status_code == 304


def test_another_etag_is_the_full_response(first, answered_by):
    response = again(**{"If-None-Match": '"other"'})

    assert (response.status_code, response.get("X-Cache")) == (200, "hit" if answered_by == "cache" else None)


def test_if_modified_since_never_earns_a_304(first):
    assert again(**{"If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT"}).status_code == 200


@pytest.mark.parametrize(
    "header", [("If-Match", '"other"'), ("If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")]
)
def test_a_read_ignores_the_preconditions_of_writes(first, header):
    name, value = header

    response = again(**{name: value})

    assert (response.status_code, response["ETag"]) == (200, first["ETag"])


@pytest.mark.parametrize("tags", ["{etag}", '"other", {etag}', "*"])
def test_a_write_whose_if_match_names_the_version_goes_through(db, tags):
    factories.EventFactory(slug="plenary")
    writer = factories.StaffFactory()
    writer.user_permissions.add(*Permission.objects.filter(content_type__app_label="events"))
    api = token_client(writer)
    etag = api.get(URL)["ETag"]

    response = api.patch(
        URL, {"name": "Renamed"}, format="json", headers={"If-Match": tags.format(etag=etag)}
    )

    assert (response.status_code, Event.objects.get(slug="plenary").name) == (200, "Renamed")
