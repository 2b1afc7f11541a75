"""Building blocks of the FilterSets that serve both the HTML lists and the API lists.

Records and rows as in ``config.framework.models``: ``RecordFilterSet`` is the base of every list's
FilterSet (a row's own API list too); ``SlugFilter`` picks records by related records, and
``RowSlugFilter`` by related records reached through rows the user may see.
"""

import copy
import datetime

import django_filters
from django import forms
from django.db import models
from django.db.models import Q
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_filters.filters import FilterMethod
from django_filters.widgets import BaseCSVWidget
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from config.framework.fields import country_choices
from config.framework.internals import explicit_ordering


def visible_choices(model):
    """Choices for a filter: the records of ``model`` the requesting user may see."""

    def queryset(request):
        return model.objects.visible_to(getattr(request, "user", None))

    return queryset


# In the API schema a slug filter takes strings (the slugs), not the related primary keys.
@extend_schema_field(OpenApiTypes.STR)
class SlugFilter(django_filters.ModelMultipleChoiceFilter):
    """``?dialogue=t2d&dialogue=india-us``: related records by slug, among the visible ones."""

    def __init__(self, model, field_name, **kwargs):
        kwargs.setdefault("label", capfirst(model._meta.verbose_name))  # lazy: read in the reader's language
        super().__init__(
            field_name=f"{field_name}__slug", to_field_name="slug", queryset=visible_choices(model), **kwargs
        )
        self.relation = field_name

    def filter(self, qs, value):
        """The records related to any of the chosen ones, matched by id.

        No join to the related table and no DISTINCT over the list: a many-to-many relation is
        looked up in its own table (indexed by both ends), so the list keeps its index order.
        """
        if not value:
            return qs
        ids = [record.pk for record in value]
        field = qs.model._meta.get_field(self.relation)
        if isinstance(field, models.ManyToManyField):
            through = field.remote_field.through
            rows = through._base_manager.filter(**{f"{field.m2m_reverse_field_name()}__in": ids})
            return qs.filter(pk__in=rows.values(field.m2m_field_name()))
        if field.many_to_many or field.one_to_many:
            return qs.filter(
                pk__in=qs.model._base_manager.filter(**{f"{self.relation}__in": ids}).values("pk")
            )
        return qs.filter(**{f"{self.relation}__in": ids})


class RowSlugFilter(SlugFilter):
    """``?organisation=uba`` through rows that have their own visibility (roles, participations).

    A record matches only through a row the requesting user may see: a hidden role must not reveal
    that the organisation takes part.
    """

    def __init__(self, model, rows: str, target: str, **kwargs):
        super().__init__(model, f"{rows}__{target}", **kwargs)
        self.rows, self.target = rows, target

    def filter(self, qs, value):
        if not value:
            return qs
        relation = qs.model._meta.get_field(self.rows)
        user = getattr(getattr(self.parent, "request", None), "user", None)
        visible_rows = relation.related_model.objects.visible_to(user).filter(**{f"{self.target}__in": value})
        return qs.filter(pk__in=visible_rows.values(relation.field.name))


class CountryFilter(django_filters.MultipleChoiceFilter):
    """``?country=DE&country=CN`` on a single country column."""

    def __init__(self, field_name="country", **kwargs):
        kwargs.setdefault("label", _("Country"))
        kwargs.setdefault("distinct", False)  # one column of the row itself: no duplicates to remove
        super().__init__(field_name=field_name, choices=country_choices, **kwargs)


class CountriesOverlapFilter(CountryFilter):
    """``?country=DE`` on an array of countries: any of the given countries (GIN-indexed)."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__overlap": list(value)})


# How a filter names the blank value of a choice column the sources may leave unstated (a dialogue's
# track, an event's kind, a role): ``?track=not_stated``. The column stores "" (the model's choice
# ``NOT_STATED``), the API shows null, and a filter cannot take "" (an empty parameter is no filter).
NOT_STATED = "not_stated"


def stated_choices(choices) -> list[tuple[str, str]]:
    """A field's choices as a filter offers them: the blank one ("not stated") as ``not_stated``."""
    return [(NOT_STATED if value == "" else value, label) for value, label in choices]


class StatedChoiceFilter(django_filters.MultipleChoiceFilter):
    """``?kind=workshop&kind=not_stated``: any of the given values of a choice column that may be
    blank, ``not_stated`` for the records whose value the sources do not state. Any other value is
    refused (a 400), as by every choice filter."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("distinct", False)  # one column of the row itself: no duplicates to remove
        kwargs.setdefault(
            "help_text", _("Any of these values; “not_stated” for records whose sources do not state one.")
        )
        super().__init__(choices=stated_choices(choices), **kwargs)

    def filter(self, qs, value):
        if value:
            value = ["" if item == NOT_STATED else item for item in value]
        return super().filter(qs, value)


class YearFilter(django_filters.Filter):
    """``?year=2024``: the record's date falls in that year."""

    field_class = forms.IntegerField

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        super().__init__(field_name=field_name, lookup_expr="year", **kwargs)


