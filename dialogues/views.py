"""Public pages of dialogues, working groups, topics and publications."""

from itertools import groupby

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from config.framework.views import (
    Facet,
    FilteredListView,
    RecordDetailView,
    visible_or_none,
    visible_queryset,
)
from dialogues.api.serializers import (
    DialogueSummarySerializer,
    PublicationSummarySerializer,
    TopicSummarySerializer,
)
from dialogues.filtersets import DialogueFilterSet, PublicationFilterSet, TopicFilterSet
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
from institutions.models import Organisation


class DialogueListView(FilteredListView):
    model = Dialogue
    filterset_class = DialogueFilterSet
    template_name = "dialogues/dialogue_list.html"
    results_template_name = "dialogues/_dialogue_results.html"
    download_serializer_class = DialogueSummarySerializer
    facets = (
        Facet("party", _("Party"), "parties", array=True),
        Facet("track", _("Track"), "track"),
        Facet("state", _("State"), "state"),
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

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("topics", visible_queryset(Topic, self.request.user)))
        )


class DialogueDetailView(RecordDetailView):
    model = Dialogue
    template_name = "dialogues/dialogue_detail.html"

    def with_related(self, queryset):
        user = self.request.user

        return queryset.prefetch_related(
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("aims", visible_queryset(DialogueAim, user)),
            Prefetch(
                "phases",
                visible_queryset(Phase, user).prefetch_related(
                    Prefetch("topics", visible_queryset(Topic, user))
                ),
            ),
            Prefetch(
                "working_groups",
                visible_queryset(WorkingGroup, user, "phase").prefetch_related(
                    Prefetch("topics", visible_queryset(Topic, user))
                ),
            ),
            Prefetch(
                "roles",
                visible_queryset(DialogueRole, user, "organisation", "phase").order_by("side", "role", "id"),
            ),
            Prefetch("publications", visible_queryset(Publication, user)),
            Prefetch("supporting_projects", visible_queryset((Dialogue, "supporting_projects"), user)),
            Prefetch("supported_by", visible_queryset(Dialogue, user)),
            Prefetch("events", visible_queryset((Dialogue, "events"), user).order_by("start_date", "id")),
            "sources",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dialogue = self.object
        context["roles_by_side"] = [
            (side, list(roles)) for side, roles in groupby(dialogue.roles.all(), key=lambda role: role.side)
        ]
        phases = list(dialogue.phases.all())
        groups = list(dialogue.working_groups.all())
        context["phases_with_groups"] = [
            (phase, [group for group in groups if group.phase_id == phase.pk]) for phase in phases
        ]
        context["groups_without_phase"] = [group for group in groups if group.phase_id is None]
        context["supports"] = visible_or_none(self.request.user, dialogue.supports)
        return context


class WorkingGroupDetailView(RecordDetailView):
    model = WorkingGroup
    template_name = "dialogues/workinggroup_detail.html"

    def with_related(self, queryset):
        user = self.request.user

        return queryset.select_related("dialogue", "phase").prefetch_related(
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("members", visible_queryset(WorkingGroupMember, user, "organisation", "person")),
            Prefetch("publications", visible_queryset(Publication, user)),
            Prefetch("supporting_projects", visible_queryset((WorkingGroup, "supporting_projects"), user)),
            Prefetch("events", visible_queryset((WorkingGroup, "events"), user).order_by("start_date", "id")),
            "sources",
        )


class TopicListView(FilteredListView):
    model = Topic
    filterset_class = TopicFilterSet
    template_name = "dialogues/topic_list.html"
    results_template_name = "dialogues/_topic_results.html"
    download_serializer_class = TopicSummarySerializer
    paginate_by = 60

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class TopicDetailView(RecordDetailView):
    model = Topic
    template_name = "dialogues/topic_detail.html"

    def with_related(self, queryset):
        user = self.request.user

        return queryset.select_related("parent").prefetch_related(
            Prefetch("children", visible_queryset(Topic, user)),
            Prefetch("dialogues", visible_queryset(Dialogue, user)),
            Prefetch("working_groups", visible_queryset(WorkingGroup, user, "dialogue")),
            Prefetch("projects", visible_queryset((Topic, "projects"), user)),
            Prefetch("events", visible_queryset((Topic, "events"), user).order_by("-start_date", "id")),
            Prefetch("publications", visible_queryset(Publication, user)),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["parent"] = visible_or_none(self.request.user, self.object.parent)
        return context


class PublicationListView(FilteredListView):
    model = Publication
    filterset_class = PublicationFilterSet
    template_name = "dialogues/publication_list.html"
    results_template_name = "dialogues/_publication_results.html"
    download_serializer_class = PublicationSummarySerializer
    shown_related = ("dialogue",)
    facets = (
        Facet("kind", _("Kind"), "kind"),
        Facet("year", _("Year"), "date__year", single=True, by_value=True),
        Facet("dialogue", _("Dialogue"), "dialogue__slug", "dialogue__name", related_model=Dialogue),
        Facet("topic", _("Topic"), "topics__slug", "topics__name", related_model=Topic),
    )

    def get_queryset(self):
        return super().get_queryset().select_related("dialogue")


class PublicationDetailView(RecordDetailView):
    model = Publication
    template_name = "dialogues/publication_detail.html"

    def with_related(self, queryset):
        user = self.request.user

        return queryset.select_related("dialogue", "working_group").prefetch_related(
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("authors", visible_queryset(PublicationAuthor, user, "organisation", "person")),
            Prefetch("projects", visible_queryset((Publication, "projects"), user)),
            Prefetch("events", visible_queryset((Publication, "events"), user)),
            "sources",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dialogue"] = visible_or_none(self.request.user, self.object.dialogue)
        return context
