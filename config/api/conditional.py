"""Conditional requests: ETag and Last-Modified on reads, 304 when unchanged, If-Match on writes.

The ETag is a hash of the representation the client receives (as JSON, plus the format), so it
changes whenever anything the client sees changes — a nested role as much as the record itself.
Only the ETag decides a 304: ``Last-Modified`` is the record's own ``updated_at`` and misses changes
to nested rows, so it is sent as information and ``If-Modified-Since`` is ignored (RFC 9110 lets a
server ignore it). The 304 itself is made by ``config.operations.cache.conditional_response``, for
the API and the response cache alike.
A write with ``If-Match`` compares it with the ETag of the current JSON representation, with the
row locked, and answers 412 when another write came first.
"""

import hashlib
import json

from django.utils.http import http_date, parse_etags
from rest_framework.utils.encoders import JSONEncoder

from config.api.exceptions import PreconditionFailed


def representation_etag(data, media_format: str = "json") -> str:
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    return '"' + hashlib.sha256(f"{media_format}\n{payload}".encode()).hexdigest()[:40] + '"'


def check_if_match(request, etag: str) -> None:
    """412 unless ``If-Match``, when sent, names ``etag`` (weak or strong, compared weakly) or ``*``."""
    header = request.headers.get("If-Match")
    if header is None:
        return
    tags = [tag.removeprefix("W/") for tag in parse_etags(header)]
    if "*" not in tags and etag not in tags:
        raise PreconditionFailed()


def last_modified_header(value) -> str:
    return http_date(value.timestamp())
