"""Uploaded files, served only to whoever may see the row that holds them.

A media address (``/media/photos/2024/x-1a2b3c4d.jpg``) is the stored name of a file, and each
stored name belongs to the row whose file field names it: an event's photo, a publication's file.
The file is served when that row is visible to the requesting user — by the one rule of
``visible_to``, which for a row also asks its record (a photo of a draft event is hidden with the
event) — and is a 404 otherwise, the same as the record's page: a draft's, an internal record's, a
deleted record's file (no row names it any more) and a name no row ever held look alike.

Files are fetched by browsers, with the session of whoever reads the page, and by partner systems,
which find file addresses in the API's answers: an ``Authorization: Token …`` header is honoured
as by the API (an invalid token is a 401 that says why, a token without the ``read`` scope a 403).

The answer itself — streamed, handed to the proxy, or a redirect to a signed S3 address — and its
headers are ``config.operations.uploads.serve_stored``'s. A file anyone may see is marked
``public``; any other ``private, no-store``, so that no cache keeps it past its record's hiding.
The response cache (``config.operations.cache``) never stores a streamed file or a redirect, and
the one kind it may store — the empty ``X-Accel-Redirect`` answer for a public file — is dropped
with every other entry by the write that hides the record.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework.exceptions import AuthenticationFailed

from config.api.authentication import TokenAuthentication
from config.api.scopes import missing_scope
from config.operations.uploads import PRIVATE, checked_name, serve_stored, stored_file_fields


@require_safe
def serve_file(request, path):
    """The file stored as ``path``, if the requesting user may see a row that holds it (GET, HEAD)."""
    name = checked_name(path)
    user, refusal = requesting_user(request)
    if refusal is not None:
        return refusal
    field_file = visible_file(name, AnonymousUser())
    public = field_file is not None
    if not public and user.is_authenticated:
        field_file = visible_file(name, user)
    if field_file is None:
        raise Http404(_("No file is stored under this address, or it is not yours to see."))
    return serve_stored(request, field_file, public=public)


def visible_file(name: str, user):
    """The file ``name`` as held by a row ``user`` may see, or None.

    One query per file field whose folder the name is in (one, as the atlas has them: photos and
    publication files live in folders of their own).
    """
    for model, field in candidate_fields(name):
        row = (
            model._default_manager.visible_to(user)
            .filter(**{field.name: name})
            .only("pk", field.name)
            .first()
        )
        if row is not None:
            return getattr(row, field.name)
    return None


def candidate_fields(name: str):
    """The file fields that may have stored ``name``: those whose ``upload_to`` folder holds it."""
    for model, field in stored_file_fields():
        folder = field.upload_to.split("%", 1)[0] if isinstance(field.upload_to, str) else ""
        if name.startswith(folder):
            yield model, field


def requesting_user(request):
    """The user of the session, or of the API token the request carries; and a refusal, if any."""
    try:
        authenticated = TokenAuthentication().authenticate(request)
    except AuthenticationFailed as error:
        return None, refuse(str(error.detail), status=401)
    if authenticated is None:
        return request.user, None
    user, token = authenticated
    needed = missing_scope(token.scopes, request.method, None)
    if needed is not None:
        return None, refuse(
            _("This token needs the “%(scope)s” scope to fetch files.") % {"scope": needed}, 403
        )
    return user, None


def refuse(message: str, status: int) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = PRIVATE
    if status == 401:
        response["WWW-Authenticate"] = "Token"
    return response
