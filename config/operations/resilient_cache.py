"""The shared cache (Redis) as a cache the site survives losing.

Redis holds the response cache (``config/operations/cache.py``) and the API's throttle counters.
Django's ``RedisCache`` raises on every call while Redis is away, which made every address a 500.
``ResilientRedisCache`` answers a call that Redis cannot (refused, or silent beyond the socket
timeouts of ``CACHES``) from this process instead:

- keys under ``SHARED_ONLY_PREFIXES`` (the response cache's generation and entries, which are
  only right when every worker sees the same ones) as an empty cache that keeps nothing, so
  every page is rendered afresh;
- every other key (throttle counters) from a local-memory cache of this process, so a client is
  still limited, per process, instead of not at all.

After a failure Redis is left alone for ``RETRY_SECONDS`` (a circuit breaker: without it every
request of a hung Redis would wait for the socket timeout, several times). Then one call tries it
again with a PING; if Redis answers, ``cache_recovered`` is sent *before* any other call uses
Redis again, so the response cache can drop what it cached before the outage (writes made in
the meantime could not invalidate it). A warning is logged at most once per ``WARNING_SECONDS``
per process, and once when Redis answers again.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

import redis
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# What redis-py raises when the server is unreachable, refuses, hangs up, is still loading its data
# (BusyLoadingError, a ConnectionError) or does not answer in time; OSError for a raw socket error.
# Anything else (a wrong command, a wrong type) is a bug and is raised.
REDIS_AWAY = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
# Throttle counters are one small entry per client and scope; LocMemCache's default of 300 entries
# would cull (and so forget) counters as soon as a few hundred clients call.
LOCAL_MAX_ENTRIES = 10_000

# Sent (sender: the backend's class, cache: the backend) when Redis answers again after failing,
# before any other call of this process uses it. A receiver's cache calls go to Redis; if one
# fails, Redis counts as still away and the signal is sent again at the next try.
cache_recovered = Signal()

_probe = threading.local()


class KeepsNothing(DummyCache):
    """An empty cache that says so: ``add`` stores nothing and reports it (Django's dummy says True)."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        super().add(key, value, timeout, version)
        return False


class Circuit:
    """Whether this process uses Redis now, shared by the threads (each has its own backend)."""

    def __init__(self, server: str, retry_seconds: float, warning_seconds: float):
        self.where = redacted(server)
        self.retry_seconds = retry_seconds
        self.warning_seconds = warning_seconds
        self.lock = threading.Lock()
        self.retry_at = None  # None: closed, Redis is used
        self.warned_at = None

    @property
    def closed(self) -> bool:
        return self.retry_at is None

    def claim_probe(self) -> bool:
        """Whether this call is the one to try Redis again: the first once the pause is over."""
        with self.lock:
            now = time.monotonic()
            if self.retry_at is None or now < self.retry_at:
                return False
            self.retry_at = now + self.retry_seconds  # the other threads keep to the fallback meanwhile
            return True

    def trip(self, error: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + self.retry_seconds
            warn = self.warned_at is None or now - self.warned_at >= self.warning_seconds
            if warn:
                self.warned_at = now
        if warn:
            logger.warning(
                "Redis at %s is unreachable (%s: %s): pages are not cached and API throttles count "
                "per process until it answers; retrying every %s s, next warning in %s s at the earliest",
                self.where,
                type(error).__name__,
                error,
                self.retry_seconds,
                self.warning_seconds,
            )

    def close(self) -> None:
        with self.lock:
            was_open, self.retry_at, self.warned_at = self.retry_at is not None, None, None
        if was_open:
            logger.warning("Redis at %s answers again: caching resumed, cached pages dropped", self.where)


_circuits: dict[str, Circuit] = {}
_circuits_lock = threading.Lock()


def circuit_for(server: str, params: dict) -> Circuit:
    """The one circuit of ``server`` in this process (Django makes a backend per thread)."""
    with _circuits_lock:
        if server not in _circuits:
            _circuits[server] = Circuit(
                server, float(params.get("RETRY_SECONDS", 5)), float(params.get("WARNING_SECONDS", 60))
            )
        return _circuits[server]


def redacted(server: str) -> str:
    """Where the server is, for the log: host and port, never a password in the URL."""
    parts = urlsplit(server.split(",")[0])
    return f"{parts.hostname}:{parts.port or 6379}" if parts.hostname else "(socket)"


def cache_is_available(alias: str = "default") -> bool:
    """Whether the shared cache answers: False from a failed call until Redis answers again.

    Reads this process's circuit only, never contacts Redis, so a health or readiness check may
    call it on every request. A cache that is not a ``ResilientRedisCache`` is always available.
    """
    circuit = getattr(caches[alias], "circuit", None)
    return circuit is None or circuit.closed


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answered by this process while Redis is away (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.shared_only_prefixes = tuple(params.get("SHARED_ONLY_PREFIXES", ()))
        self.circuit = circuit_for(server, params)
        fallback = {
            key: params[key] for key in ("TIMEOUT", "KEY_PREFIX", "VERSION", "KEY_FUNCTION") if key in params
        }
        # One LocMemCache storage per name and process: every thread's backend shares it.
        self.local = LocMemCache(
            f"redis-fallback:{server}", {**fallback, "OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}}
        )
        self.nothing = KeepsNothing(server, fallback)

    # Which way a call goes -------------------------------------------------------------------------

    def redis_may_answer(self) -> bool:
        if self.circuit.closed or getattr(_probe, "active", False):
            return True
        return self.circuit.claim_probe() and self.reconnect()

    def reconnect(self) -> bool:
        _probe.active = True
        try:
            self._cache.get_client(write=True).ping()
            cache_recovered.send(sender=type(self), cache=self)
        except REDIS_AWAY as error:
            self.circuit.trip(error)
            return False
        finally:
            _probe.active = False
        self.circuit.close()
        return True

    def either(self, name: str, fallback, *args, **kwargs):
        """Redis's answer to ``name(*args, **kwargs)``, else ``fallback``'s (a backend or a callable)."""
        if self.redis_may_answer():
            try:
                return getattr(RedisCache, name)(self, *args, **kwargs)
            except REDIS_AWAY as error:
                if getattr(_probe, "active", False):
                    raise  # a recovery receiver's call: Redis is still away, reconnect() says so
                self.circuit.trip(error)
        method = fallback if callable(fallback) else getattr(fallback, name)
        return method(*args, **kwargs)

    def fallback_for(self, key):
        return self.nothing if self.is_shared_only(key) else self.local

    def is_shared_only(self, key) -> bool:
        return str(key).startswith(self.shared_only_prefixes) if self.shared_only_prefixes else False

    def local_keys(self, keys) -> list:
        return [key for key in keys if not self.is_shared_only(key)]

    # The cache API ---------------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.either("add", self.fallback_for(key), key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self.either("get", self.fallback_for(key), key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.either("set", self.fallback_for(key), key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.either("touch", self.fallback_for(key), key, timeout, version)

    def delete(self, key, version=None):
        return self.either("delete", self.fallback_for(key), key, version)

    def has_key(self, key, version=None):
        return self.either("has_key", self.fallback_for(key), key, version)

    def incr(self, key, delta=1, version=None):
        return self.either("incr", self.fallback_for(key), key, delta, version)

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self.either(
            "get_many", lambda *_: self.local.get_many(self.local_keys(keys), version), keys, version
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        local = {key: value for key, value in data.items() if not self.is_shared_only(key)}
        unstored = [key for key in data if key not in local]  # set_many() returns the keys it did not store

        def fallback(*_):
            return [*self.local.set_many(local, timeout, version), *unstored]

        return self.either("set_many", fallback, data, timeout, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self.either(
            "delete_many", lambda *_: self.local.delete_many(self.local_keys(keys), version), keys, version
        )

    def clear(self):
        return self.either("clear", self.local)
