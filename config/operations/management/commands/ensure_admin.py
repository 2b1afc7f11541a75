"""Create the local admin account on first run.

The username and password come from ADMIN_USERNAME and ADMIN_PASSWORD; without a password a
random one is generated and printed once. Nothing happens when a superuser exists already.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser if there is none (credentials from the environment or printed once)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin account exists already.")
            return
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=os.environ.get("ADMIN_EMAIL", ""), password=password
        )
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(
                f"Created the admin account {username!r} with the password from ADMIN_PASSWORD."
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Created the admin account {username!r} with the password {password!r}.\n"
                    "It is shown only this once: note it now (or set ADMIN_PASSWORD before the first run)."
                )
            )
