"""Filters for organisations, people and contact points, shared by the HTML lists and the API."""

import django_filters

from config.framework.filtersets import (
    CountryFilter,
    RecordFilterSet,
    RowSlugFilter,
    SlugFilter,
    StableOrderingFilter,
)
from institutions.models import Organisation, OrganisationContactPoint, Person


class OrganisationFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Organisation.Kind.choices)
    country = CountryFilter()
    parent = SlugFilter(Organisation, "parent")
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("acronym", "acronym"), ("updated_at", "updated"))
    )

    class Meta:
        model = Organisation
        fields = ["kind", "country", "parent"]


class PersonFilterSet(RecordFilterSet):
    organisation = RowSlugFilter(Organisation, "affiliations", "organisation")
    ordering = StableOrderingFilter(fields=(("family_name", "name"), ("updated_at", "updated")))

    class Meta:
        model = Person
        fields = ["organisation"]


class OrganisationContactPointFilterSet(RecordFilterSet):
    organisation = SlugFilter(Organisation, "organisation")
    ordering = StableOrderingFilter(fields=(("order", "order"), ("updated_at", "updated")))

    class Meta:
        model = OrganisationContactPoint
        fields = ["organisation"]
