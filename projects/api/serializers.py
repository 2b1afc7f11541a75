"""Programmes and projects in the API."""

from config.api.serializers import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    STATE_FIELDS,
    ApiUrl,
    PeriodFields,
    RecordSerializer,
    ReferenceField,
    RowSerializer,
    StrictDecimalField,
    prefetch_visible,
)
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from institutions.api.serializers import CONTACT_POINT_FIELDS
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectContactPoint,
    ProjectFocusArea,
    ProjectRole,
)


class FunderSerializer(RowSerializer):
    class Meta:
        model = ProgrammeFunder
        fields = ["organisation"]


class ProgrammeSummarySerializer(RecordSerializer):
    class Meta:
        model = Programme
        fields = [*RECORD_FIELDS, "name", "acronym", "website", *STATE_FIELDS]


class ProgrammeSerializer(RecordSerializer):
    funders = FunderSerializer(source="funder_rows", many=True, read_only=True)
    projects = ReferenceField(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = [
            *RECORD_FIELDS,
            "name",
            "acronym",
            "website",
            "description",
            "funders",
            "projects",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("funder_rows", ProgrammeFunder, user, select_related=("organisation",)),
            prefetch_visible("projects", Project, user, reference=True, many=True),
        )


class ProjectSummarySerializer(PeriodFields, RecordSerializer):
    class Meta:
        model = Project
        fields = [
            *RECORD_FIELDS,
            "title",
            "acronym",
            "programme",
            "parent",
            "countries",
            "state",
            *PERIOD_FIELDS,
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("programme", Programme, user, reference=True),
            prefetch_visible("parent", Project, user, reference=True),
            prefetch_visible("topics", Topic, user, reference=True, many=True),
        )


class FocusAreaSerializer(RowSerializer):
    class Meta:
        model = ProjectFocusArea
        fields = ["order", "name"]


class ProjectRoleSerializer(PeriodFields, RowSerializer):
    class Meta:
        model = ProjectRole
        fields = ["id", "organisation", "role", *PERIOD_FIELDS, "note"]


class ContactSerializer(RowSerializer):
    class Meta:
        model = ProjectContact
        fields = ["person", "role"]


class ProjectContactPointRowSerializer(RowSerializer, ApiUrl):
    """A contact point nested in its project (written at ``project-contact-points/``)."""

    class Meta:
        model = ProjectContactPoint
        fields = ["id", "url", *CONTACT_POINT_FIELDS]


class ProjectSerializer(PeriodFields, RecordSerializer):
    budget = StrictDecimalField(
        max_digits=14, decimal_places=2, min_value=0, allow_null=True, required=False, coerce_to_string=True
    )
    focus_areas = FocusAreaSerializer(many=True, read_only=True)
    roles = ProjectRoleSerializer(many=True, read_only=True)
    contacts = ContactSerializer(many=True, read_only=True)
    contact_points = ProjectContactPointRowSerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            *RECORD_FIELDS,
            "title",
            "acronym",
            "aliases",
            "programme",
            "parent",
            "countries",
            "state",
            *PERIOD_FIELDS,
            "summary",
            "description",
            "budget",
            "currency",
            "website",
            "topics",
            "dialogues",
            "working_groups",
            "publications",
            "focus_areas",
            "roles",
            "contacts",
            "contact_points",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            prefetch_visible("programme", Programme, user, reference=True),
            prefetch_visible("parent", Project, user, reference=True),
            prefetch_visible("topics", Topic, user, reference=True, many=True),
            prefetch_visible("dialogues", Dialogue, user, reference=True, many=True),
            prefetch_visible("working_groups", WorkingGroup, user, reference=True, many=True),
            prefetch_visible("publications", Publication, user, reference=True, many=True),
            prefetch_visible("focus_areas", ProjectFocusArea, user),
            prefetch_visible("roles", ProjectRole, user, select_related=("organisation",)),
            prefetch_visible("contacts", ProjectContact, user, select_related=("person",)),
            prefetch_visible("contact_points", ProjectContactPoint, user),
        )


class ProjectContactPointSerializer(RecordSerializer):
    """A project's contact point at its own endpoint, where it is written."""

    class Meta:
        model = ProjectContactPoint
        fields = ["id", "url", "project", *CONTACT_POINT_FIELDS, *STATE_FIELDS]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("project")
