from config.api.views import RecordViewSet
from institutions.api.serializers import (
    OrganisationSerializer,
    OrganisationSummarySerializer,
    PersonSerializer,
    PersonSummarySerializer,
)
from institutions.filtersets import OrganisationFilterSet, PersonFilterSet
from institutions.models import Organisation, Person


class OrganisationViewSet(RecordViewSet):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    summary_serializer_class = OrganisationSummarySerializer
    filterset_class = OrganisationFilterSet


class PersonViewSet(RecordViewSet):
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    summary_serializer_class = PersonSummarySerializer
    filterset_class = PersonFilterSet
