"""A full export through the deployment docs/operations.md describes: ``gunicorn config.wsgi`` with
the shipped ``gunicorn.conf.py``, nothing else on the command line.

    DATABASE_URL=postgres://…/<a database with demo events> .venv/bin/python bench/export.py [kind]

Streams ``/api/v1/<kind>/export/`` (default ``events``) — anonymously, or with the token in
``EXPORT_TOKEN`` (a staff account's exports every record) — and prints the lines received
against ``X-Total-Count``, the time, the rate, and the serving worker's peak memory (one worker, so
the peak is the export's). It fails if the export is cut short. Make the database with
``manage.py generate_demo_data --events 100000``.
"""

import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BIN, ROOT, children, free_port, log, memory_mb, serve


def main(kind: str = "events") -> int:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "export-bench-only-secret-key-0123456789abcdefghijklmnop"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "API_THROTTLE_ANON": "100000000/minute",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [BIN / "python", "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    command = [BIN / "gunicorn", "config.wsgi"]  # gunicorn.conf.py from the working directory
    with serve(command, env, port, ready="/healthz", quiet=True) as process:
        worker = children(process.pid)[0]
        before = memory_mb(worker, "VmHWM")
        started, lines = time.perf_counter(), 0
        url = f"http://127.0.0.1:{port}/api/v1/{kind}/export/"
        token = os.environ.get("EXPORT_TOKEN")
        headers = {"Authorization": f"Token {token}"} if token else {}
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=3600) as response:
            expected = int(response.headers["X-Total-Count"])
            for _line in response:
                lines += 1
        seconds = time.perf_counter() - started
        peak = memory_mb(worker, "VmHWM")
    log(
        f"{kind}: {lines} of {expected} records in {seconds:.1f} s ({lines / seconds:.0f}/s); "
        f"worker peak RSS {peak:.0f} MB (at start {before:.0f} MB); gunicorn.conf.py as shipped, 1 worker, "
        f"{'with a token' if token else 'anonymous'}"
    )
    return 0 if lines == expected else 1


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main(*sys.argv[1:]))
