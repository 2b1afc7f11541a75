from config.api.views import RecordViewSet, RowViewSet
from projects.api import serializers
from projects.filtersets import ProgrammeFilterSet, ProjectContactPointFilterSet, ProjectFilterSet
from projects.models import Programme, Project, ProjectContactPoint


class ProgrammeViewSet(RecordViewSet):
    queryset = Programme.objects.all()
    serializer_class = serializers.ProgrammeSerializer
    summary_serializer_class = serializers.ProgrammeSummarySerializer
    filterset_class = ProgrammeFilterSet


class ProjectViewSet(RecordViewSet):
    queryset = Project.objects.all()
    serializer_class = serializers.ProjectSerializer
    summary_serializer_class = serializers.ProjectSummarySerializer
    filterset_class = ProjectFilterSet


class ProjectContactPointViewSet(RowViewSet):
    queryset = ProjectContactPoint.objects.all()
    serializer_class = serializers.ProjectContactPointSerializer
    filterset_class = ProjectContactPointFilterSet
