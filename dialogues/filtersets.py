"""Filters for topics, dialogues and their parts, and publications."""

import django_filters
from django.utils.translation import gettext_lazy as _

from config.framework.filtersets import (
    ActiveInYearFilter,
    CountriesOverlapFilter,
    CountryFilter,
    RecordFilterSet,
    RowSlugFilter,
    SlugFilter,
    StableOrderingFilter,
    StatedChoiceFilter,
    YearFilter,
)
from dialogues.models import Dialogue, DialogueRole, Phase, Publication, Topic, Track, WorkingGroup
from institutions.models import Organisation


class TopicFilterSet(RecordFilterSet):
    parent = SlugFilter(Topic, "parent")
    ordering = StableOrderingFilter(fields=(("name", "name"), ("updated_at", "updated")))

    class Meta:
        model = Topic
        fields = ["parent"]


class DialogueFilterSet(RecordFilterSet):
    track = StatedChoiceFilter(Track.choices, label=_("Track"))
    party = CountriesOverlapFilter(field_name="parties", label=_("Party"))
    state = django_filters.MultipleChoiceFilter(choices=Dialogue.State.choices)
    topic = SlugFilter(Topic, "topics")
    organisation = RowSlugFilter(Organisation, "roles", "organisation")
    year = ActiveInYearFilter(field_name="start_date", label=_("Active in year"))
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("start_date", "start"), ("updated_at", "updated"))
    )

    class Meta:
        model = Dialogue
        fields = ["track", "party", "state", "topic", "organisation", "year"]


class PhaseFilterSet(RecordFilterSet):
    dialogue = SlugFilter(Dialogue, "dialogue")
    topic = SlugFilter(Topic, "topics")
    ordering = StableOrderingFilter(
        fields=(("number", "number"), ("start_date", "start"), ("updated_at", "updated"))
    )

    class Meta:
        model = Phase
        fields = ["dialogue", "topic"]


class WorkingGroupFilterSet(RecordFilterSet):
    dialogue = SlugFilter(Dialogue, "dialogue")
    phase = SlugFilter(Phase, "phase")
    topic = SlugFilter(Topic, "topics")
    ordering = StableOrderingFilter(
        fields=(("number", "number"), ("name", "name"), ("updated_at", "updated"))
    )

    class Meta:
        model = WorkingGroup
        fields = ["dialogue", "phase", "topic"]


class DialogueRoleFilterSet(RecordFilterSet):
    dialogue = SlugFilter(Dialogue, "dialogue")
    organisation = SlugFilter(Organisation, "organisation")
    phase = SlugFilter(Phase, "phase")
    role = StatedChoiceFilter(DialogueRole.Role.choices, label=_("Role"))
    side = CountryFilter(field_name="side", label=_("Side"))
    ordering = StableOrderingFilter(fields=(("role", "role"), ("updated_at", "updated")))

    class Meta:
        model = DialogueRole
        fields = ["dialogue", "organisation", "phase", "role", "side"]


class PublicationFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Publication.Kind.choices)
    dialogue = SlugFilter(Dialogue, "dialogue")
    working_group = SlugFilter(WorkingGroup, "working_group")
    topic = SlugFilter(Topic, "topics")
    year = YearFilter(field_name="date")
    ordering = StableOrderingFilter(fields=(("date", "date"), ("title", "title"), ("updated_at", "updated")))

    class Meta:
        model = Publication
        fields = ["kind", "dialogue", "working_group", "topic", "year"]
