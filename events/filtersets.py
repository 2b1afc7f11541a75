"""Filters for events, their sessions and their further places."""

import django_filters
from django.utils.translation import gettext_lazy as _

from config.framework.filtersets import (
    CountryFilter,
    RecordFilterSet,
    RowSlugFilter,
    SlugFilter,
    StableOrderingFilter,
    StatedChoiceFilter,
    YearFilter,
)
from dialogues.models import Dialogue, Topic, WorkingGroup
from events.models import Event, EventPlace, Session
from institutions.models import Organisation
from projects.models import Project


class EventFilterSet(RecordFilterSet):
    WHEN_CHOICES = [("upcoming", _("upcoming")), ("past", _("past"))]

    when = django_filters.ChoiceFilter(
        choices=WHEN_CHOICES, method="filter_when", label=_("When"), empty_label=_("any time")
    )
    dialogue = SlugFilter(Dialogue, "dialogue")
    working_group = SlugFilter(WorkingGroup, "working_group")
    project = SlugFilter(Project, "projects")
    organisation = RowSlugFilter(Organisation, "participations", "organisation")
    topic = SlugFilter(Topic, "topics")
    kind = StatedChoiceFilter(Event.Kind.choices, label=_("Kind"))
    state = django_filters.MultipleChoiceFilter(choices=Event.State.choices, distinct=False)
    mode = django_filters.MultipleChoiceFilter(choices=Event.Mode.choices, distinct=False)
    country = CountryFilter()
    year = YearFilter(field_name="start_date")
    starts_after = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", label=_("Starts on or after")
    )
    starts_before = django_filters.DateFilter(
        field_name="start_date", lookup_expr="lte", label=_("Starts on or before")
    )
    ordering = StableOrderingFilter(
        fields=(("start_date", "start"), ("name", "name"), ("updated_at", "updated"))
    )

    class Meta:
        model = Event
        fields = [
            "when",
            "dialogue",
            "working_group",
            "project",
            "organisation",
            "topic",
            "kind",
            "state",
            "mode",
            "country",
            "year",
        ]

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()


class SessionFilterSet(RecordFilterSet):
    event = SlugFilter(Event, "event")
    ordering = StableOrderingFilter(fields=(("order", "order"), ("updated_at", "updated")))

    class Meta:
        model = Session
        fields = ["event"]


class EventPlaceFilterSet(RecordFilterSet):
    event = SlugFilter(Event, "event")
    country = CountryFilter()
    ordering = StableOrderingFilter(fields=(("order", "order"), ("updated_at", "updated")))

    class Meta:
        model = EventPlace
        fields = ["event", "country"]
