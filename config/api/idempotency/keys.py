"""``Idempotency-Key`` on a POST: a retry gets the first answer, never a second record.

As Stripe and the IETF draft (draft-ietf-httpapi-idempotency-key-header) describe it. A client that
did not get an answer — a timeout, a dropped connection — cannot know whether its POST created the
record; with a key it may simply send the same request again:

- the first request with a key is processed, and its answer (status, body, ``ETag``, ``Location``,
  ``Content-Type``) stored with the key, the account and a fingerprint of the request;
- the same key with the same request gets that answer again, marked ``Idempotent-Replayed: true``;
- the same key with another request (method, address or body) is a 422 (``idempotency_key_reused``);
- the same key while the first request is still being processed is a 409 (``idempotency_key_in_use``);
- a key is remembered for ``API_IDEMPOTENCY_KEY_SECONDS`` (24 hours by default); after that it
  counts as new. Expired keys are pruned on the account's next keyed POST and by
  ``manage.py prune_idempotency_keys``.

Only a successful answer is stored. A request that failed (a 400, a 403 …) wrote nothing and
keeps nothing: the client may fix it and send it again under the same key.

How two requests with one key are kept apart in PostgreSQL: the key's row is first inserted on its
own, committed at once (``ON CONFLICT DO NOTHING``, the unique constraint makes every request with
the key share the one row). Then, in the transaction that creates the record, the row is locked
with ``SELECT … FOR UPDATE NOWAIT``: a second request that finds it locked is answered 409 at once
rather than waiting, and one that finds it answered replays the answer. The answer is stored in the
transaction that created the record, so the two are committed together or not at all; a process
that dies mid-request leaves the row unanswered and unlocked, free for the retry.
"""

import hashlib
import json
import re
from collections.abc import Callable

from django.db import IntegrityError, OperationalError, transaction
from django.http import HttpResponse
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder

from config.api.exceptions import IdempotencyKeyInUse, IdempotencyKeyReused, InvalidIdempotencyKey
from config.api.idempotency.models import MAX_KEY_LENGTH, IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
# The headers of the first answer a replay repeats.
STORED_HEADERS = ("Content-Type", "ETag", "Location")
KEY_FORMAT = re.compile(rf"[\x20-\x7e]{{1,{MAX_KEY_LENGTH}}}")
# PostgreSQL's lock_not_available: the row is locked and NOWAIT was asked for.
LOCK_NOT_AVAILABLE = "55P03"


def request_key(request) -> str | None:
    """The request's ``Idempotency-Key``, ``None`` without one; a 400 unless it is 1–255 printable
    ASCII characters.

    The draft sends the key as a structured-field string (``"8e03978e-…"``), Stripe bare; both are
    taken, and name the same key.
    """
    value = request.headers.get(HEADER)
    if value is None:
        return None
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = re.sub(r'\\(["\\])', r"\1", value[1:-1])
    if not KEY_FORMAT.fullmatch(value):
        raise InvalidIdempotencyKey()
    return value


def fingerprint(request) -> str:
    """What makes two requests the same one: the method, the address and the body.

    The body as parsed JSON, keys sorted: a retry that serialises the same data with other spacing
    or key order is the same request.
    """
    body = json.dumps(
        request.data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    text = "\n".join([request.method, request.get_full_path(), body])
    return hashlib.sha256(text.encode()).hexdigest()


def answer_once(request, key: str, respond: Callable[[], HttpResponse]) -> HttpResponse:
    """``respond()``'s answer to ``request``, or the stored answer of the first request with ``key``.

    ``respond`` does the work and returns the answer rendered (so its body can be stored); it runs
    inside the transaction that holds the key's lock, and an exception it raises stores nothing.
    """
    user, request_fingerprint = request.user, fingerprint(request)
    claim(user, key, request_fingerprint)
    with transaction.atomic():
        entry = lock(user, key, request_fingerprint)
        now = timezone.now()
        if entry.answered and not entry.is_expired(now):
            if entry.fingerprint != request_fingerprint:
                raise IdempotencyKeyReused()
            return replay(entry)
        # Unanswered (the first request failed or died) or expired: this request takes the key.
        entry.fingerprint, entry.created_at = request_fingerprint, now
        response = respond()
        if 200 <= response.status_code < 300:
            store(entry, response)
        return response


def claim(user, key: str, request_fingerprint: str) -> None:
    """Make sure the key's row exists, committed at once so that concurrent requests see it.

    The account's expired keys go first, this one included if it has expired.
    """
    IdempotencyKey.objects.filter(user=user).expired().delete()
    IdempotencyKey.objects.bulk_create(
        [IdempotencyKey(user=user, key=key, fingerprint=request_fingerprint)], ignore_conflicts=True
    )


def lock(user, key: str, request_fingerprint: str) -> IdempotencyKey:
    """The key's row, locked until the transaction ends; a 409 if another request holds it."""
    rows = IdempotencyKey.objects.select_for_update(nowait=True).filter(user=user, key=key)
    try:
        entry = rows.first()
        if entry is None:
            # Pruned since it was claimed (it had expired): claimed again, inside the transaction.
            with transaction.atomic():
                entry = IdempotencyKey.objects.create(user=user, key=key, fingerprint=request_fingerprint)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE:
            raise IdempotencyKeyInUse() from error
        raise
    except IntegrityError as error:
        raise IdempotencyKeyInUse() from error
    return entry


def store(entry: IdempotencyKey, response: HttpResponse) -> None:
    entry.response_status = response.status_code
    entry.response_headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
    entry.response_body = response.content
    entry.save()


def replay(entry: IdempotencyKey) -> HttpResponse:
    """The first answer again, as it was sent, marked as a replay."""
    response = HttpResponse(bytes(entry.response_body), status=entry.response_status)
    for name, value in entry.response_headers.items():
        response[name] = value
    response[REPLAYED_HEADER] = "true"
    return response


def schema_hook(result, generator, request, public):
    """The schema's creations as this module answers them: the optional ``Idempotency-Key`` header,
    the 422 of a reused key and the 409 of a busy one (a drf-spectacular post-processing hook)."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        operation = operations.get("post")
        if operation is None:
            continue
        operation.setdefault("parameters", []).append(
            {
                "in": "header",
                "name": HEADER,
                "required": False,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_KEY_LENGTH,
                    "pattern": "^[ -~]+$",
                },
                "description": "A key the client makes for this request (a UUID, say), so that the request "
                "may be retried safely: a retry with the same key and request gets the first answer "
                f"again ({REPLAYED_HEADER}: true) and creates nothing.",
            }
        )
        responses = operation.setdefault("responses", {})
        conflict = responses.setdefault("409", {"content": error, "description": "A conflict."})
        conflict["description"] += (
            " Or a request with the same Idempotency-Key is still being processed (idempotency_key_in_use)."
        )
        responses.setdefault(
            "422",
            {
                "content": error,
                "description": "The Idempotency-Key was sent before with a different request "
                "(idempotency_key_reused).",
            },
        )
    return result
