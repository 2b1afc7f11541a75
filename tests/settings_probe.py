"""What Django configures in a fresh process started with other environment variables.

Settings are read once, at start-up, from the environment; a test that changes the environment
must look at them in a new process. ``configured()`` starts one, evaluates the named expressions
there (with ``settings``, ``caches`` and ``storages`` at hand) and returns their values as JSON
gives them (anything else as its ``str()``).
"""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
expressions = json.loads(sys.argv[1])
json.dump({name: eval(expression) for name, expression in expressions.items()}, sys.stdout, default=str)
"""


def configured(environment: dict, **expressions: str) -> dict:
    """The value of each expression in a process whose environment is ``environment``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(expressions)],
        cwd=BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def database_url() -> str:
    """The test database as a URL (the host may be the embedded server's socket directory)."""
    params = connection.settings_dict
    host = quote(params["HOST"] or "", safe="")
    return f"postgres://{quote(params['USER'] or '')}@{host}:{params['PORT'] or 5432}/{params['NAME']}"
