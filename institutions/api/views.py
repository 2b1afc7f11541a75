from config.api.views import RecordViewSet, RowViewSet
from institutions.api.serializers import (
    OrganisationContactPointSerializer,
    OrganisationSerializer,
    OrganisationSummarySerializer,
    PersonSerializer,
    PersonSummarySerializer,
)
from institutions.filtersets import OrganisationContactPointFilterSet, OrganisationFilterSet, PersonFilterSet
from institutions.models import Organisation, OrganisationContactPoint, Person


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


class OrganisationContactPointViewSet(RowViewSet):
    queryset = OrganisationContactPoint.objects.all()
    serializer_class = OrganisationContactPointSerializer
    filterset_class = OrganisationContactPointFilterSet
