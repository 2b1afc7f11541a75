"""A page in every language: the addresses of the language switch and of the ``hreflang`` alternates.

Every public page exists in each of ``settings.LANGUAGES`` at an address that differs only by its
prefix (``/events/?kind=plenary``, ``/de/events/?kind=plenary``, ``/zh-hans/events/?kind=plenary``;
``config/urls.py``). The same page in another language is found by resolving the address and
reversing its route with the other language active, so a route whose path were ever translated
would still be found; an address no route takes (a 404 page) keeps its path under the other prefix.

Languages are written in HTML as BCP 47 tags (``zh-Hans``; ``language_tag()``), in ``lang`` and
``hreflang`` alike, and in the sitemap too; the address keeps Django's lower-case code (``/zh-hans/``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse
from django.utils.translation import get_language, get_language_from_path, get_language_info, override

from config.operations.locale import language_in_address

# Each language named in its own language (an autonym, never translated): the switch reads the same
# on every page, so a reader finds their language whatever the page's is.
AUTONYMS = {"en": "English", "de": "Deutsch", "zh-hans": "中文"}


@dataclass(frozen=True)
class LanguageVersion:
    """One language's version of the current page."""

    code: str  # Django's code, as in the address: "zh-hans"
    tag: str  # the BCP 47 tag for lang and hreflang: "zh-Hans"
    name: str  # the language's own name for itself: "中文"
    path: str  # the address path of the page in that language
    current: bool


def language_tag(code: str) -> str:
    """Django's language code as a BCP 47 tag: ``zh-hans`` → ``zh-Hans``, ``de`` → ``de``.

    A four-letter subtag is a script (title case), a two-letter one a region (upper case);
    ``x-default`` (the sitemap's and hreflang's) stays as it is.
    """
    if code == "x-default":
        return code
    language, *subtags = code.split("-")
    return "-".join(
        [language.lower()]
        + [tag.title() if len(tag) == 4 else tag.upper() if len(tag) == 2 else tag for tag in subtags]
    )


def language_name(code: str) -> str:
    return AUTONYMS.get(code) or get_language_info(code)["name_local"]


def page_path(path_info: str, code: str) -> str:
    """The path (with the script prefix) of the page at ``path_info`` (current language) in ``code``."""
    try:
        match = resolve(path_info)
    except Resolver404:
        match = None
    if match is not None and match.view_name:
        with override(code):
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
    # No route names this address: the same path under the other language's prefix.
    current = get_language_from_path(path_info)
    rest = path_info.removeprefix(f"/{current}") if current else path_info
    # One leading slash: "//host/…" is an address on another site, and so is a slash and a backslash.
    rest = "/" + rest.lstrip("/\\")
    prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
    return get_script_prefix().rstrip("/") + prefix + rest


def language_versions(request) -> list[LanguageVersion]:
    """The current page in every language, the current one marked; none where the address names no
    language (the admin's lockout page, say: its language is the browser's)."""
    if not language_in_address(request):
        return []
    current = get_language()
    return [
        LanguageVersion(
            code=code,
            tag=language_tag(code),
            name=language_name(code),
            path=page_path(request.path_info, code),
            current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


def switch_links(request) -> list[tuple[LanguageVersion, str]]:
    """The language switch: each language's version of this page with the page's query string
    (filters, page number, search query), so a reader changes language and keeps their place."""
    query = request.META.get("QUERY_STRING", "")
    return [
        (version, f"{version.path}?{query}" if query else version.path)
        for version in language_versions(request)
    ]


def alternate_links(request) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` of every language's version of this page, and ``x-default``.

    The query string is left out: a filtered or paged list is not canonical as such (its
    ``rel=canonical`` names the list itself), and the alternates name the canonical page in each
    language, so they are complete and reciprocal among those pages. A page no route takes (a 404)
    has none.
    """
    try:
        resolve(request.path_info)
    except Resolver404:
        return []
    versions = language_versions(request)
    links = [(version.tag, request.build_absolute_uri(version.path)) for version in versions]
    default = [request.build_absolute_uri(v.path) for v in versions if v.code == settings.LANGUAGE_CODE]
    return links + [("x-default", url) for url in default]
