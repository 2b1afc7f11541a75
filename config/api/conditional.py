"""Conditional requests: ETag and Last-Modified on reads, 304 when unchanged, If-Match on writes.

The ETag is a hash of the representation the client receives (as JSON, plus the format), so it
changes whenever anything the client sees changes — a nested role as much as the record itself.
Only the ETag decides a 304: ``Last-Modified`` is the record's own ``updated_at`` and misses changes
to nested rows, so it is sent as information and ``If-Modified-Since`` is ignored (RFC 9110 lets a
server ignore it).
A write with ``If-Match`` compares it with the ETag of the current JSON representation, with the
row locked, and answers 412 when another write came first.
"""

import hashlib
import json

from django.utils.http import http_date
from rest_framework.utils.encoders import JSONEncoder

from config.api.exceptions import PreconditionFailed


def representation_etag(data, media_format: str = "json") -> str:
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    return '"' + hashlib.sha256(f"{media_format}\n{payload}".encode()).hexdigest()[:40] + '"'


def entity_tags(header: str) -> list[str]:
    """The entity tags of an If-Match / If-None-Match header, weak or strong, compared weakly."""
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def not_modified(request, etag: str) -> bool:
    """Whether a GET may be answered 304: only when ``If-None-Match`` names the current ETag."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is None:
        return False
    tags = entity_tags(if_none_match)
    return "*" in tags or etag in tags


def check_if_match(request, etag: str) -> None:
    header = request.headers.get("If-Match")
    if header is None:
        return
    tags = entity_tags(header)
    if "*" not in tags and etag not in tags:
        raise PreconditionFailed()


def last_modified_header(value) -> str:
    return http_date(value.timestamp())
