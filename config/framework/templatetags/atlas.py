"""Template helpers of the public site."""

import datetime
import json

from babel.numbers import format_decimal
from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationFieldDescriptor

from config.framework import languages
from config.framework.dates import PartialDate, date_forms, format_date, format_period
from config.framework.fallback import text_language
from config.framework.fields import country_names_by_code
from config.framework.search import marked as marked_text

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def country_name(code: str) -> str:
    """DE → Germany, EU → European Union."""
    return country_names_by_code().get(code, code) if code else ""


@register.filter
def country_names(codes) -> str:
    return ", ".join(country_name(code) for code in codes or ())


@register.filter
def json_ld(data) -> str:
    """schema.org data as a JSON-LD block (a data block: not executed, allowed by the CSP)."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context["request"]
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """``{% absolute_url path as url %}``: the address with this site's scheme and host."""
    return context["request"].build_absolute_uri(path)


# Localised values and text shown in another language (issue 14) ---------------------------------
#
# A translated field (django-modeltranslation) falls back to another language when the page's is
# empty. ``tr`` says which language the shown text is in, so that the element carries that text's
# own ``lang`` and a quiet badge ("EN", read out as "(in English)") tells the reader it is not in
# the page's language. Inline: ``{{ event|tr:"name" }}``. A block or a truncated text:
# ``{% with summary=event|tr:"summary" %}<p{{ summary.lang_attr }}>{{ summary.text|truncatewords:40 }}
# {{ summary.badge }}</p>{% endwith %}``.


class ShownText(SafeString):
    """A translated field's value as a page shows it (HTML, ready to insert), and its language.

    The HTML is the escaped text, wrapped in an element with the text's ``lang`` and followed by the
    badge when the text is not in the page's language. ``text``, ``lang_attr`` and ``badge`` are the
    parts, for a template that puts the text in an element of its own (a paragraph, a block).
    """

    def __new__(cls, text: str, language: str, page_language: str):
        fallback = bool(text) and language != page_language
        badge = ""
        if fallback:
            badge = format_html(
                ' <span class="lang-badge" lang="{}"><span aria-hidden="true">{}</span>'
                '<span class="visually-hidden">{}</span></span>',
                page_language,
                language.split("-")[0].upper(),
                _("(in %(language)s)") % {"language": get_language_info(language)["name_translated"]},
            )
            html = format_html('<span lang="{}">{}</span>{}', language, text, badge)
        else:
            html = conditional_escape(text)
        shown = super().__new__(cls, html)
        shown.text, shown.language, shown.page_language = text, language, page_language
        shown.fallback, shown.badge = fallback, badge
        # `` lang="en"`` for the element that holds a fallback text; nothing otherwise.
        shown.lang_attr = format_html(' lang="{}"', language) if fallback else ""
        return shown


def shown_text(record, field: str) -> ShownText:
    """The value of ``record.<field>`` as a page in the active language shows it, with its language."""
    text, language = text_language(record, field)
    return ShownText(text, language, translation.get_language() or settings.LANGUAGE_CODE)


@register.filter
def tr(record, field: str) -> ShownText:
    """A translated field with its language: marked with ``lang`` and a badge when it falls back."""
    return shown_text(record, field)


@register.filter
def open_period(record) -> str:
    """A period that goes on when it has no end: "since 2010", "seit 2010", "2010年起"."""
    return format_period(record.start, record.end, open_end=True)


@register.filter
def number(value) -> str:
    """A number with the active language's separators: 1,234 / 1.234 / 1,234."""
    if value in (None, ""):
        return ""
    try:
        return format_decimal(value, locale=date_forms().locale)
    except (TypeError, ValueError, ArithmeticError):
        return str(value)


@register.filter
def tr_label(record) -> ShownText:
    """A record's label (``str(record)``), marked with the language of its name or title."""
    page_language = translation.get_language() or settings.LANGUAGE_CODE
    if record is None:
        return ShownText("", page_language, page_language)
    for field in ("name", "title", "caption"):
        if isinstance(getattr(type(record), field, None), TranslationFieldDescriptor):
            shown = shown_text(record, field)
            return ShownText(str(record), shown.language, shown.page_language)
    return ShownText(str(record), page_language, page_language)


@register.filter
def marked(text, query: str) -> str:
    """``{{ label.text|marked:query }}``: the text escaped, the query's words in <mark> (accents aside)."""
    return marked_text(text, query)


@register.filter
def local_date(value) -> str:
    """A full date (a session's day) in the active language's form: "28. August 2024", "2024年8月28日".

    A moment (a record's ``updated_at``) is shown as its day in the site's time zone.
    """
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return format_date(PartialDate(value)) if value else ""


@register.simple_tag
def local_today() -> str:
    """Today in the active language's form (the "accessed" date of a citation)."""
    return local_date(timezone.localdate())


# Languages: the page's lang, its hreflang alternates and the language switch (config/framework/languages.py)


@register.filter
def language_tag(code: str) -> str:
    """``{{ LANGUAGE_CODE|language_tag }}``: Django's ``zh-hans`` as the BCP 47 ``zh-Hans``."""
    return languages.language_tag(code) if code else ""


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """``<link rel="alternate" hreflang>`` for this page in every language, and ``x-default``."""
    return {"alternates": languages.alternate_links(context["request"])}


@register.simple_tag
def interface_languages() -> list[tuple[str, str, str]]:
    """(code, BCP 47 tag, name in its own language) of each language of the interface."""
    return [
        (code, languages.language_tag(code), languages.language_name(code))
        for code, _name in settings.LANGUAGES
    ]


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context, oob: bool = False):
    """The language switch; ``oob=True`` in an htmx fragment, to replace the page's out of band."""
    return {"links": languages.switch_links(context["request"]), "oob": oob}


# What a page says of itself to search engines and link previews ----------------------------------

DESCRIBING_FIELDS = ("summary", "description", "bio")
DESCRIPTION_WORDS = 40


@register.filter
def meta_description(record) -> str:
    """A record's ``<meta name="description">``: its summary (or description, or bio), cut to forty
    words; a record without any says what it is, so that no page's description is empty (search
    engines then make up their own from the page's navigation)."""
    for field in DESCRIBING_FIELDS:
        text = " ".join(str(getattr(record, field, "") or "").split())
        if text:
            return Truncator(text).words(DESCRIPTION_WORDS)
    return _("%(kind)s in Dialogue Atlas: %(name)s. Sources, dates and links to related records.") % {
        "kind": capfirst(record._meta.verbose_name),
        "name": record,
    }


@register.simple_tag(takes_context=True)
def share_image_url(context) -> str:
    """The absolute address of the share image (``og:image`` must be absolute)."""
    return context["request"].build_absolute_uri(static("atlas/share.png"))
