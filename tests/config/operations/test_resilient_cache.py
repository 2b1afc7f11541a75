"""The shared cache while Redis is away: answered by the process, retried after a pause, resumed.

Every test runs a Redis server of its own (the ``redis_server`` fixture) and stops or hangs it.
"""

import logging

import pytest
from django.core.cache import caches

from config.operations import resilient_cache
from config.operations.resilient_cache import ResilientRedisCache, cache_is_available, cache_recovered

LOGGER = "config.operations.resilient_cache"


@pytest.fixture(autouse=True)
def fresh_circuits(monkeypatch):
    # A circuit is kept per server address and process; a later test may get the same free port.
    monkeypatch.setattr(resilient_cache, "_circuits", {})


def backend(server, **params) -> ResilientRedisCache:
    """The backend as settings.py configures it, retrying at once unless ``RETRY_SECONDS`` says otherwise."""
    return ResilientRedisCache(
        server.url,
        {
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            "RETRY_SECONDS": 0,
            "SHARED_ONLY_PREFIXES": ["atlas:"],
            **params,
        },
    )


def cache_is_available_for(cache: ResilientRedisCache) -> bool:
    return cache.circuit.closed


@pytest.fixture
def recoveries():
    received = []

    def receiver(sender, cache, **kwargs):
        received.append(cache)

    cache_recovered.connect(receiver)
    yield received
    cache_recovered.disconnect(receiver)


def test_with_redis_up_every_call_goes_to_redis(redis_server):
    cache = backend(redis_server)

    cache.set("throttle_anon_1", [1.0, 2.0], 60)
    cache.set_many({"atlas:generation": 7, "other": "x"})

    assert redis_server.client().exists(":1:throttle_anon_1", ":1:atlas:generation", ":1:other") == 3
    assert cache.get("throttle_anon_1") == [1.0, 2.0]
    assert cache.get_many(["atlas:generation", "other"]) == {"atlas:generation": 7, "other": "x"}
    assert cache_is_available_for(cache)


def test_while_redis_is_away_counters_are_kept_in_this_process(redis_server):
    cache = backend(redis_server)
    redis_server.stop()

    cache.set("throttle_anon_1", [1.0, 2.0], 60)
    assert cache.add("counter", 1) is True
    assert cache.incr("counter", 2) == 3
    cache.set_many({"a": 1, "b": 2})

    assert cache.get("throttle_anon_1") == [1.0, 2.0]
    assert cache.get_many(["counter", "a", "b", "missing"]) == {"counter": 3, "a": 1, "b": 2}
    assert cache.has_key("a") and not cache.has_key("missing")
    cache.delete_many(["a", "b"])
    assert cache.get_many(["a", "b"]) == {}
    # Every thread's backend shares them, as every thread of a worker shares its throttles.
    assert backend(redis_server).get("throttle_anon_1") == [1.0, 2.0]
    assert not cache_is_available_for(cache)


def test_while_redis_is_away_shared_only_keys_keep_nothing(redis_server):
    cache = backend(redis_server)
    redis_server.stop()

    cache.set("atlas:generation", 7)
    assert cache.add("atlas:response:7:abc", "page") is False
    assert cache.set_many({"atlas:generation": 8, "other": 1}) == ["atlas:generation"]

    assert cache.get("atlas:generation") is None
    assert cache.get_many(["atlas:generation", "atlas:response:7:abc", "other"]) == {"other": 1}
    with pytest.raises(ValueError):
        cache.incr("atlas:generation")


def test_a_hung_redis_is_left_alone_after_one_timeout(redis_server):
    cache = backend(redis_server, RETRY_SECONDS=3600)
    cache.set("key", "before")
    redis_server.hang()

    assert cache.get("key") is None  # one call waits for the socket timeout, then the process answers
    redis_server.resume()
    redis_server.client().set(":1:key", 1)

    # Redis answers again, but it is not asked before the pause is over.
    assert cache.get("key") is None
    cache.set("key", "local")
    assert cache.get("key") == "local"
    assert redis_server.client().get(":1:key") == b"1"


def test_redis_is_used_again_when_it_answers_and_recovery_is_announced_first(redis_server, recoveries):
    cache = backend(redis_server)
    seen_by_receiver = []
    redis_server.stop()
    cache.set("throttle_anon_1", "local")

    def receiver(sender, cache, **kwargs):
        # Sent before any other call uses Redis again, and the receiver's own calls reach Redis.
        seen_by_receiver.append(cache_is_available_for(cache))
        cache.set("atlas:generation", 99)

    cache_recovered.connect(receiver)
    try:
        redis_server.start()
        assert cache.get("atlas:generation") == 99
    finally:
        cache_recovered.disconnect(receiver)

    assert recoveries == [cache]
    assert seen_by_receiver == [False]
    assert cache_is_available_for(cache)
    assert redis_server.client().get(":1:atlas:generation") == b"99"
    assert cache.get("throttle_anon_1") is None  # Redis's answer, not the process's


def test_a_recovery_whose_receiver_fails_leaves_redis_away(redis_server, recoveries):
    cache = backend(redis_server)
    redis_server.stop()
    cache.get("key")
    redis_server.start()

    def failing_receiver(sender, cache, **kwargs):
        redis_server.stop()
        cache.set("atlas:generation", 1)

    cache_recovered.connect(failing_receiver)
    try:
        assert cache.get("atlas:generation") is None
    finally:
        cache_recovered.disconnect(failing_receiver)

    assert not cache_is_available_for(cache)
    redis_server.start()
    cache.get("key")
    assert len(recoveries) == 2  # announced at the failed try and again at the next one
    assert cache_is_available_for(cache)


def test_one_warning_per_interval_and_one_line_when_redis_answers_again(redis_server, caplog):
    cache = backend(redis_server, WARNING_SECONDS=3600)
    redis_server.stop()

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        for _ in range(5):
            cache.get("key")  # each call tries Redis again (RETRY_SECONDS is 0) and fails
        redis_server.start()
        cache.get("key")

    messages = [record.getMessage() for record in caplog.records if record.name == LOGGER]
    assert len(messages) == 2
    assert messages[0].startswith(f"Redis at 127.0.0.1:{redis_server.port} is unreachable (ConnectionError")
    assert (
        messages[1]
        == f"Redis at 127.0.0.1:{redis_server.port} answers again: caching resumed, cached pages dropped"
    )


def test_the_log_never_shows_a_password():
    assert resilient_cache.redacted("redis://:s3cret@cache.internal:6380/0") == "cache.internal:6380"
    assert resilient_cache.redacted("rediss://user:s3cret@cache.internal/1") == "cache.internal:6379"


def test_cache_is_available_follows_the_circuit(redis_server, settings):
    settings.CACHES = {
        **settings.CACHES,
        "redis": {
            "BACKEND": "config.operations.resilient_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "RETRY_SECONDS": 0,
        },
    }

    assert cache_is_available("redis") and cache_is_available()
    redis_server.stop()
    caches["redis"].get("key")
    assert not cache_is_available("redis")
    assert cache_is_available()  # a local-memory cache is always there
    redis_server.start()
    caches["redis"].get("key")
    assert cache_is_available("redis")
