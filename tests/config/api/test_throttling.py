"""Throttling at the rates the settings name: past them a 429 with Retry-After."""

import pytest

from tests.helpers import api_error

pytestmark = pytest.mark.django_db


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
    assert (api_error(response)["code"], int(response["Retry-After"]) > 0) == ("throttled", True)
