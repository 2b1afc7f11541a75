"""``Authorization: Token <key>`` (or ``Bearer <key>``): the account of an active API token.

A key that no token has, a revoked token and an expired one are each a 401 that says which, so
that the operator of a partner system knows whether to fix the configuration or ask for a new
token. A request with no such header is anonymous (or signed in through the session).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from config.api.models import ApiToken
from config.operations.security import client_ip

KEYWORDS = ("token", "bearer")


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower().decode("latin-1") not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the key after “Token ” (or “Bearer ”), as one word with no spaces.")
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            key = ""
        token = ApiToken.objects.find(key) if key else None
        refusal = self.refusal(token)
        if refusal:
            raise exceptions.AuthenticationFailed(refusal)
        token.record_use(client_ip(request))
        return token.user, token

    @staticmethod
    def refusal(token: ApiToken | None):
        """Why ``token`` does not authenticate, or None when it does."""
        if token is None:
            return _("This token is not valid.")
        if token.is_revoked:
            return _("This token was revoked on %(date)s; ask for a new one.") % {
                "date": token.revoked_at.isoformat(timespec="seconds")
            }
        if token.is_expired:
            return _("This token expired on %(date)s; ask for a new one.") % {
                "date": token.expires_at.isoformat(timespec="seconds")
            }
        if not token.user.is_active:
            return _("The account of this token is deactivated.")
        return None

    def authenticate_header(self, request):
        return "Token"


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """The schema's description of these tokens, as drf-spectacular gave REST framework's."""

    target_class = TokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'An API token, sent as "Token <key>" (or "Bearer <key>").',
        }
