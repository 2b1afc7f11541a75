"""The language of an API response, and which languages its text is really in.

**Which language.** ``?lang=`` (``en``, ``de``, ``zh-hans``, or ``all``) names it; without it the
``Accept-Language`` header does (as ``LocaleMiddleware`` read it, after the site's language
cookie); else English. Another value of
``lang`` is a 400 naming the parameter and the values it takes. ``all`` answers in English and adds
every translated field's texts in each language as ``<field>_translations`` (``{"en": …, "de": …,
"zh-hans": …}``, ``null`` where a language has none). The language applies to everything under
``/api/``: records, exports, the changes feed, search and error messages; a write's plain
translated fields (``name``) are written in it.

**Which languages the text is in.** A translated field without text in the language asked for
falls back to another (English first: ``MODELTRANSLATION_FALLBACK_LANGUAGES``). Each object that
shows translated text says which of its fields fell back, and to what, in ``fallbacks``
(``{"summary": "en", "topics[0].name": "en"}``; ``{}`` when none did), and the response's
``Content-Language`` names the language asked for followed by every language some text fell back
to (``de, en``). Serializers note what they show on the request (``note_language``); an export,
whose headers leave before its records are read, names the language asked for and every language
it may fall back to.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, resolution_order

from config.api.exceptions import error_body, is_api_path

PARAMETER = "lang"
ALL = "all"


def language_codes() -> list[str]:
    """The languages of the atlas: English (the source and fallback) first."""
    return [code for code, _name in settings.LANGUAGES]


def parameter_values() -> list[str]:
    """What ``?lang=`` takes."""
    return [*language_codes(), ALL]


def asked_language(request) -> str:
    """The language the request asked for: a code of ``language_codes()``, or ``all``."""
    request = getattr(request, "_request", request)
    return getattr(request, "api_language", None) or translation.get_language() or settings.LANGUAGE_CODE


def is_all(request) -> bool:
    return request is not None and asked_language(request) == ALL


def column(field_name: str, language: str) -> str:
    """The column that keeps ``field_name``'s text in ``language`` (``name_zh_hans``)."""
    return build_localized_fieldname(field_name, language)


@functools.cache
def translated_fields(model) -> tuple[str, ...]:
    """The names of ``model``'s translated fields (``name``, ``summary`` …)."""
    return tuple(get_translatable_fields_for_model(model) or ())


def note_language(request, language: str | None) -> None:
    """Note that the body of ``request``'s response holds text in ``language``."""
    if request is None or language is None:
        return
    request = getattr(request, "_request", request)
    noted = request.__dict__.setdefault("api_text_languages", [])
    if language not in noted:
        noted.append(language)


def content_language(request) -> str:
    """``Content-Language``: the language asked for, then each language some text fell back to."""
    asked = asked_language(request)
    languages = [translation.get_language()] if asked == ALL else [asked]
    for language in getattr(request, "api_text_languages", ()):
        if language not in languages:
            languages.append(language)
    return ", ".join(languages)


def possible_languages(request) -> str:
    """The languages an export's text may be in: the one asked for and its fallbacks."""
    if asked_language(request) == ALL:
        return ", ".join(language_codes())
    return ", ".join(resolution_order(translation.get_language()))


def unknown_language_message(value: str) -> str:
    return translation.gettext("There is no language “%(value)s” here; lang takes: %(values)s.") % {
        "value": value,
        "values": ", ".join(parameter_values()),
    }


class ApiLanguageMiddleware:
    """``?lang=`` for every address under ``/api/``; ``Content-Language`` as the body's text is.

    Placed just after ``LocaleMiddleware``, which has chosen the language of ``Accept-Language``:
    a valid ``lang`` replaces it for the request, an invalid one is answered with a 400 (in the
    header's language). Reads take ``lang`` as one of their query parameters
    (``config.api.parameters``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_path(request.path_info):
            return self.get_response(request)
        values = request.GET.getlist(PARAMETER)
        if not values:
            return self.answer(request)
        value = values[-1].strip().lower()
        if len(values) > 1:
            message = translation.gettext("Give lang once; it takes: %(values)s.")
            return self.refuse(message % {"values": ", ".join(parameter_values())})
        if value not in parameter_values():
            return self.refuse(unknown_language_message(values[-1]))
        request.api_language = value
        # For this request only: the thread's language is the header's again afterwards.
        with translation.override(settings.LANGUAGE_CODE if value == ALL else value):
            request.LANGUAGE_CODE = translation.get_language()
            return self.answer(request)

    def answer(self, request):
        response = self.get_response(request)
        if not response.streaming:  # an export names its languages itself, before its records
            response["Content-Language"] = content_language(request)
        return response

    @staticmethod
    def refuse(message: str):
        error = {"field": PARAMETER, "code": "invalid", "message": message}
        body = error_body(400, "invalid", translation.gettext("Some fields are not valid."), [error])
        response = JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
        response["Content-Language"] = translation.get_language()
        return response
