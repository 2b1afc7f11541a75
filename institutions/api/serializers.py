"""Organisations and people in the API."""

from rest_framework import serializers

from config.api.serializers import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    STATE_FIELDS,
    PeriodFields,
    RecordSerializer,
    RowSerializer,
    prefetch_visible,
)
from institutions.models import Affiliation, Organisation, Person


class OrganisationSummarySerializer(RecordSerializer):
    class Meta:
        model = Organisation
        fields = [
            *RECORD_FIELDS,
            "name",
            "acronym",
            "native_name",
            "kind",
            "country",
            "parent",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(prefetch_visible("parent", Organisation, user, reference=True))


class OrganisationSerializer(RecordSerializer):
    class Meta:
        model = Organisation
        fields = [
            *RECORD_FIELDS,
            "name",
            "acronym",
            "native_name",
            "aliases",
            "kind",
            "country",
            "parent",
            "predecessor",
            "website",
            "description",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("parent", Organisation, user, reference=True),
            prefetch_visible("predecessor", Organisation, user, reference=True),
        )


class AffiliationSerializer(PeriodFields, RowSerializer):
    class Meta:
        model = Affiliation
        fields = ["organisation", "position", *PERIOD_FIELDS]


class PersonSummarySerializer(RecordSerializer):
    name = serializers.CharField(source="full_name", read_only=True)

    class Meta:
        model = Person
        fields = [
            *RECORD_FIELDS,
            "name",
            "given_name",
            "family_name",
            "name_order",
            "honorific",
            *STATE_FIELDS,
        ]


class PersonSerializer(PersonSummarySerializer):
    affiliations = AffiliationSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            *RECORD_FIELDS,
            "name",
            "given_name",
            "family_name",
            "name_order",
            "honorific",
            "native_name",
            "bio",
            "affiliations",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("affiliations", Affiliation, user, select_related=("organisation",))
        )
