"""Issue an API token for an account and print its key, once: for operators without the admin.

    manage.py issue_api_token partner-system --name "GIZ sync (production)" \\
        --scope read --scope write:events --expires-in-days 365

The key is printed on its own line (so a script can capture it) and never stored; the admin lists
the token by the key's first characters, and revokes it.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from config.api import scopes as scopes_module
from config.api.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for an account and print its key (shown this once)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The account the token acts as.")
        parser.add_argument("--name", required=True, help="What the token is for.")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            default=None,
            help="A scope (repeat for several): read, or write:<endpoint>. Default: read.",
        )
        parser.add_argument(
            "--expires-in-days",
            type=int,
            default=365,
            help="Days until the token expires (default 365); 0: it never expires.",
        )

    def handle(self, *args, username, name, scopes: list[str] | None, expires_in_days: int, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account “{username}”.")
        if expires_in_days < 0:
            raise CommandError("--expires-in-days cannot be negative.")
        expires_at = timezone.now() + datetime.timedelta(days=expires_in_days) if expires_in_days else None
        try:
            token, key = ApiToken.objects.issue(
                user=user, name=name, scopes=scopes or [scopes_module.READ], expires_at=expires_at
            )
        except ValidationError as error:
            known = ", ".join(scope for scope, _label in scopes_module.choices())
            raise CommandError(f"{' '.join(error.messages)} The scopes are: {known}.") from None
        expiry = (
            f"expires {token.expires_at.isoformat(timespec='minutes')}"
            if token.expires_at
            else "never expires"
        )
        self.stderr.write(
            f"Token “{token.name}” ({token.prefix}…) for {user.username}, scopes {', '.join(token.scopes)}, "
            f"{expiry}. Its key, shown this once:"
        )
        self.stdout.write(key)
