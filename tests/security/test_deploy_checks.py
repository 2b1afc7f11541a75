"""``manage.py check --deploy`` with production settings: silent when configured, loud when not."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.settings_probe import database_url

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)


def check_deploy(**overrides) -> subprocess.CompletedProcess:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SECURE_"))
    }
    environment.update(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="atlas.example.org",
        **overrides,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = check_deploy()

    # stderr carries only log lines (django-axes announces itself), no check messages.
    assert [result.returncode, result.stdout.strip(), "WARNINGS:" in result.stderr] == [
        0,
        "System check identified no issues (0 silenced).",
        False,
    ]


def test_check_deploy_warns_when_hsts_is_switched_off():
    result = check_deploy(SECURE_HSTS_SECONDS="0")

    warnings = [line.split(" ", 2)[1] for line in result.stderr.splitlines() if line.startswith("?: (")]
    assert [result.returncode, warnings] == [1, ["(security.W004)"]]
