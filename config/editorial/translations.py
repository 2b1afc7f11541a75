"""Missing translations, for editors: a record's translated fields that have text in one language
but not in another.

``missing_translations(record)`` names them per language (the change form's language tabs mark the
same as the editor types: static/editorial/translation_tabs.js);
``MissingTranslationFilter`` finds, on a change list, the records that lack a language — one
condition in the list's own query, never a query per row. ``MissingTranslationsAdminMixin`` adds
both to an admin of a translated model (``TranslatedRecordAdmin`` has it).
"""

import functools
import operator

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

TEXT_FIELDS = (models.CharField, models.TextField)


def languages() -> list[tuple[str, str]]:
    """The atlas's languages and their names: ``[("en", "English"), ("de", "German"), …]``."""
    return [(code, name) for code, name in settings.LANGUAGES]


def translated_fields(model) -> list[str]:
    """The names of ``model``'s translated text fields (``name``, ``summary`` …); none if it has none."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    # In the model's order (the options hold them unordered), text only (not files or relations).
    return [
        field.name
        for field in model._meta.fields
        if field.name in options.all_fields and isinstance(field, TEXT_FIELDS)
    ]


def _empty(column: str) -> Q:
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_condition(model, language: str) -> Q:
    """Records with a translated field that has text in another language but none in ``language``."""
    others = [code for code, _name in languages() if code != language]
    conditions = [
        _empty(build_localized_fieldname(name, language))
        & functools.reduce(
            operator.or_, (~_empty(build_localized_fieldname(name, other)) for other in others)
        )
        for name in translated_fields(model)
    ]
    return functools.reduce(operator.or_, conditions) if conditions else Q(pk__in=[])


def missing_translations(record) -> dict[str, list[str]]:
    """Per language, the fields of ``record`` that have text in another language but not in this one:
    ``{"de": ["summary", "description"]}`` (languages that lack nothing are left out)."""
    missing = {}
    fields = translated_fields(type(record))
    for language, _name in languages():
        lacking = []
        for name in fields:
            values = {
                other: getattr(record, build_localized_fieldname(name, other), None) or ""
                for other, _other_name in languages()
            }
            if not values[language] and any(values.values()):
                lacking.append(name)
        if lacking:
            missing[language] = lacking
    return missing


class MissingTranslationFilter(admin.SimpleListFilter):
    """The change list's "Missing translation" filter: records that lack a language's text."""

    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in languages()]

    def queryset(self, request, queryset):
        language = self.value()
        if language is None:
            return queryset
        if language not in dict(languages()):
            # An unknown language in the address: no record lacks it (the list says so, not a 500).
            return queryset.none()
        return queryset.filter(missing_condition(queryset.model, language))


class MissingTranslationsAdminMixin:
    """For the admin of a translated model: the "Missing translation" filter on its change list (its
    change form marks the language tabs that lack text: static/editorial/translation_tabs.js)."""

    def get_list_filter(self, request):
        list_filter = tuple(super().get_list_filter(request))
        if not translated_fields(self.model) or MissingTranslationFilter in list_filter:
            return list_filter
        return (*list_filter, MissingTranslationFilter)
