"""The floor: a WSGI app with no framework that runs the SQL our endpoints run and returns JSON.

``BENCH_QUERIES`` names a JSON file (written by ``bench/capture.py``) mapping each scenario to the
SQL statements Django ran for it, captured from its query log. ``GET /<scenario>`` runs them in
order on one psycopg connection per thread and returns every row as JSON: what answering that
request costs with nothing between the database and the socket. Serve it with the same gunicorn
settings as the atlas.
"""

import json
import os
import threading

import psycopg

with open(os.environ["BENCH_QUERIES"], encoding="utf-8") as file:
    QUERIES = json.load(file)
DSN = os.environ["DATABASE_URL"]
local = threading.local()


def connection():
    if getattr(local, "connection", None) is None or local.connection.closed:
        local.connection = psycopg.connect(DSN, autocommit=True)
    return local.connection


def application(environ, start_response):
    statements = QUERIES.get(environ.get("PATH_INFO", "/").strip("/"))
    if statements is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail": "No such scenario."}']
    results = []
    with connection().cursor() as cursor:
        for sql in statements:
            cursor.execute(sql.encode())
            results.append(cursor.fetchall() if cursor.description else [])
    body = json.dumps(results, default=str).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
