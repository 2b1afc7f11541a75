"""Model fields shared by the apps: countries (ISO 3166-1 alpha-2, plus EU), aliases, long texts.

Every text the atlas stores has a maximum length, so that a record's search vector always fits:
PostgreSQL refuses a ``tsvector`` whose lexemes and positions take more than 1 MB ("string is too
long for tsvector"), and a record that fed one would be a 500 on every write. The limits below are
chosen from the worst case (``search_vector_bound()``); ``tests/config/framework/test_fields.py``
saves every searchable model with every text at its maximum and reads the vector back.
"""

import functools

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.validators import ArrayMaxLengthValidator
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Lookup
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The longest texts, in characters. The seed's longest description has 2,752 characters, its longest
# summary 1,398 and its longest note 230.
NOTE_LENGTH = 2_000  # a note on a row (a role, a participation), a source's note
SUMMARY_LENGTH = 3_000  # a summary, a short bio, a dialogue's aim: a paragraph
DESCRIPTION_LENGTH = 10_000  # a description or an event's outcomes: about 1,500 words
MAX_ALIASES = 20  # other names of one record, each at most ALIAS_LENGTH
ALIAS_LENGTH = 300

# What one character of a record can cost in its search vector, in bytes. atlas_unaccent() and
# lower() turn one character into at most 5 bytes of UTF-8 ("㎮" becomes "rad/s"; measured over
# every code point with max(octet_length(lower(atlas_unaccent(chr(c)))))); a word also costs its
# position (2 bytes), and a distinct lexeme its count of positions and alignment (3 bytes), which a
# one-character word shares with the space after it. 6 bytes per character covers all of it.
SEARCH_VECTOR_BYTES_PER_CHARACTER = 6
SEARCH_VECTOR_LIMIT = 1_048_575  # bytes: PostgreSQL's MAXSTRPOS, the most a tsvector's data may take


class LimitedTextField(models.TextField):
    """A text of at most ``max_length`` characters, refused beyond it everywhere.

    Django's TextField passes ``max_length`` to forms only. This one also validates it (so the
    model's ``full_clean()`` refuses it: the API's and the import's checks) and checks it in the
    database (a CHECK on the column: a raw write cannot exceed it either). The check is part of
    the column rather than of ``Meta.constraints`` so that every translation (``_de``, ``_zh_hans``)
    and the history tables carry it without being listed, and so that checking a record in Python
    runs no query per text (a CheckConstraint is validated with one). Django adds a field's check
    when it creates the column, not when a migration alters it: the ``0002_text_limits`` migrations
    add the checks of the columns that existed, and a changed limit needs the same by hand.
    """

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(max_length))

    def db_check(self, connection):
        return f"char_length({connection.ops.quote_name(self.column)}) <= {int(self.max_length)}"


@deconstructible
class NoneOrAtLeast:
    """A list that is empty or has at least ``limit`` items: none where the sources name none, else
    a real list (a dialogue's parties). Not a MinLengthValidator, which the API's schema would read
    as a minimum that an empty list breaks."""

    def __init__(self, limit: int, message: str):
        self.limit = limit
        self.message = message

    def __call__(self, value):
        if value and len(value) < self.limit:
            raise ValidationError(self.message, code="min_length", params={"limit_value": self.limit})

    def __eq__(self, other):
        return isinstance(other, NoneOrAtLeast) and (self.limit, self.message) == (other.limit, other.message)


def country_choices():
    """ISO 3166-1 countries and the European Union (settings.COUNTRIES_OVERRIDE), by name."""
    return _country_choices(get_language())


@functools.cache
def _country_choices(language):
    # Built once per language: models, forms and filters ask for the list on every use.
    from django_countries import countries

    return tuple((country.code, str(country.name)) for country in countries)


def country_names_by_code() -> dict[str, str]:
    """Country names by code, in the active language: ``{"DE": "Germany", "EU": "European Union", …}``."""
    return _country_names_by_code(get_language())


@functools.cache
def _country_names_by_code(language) -> dict[str, str]:
    # A feed of a thousand events looks a country up in one dict rather than through django-countries.
    return dict(_country_choices(language))


class CountryField(models.CharField):
    """One country as an ISO 3166-1 alpha-2 code, or EU."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2)
        kwargs["choices"] = country_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        if kwargs.get("max_length") == 2:
            kwargs.pop("max_length")
        return name, path, args, kwargs


class ListField(ArrayField):
    """An array column of items of one kind of field; empty by default.

    Each kind of list names its item field in ``item_field`` (a field class and its keyword
    arguments), made afresh for each column; migrations do not spell it out.
    """

    item_field: tuple[type[models.Field], dict] = (models.TextField, {})

    def __init__(self, *args, **kwargs):
        field_class, options = self.item_field
        kwargs["base_field"] = field_class(**options)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("base_field", None)
        return name, path, args, kwargs


class AliasesField(ListField):
    """Other names a record goes by (acronyms, spellings, former names); all searchable.

    At most ``max_items`` of them (the models say ``MAX_ALIASES``), refused by the model's
    validation and by a CHECK on the column. Not with ArrayField's ``size``: that changes the
    column's type, and a column a generated search column reads cannot change its type.
    """

    item_field = (models.CharField, {"max_length": ALIAS_LENGTH})

    def __init__(self, *args, max_items=None, **kwargs):
        kwargs.setdefault("verbose_name", _("aliases"))
        kwargs.setdefault(
            "help_text", _("Other names, spellings and former names, one per line; all are searchable.")
        )
        super().__init__(*args, **kwargs)
        self.max_items = max_items
        if max_items is not None:
            self.validators.append(ArrayMaxLengthValidator(max_items))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.max_items is not None:
            kwargs["max_items"] = self.max_items
        return name, path, args, kwargs

    def db_check(self, connection):
        if self.max_items is None:
            return None
        return f"cardinality({connection.ops.quote_name(self.column)}) <= {int(self.max_items)}"


def validate_distinct(values):
    duplicates = sorted({value for value in values if values.count(value) > 1})
    if duplicates:
        raise ValidationError(
            _("Each country may be listed once; repeated: %(codes)s."),
            code="duplicate_country",
            params={"codes": ", ".join(duplicates)},
        )


class CountriesField(ListField):
    """Several countries (ISO codes or EU) in one array column, GIN-indexable for filters."""

    default_validators = [validate_distinct]

    item_field = (CountryField, {})

    def formfield(self, **kwargs):
        # A multiple choice of countries, not ArrayField's comma-separated text box.
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": country_choices,
            "coerce": str,
            "widget": forms.SelectMultiple,
        }
        return super(ArrayField, self).formfield(**{**defaults, **kwargs})


@ArrayField.register_lookup
class ItemIContains(Lookup):
    """``aliases__item_icontains="uba"``: some item of the array contains the text, ignoring case.

    Lets the admin's ``search_fields`` find an organisation by any of its aliases.
    """

    lookup_name = "item_icontains"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"EXISTS (SELECT 1 FROM unnest({lhs}) AS item WHERE item ILIKE '%%' || {rhs} || '%%')"
        return sql, (*lhs_params, *rhs_params)

    def get_db_prep_lookup(self, value, connection):
        escaped = str(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "%s", [escaped]
