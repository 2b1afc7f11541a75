from config.api.views import RecordViewSet
from projects.api import serializers
from projects.filtersets import ProgrammeFilterSet, ProjectFilterSet
from projects.models import Programme, Project


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
