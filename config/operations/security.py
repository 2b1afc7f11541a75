"""Login hardening shared by the admin and the API: the client address behind the reverse proxy."""

import ipaddress

from django.conf import settings


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
