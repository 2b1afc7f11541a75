"""One JSON error shape for every 4xx the API returns.

```json
{"status": 400, "code": "invalid", "detail": "Some fields are not valid.",
 "errors": [{"field": "end", "code": "invalid", "message": "The end cannot be before the start."}]}
```
``errors`` is empty when the problem is not about a field (a 404, a 405, a 429 …).
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from config.editorial.workflow import WorkflowError

FIELD_ERRORS_DETAIL = "Some fields are not valid."


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since the version named in If-Match; fetch it again."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the records."
    default_code = "conflict"


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
    elif isinstance(exc, WorkflowError):
        exc = exceptions.PermissionDenied(exc.message, code="workflow")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, ProtectedError | RestrictedError):
        names = sorted(
            {str(obj._meta.verbose_name) for obj in exc.protected_objects if hasattr(obj, "_meta")}
        )
        exc = Conflict(f"Other records still refer to this one ({', '.join(names)}); change them first.")
    elif isinstance(exc, IntegrityError):
        # Validation runs first, so this is a race with another write; nothing was saved.
        exc = Conflict("Another change made this write conflict with a rule of the database; try again.")
    if not isinstance(exc, exceptions.APIException):
        return None

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        body = error_body(exc.status_code, "invalid", FIELD_ERRORS_DETAIL, flatten(exc.detail))
    else:
        codes = exc.get_codes()
        body = error_body(exc.status_code, codes if isinstance(codes, str) else "error", str(exc.detail))
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)