class ActiveInYearFilter(YearFilter):
    """``?year=2024`` on a period: it had begun by the end of the year and not ended before it."""

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        return qs.filter(
            Q(start_date__year__lte=value) & (Q(end_date__isnull=True) | Q(end_date__year__gte=value))
        )


class RepeatableCSVWidget(BaseCSVWidget, forms.Select):
    """Several values comma-joined (``?ordering=-start,name``) or repeated
    (``?ordering=-start&ordering=name``, as some generated clients send an array): the same list.

    django-filter's own CSV widget reads only the last of repeated values.
    """

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else []
        if len(values) > 1:
            data = {name: ",".join(values)}
        return super().value_from_datadict(data, files, name)


# What each ordering is called in the sort menu (django-filter would otherwise make an English label
# from the parameter's name, which no catalogue holds).
ORDERING_LABELS = {
    "acronym": _("Acronym"),
    "date": _("Date"),
    "name": _("Name"),
    "number": _("Number"),
    "order": _("Order"),
    "role": _("Role"),
    "start": _("Start"),
    "title": _("Title"),
    "updated": _("Last updated"),
}


class StableOrderingFilter(django_filters.OrderingFilter):
    """``?ordering=-start`` on documented fields, always ending with the id so pages are stable.

    Several fields are comma-joined or repeated, alike (``RepeatableCSVWidget``). Each ordering is
    labelled from ORDERING_LABELS by its parameter.
    """

    def __init__(self, *args, **kwargs):
        fields = self.normalize_fields(kwargs.get("fields", args[0] if args else ()))
        kwargs.setdefault(
            "field_labels",
            {field: ORDERING_LABELS[param] for field, param in fields.items() if param in ORDERING_LABELS},
        )
        kwargs.setdefault("widget", RepeatableCSVWidget)
        kwargs.setdefault("label", _("Order by"))
        kwargs.setdefault("empty_label", _("default order"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        ordering = list(explicit_ordering(qs)) or list(qs.model._meta.ordering)
        if not any(field.lstrip("-") in {"id", "pk"} for field in ordering):
            ordering.append("id")
        return qs.order_by(*ordering)


class UpdatedSinceField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date and time whose offset PostgreSQL accepts (at most 15:59 from UTC)."""

    def clean(self, value):
        value = super().clean(value)
        offset = value.utcoffset() if value is not None else None
        if offset is not None and abs(offset) >= datetime.timedelta(hours=16):
            raise forms.ValidationError(
                _("Give a time zone offset between -15:59 and +15:59."), code="invalid"
            )
        return value


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = UpdatedSinceField


class ShallowCopiedFilters(dict):
    """A FilterSet's ``base_filters`` that each FilterSet copies cheaply.

    django-filter deep-copies every filter for every FilterSet made, choices and all: a tenth of
    what an API list cost (docs/scaling.md, "The read path"). A filter's own state is its
    attributes (and ``extra``, where a model choice filter keeps the request's queryset), so a copy
    of those is enough to keep requests apart.

    The one seam on django-filter's private parts: that ``FilterSet.__init__`` deep-copies
    ``base_filters`` (so this dict's ``__deepcopy__`` is where the copies are made); that a filter
    keeps its form field in ``_field`` once built; and ``FilterMethod``, the private class that
    binds ``method=`` to its filter. If a release kept some other state per request, requests
    could share it; tests/config/framework/test_filterset_copies.py compares the copies' querysets
    with those of django-filter's own deep copies for every FilterSet of the atlas.
    """

    def __deepcopy__(self, memo):
        copies = {}
        for name, filter_ in self.items():
            copies[name] = duplicate = copy.copy(filter_)
            duplicate.extra = dict(filter_.extra)
            duplicate.__dict__.pop("_field", None)  # the form field, built per request
            if isinstance(duplicate.__dict__.get("filter"), FilterMethod):
                duplicate.filter = FilterMethod(duplicate)  # ``method=``, bound to the copy
        return copies


class RecordFilterSet(django_filters.FilterSet):
    """Filters every list has (of records, and of rows with an endpoint of their own):
    ``updated_since`` for partner systems that sync."""

    @classmethod
    def get_filters(cls):
        # Kept as the class's ``base_filters``, which every FilterSet made copies.
        return ShallowCopiedFilters(super().get_filters())

    updated_since = UpdatedSinceFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Updated since (ISO 8601)")
    )

    def __init__(self, data=None, *args, **kwargs):
        # A plain dict ({"country": "DE"}) reads like the query string ?country=DE.
        if data is not None and not isinstance(data, MultiValueDict):
            data = MultiValueDict(
                {
                    key: list(value) if isinstance(value, list | tuple) else [value]
                    for key, value in data.items()
                }
            )
        super().__init__(data, *args, **kwargs)
