"""Model fields shared by the apps: countries (ISO 3166-1 alpha-2, plus EU)."""

import functools

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Lookup
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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
    """Other names a record goes by (acronyms, spellings, former names); all searchable."""

    item_field = (models.CharField, {"max_length": 300})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("aliases"))
        kwargs.setdefault(
            "help_text", _("Other names, spellings and former names, one per line; all are searchable.")
        )
        super().__init__(*args, **kwargs)


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
