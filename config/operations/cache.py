"""Whole responses cached for anonymous visitors, invalidated by any write to the atlas.

Every cached response is stored under a key that includes the current cache *generation*: a
number kept in the shared cache (Redis in production). Saving, deleting or relinking any row of
the atlas apps sets a new generation, so every response cached before the write is never read
again (and expires on its own). Bulk writers that bypass model signals (``QuerySet.update()``,
``bulk_create``, raw SQL) call :func:`invalidate` themselves.

Only requests that cannot be tied to a user are served from the cache or stored in it: a GET or
HEAD without a session cookie and without an ``Authorization`` header. A response is stored only
when it is a 200 to such a GET, sets no cookie (a CSRF token, a session), says nothing against
shared caching (``private``, ``no-store``, ``no-cache``), is not streamed, and varies only by
headers the key includes. Each response served from the cache gets a new CSP nonce.

While Redis is away (``config/operations/resilient_cache.py``) there is no shared generation:
nothing is served from the cache or stored in it, and every page is rendered afresh. Writes made
meanwhile cannot bump the generation, so when Redis answers again the generation is bumped before
anything is read from it (``cache_recovered``): nothing cached before the outage is served after it.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.csp import generate_nonce

from config.operations import replicas as db_router
from config.operations.locale import request_language
from config.operations.resilient_cache import cache_recovered

GENERATION_KEY = "atlas:generation"
# Request headers that select a representation besides the URL and the language. The language is
# the one the request is answered in (config/operations/locale.py): on the public pages the address
# names it, so one address is one entry whatever Accept-Language says; elsewhere it is asked for.
KEY_HEADERS = ("Accept", "HX-Request", "HX-Boosted", "Origin")
# A response that varies by anything else is not stored.
KEYED_VARY = frozenset({"accept", "accept-language", "cookie", "authorization", "hx-request", "origin"})
# Accept-Language is added by the LocaleMiddleware where the language comes from it.
PAGE_VARY = ("Cookie", "HX-Request")
NOT_SHARED = ("private", "no-store", "no-cache")
# Preconditions of writes: a read that carries one is answered in full, never with a 304.
WRITE_PRECONDITIONS = ("If-Match", "If-Unmodified-Since")


def generation() -> int | None:
    """The current cache generation; starts from the clock so a lost key never revives old entries.

    None while the shared cache is away: its generation is not kept anywhere else.
    """
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate() -> None:
    """Make every cached response stale: call after writes that send no model signals."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_after_write(sender, **kwargs):
    if sender._meta.app_label not in settings.ATLAS_APPS:
        return
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed fires before and after a change; the "post_" half follows the write
    # Now, so that the rest of this request and this process read fresh pages; and again after the
    # commit, so that a page rendered by another request between the two from the old rows is
    # dropped as well.
    invalidate()
    transaction.on_commit(invalidate, robust=True)


def invalidate_on_recovery(sender, cache, **kwargs):
    """Redis answers again: writes made while it was away could not drop the pages cached before."""
    if cache is caches[DEFAULT_CACHE_ALIAS]:
        invalidate()


def connect_signals() -> None:
    post_save.connect(invalidate_after_write, dispatch_uid="atlas-cache-save")
    post_delete.connect(invalidate_after_write, dispatch_uid="atlas-cache-delete")
    m2m_changed.connect(invalidate_after_write, dispatch_uid="atlas-cache-m2m")
    cache_recovered.connect(invalidate_on_recovery, dispatch_uid="atlas-cache-recovered")


def is_anonymous_request(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def response_key(request, current_generation: int) -> str:
    parts = [
        request.build_absolute_uri(),
        request_language(request),
        *(request.headers.get(name, "") for name in KEY_HEADERS),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"atlas:response:{current_generation}:{digest}"


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def vary_headers(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


def may_store(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in NOT_SHARED)
        and vary_headers(response) <= KEYED_VARY
    )


CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def cache_entry(request, response) -> tuple:
    nonce = get_nonce(request)
    headers = {name: value for name, value in response.items() if name != "Content-Length"}
    return (response.status_code, headers, response.content, str(nonce) if nonce else None)


def from_cache(request, entry):
    status, headers, content, nonce = entry
    if nonce is not None:
        # A nonce must be new in every response, or it protects nothing: the stored one (random,
        # drawn after the content was written, so no record's text can contain it) is replaced.
        fresh = generate_nonce()
        content = content.replace(nonce.encode(), fresh.encode())
        headers = {
            name: value.replace(nonce, fresh) if name in CSP_HEADERS else value
            for name, value in headers.items()
        }
    response = HttpResponse(content, status=status, headers=headers)
    response["Content-Length"] = len(content)
    response["X-Cache"] = "hit"
    return conditional_response(request, response)


def conditional_response(request, response):
    """``response``, or a 304 Not Modified when the GET's ``If-None-Match`` names its ETag.

    The one place a 304 is made, for cached responses and the API's alike. Only the ETag decides:
    ``Last-Modified`` is a record's own last change and misses changes to its nested rows, so
    Django's ``get_conditional_response`` is given no modification date and ``If-Modified-Since``
    never earns a 304. The 304 keeps ETag, Last-Modified, Cache-Control and Vary.
    """
    if request.method not in ("GET", "HEAD") or any(name in request.headers for name in WRITE_PRECONDITIONS):
        return response
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class AnonymousCacheMiddleware:
    """Serve and store whole GET/HEAD responses of anonymous visitors; set HTTP caching headers.

    ``RESPONSE_CACHE_SECONDS`` (0 turns the server-side cache off) bounds how long an entry lives;
    ``HTTP_CACHE_MAX_AGE`` is what browsers and a CDN are told.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        anonymous = is_anonymous_request(request)
        key = None
        if anonymous and settings.RESPONSE_CACHE_SECONDS:
            current = generation()
            if current is not None:  # else the shared cache is away: the page is rendered afresh
                key = response_key(request, current)
                entry = cache.get(key)
                if entry is not None:
                    return from_cache(request, entry)
        response = self.get_response(request)
        storable = anonymous and may_store(request, response)
        self.add_caching_headers(request, response, storable)
        if key is not None and storable and not self.may_be_behind_replica(current):
            cache.set(key, cache_entry(request, response), settings.RESPONSE_CACHE_SECONDS)
        return response

    @staticmethod
    def add_caching_headers(request, response, storable: bool) -> None:
        if not is_api(request):
            patch_vary_headers(response, PAGE_VARY)
        if "Cache-Control" in response:
            return
        if storable:
            patch_cache_control(response, public=True, max_age=settings.HTTP_CACHE_MAX_AGE)
        elif is_anonymous_request(request):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            # A signed-in user's or a token's response is kept nowhere, not even in the browser's
            # cache on disk; clients that keep an ETag themselves still revalidate with it.
            patch_cache_control(response, private=True, no_store=True)

    @staticmethod
    def may_be_behind_replica(current: int) -> bool:
        """Whether the page was read from a replica that may not have the last write yet."""
        lag = settings.REPLICA_LAG_SECONDS * 1_000_000_000
        return db_router.read_from_replica() and time.time_ns() - current < lag
