"""Reads from read replicas; writes, and the reads that must see them, on the primary.

Active when ``DATABASE_REPLICA_URLS`` names replicas (aliases ``replica_1``, ``replica_2`` …). The
rule, decided per request by :class:`ReadAfterWriteMiddleware`:

- a GET, HEAD or OPTIONS request reads from a replica chosen at random;
- any other request (POST, PUT, PATCH, DELETE) reads and writes on the primary from its start, so
  its locks, its If-Match checks and the response it returns see its own transaction;
- once a request has written, the middleware sets a short-lived cookie (``REPLICA_LAG_SECONDS``)
  and the same client's next requests read from the primary too, until replicas have caught up;
- everything outside a request (``manage.py`` commands, the shell) uses the primary.
"""

import contextvars
import random

from django.conf import settings

PRIMARY = "default"
PIN_COOKIE = "atlas_primary"

_pinned = contextvars.ContextVar("atlas_pinned_to_primary", default=True)
_wrote = contextvars.ContextVar("atlas_wrote", default=False)
_read_from_replica = contextvars.ContextVar("atlas_read_from_replica", default=False)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


def read_from_replica() -> bool:
    """Whether the current request has read anything from a replica."""
    return _read_from_replica.get()


class PrimaryReplicaRouter:
    """Route reads to a replica unless the current context is pinned to the primary."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        instance = hints.get("instance")
        if instance is not None and instance._state.db in replicas:
            return instance._state.db  # related rows from where the row itself came (prefetches)
        if _pinned.get() or not replicas:
            return PRIMARY
        _read_from_replica.set(True)
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        # Whatever this request reads from now on must see what it writes.
        _pinned.set(True)
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReadAfterWriteMiddleware:
    """Pin unsafe requests, and a writer's next requests for a while, to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        may_use_replica = request.method in SAFE_METHODS and PIN_COOKIE not in request.COOKIES
        tokens = (_pinned.set(not may_use_replica), _wrote.set(False), _read_from_replica.set(False))
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.REPLICA_LAG_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        finally:
            for variable, token in zip((_pinned, _wrote, _read_from_replica), tokens, strict=True):
                variable.reset(token)
