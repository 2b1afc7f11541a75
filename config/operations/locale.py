"""The language of a request: named by the address on the public site, asked for everywhere else.

The public pages are served under ``i18n_patterns`` (``config/urls.py``): English at ``/events/``,
German at ``/de/events/``, Chinese at ``/zh-hans/events/``. There the address alone decides the
language — an unprefixed address is English whatever the browser's ``Accept-Language`` says, and
nobody is redirected by it — so such a page does not vary by that header.

The addresses outside ``i18n_patterns`` (the API, the admin, the probes, media, sitemap.xml,
robots.txt) have no language in them: there the language is still the one the client asks for
(Django's cookie and ``Accept-Language``), and the response varies by it. Django's own
``LocaleMiddleware`` would make them all English as soon as the URLconf uses
``i18n_patterns(prefix_default_language=False)``; :class:`LocaleMiddleware` keeps them as they were.
"""

from django.conf import settings
from django.middleware import locale
from django.urls import LocalePrefixPattern, get_resolver
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_in_address(request) -> bool:
    """Whether the request's address names its language: any address outside the fixed unprefixed
    routes (an unknown one too, so that ``/de/unknown/`` is a German 404 and ``/unknown/`` an English one)."""
    resolver = get_resolver(getattr(request, "urlconf", settings.ROOT_URLCONF))
    match = resolver.pattern.match(request.path_info)
    if match is None:
        return True
    rest = match[0]
    return not any(
        pattern.pattern.match(rest)
        for pattern in resolver.url_patterns
        if not isinstance(pattern.pattern, LocalePrefixPattern)
    )


def request_language(request) -> str:
    """The language a request is answered in (before any view chooses otherwise)."""
    if language_in_address(request):
        return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return translation.get_language_from_request(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, but the language in the address only where the address has one (see above)."""

    def process_request(self, request):
        translation.activate(request_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if not language_in_address(request):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
