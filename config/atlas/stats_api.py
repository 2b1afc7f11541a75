"""``/api/v1/stats/…``: counts per year for the charts, over what the caller may see.

The numbers come from ``config.atlas.stats`` (GROUP BY in PostgreSQL, a fixed number of queries);
the pages' table alternatives read the same functions. Every response has one shape: the series
(the parts of each year's bar, with their labels in the language asked for), one row per year from
the first to the last with a count per series, and the undated apart.
"""

import re

from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.parameters import QueryParameters, filterset_parameters
from config.api.permissions import TokenScope
from config.atlas import stats
from config.framework.links import absolute
from dialogues.models import Topic
from events.filtersets import EventFilterSet
from events.models import Event
from institutions.models import Organisation


class SeriesSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="A dialogue's or topic's slug, an event kind (`not_stated` where it is not stated), "
        "`events`/`publications`, an activity; `_other` (the other dialogues together) and `_none` "
        "(events of no dialogue)."
    )
    label = serializers.CharField(help_text="In the language asked for.")
    html_url = serializers.URLField(allow_null=True, help_text="The page of the dialogue or topic.")


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    counts = serializers.ListField(child=serializers.IntegerField(), help_text="One per series, in order.")
    total = serializers.IntegerField()


class UndatedSerializer(serializers.Serializer):
    counts = serializers.ListField(child=serializers.IntegerField(), help_text="One per series, in order.")
    total = serializers.IntegerField()


class YearCountsSerializer(serializers.Serializer):
    series = SeriesSerializer(many=True)
    years = YearSerializer(many=True, help_text="Every year from the first to the last, with zeros.")
    undated = UndatedSerializer(help_text="Records without a date: counted apart, never as a year.")
    total = serializers.IntegerField()


EXAMPLE = OpenApiExample(
    "Events per year by kind",
    value={
        "series": [
            {"key": "plenary", "label": "plenary", "html_url": None},
            {"key": "workshop", "label": "workshop", "html_url": None},
        ],
        "years": [
            {"year": 2023, "counts": [1, 0], "total": 1},
            {"year": 2024, "counts": [2, 1], "total": 3},
        ],
        "undated": {"counts": [0, 1], "total": 1},
        "total": 5,
    },
)


def year_counts_data(counts: stats.YearCounts, request) -> dict:
    return {
        "series": [
            {"key": part.key, "label": part.label, "html_url": absolute(request, part.url)}
            for part in counts.series
        ],
        "years": [
            {"year": year, "counts": values, "total": total} for year, values, total in counts.table_rows()
        ],
        "undated": {"counts": counts.undated, "total": counts.undated_total},
        "total": counts.total,
    }


def one_choice(request, name: str, choices, default: str) -> str:
    """The value of a parameter that takes one of ``choices``; a 400 naming them otherwise."""
    values = request.query_params.getlist(name) or [default]
    if len(values) != 1 or values[0] not in choices:
        raise ValidationError(
            {name: [gettext("Give one of: %(choices)s.") % {"choices": ", ".join(choices)}]}, code="invalid"
        )
    return values[0]


class StatsView(QueryParameters, APIView):
    """A read-only count; the functions it calls apply the visibility rule."""

    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]
    parameters: list[OpenApiParameter] = []

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | {parameter.name for parameter in self.parameters}

    def respond(self, counts: stats.YearCounts) -> Response:
        return Response(YearCountsSerializer(year_counts_data(counts, self.request)).data)


GROUPS = ("dialogue", "kind")
# The events list's filters, but its order: counts have none.
EVENT_FILTERS = sorted(filterset_parameters(EventFilterSet) - {"ordering"})


class EventsPerYearView(StatsView):
    """Events per year, by dialogue (the eight with the most events, the others together, and the
    events of no dialogue) or by kind, among the events the events list would show for the same
    filters."""

    parameters = [
        OpenApiParameter(
            "group", OpenApiTypes.STR, enum=GROUPS, description="The parts of each bar (default `dialogue`)."
        ),
        *(
            OpenApiParameter(
                name,
                OpenApiTypes.STR,
                many=name not in {"when", "year", "starts_after", "starts_before", "updated_since"},
                description="As on `/api/v1/events/`.",
            )
            for name in EVENT_FILTERS
        ),
    ]

    @extend_schema(
        operation_id="stats_events_per_year",
        parameters=parameters,
        responses={200: YearCountsSerializer},
        examples=[EXAMPLE],
    )
    def get(self, request, *args, **kwargs):
        group = one_choice(request, "group", GROUPS, "dialogue")
        data = request.query_params.copy()
        data.pop("group", None)
        filterset = EventFilterSet(data, queryset=Event.objects.visible_to(request.user), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        events = filterset.qs
        if group == "kind":
            return self.respond(stats.events_per_year_by_kind(events))
        return self.respond(stats.events_per_year_by_dialogue(events, request.user))


TOPIC_GROUPS = ("topic", "record")
SLUG = re.compile(r"[-\w]{1,120}")
RECORDS = ("events", "publications")


class TopicsPerYearView(StatsView):
    """Events and publications about topics, per year: one series per topic (`group=topic`, the
    default: the topics named by `topic`, or the ten with the most), or one series each for events and
    publications about any of the topics named (`group=record`)."""

    parameters = [
        OpenApiParameter("topic", OpenApiTypes.STR, many=True, description="A topic's slug; repeatable."),
        OpenApiParameter("group", OpenApiTypes.STR, enum=TOPIC_GROUPS, description="Default `topic`."),
        OpenApiParameter(
            "record", OpenApiTypes.STR, enum=RECORDS, description="Count only events or only publications."
        ),
    ]

    @extend_schema(
        operation_id="stats_topics_per_year",
        parameters=parameters,
        responses={200: YearCountsSerializer},
        examples=[EXAMPLE],
    )
    def get(self, request, *args, **kwargs):
        group = one_choice(request, "group", TOPIC_GROUPS, "topic")
        records = (
            (one_choice(request, "record", RECORDS, ""),) if "record" in request.query_params else RECORDS
        )
        slugs = request.query_params.getlist("topic")
        if slugs:
            # A value that cannot be a slug (a null byte, say) is no topic, and never reaches the database.
            candidates = [slug for slug in slugs if SLUG.fullmatch(slug)]
            visible = Topic.objects.visible_to(request.user)
            found = {topic.slug: topic for topic in visible.filter(slug__in=candidates)} if candidates else {}
            missing = [repr(slug[:120]) for slug in slugs if slug not in found]
            if missing:
                raise ValidationError(
                    {"topic": [gettext("No such topic: %(slugs)s.") % {"slugs": ", ".join(missing)}]},
                    code="invalid_choice",
                )
            topics = [found[slug] for slug in dict.fromkeys(slugs)]
        elif group == "record":
            raise ValidationError({"topic": [gettext("Name a topic to count its records.")]}, code="required")
        else:
            topics = stats.leading_topics(request.user)
        if group == "record":
            return self.respond(stats.topic_records_per_year(topics, request.user, records))
        return self.respond(stats.topics_per_year(topics, request.user, records))


class OrganisationActivityView(StatsView):
    """An organisation's activity per year: the events it took part in, the roles it took up in
    dialogues and projects (at the year each began), the publications it wrote."""

    @extend_schema(
        operation_id="stats_organisation_activity",
        responses={200: YearCountsSerializer},
        examples=[EXAMPLE],
    )
    def get(self, request, slug, *args, **kwargs):
        organisation = Organisation.objects.visible_to(request.user).filter(slug=slug).first()
        if organisation is None:
            raise Http404
        return self.respond(stats.organisation_activity(organisation, request.user))
