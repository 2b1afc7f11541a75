"""Serializer building blocks: compact references, partial dates, and writes that run model validation.

Records and rows as in ``config.framework.models``: ``RecordSerializer`` is a model at its own
endpoint — every record, and the rows that have an endpoint of their own (sessions, dialogue roles,
served by ``RowViewSet``); ``RowSerializer`` is a row nested, read-only, in its record's
representation (``<Model>RowSerializer`` where the model also has an endpoint of its own).
"""

import decimal
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import SkipField
from rest_framework.relations import MANY_RELATION_KWARGS, PKOnlyObject
from rest_framework.settings import api_settings
from rest_framework.utils import model_meta
from rest_framework.validators import UniqueValidator

from config.api.languages import (
    column,
    is_all,
    language_codes,
    note_language,
    translated_fields,
)
from config.editorial import workflow
from config.framework.dates import PartialDate, Precision, parse_partial_date
from config.framework.fallback import shown_language
from config.framework.filtersets import NOT_STATED
from config.framework.links import absolute, record_path
from config.framework.models import unread_columns
from config.framework.visibility import Status

NUL = "\x00"


def api_url(obj, request) -> str | None:
    """The API detail URL of ``obj`` (by slug, or by id for rows without one)."""
    viewname = f"api:{obj._meta.model_name}-detail"
    if hasattr(obj, "slug"):
        path = record_path(viewname, "slug", obj.slug)
    else:
        path = record_path(viewname, "pk", obj.pk)
    return absolute(request, path)


def html_url(obj, request) -> str | None:
    if not hasattr(obj, "get_absolute_url"):
        return None
    return absolute(request, obj.get_absolute_url())


NAME_ATTRIBUTES = ("name", "title", "full_name")


def reference_name(obj) -> str:
    for attribute in NAME_ATTRIBUTES:
        value = getattr(obj, attribute, None)
        if value:
            return value
    return str(obj)


def name_language(obj) -> str | None:
    """The language of ``reference_name(obj)`` when it is a translated text (else ``None``)."""
    for attribute in NAME_ATTRIBUTES:
        if getattr(obj, attribute, None):
            return shown_language(obj, attribute) if attribute in translated_fields(type(obj)) else None
    return None


def reference(obj, request) -> dict | None:
    """A related record as ``{id, slug, name, url, html_url}``."""
    if obj is None:
        return None
    note_language(request, name_language(obj))
    return {
        "id": obj.pk,
        "slug": getattr(obj, "slug", None),
        "name": reference_name(obj),
        "url": api_url(obj, request),
        "html_url": html_url(obj, request),
    }


def prefetched_attr(lookup: str) -> str:
    """Where ``prefetch_visible(lookup, ..., many=True)`` keeps the records it prefetched."""
    return f"visible_{lookup}"


def prefetch_visible(
    lookup: str, model, user, *, select_related=(), prefetch_related=(), reference=False, many=False
) -> Prefetch:
    """Prefetch ``lookup`` with only the rows ``user`` may see.

    On a foreign key this leaves the attribute ``None`` when its target is hidden from the user, so
    that a public event never names its draft dialogue. ``reference``: the records are only shown
    as references, so their long texts are not read. ``many``: a to-many relation shown as
    references, kept as a list in ``prefetched_attr(lookup)`` (which the reference fields read) rather
    than as a queryset made for every record, which cost more than the query.
    """
    queryset = model.objects.visible_to(user)
    if select_related:
        queryset = queryset.select_related(*select_related)
    if prefetch_related:
        queryset = queryset.prefetch_related(*prefetch_related)
    unread = unread_columns(model) if reference else model.generated_field_names()
    queryset = queryset.defer(*unread)
    return Prefetch(lookup, queryset=queryset, to_attr=prefetched_attr(lookup) if many else None)


class ManyReferenceField(serializers.ManyRelatedField):
    """A list of references: read from the list ``prefetch_visible(..., many=True)`` prefetched, if it did."""

    def get_attribute(self, instance):
        records = (
            getattr(instance, prefetched_attr(self.source), None) if len(self.source_attrs) == 1 else None
        )
        return records if records is not None else super().get_attribute(instance)


