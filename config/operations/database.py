"""Bounded waits on the database, and what a request gets when the database is away.

Every connection is opened with a connect timeout and a statement timeout (``connection_options``,
from the ``DATABASE_*`` settings), so that a database that is down or frozen costs a request a few
seconds instead of holding its worker until the database returns. Work that is long by design
raises the limit for its own transaction only (``long_statements``): the API's streamed exports,
the changes feed's housekeeping, the admin's exports. ``manage.py`` commands (migrate, imports, the
seed loader, demo data, workers) run without a statement timeout unless
``DATABASE_COMMAND_STATEMENT_TIMEOUT_MS`` sets one.

When the database refuses, drops or cancels a request's query (``OperationalError`` or
``InterfaceError``: connection refused, terminated by an administrator, statement or lock
timeout), the request is answered ``503 Service Unavailable`` with ``Retry-After`` — the branded
page here, the API's JSON error through ``config/api/exceptions.py`` — and logged, never a 500.
A connection that no longer works is closed, so that the next request opens a new one.

The probes (``/healthz``, ``/readyz``) are in ``config/operations/probes.py``.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

UNAVAILABLE_TEMPLATE = "503.html"


# Connection settings ----------------------------------------------------------------------------


def connection_options(
    *,
    connect_timeout: int,
    statement_timeout_ms: int,
    lock_timeout_ms: int,
    idle_in_transaction_timeout_ms: int,
) -> dict:
    """The ``OPTIONS`` of a database alias: libpq's connect timeout and the server's timeouts.

    The server's are sent as start-up parameters (``options=-c …``), so they cost no query; 0 turns
    one off. ``connect_timeout`` bounds each address libpq tries (seconds, at least 2 as libpq
    counts them).
    """
    parameters = {
        "statement_timeout": statement_timeout_ms,
        "lock_timeout": lock_timeout_ms,
        "idle_in_transaction_session_timeout": idle_in_transaction_timeout_ms,
    }
    return {
        "connect_timeout": connect_timeout,
        "options": " ".join(f"-c {name}={value}" for name, value in parameters.items()),
    }


@contextmanager
def long_statements(using: str = DEFAULT_DB_ALIAS, statement_timeout_ms: int | None = None):
    """A transaction in which statements may run ``statement_timeout_ms`` (default
    ``DATABASE_LONG_STATEMENT_TIMEOUT_MS``) and the session may wait between them without limit.

    For work that is long by design and must not be cut off by the request's statement timeout,
    nor by the idle-in-transaction timeout while a slow client reads a streamed response. The
    limits are ``SET LOCAL`` (``set_config(…, true)``): they end with the transaction, so the
    connection goes back to the request's limits. Inside a transaction already, they apply to the
    rest of that one.
    """
    with transaction.atomic(using=using):
        raise_timeouts(using, statement_timeout_ms)
        yield


def raise_timeouts(using: str = DEFAULT_DB_ALIAS, statement_timeout_ms: int | None = None) -> None:
    """Raise the current transaction's statement timeout and lift its idle timeout (one query).

    Only ever raised: a session without a limit (a command, the worker) or with a longer one keeps it.
    """
    if statement_timeout_ms is None:
        statement_timeout_ms = settings.DATABASE_LONG_STATEMENT_TIMEOUT_MS
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT set_config('statement_timeout', CASE WHEN setting::bigint = 0 OR setting::bigint >= %s "
            "THEN setting ELSE %s END, true), "
            "set_config('idle_in_transaction_session_timeout', '0', true) "
            "FROM pg_settings WHERE name = 'statement_timeout'",
            [statement_timeout_ms, str(statement_timeout_ms)],
        )


# A database that is away ------------------------------------------------------------------------


def is_unavailable(exception: BaseException) -> bool:
    """Whether ``exception`` says the database is away or too slow, rather than the request wrong.

    Django raises ``OperationalError`` for a refused or dropped connection and for a cancelled
    statement (statement or lock timeout: psycopg's ``QueryCanceled`` and ``LockNotAvailable``),
    ``InterfaceError`` for a connection already closed. Integrity and data errors are the request's
    own and stay what they are.
    """
    return isinstance(exception, OperationalError | InterfaceError)


def discard_broken_connections() -> None:
    """Close every connection of this thread that no longer works, so the next use reconnects.

    A statement timeout leaves the connection usable (it is kept); a terminated one is closed.
    Django does the same when the request ends; doing it at once also frees the connection of a
    request whose response is still being streamed.
    """
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        try:
            connection.close_if_unusable_or_obsolete()
        except (OperationalError, InterfaceError):
            logger.warning("Could not close the broken connection to database %r", connection.alias)


def retry_after() -> str:
    return str(settings.DATABASE_RETRY_AFTER_SECONDS)


def log_unavailable(request, exception: BaseException) -> None:
    logger.error(
        "Database unavailable, answered 503: %s %s: %s: %s",
        request.method,
        request.path,
        type(exception).__name__,
        str(exception).strip(),
    )


def unavailable_page(request) -> HttpResponse:
    """The site's 503 page, rendered without the database (the template reads nothing from it)."""
    context = {"retry_after": settings.DATABASE_RETRY_AFTER_SECONDS}
    try:
        content = render_to_string(UNAVAILABLE_TEMPLATE, context, request=request)
    except Exception:
        # Whatever a template needs that fails now, the visitor still gets an answer, not a 500.
        logger.exception("The 503 page could not be rendered; answering in plain text")
        content = _("The site is briefly unavailable. Please try again in a moment.")
        response = HttpResponse(content, status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(content, status=503)
    response["Retry-After"] = retry_after()
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answer a view's database failure with the 503 page (``Retry-After``) instead of a 500.

    The API's views answer their own with the API's JSON error (``config/api/exceptions.py``), and
    failures outside a view (another middleware's, under ``/api/`` or not) reach ``handler500``,
    which answers a 503 the same way. Placed after the response cache, so a cached page is still
    served while the database is away.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            not is_unavailable(exception)
            or request.path_info == "/api"
            or request.path_info.startswith("/api/")
        ):
            return None
        log_unavailable(request, exception)
        discard_broken_connections()
        return unavailable_page(request)
