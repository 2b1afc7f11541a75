"""One JSON error shape for every error the API returns, whichever part of Django answers.

```json
{"status": 400, "code": "invalid", "detail": "Some fields are not valid.",
 "errors": [{"field": "end", "code": "invalid", "message": "The end cannot be before the start."}]}
```
``errors`` is empty when the problem is not about a field (a 404, a 405, a 429 …).

REST framework's errors go through :func:`exception_handler`. What Django answers before or
instead of a view — an address no URL matches, a body read outside a view, a server error — goes
through the error views below (``handler400`` … ``handler500`` in ``config/urls.py``): JSON in the
same shape under ``/api/``, the site's own pages everywhere else.

A database that is away or too slow (``config.operations.database.is_unavailable``) is a 503 with
``Retry-After`` (``database_unavailable``), whichever part of the request met it.
"""

import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from django.middleware.common import CommonMiddleware
from django.utils.http import escape_leading_slashes
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from config.editorial.workflow import WorkflowError
from config.operations.database import (
    discard_broken_connections,
    is_unavailable,
    log_unavailable,
    unavailable_page,
)

FIELD_ERRORS_DETAIL = _("Some fields are not valid.")
# Every address under this prefix is the API's: its errors are JSON (config/atlas/urls.py mounts it).
API_PREFIX = "/api/"


def is_api_path(path: str) -> bool:
    """Whether ``path`` (a request's ``path_info``) is the API's, ``/api`` itself included."""
    return path == API_PREFIX.rstrip("/") or path.startswith(API_PREFIX)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record has changed since the version named in If-Match; fetch it again.")
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    """A change or deletion without ``If-Match``: it could silently undo another client's write."""

    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _(
        "This write needs an If-Match header: send the ETag of a GET of this record "
        '(or "*" to write whatever its current version).'
    )
    default_code = "precondition_required"


class InvalidIdempotencyKey(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("The Idempotency-Key header must be 1 to 255 printable ASCII characters.")
    default_code = "invalid_idempotency_key"


class IdempotencyKeyInUse(exceptions.APIException):
    """A retry that arrives while the request that first sent its key is still being answered."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _(
        "A request with this Idempotency-Key is still being processed; retry once it has been answered."
    )
    default_code = "idempotency_key_in_use"


class IdempotencyKeyReused(exceptions.APIException):
    """The key of an earlier request sent with another method, address or body."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was sent with a different request; use a new key for a new request."
    )
    default_code = "idempotency_key_reused"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the current state of the records.")
    default_code = "conflict"


class DatabaseUnavailable(exceptions.APIException):
    """The database refused, dropped or cancelled the request's query. A write's transaction was
    rolled back; a retry of a write is safe with its ``If-Match`` or ``Idempotency-Key``."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _(
        "The database is briefly unavailable or too slow to answer; try again after Retry-After seconds."
    )
    default_code = "database_unavailable"

    def __init__(self):
        super().__init__()
        self.wait = settings.DATABASE_RETRY_AFTER_SECONDS


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(
            gettext("The request body is larger than the limit of %(limit)s bytes.") % {"limit": f"{limit:,}"}
        )


def flatten(detail, field: str | None = None) -> list[dict]:
    """DRF's nested error detail as a flat list of ``{field, code, message}``."""
    if isinstance(detail, dict):
        errors = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "__all__") else key
            errors += flatten(value, f"{field}.{name}" if field and name else (name or field))
        return errors
    if isinstance(detail, list):
        errors = []
        for index, value in enumerate(detail):
            # A list of objects (one per item) names the item; a list of messages does not.
            nested = isinstance(value, dict | list)
            errors += flatten(value, f"{field}[{index}]" if nested and field else field)
        return errors
    return [{"field": field, "code": getattr(detail, "code", "invalid"), "message": str(detail)}]


def error_body(status_code: int, code: str, detail: str, errors: list[dict] | None = None) -> dict:
    return {"status": status_code, "code": code, "detail": detail, "errors": errors or []}


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, WorkflowError):
        exc = exceptions.PermissionDenied(exc.message, code="workflow")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, ProtectedError | RestrictedError):
        names = sorted(
            {str(obj._meta.verbose_name) for obj in exc.protected_objects if hasattr(obj, "_meta")}
        )
        exc = Conflict(
            gettext("Other records still refer to this one (%(names)s); change them first.")
            % {"names": ", ".join(names)}
        )
    elif isinstance(exc, IntegrityError):
        # Validation runs first, so this is a race with another write; nothing was saved.
        exc = Conflict(
            gettext("Another change made this write conflict with a rule of the database; try again.")
        )
    elif is_unavailable(exc):
        # The write's transaction was rolled back when the exception left it.
        log_unavailable(context["request"], exc)
        discard_broken_connections()
        exc = DatabaseUnavailable()
    if not isinstance(exc, exceptions.APIException):
        return None

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        body = error_body(exc.status_code, "invalid", str(FIELD_ERRORS_DETAIL), flatten(exc.detail))
    else:
        codes = exc.get_codes()
        body = error_body(exc.status_code, codes if isinstance(codes, str) else "error", str(exc.detail))
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)


# Django's error views, JSON for the API ---------------------------------------------------------


def error_response(status_code: int, code: str, detail: str) -> JsonResponse:
    """An error in the API's shape, for answers made outside REST framework."""
    return JsonResponse(error_body(status_code, code, detail), status=status_code)


def not_found(request, exception):
    if not is_api_path(request.path_info):
        return defaults.page_not_found(request, exception)
    return error_response(404, "not_found", str(exceptions.NotFound.default_detail))


def bad_request(request, exception):
    if not is_api_path(request.path_info):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        error = PayloadTooLarge()
        return error_response(error.status_code, error.default_code, str(error.detail))
    return error_response(400, "bad_request", gettext("The request is malformed."))


def permission_denied(request, exception):
    if not is_api_path(request.path_info):
        return defaults.permission_denied(request, exception)
    return error_response(403, "permission_denied", str(exceptions.PermissionDenied.default_detail))


def server_error(request):
    # Django calls this while it handles the exception (sys.exc_info() names it); it logs it after.
    if is_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    if not is_api_path(request.path_info):
        return defaults.server_error(request)
    return error_response(500, "server_error", gettext("A server error occurred; it has been logged."))


def database_unavailable(request):
    """A 503 for a database failure outside a view (a middleware's): JSON under ``/api/``, the page
    elsewhere."""
    discard_broken_connections()
    if not is_api_path(request.path_info):
        return unavailable_page(request)
    error = DatabaseUnavailable()
    response = error_response(error.status_code, error.default_code, str(error.detail))
    response["Retry-After"] = str(error.wait)
    return response


class TrailingSlashMiddleware:
    """No redirect to an API address with its trailing slash for a write: a JSON 404 naming it.

    Django's ``CommonMiddleware`` (``APPEND_SLASH``) answers ``POST /api/v1/events`` with a 301 to
    ``/api/v1/events/``, which clients follow with a GET: the write is lost behind a 200. Reads
    (GET, HEAD, OPTIONS) keep the redirect, which a client may follow safely. Placed just before
    ``CommonMiddleware``.
    """

    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response
        self.common = CommonMiddleware(get_response)

    def __call__(self, request):
        if (
            request.method not in self.SAFE_METHODS
            and is_api_path(request.path_info)
            and self.common.should_redirect_with_slash(request)
        ):
            path = escape_leading_slashes(request.get_full_path(force_append_slash=True))
            return error_response(
                404,
                "not_found",
                gettext("There is nothing at this address; the address ends with a slash: %(path)s")
                % {"path": path},
            )
        return self.get_response(request)
