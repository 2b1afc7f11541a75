"""Organisations and people in the API."""

from rest_framework import serializers

from config.api.serializers import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    STATE_FIELDS,
    ApiUrl,
    PeriodFields,
    RecordSerializer,
    RowSerializer,
    prefetch_visible,
)
from institutions.models import Affiliation, Organisation, OrganisationContactPoint, Person

# A contact point's own fields, the same for an organisation's and a project's.
CONTACT_POINT_FIELDS = ["order", "label", "email", "postal_address", "website"]


class OrganisationContactPointRowSerializer(RowSerializer, ApiUrl):
    """A contact point nested in its organisation (written at ``organisation-contact-points/``)."""

    class Meta:
        model = OrganisationContactPoint
        fields = ["id", "url", *CONTACT_POINT_FIELDS]


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
    contact_points = OrganisationContactPointRowSerializer(many=True, read_only=True)

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
            "contact_points",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("parent", Organisation, user, reference=True),
            prefetch_visible("predecessor", Organisation, user, reference=True),
            prefetch_visible("contact_points", OrganisationContactPoint, user),
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


class OrganisationContactPointSerializer(RecordSerializer):
    """An organisation's contact point at its own endpoint, where it is written."""

    class Meta:
        model = OrganisationContactPoint
        fields = ["id", "url", "organisation", *CONTACT_POINT_FIELDS, *STATE_FIELDS]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("organisation")
