"""Links to records, built from one ``reverse()`` per route instead of one per record.

A page of 50 events names some 200 related records, each with an API and a page URL: resolving
each through the URL resolver was a third of the API list's time. ``record_path()`` reverses a
route once, with a marker in place of the record's key, and fills the key in for each record.
``absolute()`` makes a path absolute with the request's origin, validated once per request.
"""

import functools
import re
from urllib.parse import quote

from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language

# Digits, so that it matches both kinds of key in our routes: slugs and ids.
MARKER = "7391820465"
KEYS = {"slug": re.compile(r"[-a-zA-Z0-9_]+"), "pk": re.compile(r"[0-9]+")}


@functools.lru_cache(maxsize=512)
def _template(viewname: str, key: str, prefix: str, language: str | None) -> str | None:
    try:
        template = reverse(viewname, kwargs={key: MARKER})
    except NoReverseMatch:
        return None
    return template if template.count(MARKER) == 1 else None


def record_path(viewname: str, key: str, value) -> str | None:
    """``reverse(viewname, kwargs={key: value})``, or ``None`` when the route or the value does not fit.

    ``key`` is ``"slug"`` or ``"pk"``; the value must look like one, as the route would insist.
    """
    value = str(value)
    # The atlas has one URLconf (no middleware sets ``request.urlconf``); the script prefix may
    # differ between deployments, and a page's address has the current language's prefix
    # (``/de/events/…``), so both are part of the key.
    template = _template(viewname, key, get_script_prefix(), get_language())
    if template is None or not KEYS[key].fullmatch(value):
        return None
    return template.replace(MARKER, quote(value))


def absolute(request, path: str | None) -> str | None:
    """``request.build_absolute_uri(path)`` for a path, with the host checked once per request."""
    if path is None or request is None:
        return path
    origin = getattr(request, "_absolute_origin", None)
    if origin is None:
        origin = request.build_absolute_uri("/")[:-1]
        request._absolute_origin = origin
    return origin + path


def slug_url(viewname: str, slug: str) -> str:
    """A record's page by its slug, for ``get_absolute_url()``: as ``reverse()``, which it falls back on
    (and so raises ``NoReverseMatch``) for a value the route would not take."""
    return record_path(viewname, "slug", slug) or reverse(viewname, kwargs={"slug": slug})
