"""A token's scopes: ``read``, and ``write:<endpoint>`` for each endpoint that takes writes.

The kinds are the endpoints' paths under ``/api/v1/`` (``events``, ``sessions``, ``dialogue-roles``
…), the names a partner system already uses. The API's URLconf (``config/atlas/api_urls.py``)
registers each endpoint here, so this module names no app: an endpoint added to a router has its
write scope at once.

What a scope allows (``missing_scope``):

- a read (GET, HEAD, OPTIONS) needs ``read``, or the write scope of the endpoint read, so that a
  token that writes events can read the events it writes (and their ETags);
- a write (POST, PUT, PATCH, DELETE) needs ``write:<endpoint>``.

Scopes only narrow what the account may do: a write also needs the account's permissions and the
editorial workflow's consent (``config.editorial.workflow``).
"""

from django.urls import get_resolver
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS

READ = "read"
WRITE = "write:"

# The endpoints in the order their URLconf registers them: viewset class → path.
_ENDPOINTS: dict[type, str] = {}


def register(path: str, viewset: type) -> None:
    """Name ``viewset``'s endpoint ``path``, the kind its write scope is named after."""
    _ENDPOINTS[viewset] = path


def kinds() -> list[str]:
    """Every endpoint a token may be allowed to write, as registered by the API's URLconf."""
    get_resolver().url_patterns  # noqa: B018 — loads the URLconf, which registers the endpoints
    return list(dict.fromkeys(_ENDPOINTS.values()))


def kind_of(view) -> str | None:
    """The endpoint ``view`` serves (``events``), or None for views of no kind (root, search)."""
    return _ENDPOINTS.get(type(view))


def write_scope(kind: str) -> str:
    return f"{WRITE}{kind}"


def choices() -> list[tuple[str, str]]:
    """Every scope, with what it allows: for the admin's form and the command's help."""
    return [(READ, _("read every endpoint"))] + [
        (write_scope(kind), _("write %(endpoint)s") % {"endpoint": kind}) for kind in kinds()
    ]


def unknown(scopes) -> list[str]:
    """The names in ``scopes`` that are no scope."""
    known = {scope for scope, _label in choices()}
    return [scope for scope in scopes if scope not in known]


def missing_scope(scopes, method: str, kind: str | None) -> str | None:
    """The scope a request by ``method`` to the endpoint ``kind`` needs and ``scopes`` lacks."""
    if method in SAFE_METHODS:
        if READ in scopes or (kind is not None and write_scope(kind) in scopes):
            return None
        return READ
    if kind is None:
        return None  # no endpoint of a kind takes writes
    needed = write_scope(kind)
    return None if needed in scopes else needed
