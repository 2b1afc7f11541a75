"""``ensure_admin``: an admin account for a fresh installation, its password generated or given."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_prints_a_generated_password_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "editor")
    first, second = io.StringIO(), io.StringIO()

    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    password = first.getvalue().split("with the password '")[1].split("'")[0]
    user = get_user_model().objects.get(username="editor")
    assert user.is_superuser and user.check_password(password)
    assert second.getvalue().strip() == "An admin account exists already."


def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-password")

    call_command("ensure_admin", stdout=io.StringIO())

    assert get_user_model().objects.get(username="admin").check_password("a-long-local-password")
