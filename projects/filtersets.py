"""Filters for programmes, projects and projects' contact points."""

import django_filters
from django.utils.translation import gettext_lazy as _

from config.framework.filtersets import (
    ActiveInYearFilter,
    CountriesOverlapFilter,
    RecordFilterSet,
    RowSlugFilter,
    SlugFilter,
    StableOrderingFilter,
)
from dialogues.models import Dialogue, Topic
from institutions.models import Organisation
from projects.models import Programme, Project, ProjectContactPoint


class ProgrammeFilterSet(RecordFilterSet):
    ordering = StableOrderingFilter(fields=(("name", "name"), ("updated_at", "updated")))

    class Meta:
        model = Programme
        fields = []


class ProjectFilterSet(RecordFilterSet):
    programme = SlugFilter(Programme, "programme")
    country = CountriesOverlapFilter(field_name="countries")
    state = django_filters.MultipleChoiceFilter(choices=Project.State.choices)
    topic = SlugFilter(Topic, "topics")
    dialogue = SlugFilter(Dialogue, "dialogues")
    organisation = RowSlugFilter(Organisation, "roles", "organisation")
    year = ActiveInYearFilter(field_name="start_date", label=_("Active in year"))
    ordering = StableOrderingFilter(
        fields=(("title", "title"), ("start_date", "start"), ("updated_at", "updated"))
    )

    class Meta:
        model = Project
        fields = ["programme", "country", "state", "topic", "dialogue", "organisation", "year"]


class ProjectContactPointFilterSet(RecordFilterSet):
    project = SlugFilter(Project, "project")
    ordering = StableOrderingFilter(fields=(("order", "order"), ("updated_at", "updated")))

    class Meta:
        model = ProjectContactPoint
        fields = ["project"]
