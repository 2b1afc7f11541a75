"""Template helpers of the public site."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from config.framework import languages
from config.framework.fields import country_names_by_code

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


# Languages: the page's lang, its hreflang alternates and the language switch (config/framework/languages.py)


@register.filter
def language_tag(code: str) -> str:
    """``{{ LANGUAGE_CODE|language_tag }}``: Django's ``zh-hans`` as the BCP 47 ``zh-Hans``."""
    return languages.language_tag(code) if code else ""


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """``<link rel="alternate" hreflang>`` for this page in every language, and ``x-default``."""
    return {"alternates": languages.alternate_links(context["request"])}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context, oob: bool = False):
    """The language switch; ``oob=True`` in an htmx fragment, to replace the page's out of band."""
    return {"links": languages.switch_links(context["request"]), "oob": oob}
