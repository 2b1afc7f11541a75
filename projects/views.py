"""Public pages of projects and programmes."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from config.framework.views import (
    Facet,
    FilteredListView,
    RecordDetailView,
    visible_or_none,
    visible_queryset,
)
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from institutions.models import Organisation
from projects.api.serializers import ProjectSummarySerializer
from projects.filtersets import ProjectFilterSet
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectContactPoint,
    ProjectFocusArea,
    ProjectRole,
)


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = ProjectFilterSet
    template_name = "projects/project_list.html"
    results_template_name = "projects/_project_results.html"
    download_serializer_class = ProjectSummarySerializer
    facets = (
        Facet("programme", _("Programme"), "programme__slug", "programme__name", related_model=Programme),
        Facet("country", _("Country"), "countries", array=True),
        Facet("state", _("State"), "state"),
        Facet(
            "dialogue", _("Dialogue supported"), "dialogues__slug", "dialogues__name", related_model=Dialogue
        ),
        Facet("topic", _("Topic"), "topics__slug", "topics__name", related_model=Topic),
        Facet(
            "organisation",
            _("Organisation"),
            "roles__organisation__slug",
            "roles__organisation__name",
            related_model=Organisation,
            through="roles",
        ),
    )


class ProjectDetailView(RecordDetailView):
    model = Project
    template_name = "projects/project_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        return queryset.select_related("programme", "parent").prefetch_related(
            Prefetch("focus_areas", visible_queryset(ProjectFocusArea, user)),
            Prefetch("roles", visible_queryset(ProjectRole, user, "organisation").order_by("role", "id")),
            Prefetch("contacts", visible_queryset(ProjectContact, user, "person")),
            Prefetch("contact_points", visible_queryset(ProjectContactPoint, user)),
            Prefetch("dialogues", visible_queryset(Dialogue, user)),
            Prefetch("working_groups", visible_queryset(WorkingGroup, user, "dialogue")),
            Prefetch("publications", visible_queryset(Publication, user)),
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("children", visible_queryset(Project, user)),
            Prefetch("events", visible_queryset((Project, "events"), user).order_by("start_date", "id")),
            "sources",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = visible_or_none(self.request.user, self.object.programme)
        context["parent"] = visible_or_none(self.request.user, self.object.parent)
        return context


class ProgrammeDetailView(RecordDetailView):
    model = Programme
    template_name = "projects/programme_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        return queryset.prefetch_related(
            Prefetch("projects", visible_queryset(Project, user)),
            Prefetch("funder_rows", visible_queryset(ProgrammeFunder, user, "organisation")),
            "sources",
        )
