"""Topics, dialogues and their parts, and publications in the API."""

from rest_framework import serializers

from config.api.serializers import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    STATE_FIELDS,
    ApiUrl,
    PartialDateField,
    PeriodFields,
    RecordSerializer,
    ReferenceField,
    RowSerializer,
    StrictURLField,
    prefetch_visible,
)
from dialogues.models import (
    Dialogue,
    DialogueAim,
    DialogueRole,
    Phase,
    Publication,
    PublicationAuthor,
    Topic,
    WorkingGroup,
    WorkingGroupMember,
)


def topic_references(user):
    """A Prefetch of the topics the user may see, shown as references."""
    return prefetch_visible("topics", Topic, user, reference=True, many=True)


class TopicSummarySerializer(RecordSerializer):
    class Meta:
        model = Topic
        fields = [*RECORD_FIELDS, "name", "parent", *STATE_FIELDS]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(prefetch_visible("parent", Topic, user, reference=True))


class TopicSerializer(TopicSummarySerializer):
    children = ReferenceField(many=True, read_only=True)

    class Meta:
        model = Topic
        fields = [*RECORD_FIELDS, "name", "parent", "description", "children", *STATE_FIELDS]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("parent", Topic, user, reference=True),
            prefetch_visible("children", Topic, user, reference=True, many=True),
        )


class DialogueSummarySerializer(PeriodFields, RecordSerializer):
    class Meta:
        model = Dialogue
        fields = [
            *RECORD_FIELDS,
            "name",
            "acronym",
            "track",
            "parties",
            "state",
            *PERIOD_FIELDS,
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(topic_references(user))


class AimSerializer(RowSerializer):
    class Meta:
        model = DialogueAim
        fields = ["order", "text"]


class PhaseRowSerializer(PeriodFields, RowSerializer, ApiUrl):
    class Meta:
        model = Phase
        fields = [
            "id",
            "slug",
            "url",
            "number",
            "name",
            *PERIOD_FIELDS,
            "steering_committee_meetings",
            "cadence",
        ]


class DialogueRoleRowSerializer(PeriodFields, RowSerializer):
    class Meta:
        model = DialogueRole
        fields = ["id", "organisation", "role", "side", "phase", *PERIOD_FIELDS, "note"]


class DialogueSerializer(PeriodFields, RecordSerializer):
    aims = AimSerializer(many=True, read_only=True)
    phases = PhaseRowSerializer(many=True, read_only=True)
    working_groups = ReferenceField(many=True, read_only=True)
    roles = DialogueRoleRowSerializer(many=True, read_only=True)
    supported_by = ReferenceField(many=True, read_only=True)

    class Meta:
        model = Dialogue
        fields = [
            *RECORD_FIELDS,
            "name",
            "acronym",
            "native_name",
            "aliases",
            "track",
            "parties",
            "state",
            *PERIOD_FIELDS,
            "cadence",
            "summary",
            "description",
            "website",
            "topics",
            "supports",
            "supported_by",
            "aims",
            "phases",
            "working_groups",
            "roles",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            topic_references(user),
            prefetch_visible("supports", Dialogue, user, reference=True),
            prefetch_visible("supported_by", Dialogue, user, reference=True, many=True),
            prefetch_visible("aims", DialogueAim, user),
            prefetch_visible("phases", Phase, user),
            prefetch_visible("working_groups", WorkingGroup, user),
            prefetch_visible(
                "roles",
                DialogueRole,
                user,
                select_related=("organisation", "phase__dialogue"),
            ),
        )


class PhaseSerializer(PeriodFields, RecordSerializer):
    class Meta:
        model = Phase
        fields = [
            *RECORD_FIELDS,
            "dialogue",
            "number",
            "name",
            *PERIOD_FIELDS,
            "summary",
            "steering_committee_meetings",
            "cadence",
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("dialogue").prefetch_related(topic_references(user))


class MemberSerializer(RowSerializer):
    class Meta:
        model = WorkingGroupMember
        fields = ["id", "organisation", "person", "role", "side", "note"]


class WorkingGroupSummarySerializer(PeriodFields, RecordSerializer):
    class Meta:
        model = WorkingGroup
        fields = [
            *RECORD_FIELDS,
            "dialogue",
            "phase",
            "number",
            "name",
            *PERIOD_FIELDS,
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("dialogue", "phase__dialogue").prefetch_related(topic_references(user))


class WorkingGroupSerializer(WorkingGroupSummarySerializer):
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = WorkingGroup
        fields = [
            *RECORD_FIELDS,
            "dialogue",
            "phase",
            "number",
            "name",
            *PERIOD_FIELDS,
            "description",
            "topics",
            "members",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return (
            super()
            .eager_load(queryset, user)
            .prefetch_related(
                prefetch_visible(
                    "members", WorkingGroupMember, user, select_related=("organisation", "person")
                )
            )
        )


class DialogueRoleSerializer(PeriodFields, RecordSerializer):
    class Meta:
        model = DialogueRole
        fields = [
            "id",
            "url",
            "dialogue",
            "organisation",
            "role",
            "side",
            "phase",
            *PERIOD_FIELDS,
            "note",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("dialogue", "organisation", "phase__dialogue")


class AuthorSerializer(RowSerializer):
    class Meta:
        model = PublicationAuthor
        fields = ["order", "organisation", "person"]


class PublicationSummarySerializer(RecordSerializer):
    date = PartialDateField("date", "date_precision")
    date_precision = serializers.CharField(read_only=True)
    link = StrictURLField(source="url", max_length=500, required=False, allow_blank=True)

    class Meta:
        model = Publication
        fields = [
            *RECORD_FIELDS,
            "title",
            "kind",
            "date",
            "date_precision",
            "link",
            "dialogue",
            "working_group",
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("dialogue", Dialogue, user, reference=True),
            prefetch_visible(
                "working_group", WorkingGroup, user, select_related=("dialogue",), reference=True
            ),
            topic_references(user),
        )


class PublicationSerializer(PublicationSummarySerializer):
    authors = AuthorSerializer(many=True, read_only=True)

    class Meta:
        model = Publication
        fields = [
            *RECORD_FIELDS,
            "title",
            "kind",
            "date",
            "date_precision",
            "link",
            "file",
            "summary",
            "editor_note",
            "dialogue",
            "working_group",
            "topics",
            "authors",
            *STATE_FIELDS,
        ]
        read_only_fields = ["file"]

    @classmethod
    def eager_load(cls, queryset, user):
        return (
            super()
            .eager_load(queryset, user)
            .prefetch_related(
                prefetch_visible(
                    "authors", PublicationAuthor, user, select_related=("organisation", "person")
                )
            )
        )
