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


def test_while_redis_is_away_a_client_is_still_limited_in_each_process(api, redis_cache, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None},
    }
    redis_cache.stop()

    responses = [api.get("/api/v1/topics/") for _ in range(3)]

    assert [response.status_code for response in responses] == [200, 200, 429]
    assert api_error(responses[-1])["code"] == "throttled"
    assert [response["RateLimit-Remaining"] for response in responses] == ["1", "0", "0"]


@pytest.fixture
def rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    return settings


def rate_limit(response) -> tuple[int, int, int]:
    return tuple(int(response[f"RateLimit-{name}"]) for name in ("Limit", "Remaining", "Reset"))


def test_every_api_response_says_where_its_client_stands(api, rates):
    rates.RESPONSE_CACHE_SECONDS = 0

    responses = [api.get("/api/v1/topics/") for _ in range(4)]
    refused = responses[-1]

    assert [rate_limit(response)[:2] for response in responses] == [(3, 2), (3, 1), (3, 0), (3, 0)]
    assert 0 < rate_limit(refused)[2] <= 60
    assert refused.status_code == 429
    # Errors, the API root and search carry them too.
    assert rate_limit(api.get("/api/v1/topics/nope/"))[:2] == (3, 0)


def test_a_token_is_counted_by_its_account_at_the_users_rate(writer_api, rates):
    assert rate_limit(writer_api.get("/api/v1/"))[:2] == (5, 4)
    assert rate_limit(writer_api.get("/api/v1/search/?q=x"))[:2] == (5, 3)


def test_a_response_from_the_cache_carries_its_own_clients_limits_and_costs_nothing(api, rates):
    rates.RESPONSE_CACHE_SECONDS = 60

    first = api.get("/api/v1/topics/")
    cached = api.get("/api/v1/topics/")
    elsewhere = api.get("/api/v1/topics/", REMOTE_ADDR="203.0.113.9")

    assert (first.get("X-Cache"), cached["X-Cache"], elsewhere["X-Cache"]) == (None, "hit", "hit")
    assert [rate_limit(response)[:2] for response in (first, cached, elsewhere)] == [(3, 2), (3, 2), (3, 3)]


def test_anonymous_clients_are_counted_by_the_address_the_trusted_proxy_saw(api, rates):
    rates.RESPONSE_CACHE_SECONDS = 0
    rates.TRUSTED_PROXY_COUNT = 1

    def remaining(forwarded):
        return rate_limit(api.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=forwarded))[1]

    # The proxy appends the address it saw; what the client wrote before it is not believed.
    counted = [remaining("198.51.100.1"), remaining("10.0.0.1, 198.51.100.1"), remaining("198.51.100.2")]

    assert counted == [2, 1, 2]


def test_without_trusted_proxies_x_forwarded_for_is_ignored(api, rates):
    rates.RESPONSE_CACHE_SECONDS = 0
    rates.TRUSTED_PROXY_COUNT = 0

    counted = [
        rate_limit(api.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=address))[1]
        for address in ("198.51.100.1", "198.51.100.2")
    ]

    assert counted == [2, 1]
