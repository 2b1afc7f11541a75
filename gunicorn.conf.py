"""The application server's configuration: ``gunicorn config.wsgi`` reads this file from the working
directory (docs/operations.md). Every value can be overridden on the command line or with
``GUNICORN_CMD_ARGS``.

Threaded workers (``gthread``): a worker's main thread keeps telling the arbiter it is alive while
its threads answer requests, so a long response — a full export streams for minutes — is not
killed at ``timeout``, which then only ends workers that are really stuck. A sync worker is killed
``timeout`` seconds into any response, however healthy (an export of 100,000 events was cut off
halfway that way).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Behind the reverse proxy, which buffers slow clients; it sets the forwarded headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# A worker is replaced after this many requests, so that a slow leak cannot grow without end.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
