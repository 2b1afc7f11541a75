"""Browser tests: Playwright driving Debian's Chromium against the live test server.

Playwright cannot download browsers here; it uses the system Chromium (``CHROMIUM`` or
``/usr/bin/chromium``). Without one, the tests fail under CI and skip, saying why, elsewhere.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the tests' own ORM calls are
# synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium_path():
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"No Chromium at {CHROMIUM}: install Debian's chromium package (apt-get install chromium)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def seeded_site(live_server):
    """The live server with the seed data loaded; returns its base URL."""
    call_command("load_seed", stdout=io.StringIO())
    return live_server.url
