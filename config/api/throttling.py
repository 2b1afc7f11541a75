"""Rate limits from settings, counted in the shared cache; a refusal is a 429 with Retry-After.

Every API response says where its client stands, in three headers (the fields of the IETF
draft "RateLimit header fields for HTTP", sent as separate headers as most APIs do):

- ``RateLimit-Limit``: the requests allowed in the window (a minute, by default);
- ``RateLimit-Remaining``: how many of them are left;
- ``RateLimit-Reset``: seconds until the oldest counted request leaves the window (one more is
  allowed then); 0 when none is counted.

An anonymous client is counted by its address: ``config.operations.security.client_ip``, the
same as the login lockout's, which trusts ``X-Forwarded-For`` only as far as
``TRUSTED_PROXY_COUNT`` proxies of ours stand in front. An account is counted by its id, whatever
its address. Where several limits count a request, the headers give the one with the fewest
requests left.
"""

import math
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from rest_framework import throttling
from rest_framework.settings import api_settings

from config.operations.cache import is_api
from config.operations.security import client_ip


@dataclass(frozen=True)
class RateLimit:
    limit: int
    remaining: int
    reset: int

    @classmethod
    def of(cls, throttle, history: list[float], now: float) -> "RateLimit":
        reset = math.ceil(history[-1] + throttle.duration - now) if history else 0
        return cls(throttle.num_requests, max(0, throttle.num_requests - len(history)), max(0, reset))

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
        }


class CountedThrottle:
    """A throttle at the rate the settings name now, keyed on the real client address, that notes
    on the request where the client stands."""

    def get_rate(self):
        # Read at request time, not import time, so a changed setting applies at once.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request) or ""

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        history = getattr(self, "history", None)
        if history is not None:
            note(request, RateLimit.of(self, history, self.now))
        return allowed

    def peek(self, request) -> RateLimit | None:
        """Where ``request``'s client stands, without counting the request (a cached response)."""
        if self.rate is None:
            return None
        key = self.get_cache_key(request, None)
        if key is None:
            return None
        now = self.timer()
        history = [moment for moment in self.cache.get(key, []) if moment > now - self.duration]
        return RateLimit.of(self, history, now)


class AnonThrottle(CountedThrottle, throttling.AnonRateThrottle):
    pass


class UserThrottle(CountedThrottle, throttling.UserRateThrottle):
    pass


def note(request, limit: RateLimit) -> None:
    """Keep ``limit`` on the Django request (under REST framework's), for the response's headers."""
    django_request = getattr(request, "_request", request)
    django_request.rate_limits = [*getattr(django_request, "rate_limits", ()), limit]


def peeked(request) -> list[RateLimit]:
    """The limits that count ``request``'s client, read without counting the request."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()  # a response from the cache: only anonymous ones are kept
    throttles = [throttle_class() for throttle_class in api_settings.DEFAULT_THROTTLE_CLASSES]
    found = [throttle.peek(request) for throttle in throttles if isinstance(throttle, CountedThrottle)]
    return [limit for limit in found if limit is not None]


class RateLimitHeadersMiddleware:
    """Add the ``RateLimit-*`` headers to every API response.

    Placed before the response cache, so a stored response never carries them: a response from
    the cache gets its client's own, read without counting it (cached responses cost nothing).
    A request that no throttle counted (refused before, as a 401) gets them the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api(request):
            limits = getattr(request, "rate_limits", None) or peeked(request)
            if limits:
                for name, value in min(limits, key=lambda limit: limit.remaining).headers().items():
                    response[name] = value
        return response
