"""Template helpers of the public site."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
