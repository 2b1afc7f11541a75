"""Which language a translated field's shown text is in.

django-modeltranslation shows a field in the active language or, when that is empty, in the first
of the fallback languages (``MODELTRANSLATION_FALLBACK_LANGUAGES``) that has text. ``text_language``
follows the same order and says which language that was, so that a page can mark the text with its
own ``lang`` (config/framework/templatetags/atlas.py: ``tr``) and a feed its items
(events/feeds.py).
"""

from django.conf import settings
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as modeltranslation_language


def shown_language(record, field: str) -> str | None:
    """The language of the text ``record.<field>`` shows in the active language ("en", "zh-hans"):
    the active language's if it has text, else the first fallback's that has; ``None`` when none has
    any or the field is not translated. Reads only the columns already loaded (no query)."""
    descriptor = getattr(type(record), field, None)
    if not isinstance(descriptor, TranslationFieldDescriptor):
        return None
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for language in resolution_order(modeltranslation_language(), descriptor.fallback_languages):
        value = record.__dict__.get(build_localized_fieldname(field, language))
        if descriptor.meaningful_value(value, undefined):
            return translation.to_language(language)
    return None


def text_language(record, field: str) -> tuple[str, str]:
    """``record.<field>`` as the active language shows it, and the language it is in ("en",
    "zh-hans"). A field without translations, or without text, is taken to be in the active language."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    if record is None:
        return "", active
    return str(getattr(record, field, "") or ""), shown_language(record, field) or active


def translated_in_query(model, path: str):
    """For ``path`` (``dialogue__name``) naming a translated field, the expressions of its text as the
    active language shows it and of that text's language, for a query grouped by it (a facet); else
    None. modeltranslation's ``values()`` applies the fallback to a model's own fields only: a related
    one is read from its English column."""
    *relations, name = path.split("__")
    target = model
    for relation in relations:
        target = target._meta.get_field(relation).related_model
        if target is None:
            return None
    descriptor = getattr(target, name, None)
    if not isinstance(descriptor, TranslationFieldDescriptor):
        return None
    prefix = "".join(f"{relation}__" for relation in relations)
    order = resolution_order(modeltranslation_language(), descriptor.fallback_languages)
    columns = [
        (translation.to_language(code), prefix + build_localized_fieldname(name, code)) for code in order
    ]
    text = Coalesce(
        *(NullIf(F(column), Value("")) for _language, column in columns), output_field=CharField()
    )
    # The first column with text (NULL and "" are not greater than ""), as the text's language.
    language = Case(
        *(When(Q(**{f"{column}__gt": ""}), then=Value(code)) for code, column in columns),
        default=Value(translation.get_language() or settings.LANGUAGE_CODE),
        output_field=CharField(),
    )
    return text, language
