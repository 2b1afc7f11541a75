"""Conditional requests: ETag and Last-Modified on reads, 304 when unchanged, If-Match on writes.

A record's ETag is its stored version (``version_etag``): the position of the last entry the
changes feed holds for it (``config.api.models.FeedEntry``). Every write that can alter what the
record's representation shows — the record, a nested row, the name or visibility of a record it
refers to — enters the record in the feed (``config.atlas.changes``), so the version changes
whenever anything a client sees of it changes, and only then. It is the same whatever host name it
was asked under; it differs by language (each is another representation: a German request never
gets a 304 for an English ETag), by reader (anonymous, staff, or one account: what each sees
differs) and by format. A write may name the current version's ETag in any language, so a client
that read in German may write with the ETag it got. A record no entry names (none was written
since the entries were pruned) has the pruned position as its version. Lists, which no one writes
to, keep a hash of the representation they send in its language (``representation_etag``).
Only the ETag decides a 304: ``Last-Modified`` is the record's own ``updated_at`` and misses changes
to nested rows, so it is sent as information and ``If-Modified-Since`` is ignored (RFC 9110 lets a
server ignore it). The 304 itself is made by ``config.operations.cache.conditional_response``, for
the API and the response cache alike.
A change or deletion (PUT, PATCH, DELETE) must send ``If-Match``: without it two clients that read
the same version would each overwrite the other's change unseen (428 Precondition Required). It is
compared with the ETag of the current JSON representation, with the row locked, using the strong
comparison of RFC 9110 §13.1.1, and a write whose version is not the current one is a 412. A weak
ETag (``W/"…"``) never matches: it promises only an equivalent representation, not the same bytes,
so it cannot prove that the client saw what it is about to overwrite. ``If-Match: *`` asks only that
the record exist ("whatever its current version").
"""

import hashlib
import json

from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.http import http_date, parse_etags
from django.utils.translation import gettext_lazy as _
from rest_framework.utils.encoders import JSONEncoder

from config.api.exceptions import PreconditionFailed, PreconditionRequired
from config.api.models import FeedEntry, FeedState

WEAK_PREFIX = "W/"
WRITES = ("put", "patch", "delete")  # the operations of the schema that change or delete a record


def representation_etag(data, media_format: str = "json", language: str = "en") -> str:
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    key = f"{media_format}\n{language}\n{payload}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def reader_key(user) -> str:
    """Whom a representation is for, as far as representations differ: what anonymous visitors
    see, what staff see (everything), or what one account sees (its partner records, its drafts)."""
    if not getattr(user, "is_authenticated", False):
        return "anonymous"
    if user.is_staff and user.is_active:
        return "staff"
    return f"account:{user.pk}"


def position_text(txid: str, seq: str):
    return Concat(Cast(txid, CharField()), Value("."), Cast(seq, CharField()), output_field=CharField())


def version_annotation(kind: str):
    """The stored version of each record of the endpoint ``kind``, as an annotation: the position
    of its latest feed entry, else the position the entries were pruned to."""
    latest = FeedEntry.objects.filter(kind=kind, object_id=OuterRef("pk")).order_by("-txid", "-seq")
    pruned = FeedState.objects.order_by("pk").annotate(position=position_text("pruned_txid", "pruned_seq"))
    return Coalesce(
        Subquery(latest.annotate(position=position_text("txid", "seq")).values("position")[:1]),
        Subquery(pruned.values("position")[:1]),
        Value("0.0"),
        output_field=CharField(),
    )


def version_etag(
    kind: str, pk, version: str, reader: str, media_format: str = "json", language: str = "en"
) -> str:
    """The strong ETag of one record at ``version`` for ``reader`` in ``media_format`` and
    ``language`` (a code, or ``all``): each language's representation has its own."""
    key = f"{kind}\n{pk}\n{version}\n{reader}\n{media_format}\n{language}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def check_if_match(request, etags) -> None:
    """Pass when ``If-Match`` is ``*`` or names one of the strong ETags ``etags`` (a string or
    several: the current version in each language); else a 428 or a 412.

    428 when the header is missing (or blank); 412 when it names only other versions or weak
    validators, or no valid ETag at all (the message then says which).
    """
    header = request.headers.get("If-Match", "")
    if not header.strip():
        raise PreconditionRequired()
    tags = parse_etags(header)
    current = {etags} if isinstance(etags, str) else set(etags)
    if "*" in tags or current & set(tags):
        return
    if any(tag.startswith(WEAK_PREFIX) for tag in tags):
        raise PreconditionFailed(
            _(
                'If-Match names a weak ETag (W/"…"): weak validators are not accepted for writes; '
                "send the ETag of a GET as it is."
            )
        )
    if not tags:
        raise PreconditionFailed(_('If-Match names no ETag: send the ETag of a GET, quotes included ("…").'))
    raise PreconditionFailed()


def last_modified_header(value) -> str:
    return http_date(value.timestamp())


def schema_hook(result, generator, request, public):
    """The schema's changes and deletions as this module answers them: ``If-Match`` required, and
    the 428 of a write without it (a drf-spectacular post-processing hook, after the Error
    component is added)."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in WRITES:
                continue
            parameters = operation.setdefault("parameters", [])
            if_match = next(
                (item for item in parameters if (item["in"], item["name"]) == ("header", "If-Match")), None
            )
            if if_match is None:
                if_match = {"in": "header", "name": "If-Match", "schema": {"type": "string"}}
                parameters.append(if_match)
            if_match["required"] = True
            if_match["description"] = (
                "The ETag of the version this write is based on, as a GET sent it (strong; a weak "
                "W/ ETag is a 412), or * for whatever version is current. 412 when the record has "
                "changed since; 428 without it."
            )
            operation.setdefault("responses", {}).setdefault(
                "428",
                {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    "description": "If-Match is missing: send the ETag of a GET of the record.",
                },
            )
    return result
