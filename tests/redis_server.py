"""A Redis server of the test's own, to stop, hang and start again (the machine's is never touched).

``redis-server`` from the machine (Debian package ``redis-server``; ``.ci/run`` installs it) on a
free port, saving nothing on its own. ``stop()`` kills it (connections are refused), ``hang()``
stops the process (connections are accepted and never answered, its data kept) and ``resume()``
lets it go on; ``start()`` starts it again on the same port, empty unless ``snapshot()`` saved
its data before (as a Redis with persistence comes back with what it had).
"""

import shutil
import signal
import socket
import subprocess
import time

import redis

# How long a starting server may take to answer a PING: bounds a hang, never asserted.
START_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, directory):
        self.executable = shutil.which("redis-server")
        assert self.executable, "redis-server is not installed (Debian package redis-server)"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process = None

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = self.client()
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                client.ping()
                return self
            except redis.exceptions.ConnectionError:
                assert self.process.poll() is None, f"redis-server on port {self.port} exited"
                assert time.monotonic() < deadline, f"redis-server on port {self.port} did not answer"
                time.sleep(0.05)

    def client(self) -> redis.Redis:
        """A client of its own, outside the application's cache."""
        return redis.Redis.from_url(self.url, socket_timeout=START_SECONDS)

    def snapshot(self) -> None:
        """Save the data to disk: the next ``start()`` loads it."""
        self.client().save()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=START_SECONDS)
        self.process = None

    def hang(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)
