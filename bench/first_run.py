"""``make bench-first-run``: a newcomer's first ``make run``, from a fresh clone to a served page.

Clones the repository's committed HEAD into a temporary folder, runs ``make run`` there with the
embedded PostgreSQL (``DATABASE_URL`` unset) on a free port, polls ``/`` until it answers 200 and
reports the seconds it took, then stops the server, the worker and the embedded database and removes
the clone. pip's cache is whatever the machine has: run it once to fill the cache, then again for the
figure the issue asks for ("with the packages already in pip's cache"). The steps' CPU time comes
from ``/usr/bin/time`` on a second clone, through ``make seed admin`` (everything before serving).
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("first_run")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clone(into: Path) -> Path:
    target = into / "atlas"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    return target


def environment() -> dict:
    """This environment without DATABASE_URL: a newcomer's, with the embedded PostgreSQL."""
    return {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}


def served_after(checkout: Path, port: int, limit: float = 900) -> float:
    started = time.monotonic()
    server = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=checkout,
        env=environment(),
        stdout=(checkout / "make-run.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        while time.monotonic() - started < limit:
            if server.poll() is not None:
                raise SystemExit(f"make run stopped: see {checkout / 'make-run.log'}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.25)
        raise SystemExit(f"no page after {limit} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        subprocess.run(["make", "db-stop"], cwd=checkout, env=environment(), capture_output=True)


def cpu_of_setup(checkout: Path) -> str:
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e s wall, %U s user + %S s system", "make", "seed", "admin"],
        cwd=checkout,
        env=environment(),
        capture_output=True,
        text=True,
    )
    subprocess.run(["make", "db-stop"], cwd=checkout, env=environment(), capture_output=True)
    return result.stderr.strip().splitlines()[-1]


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    folder = Path(tempfile.mkdtemp(prefix="atlas-first-run-"))
    try:
        seconds = served_after(clone(folder / "served"), free_port())
        log.info("make run from a fresh clone: the first page served after %.1f s", seconds)
        if shutil.which("time") or Path("/usr/bin/time").exists():
            log.info(
                "make seed admin (install, database, migrate, seed): %s",
                cpu_of_setup(clone(folder / "timed")),
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
