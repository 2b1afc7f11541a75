from config.api.views import RecordViewSet, RowViewSet
from dialogues.api import serializers
from dialogues.filtersets import (
    DialogueFilterSet,
    DialogueRoleFilterSet,
    PhaseFilterSet,
    PublicationFilterSet,
    TopicFilterSet,
    WorkingGroupFilterSet,
)
from dialogues.models import Dialogue, DialogueRole, Phase, Publication, Topic, WorkingGroup


class TopicViewSet(RecordViewSet):
    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    summary_serializer_class = serializers.TopicSummarySerializer
    filterset_class = TopicFilterSet


class DialogueViewSet(RecordViewSet):
    queryset = Dialogue.objects.all()
    serializer_class = serializers.DialogueSerializer
    summary_serializer_class = serializers.DialogueSummarySerializer
    filterset_class = DialogueFilterSet


class PhaseViewSet(RecordViewSet):
    queryset = Phase.objects.all()
    serializer_class = serializers.PhaseSerializer
    filterset_class = PhaseFilterSet


class WorkingGroupViewSet(RecordViewSet):
    queryset = WorkingGroup.objects.all()
    serializer_class = serializers.WorkingGroupSerializer
    summary_serializer_class = serializers.WorkingGroupSummarySerializer
    filterset_class = WorkingGroupFilterSet


class DialogueRoleViewSet(RowViewSet):
    queryset = DialogueRole.objects.all()
    serializer_class = serializers.DialogueRoleSerializer
    filterset_class = DialogueRoleFilterSet


class PublicationViewSet(RecordViewSet):
    queryset = Publication.objects.all()
    serializer_class = serializers.PublicationSerializer
    summary_serializer_class = serializers.PublicationSummarySerializer
    filterset_class = PublicationFilterSet