class ReferenceField(serializers.RelatedField):
    """Reads as a compact reference; written as the slug of a record the user may see."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        # REST framework's own ``RelatedField.many_init``, with ManyReferenceField for its
        # ManyRelatedField; ``MANY_RELATION_KWARGS`` (not part of its documented API) names the
        # options that go to the list rather than to each reference. Pinned against REST
        # framework's by tests/config/api/test_rest_framework_seams.py.
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return ManyReferenceField(**list_kwargs)

    default_error_messages = {
        "does_not_exist": _("There is no {model} with the slug {value!r} that you may see."),
        "invalid": _("Give the slug of a {model} as a string."),
    }

    def get_queryset(self):
        request = self.context.get("request")
        return super().get_queryset().visible_to(getattr(request, "user", None))

    def use_pk_only_optimization(self):
        return False

    def to_internal_value(self, data):
        model = self.queryset.model._meta.verbose_name
        if isinstance(data, dict):
            data = data.get("slug")
        if not isinstance(data, str) or not data or NUL in data or len(data) > 120:
            self.fail("invalid", model=model)
        try:
            return self.get_queryset().get(slug=data)
        except ObjectDoesNotExist:
            self.fail("does_not_exist", model=model, value=data)

    def to_representation(self, value):
        return reference(value, self.context.get("request"))

    def get_choices(self, cutoff=None):
        # The browsable API would otherwise list every record in a select box.
        return {}


# Strict types for writes -----------------------------------------------------------------------
# REST framework coerces what a client sends: 123 becomes the name "123", "5" the number 5, "yes"
# the boolean True. A partner system that sends the wrong type has a bug; it is told so (a 400
# naming the field) instead of having a guess stored. What a field shows is what it takes.


def wrong_type(message: str):
    """Refuse a value of the wrong JSON type (code ``invalid``, like any other invalid value)."""
    raise serializers.ValidationError(message, code="invalid")


class StrictCharField(serializers.CharField):
    """A string, and only a string: a JSON number or boolean is refused, not stored as its text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            wrong_type(
                gettext("Enter a string (text in quotes), not a number, a boolean, a list or an object.")
            )
        return super().to_internal_value(data)


class StrictSlugField(StrictCharField, serializers.SlugField):
    pass


class StrictURLField(StrictCharField, serializers.URLField):
    pass


class StrictEmailField(StrictCharField, serializers.EmailField):
    pass


