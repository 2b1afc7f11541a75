"""Login hardening and what every response says about itself.

- the client address behind the reverse proxy (django-axes counts failed logins by it), and a
  deploy check that warns when the proxy is not trusted;
- staff sessions: where two-factor login is required, a session not verified by a device has no
  staff powers outside the admin's login pages; a staff session left idle is signed out;
- the headers Django does not set itself: ``Cross-Origin-Resource-Policy`` and
  ``Permissions-Policy``.
"""

import ipaddress
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.utils.translation import gettext as _

# When the last request of a staff session was, in seconds since the epoch.
LAST_ACTIVITY_KEY = "atlas_last_activity"
# The idle clock is kept to the minute: the session is written at most once a minute, not on every
# request (each write is an UPDATE of the session row and a new Set-Cookie).
ACTIVITY_RESOLUTION_SECONDS = 60

# Features the atlas never uses, denied to its pages and to anything they might embed. Only names
# Chromium knows: it warns on the console about any other on every page (measured with Chromium
# 156: "ambient-light-sensor" is warned about, these are not; tests/browser/test_csp.py).
DENIED_FEATURES = (
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)
# Other sites may not load anything of ours with a plain <img>, <script> or <link> (a "no-cors"
# load), pages, media and the API alike. The API is still readable elsewhere: browsers fetch it in
# CORS mode, which this header does not govern (CORS_ALLOWED_ORIGINS decides); no client of the API
# loads it as a script or an image, so "cross-origin" would only open JSON to such loads.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"


def client_ip(request) -> str | None:
    """The address a request comes from, for counting failed logins (django-axes).

    ``REMOTE_ADDR``, unless ``TRUSTED_PROXY_COUNT`` says that many proxies of ours stand in front of
    the application: then the address the outermost of them saw, which it appended to
    ``X-Forwarded-For``. Entries further left were sent by the client and may be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def lockout_counts_addresses() -> bool:
    """Whether django-axes locks out by client address (alone or with the username)."""
    return any(
        "ip_address" in (parameter if isinstance(parameter, list | tuple) else [parameter])
        for parameter in settings.AXES_LOCKOUT_PARAMETERS
    )


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the site is behind a proxy that ``TRUSTED_PROXY_COUNT`` does not trust.

    Then every request seems to come from the proxy's address, and five wrong passwords from
    anywhere lock every editor out of the admin for the cool-off time.
    """
    proxied = bool(
        getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        or getattr(settings, "USE_X_FORWARDED_HOST", False)
        or getattr(settings, "USE_X_FORWARDED_PORT", False)
    )
    if not proxied or settings.TRUSTED_PROXY_COUNT or not lockout_counts_addresses():
        return []
    return [
        checks.Warning(
            "TRUSTED_PROXY_COUNT is 0, but the site is behind a reverse proxy (SECURE_PROXY_SSL_HEADER "
            "or USE_X_FORWARDED_HOST is set): the login lockout (AXES_LOCKOUT_PARAMETERS) counts "
            "failed logins by the proxy's address, so a few wrong passwords lock every editor out.",
            hint="Set TRUSTED_PROXY_COUNT to the number of proxies of yours that append to "
            "X-Forwarded-For (usually 1), or leave ip_address out of AXES_LOCKOUT_PARAMETERS.",
            id="atlas.W001",
        )
    ]


def has_staff_powers(user) -> bool:
    """Whether ``user`` sees or may do more than a visitor: staff, or an account with permissions."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser or user.get_all_permissions())
    )


def is_admin_path(request) -> bool:
    return request.path_info.startswith(f"/{settings.ADMIN_URL}")


def unverified_visitor() -> AnonymousUser:
    """An anonymous user as OTPMiddleware leaves one: with ``otp_device`` and ``is_verified()``."""
    visitor = AnonymousUser()
    visitor.otp_device = None
    visitor.is_verified = lambda: False
    return visitor


def record_activity(session) -> None:
    """Note now as the session's last activity (called on login, and on every staff request)."""
    session[LAST_ACTIVITY_KEY] = int(time.time())


def note_login(sender, request, user, **kwargs) -> None:
    """Start the idle clock at login, so the first request after it need not write the session."""
    if user.is_staff and request is not None and hasattr(request, "session"):
        record_activity(request.session)


class StaffSessionMiddleware:
    """Staff powers only for sessions that earned them; staff sessions end when left idle.

    After ``OTPMiddleware`` (it needs ``user.is_verified()``) and ``MessageMiddleware`` (it tells a
    signed-out user why). Requests without a session cookie — every anonymous visitor, every
    token client — pass untouched: their session is not read or written and the response cache
    is not affected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self.end_idle_session(request)
            self.withhold_unverified_powers(request)
        return self.get_response(request)

    @staticmethod
    def end_idle_session(request) -> None:
        """Sign out a staff session unused for ``STAFF_SESSION_IDLE_SECONDS`` (0: never)."""
        limit = settings.STAFF_SESSION_IDLE_SECONDS
        if not (limit and request.user.is_staff):
            return
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_KEY)
        if last is not None and now - last > limit:
            logout(request)
            request.user = unverified_visitor()
            minutes = max(1, limit // 60)
            if request.method in ("GET", "HEAD", "OPTIONS"):
                text = _("You were signed out after %(minutes)d minutes without activity.")
            else:
                text = _(
                    "You were signed out after %(minutes)d minutes without activity, so what you "
                    "just sent was not saved. Sign in again and send it once more."
                )
            messages.warning(request, text % {"minutes": minutes}, fail_silently=True)
            return
        if last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS:
            record_activity(request.session)

    @staticmethod
    def withhold_unverified_powers(request) -> None:
        """Outside the admin, a session that two-factor login has not verified is a visitor's.

        The admin keeps the real user: its login and device set-up pages need it, and the admin
        site itself opens only to verified sessions (``AtlasAdminSite.has_permission``). Everywhere
        else — pages, previews, the API's session authentication, which reads this same
        ``request.user`` — the user is anonymous, so no view can forget the check.
        """
        if not settings.ADMIN_REQUIRE_2FA or is_admin_path(request):
            return
        user = request.user
        # is_verified() first: it costs nothing, has_staff_powers() may read the permissions.
        if not user.is_verified() and has_staff_powers(user):
            request.user = unverified_visitor()
            request.auser = _async_visitor


async def _async_visitor():
    return unverified_visitor()


class ResponseHeadersMiddleware:
    """``Cross-Origin-Resource-Policy`` and ``Permissions-Policy`` on every response.

    Outside the response cache, so that a cached page carries them as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
