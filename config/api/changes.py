"""Positions in the changes feed, and the opaque cursors that carry them.

A position is a pair ``(txid, seq)``: every feed entry before it has been handed out. Entries are
ordered by the id of the transaction that wrote them and then by their own sequence, and the feed
hands out only entries of transactions below the oldest one of this database still running
(``WATERMARK_SQL``, from PostgreSQL's snapshot, ``pg_current_snapshot()``): those have all
finished, so no entry can later appear before a position already handed out, however out of
order transactions commit. An export gives the position of its snapshot, ``(watermark, 0)``:
everything committed before it is in the export, and every later change has an entry at or after
it. (A transaction without an id — one that has written nothing, such as an export — holds
nothing back.)

Cursors are signed, so that a client cannot make one up; the feed (``config.atlas.changes``) and the
exports (``config.api.views``) issue them.
"""

from typing import NamedTuple

from django.core import signing
from django.db import connections
from django.utils.translation import gettext
from rest_framework.exceptions import APIException, ValidationError

SALT = "atlas.changes.cursor"


class Position(NamedTuple):
    txid: int
    seq: int


# The watermark of this statement's snapshot: the lowest transaction of *this database* still
# running when the snapshot was taken (or, if none, the next transaction id). Transactions of other
# databases on the same server do not hold the feed back: a transaction is known to be another
# database's when its id's lock is held by a session connected to one. Any other running
# transaction — one that finished since the snapshot, whose database can no longer be told —
# counts, so the watermark is never too high.
WATERMARK_SQL = """
SELECT least(
  pg_snapshot_xmax(s.snap)::text::bigint,
  (SELECT min(x::text::bigint) FROM pg_snapshot_xip(s.snap) AS x
    WHERE NOT EXISTS (
      SELECT FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'transactionid' AND l.transactionid = xid(x)
         AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())))
) AS xmin FROM (SELECT pg_current_snapshot() AS snap) AS s
"""


def watermark(using: str = "default") -> int:
    """The transaction id below which every transaction of this database had finished when this
    statement's snapshot (in a REPEATABLE READ transaction: the transaction's) was taken."""
    with connections[using].cursor() as cursor:
        cursor.execute(WATERMARK_SQL)
        return cursor.fetchone()[0]


def encode_cursor(position: Position) -> str:
    return signing.dumps([position.txid, position.seq], salt=SALT, compress=False)


def decode_cursor(raw: str, parameter: str = "cursor") -> Position:
    """The position ``raw`` carries; a 400 naming ``parameter`` if it is not one the server made."""
    try:
        txid, seq = signing.loads(raw, salt=SALT)
        return Position(int(txid), int(seq))
    except (signing.BadSignature, TypeError, ValueError):
        raise ValidationError(
            {
                parameter: [
                    gettext(
                        "This is not a cursor this server issued: use the one an export or the feed gave."
                    )
                ]
            },
            code="invalid",
        ) from None


class CursorExpired(APIException):
    """410: the cursor is older than what the feed keeps; the client copies afresh."""

    status_code = 410
    default_code = "cursor_expired"
    default_detail = (
        "This cursor is older than the changes the server keeps: make a new copy from the exports "
        "and follow the cursor they give."
    )
