"""The two probes: liveness (``/healthz``) for the process supervisor, readiness (``/readyz``) for
the load balancer (docs/operations.md, "Probes").

Liveness touches nothing but the process: it answers 200 while the process can answer at all, so
a supervisor restarts only a process that is really stuck — never every process at once because
the database is away, which a restart would not mend. Readiness answers 503 while the database
does not (every alias: a request may read from any replica), so the load balancer sends traffic
elsewhere; a cache that is away is reported ``degraded`` and the process stays ready, because the
site serves without it. Neither is cached, throttled or redirected to HTTPS
(``SECURE_REDIRECT_EXEMPT``): a load balancer probes over plain HTTP.
"""

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from config.operations.database import discard_broken_connections

logger = logging.getLogger(__name__)

PROBE_KEY = "atlas:readyz"
# The cache is probed on a thread of its own, so that a cache server that accepts the connection
# and then never answers costs the probe DATABASE_PROBE_TIMEOUT_MS, not the client's own timeout.
# One thread: a probe stuck on it makes the next ones time out (degraded) instead of piling up threads.
_cache_prober = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz-cache")


def milliseconds_since(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


def check_database(alias: str) -> dict:
    """``SELECT 1`` on ``alias`` within ``DATABASE_PROBE_TIMEOUT_MS``, on this thread's connection
    (if it answers, so do this thread's requests); a connection that failed is closed.

    How long a database that is down takes to refuse is bounded by ``DATABASE_CONNECT_TIMEOUT``.
    """
    started = time.monotonic()
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)", [str(settings.DATABASE_PROBE_TIMEOUT_MS)]
            )
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (OperationalError, InterfaceError) as error:
        logger.warning("Readiness: database %r is unavailable: %s", alias, str(error).strip())
        discard_broken_connections()
        return {"status": "unavailable", "error": type(error).__name__}
    return {"status": "ok", "milliseconds": milliseconds_since(started)}


def set_and_get() -> bool:
    value = str(time.time_ns())
    cache.set(PROBE_KEY, value, timeout=60)
    return cache.get(PROBE_KEY) == value


def check_cache() -> dict:
    """A set and a get of a probe key, within ``DATABASE_PROBE_TIMEOUT_MS``."""
    started = time.monotonic()
    try:
        answered = _cache_prober.submit(set_and_get).result(timeout=settings.DATABASE_PROBE_TIMEOUT_MS / 1000)
    except FutureTimeout:
        logger.warning("Readiness: the cache did not answer in time")
        return {"status": "degraded", "error": "timeout"}
    except Exception as error:
        # Whatever the cache's client raises, the cache is degraded; the site serves without it.
        logger.warning("Readiness: the cache is unavailable: %s", error)
        return {"status": "degraded", "error": type(error).__name__}
    if not answered:
        return {"status": "degraded", "error": "lost"}
    return {"status": "ok", "milliseconds": milliseconds_since(started)}


def readiness() -> tuple[bool, dict]:
    """Whether this process can serve requests, and each check's result."""
    checks = {f"database:{alias}": check_database(alias) for alias in settings.DATABASES}
    checks["cache"] = check_cache()
    ready = all(result["status"] == "ok" for name, result in checks.items() if name.startswith("database:"))
    return ready, checks


@never_cache
def healthz(request):
    """Liveness: the process answers. Reads neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: 200 when every database answers, 503 (with ``Retry-After``) when one does not."""
    ready, checks = readiness()
    response = JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    return response