class StrictIntegerField(serializers.IntegerField):
    """A whole JSON number: a string ("5"), a boolean or a fraction is refused."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            wrong_type(gettext("Enter a whole number (not in quotes)."))
        return super().to_internal_value(data)


class StrictDecimalField(serializers.DecimalField):
    """A JSON number; a string only where the field is shown as one (``coerce_to_string``, a
    budget's exact "12000.00"). A boolean is refused."""

    def to_internal_value(self, data):
        number = isinstance(data, int | float | decimal.Decimal) and not isinstance(data, bool)
        shown_as_text = getattr(self, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        if not number and not (shown_as_text and isinstance(data, str)):
            wrong_type(gettext("Enter a number (not in quotes)."))
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """``true`` or ``false``: a string ("yes", "1") or a number is refused."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            wrong_type(gettext("Enter true or false (not in quotes)."))
        return data


# The serializer field ModelSerializer builds for each kind of model field, strict for writes.
STRICT_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.CharField: StrictCharField,
    models.TextField: StrictCharField,
    models.SlugField: StrictSlugField,
    models.URLField: StrictURLField,
    models.EmailField: StrictEmailField,
    models.IntegerField: StrictIntegerField,
    models.SmallIntegerField: StrictIntegerField,
    models.BigIntegerField: StrictIntegerField,
    models.PositiveIntegerField: StrictIntegerField,
    models.PositiveSmallIntegerField: StrictIntegerField,
    models.PositiveBigIntegerField: StrictIntegerField,
    models.DecimalField: StrictDecimalField,
    models.BooleanField: StrictBooleanField,
}


class NotStatedChoiceField(serializers.ChoiceField):
    """A choice the sources may leave unstated (a dialogue's track, an event's kind, a role): null
    when not stated, read and written alike. The column stores "" for it (``NOT_STATED``); a string
    that is none of the choices, "" included, is refused like any other. A spreadsheet writes
    ``not_stated`` (``not_stated_cell``; config/framework/spreadsheets.py)."""

    not_stated_cell = NOT_STATED

    def __init__(self, **kwargs):
        kwargs["allow_null"] = True
        kwargs["allow_blank"] = False
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            wrong_type(gettext("Enter one of the choices as a string, or null where it is not stated."))
        return super().to_internal_value(data)

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


def not_stated_field(field_class, field_kwargs: dict, model_field):
    """The serializer field for ``model_field``: a ``NotStatedChoiceField`` where "" ("not stated")
    is one of its choices, else the one ModelSerializer chose."""
    if not model_field.choices or all(value != "" for value, _label in model_field.flatchoices):
        return field_class, field_kwargs
    field_kwargs = {key: value for key, value in field_kwargs.items() if key != "allow_blank"}
    field_kwargs["choices"] = [(value, label) for value, label in model_field.flatchoices if value != ""]
    return NotStatedChoiceField, field_kwargs


class PartialDateField(serializers.Field):
    """A partial date as ISO 8601 at its precision: "2024-08-28", "2024-05" or "2010".

    Reading gives the date at its precision (the precision is also a field of its own); writing
    "2024-05" stores 1 May 2024 known to the month. A write also takes a date as people write it
    ("May 2024", "Mai 2024", "2024年5月", "28.08.2024": ``config.framework.dates.parse_partial_date``);
    an ambiguous "10/01/2025" is refused with what to write instead.
    """

    default_error_messages = {"invalid": _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")}

    def __init__(self, date_field: str, precision_field: str, **kwargs):
        self.date_field = date_field
        self.precision_field = precision_field
        kwargs["source"] = "*"
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.date_field)
        return PartialDate(value, getattr(instance, self.precision_field)).iso if value else None

    def validate_empty_values(self, data):
        if data is None and self.allow_null:
            return True, {self.date_field: None, self.precision_field: Precision.DAY}
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data.strip():
            self.fail("invalid")
        try:
            value = parse_partial_date(data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages, code=error.code) from None
        return {self.date_field: value.date, self.precision_field: value.precision}


# Translations ----------------------------------------------------------------------------------
# A translated field (``name``) reads and writes the request's language (config/api/languages.py).
# Beside it, ``<field>_translations`` holds its text in every language: shown with ``?lang=all``,
# written in any request. ``fallbacks`` says which texts of an object are in another language than
# the one asked for.


class TranslationsField(serializers.Field):
    """``<field>_translations``: ``{"en": …, "de": …, "zh-hans": …}``, ``null`` where a language has
    no text. Shown only with ``?lang=all``; a write sets the languages it names (``null`` or ``""``
    clears one) and leaves the others."""

    default_error_messages = {
        "invalid": _('Enter an object of texts by language, such as {{"de": "…"}}.'),
        "language": _("There is no language “%(language)s” here; the languages are: %(languages)s."),
        "max_length": _("The text in “%(language)s” is longer than %(max_length)s characters."),
        "nul": _("Null characters are not allowed."),
    }

    def __init__(self, translated: str, model_field, **kwargs):
        self.translated = translated
        self.max_length = getattr(model_field, "max_length", None)
        kwargs["source"] = "*"
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        if not is_all(self.context.get("request")):
            raise SkipField()
        return instance

    def to_representation(self, instance):
        request = self.context.get("request")
        texts = {}
        for language in language_codes():
            texts[language] = getattr(instance, column(self.translated, language)) or None
            if texts[language]:
                note_language(request, language)
        return texts

    def to_internal_value(self, data):
        if not isinstance(data, Mapping):
            self.fail("invalid")
        languages = language_codes()
        values = {}
        for language, text in data.items():
            if language not in languages:
                self.fail_with("language", language=language, languages=", ".join(languages))
            if text is not None and not isinstance(text, str):
                self.fail("invalid")
            if text and NUL in text:
                self.fail("nul")
            if text and self.max_length is not None and len(text) > self.max_length:
                self.fail_with("max_length", language=language, max_length=self.max_length)
            values[column(self.translated, language)] = text or None
        return values

    def fail_with(self, key: str, **values):
        """``fail`` for the messages written with ``%(name)s`` (a translation keeps the names)."""
        raise serializers.ValidationError(str(self.error_messages[key]) % values, code=key)


class FallbacksField(serializers.Field):
    """``fallbacks``: the texts of an object shown in another language than the one asked for,
    each with the language it is in — its own translated fields (``"summary": "en"``) and the
    names of the records it refers to (``"dialogue.name"``, ``"topics[0].name"``). ``{}`` when
    every text is in the language asked for (or has none)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def plan(self) -> tuple[list, list]:
        """(translated fields shown, reference fields shown) of the serializer this belongs to."""
        plan = self.__dict__.get("_plan")
        if plan is None:
            parent = self.parent
            translated = set(translated_fields(parent.Meta.model))
            own = [
                (name, field.source)
                for name, field in parent.fields.items()
                if field.source in translated and not field.write_only
            ]
            references = [
                (name, field)
                for name, field in parent.fields.items()
                if isinstance(field, ReferenceField | ManyReferenceField) and not field.write_only
            ]
            plan = self._plan = (own, references)
        return plan

    def to_representation(self, instance):
        request = self.context.get("request")
        asked = translation.get_language()
        fallbacks = {}
        own, references = self.plan()
        for name, source in own:
            language = shown_language(instance, source)
            note_language(request, language)
            if language is not None and language != asked:
                fallbacks[name] = language
        for name, field in references:
            try:
                value = field.get_attribute(instance)
            except (AttributeError, ObjectDoesNotExist, SkipField):
                continue
            if isinstance(field, ManyReferenceField):
                # The list ``prefetch_visible`` made, or the relation's queryset (read from the
                # prefetch cache where ``eager_load`` prefetched it, as for the field itself).
                named = [(f"{name}[{index}].name", record) for index, record in enumerate(value)]
            else:
                named = [(f"{name}.name", value)] if value is not None else []
            for key, record in named:
                language = name_language(record)
                if language is not None and language != asked:
                    fallbacks[key] = language
        return fallbacks


class TranslatedFieldsMixin:
    """``<field>_translations`` after each translated field a serializer shows, and ``fallbacks``
    where it shows translated text (its own or its references' names)."""

    def get_fields(self):
        fields = super().get_fields()
        model = self.Meta.model
        translated = set(translated_fields(model))
        with_translations = {}
        # Fields are not bound yet: a field's source is its name unless it was given one.
        sources = {name: field.source or name for name, field in fields.items()}
        for name, field in fields.items():
            with_translations[name] = field
            if sources[name] == name and name in translated:
                model_field = model._meta.get_field(column(name, language_codes()[0]))
                with_translations[f"{name}_translations"] = TranslationsField(
                    name, model_field, read_only=field.read_only
                )
        shows_text = any(source in translated for source in sources.values()) or any(
            isinstance(field, ReferenceField | ManyReferenceField) for field in fields.values()
        )
        if shows_text:
            with_translations["fallbacks"] = FallbacksField()
        return with_translations


# Fields whose representation of a str, int or bool read from the model is that value itself.
PLAIN_FIELDS = (
    serializers.CharField,
    serializers.SlugField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.BooleanField,
    StrictCharField,
    StrictSlugField,
    StrictIntegerField,
    StrictBooleanField,
)
PLAIN_VALUES = (str, int, bool)


class PlainColumnsAsIsMixin:
    """``to_representation`` that reads plain columns straight from the record.

    REST framework's generic path (the attribute lookup, the None check, the field's own
    conversion) was half of what serialising a list row cost (docs/scaling.md, "The read path").
    A field of a plain kind, read from a single attribute, takes the value as it is when it is a
    str, int, bool or None; anything else (and every other field) goes through REST framework's
    own steps, as ``Serializer.to_representation`` takes them.

    The one seam on REST framework's private parts here: ``Serializer._readable_fields`` (the
    fields that are not write-only, in order), read once per serializer, and the steps of
    ``Serializer.to_representation`` (``SkipField``, the ``PKOnlyObject`` check), repeated below. A
    release that renamed the first would fail every API read; one that changed the second would
    make the two paths differ, which ``test_plain_columns_as_is_give_what_rest_framework_gives``
    (tests/config/api/test_serializers.py) catches for every serializer on the seed data.
    """

    def to_representation(self, instance):
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self._plan = [
                (
                    field.field_name,
                    field,
                    field.source_attrs[0]
                    if type(field) in PLAIN_FIELDS and len(field.source_attrs) == 1
                    else None,
                )
                for field in self._readable_fields
            ]
        representation = {}
        for name, field, attribute in plan:
            if attribute is not None:
                value = getattr(instance, attribute)
                if value is None or type(value) in PLAIN_VALUES:
                    representation[name] = value
                    continue
            try:
                value = field.get_attribute(instance)
            except SkipField:
                continue
            check = value.pk if isinstance(value, PKOnlyObject) else value
            representation[name] = None if check is None else field.to_representation(value)
        return representation


def stored_values(instance) -> dict:
    """The values of ``instance``'s columns as they are set on it, every language's text included.

    An empty text is the same whether it is stored as ``""`` or as NULL (a translation not written
    yet): both are shown as ``""``, so sending ``""`` back is no change.
    """
    values = {}
    for field in instance._meta.concrete_fields:
        value = instance.__dict__.get(field.attname)
        values[field.attname] = (
            "" if value is None and isinstance(field, models.CharField | models.TextField) else value
        )
    return values


def taken_message(error: DjangoValidationError) -> str:
    """The message of one field error, a unique value's said the same way whoever holds it.

    Django's names the kind of record that has the value; the record itself may be one the writer
    cannot see (another partner's draft, an internal record). The refusal alone says that the
    value is taken, which a unique value cannot avoid; nothing more is said, and the answer is the
    same whether or not the writer may see the record that holds it.
    """
    if error.code == "unique":
        return str(_("This value is taken; choose another."))
    return error.messages[0]


# The fields every record shows first (its keys and links) and last (its publication state).
RECORD_FIELDS = ("id", "slug", "url", "html_url")
STATE_FIELDS = ("status", "visibility", "created_at", "updated_at")
# The fields ``PeriodFields`` declares, for the ``Meta.fields`` of a serializer that uses it.
PERIOD_FIELDS = ("start", "start_precision", "end", "end_precision")


class PeriodFields(serializers.Serializer):
    """``start`` and ``end`` of a Period as partial dates, and their precisions (set by the dates)."""

    start = PartialDateField("start_date", "start_precision")
    start_precision = serializers.CharField(read_only=True)
    end = PartialDateField("end_date", "end_precision")
    end_precision = serializers.CharField(read_only=True)


class ApiUrl(serializers.Serializer):
    """``url``: the API detail URL of the record (or of a nested row that has its own endpoint)."""

    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj) -> str:
        return api_url(obj, self.context.get("request"))


class RecordSerializer(TranslatedFieldsMixin, PlainColumnsAsIsMixin, serializers.ModelSerializer, ApiUrl):
    """A model at its own endpoint, with its API and page URLs; writes run the model's full validation.

    Django's ``full_clean`` (field validation, ``clean()``, unique fields) and every database
    constraint are checked before saving, so a broken rule is a 400 naming the fields, with the
    constraint's own message, and never reaches the database as an error.
    """

    html_url = serializers.SerializerMethodField()

    serializer_related_field = ReferenceField
    serializer_field_mapping = STRICT_FIELD_MAPPING

    @classmethod
    def eager_load(cls, queryset, user):
        """``queryset`` with everything this serializer shows loaded in a fixed number of queries."""
        return queryset

    @extend_schema_field({**build_basic_type(OpenApiTypes.URI), "nullable": True})
    def get_html_url(self, obj) -> str | None:
        return html_url(obj, self.context.get("request"))

    def get_field_names(self, declared_fields, info):
        names = list(super().get_field_names(declared_fields, info))
        # Records with a workflow show their publish date (set by publishing, in the admin).
        if "status" in names and "published_at" not in names and workflow.has_workflow(self.Meta.model):
            names.insert(names.index("status") + 1, "published_at")
        return names

    def get_extra_kwargs(self):
        return {**super().get_extra_kwargs(), "published_at": {"read_only": True}}

    def get_unique_together_validators(self):
        # The model's constraints are checked in validate_model(), with their own messages.
        return []

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        field_kwargs.pop("view_name", None)
        return field_class, field_kwargs

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        field_class, field_kwargs = not_stated_field(field_class, field_kwargs, model_field)
        # A unique value (a slug) is checked with the model's validation, whose refusal says the
        # same whoever holds the value (``taken_message``); REST framework's own check would say
        # it first, in its own words.
        validators = [v for v in field_kwargs.get("validators", ()) if not isinstance(v, UniqueValidator)]
        if "validators" in field_kwargs:
            field_kwargs["validators"] = validators
        return field_class, field_kwargs

    def api_field_names(self) -> dict[str, str]:
        """Model field name → API field name, to name the fields in errors."""
        names = {}
        for name, field in self.fields.items():
            if isinstance(field, PartialDateField):
                names[field.date_field] = names[field.precision_field] = name
            elif isinstance(field, TranslationsField):
                for language in language_codes():
                    names[column(field.translated, language)] = name
            elif field.source != "*" and not field.read_only:
                names[field.source] = name
        return names

    def validate_model(self, instance):
        names = self.api_field_names()
        errors: dict[str, list[str]] = {}

        def add(field, messages):
            key = names.get(field, "non_field_errors" if field == NON_FIELD_ERRORS else field)
            for message in messages:
                if message not in errors.setdefault(key, []):
                    errors[key].append(message)

        try:
            instance.full_clean(validate_constraints=False)
        except DjangoValidationError as error:
            for field, field_errors in error.error_dict.items():
                add(field, [taken_message(item) for item in field_errors])
        for model_class, constraints in instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, instance, exclude=instance.generated_field_names())
                except DjangoValidationError as error:
                    if any(message in reported for reported in errors.values() for message in error.messages):
                        continue  # clean() has already said so, naming the field.
                    fields = list(getattr(constraint, "fields", ()) or ())
                    if not fields and getattr(constraint, "condition", None) is not None:
                        fields = sorted(constraint.condition.referenced_base_fields)
                    api_fields = [field for field in fields if field in names] or [NON_FIELD_ERRORS]
                    for field in api_fields:
                        add(field, error.messages)
        if errors:
            raise serializers.ValidationError(errors)

    def to_internal_value(self, data):
        """The fields written, after refusing every field of the body that cannot be written.

        A name the representation does not have is ``unknown_field``; one it shows but that is
        not written (``id``, ``url``, ``created_at``, a nested list of rows …) is ``read_only``.
        Both are reported with the errors of the other fields, and nothing is written.
        """
        refused = self.unwritable_fields(data)
        try:
            validated = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not refused:
                raise
            detail = error.detail if isinstance(error.detail, dict) else {"non_field_errors": error.detail}
            raise serializers.ValidationError({**refused, **detail}) from None
        if refused:
            raise serializers.ValidationError(refused)
        return validated

    def unwritable_fields(self, data) -> dict[str, list[ErrorDetail]]:
        """The fields of ``data`` this serializer does not write, each with its error."""
        if not isinstance(data, Mapping):
            return {}  # REST framework refuses a body that is not an object.
        refused = {}
        for name in data:
            field = self.fields.get(name)
            if field is None:
                message, code = gettext("There is no field of this name."), "unknown_field"
            elif field.read_only:
                message = gettext("This field is read-only: it is shown, but it cannot be written.")
                code = "read_only"
            else:
                continue
            refused[str(name)] = [ErrorDetail(message, code=code)]
        return refused

    def split_many(self, validated_data):
        info = model_meta.get_field_info(self.Meta.model)
        many = {}
        for name, relation in info.relations.items():
            if relation.to_many and name in validated_data:
                many[name] = validated_data.pop(name)
        return many

    def many_changed(self, instance, many) -> bool:
        """Whether a to-many field written names other records than the writer sees there now."""
        if not many:
            return False
        user = getattr(self.context.get("request"), "user", None)
        stored = type(instance)._default_manager.get(pk=instance.pk)
        for name, values in many.items():
            current = getattr(stored, name)
            visible = current.model._default_manager.visible_to(user).values("pk")
            if set(current.filter(pk__in=visible).values_list("pk", flat=True)) != {v.pk for v in values}:
                return True
        return False

    def set_many(self, instance, many):
        """Set the to-many fields written, keeping the members the writer may not see.

        A client can only name the records it may see, so a list it sends replaces only those;
        links to drafts or internal records stay as they were.
        """
        if not many:
            return
        user = getattr(self.context.get("request"), "user", None)
        # The instance the view loaded has its relations prefetched through visible_to(user); the
        # current members are read from a fresh copy.
        stored = type(instance)._default_manager.get(pk=instance.pk)
        for name, values in many.items():
            current = getattr(stored, name)
            visible_members = current.model._default_manager.visible_to(user).values("pk")
            getattr(instance, name).set([*values, *current.exclude(pk__in=visible_members)])

    def create(self, validated_data):
        many = self.split_many(validated_data)
        user = self.context["request"].user
        if not workflow.is_editorial(user) and "status" in self.fields and "status" not in validated_data:
            # A partner system's new row starts as a draft (a row's own default is "published",
            # since its record gates it); an editor publishes it. Records start as drafts anyway.
            validated_data["status"] = Status.DRAFT
        instance = self.Meta.model(**validated_data)
        self.validate_model(instance)
        # The workflow rule and the history entry, attributed to the token's user.
        workflow.save_record(
            record=instance, by=self.context["request"].user, reason="Created through the API."
        )
        self.set_many(instance, many)
        return instance

    def update(self, instance, validated_data):
        many = self.split_many(validated_data)
        before = stored_values(instance)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        if stored_values(instance) == before and not self.many_changed(instance, many):
            # Nothing to change (an empty PATCH, or the values it has): no save, no history entry,
            # the same updated_at and ETag. The workflow still decides whether the writer may
            # change the record at all.
            workflow.check_write(self.context["request"].user, instance)
            return instance
        self.validate_model(instance)
        written = sorted(set(self.initial_data) & set(self.fields))
        workflow.save_record(
            record=instance,
            by=self.context["request"].user,
            reason=f"Changed through the API: {', '.join(written)}.",
        )
        self.set_many(instance, many)
        return instance


class RowSerializer(TranslatedFieldsMixin, PlainColumnsAsIsMixin, serializers.ModelSerializer):
    """A row nested in its record (a role, a participation, a speaker): read-only, related records
    as references. A record shown inside another (a dialogue's phases) is nested the same way."""

    serializer_related_field = ReferenceField
    serializer_field_mapping = STRICT_FIELD_MAPPING

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        return not_stated_field(field_class, field_kwargs, model_field)

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        field_kwargs.pop("view_name", None)
        field_kwargs["read_only"] = True
        field_kwargs.pop("queryset", None)
        return field_class, field_kwargs
