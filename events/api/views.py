import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.conditional import representation_etag
from config.api.languages import asked_language
from config.api.parameters import QueryParameters, filterset_parameters
from config.api.permissions import TokenScope
from config.api.views import (
    NUL,
    RecordViewSet,
    RowViewSet,
)
from config.operations.cache import conditional_response, is_anonymous_request
from events import ical, timeline
from events.api import serializers
from events.api.renderers import GeoJSONRenderer, ICalendarRenderer
from events.filtersets import EventFilterSet, EventPlaceFilterSet, SessionFilterSet
from events.models import Event, EventPlace, Session


class EventViewSet(RecordViewSet):
    queryset = Event.objects.all()
    serializer_class = serializers.EventSerializer
    summary_serializer_class = serializers.EventSummarySerializer
    filterset_class = EventFilterSet
    renderer_classes = [*RecordViewSet.renderer_classes, ICalendarRenderer, GeoJSONRenderer]

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.accepted_format() == GeoJSONRenderer.format:
            # A map shows only the events it can place.
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        return queryset

    def shown_fields(self):
        fields = super().shown_fields()
        if self.accepted_format() == ICalendarRenderer.format:
            # A calendar entry shows texts the list leaves out (the summary).
            return [*fields, *ical.TEXT_FIELDS]
        return fields


class SessionViewSet(RowViewSet):
    queryset = Session.objects.all()
    serializer_class = serializers.SessionSerializer
    filterset_class = SessionFilterSet


class EventPlaceViewSet(RowViewSet):
    queryset = EventPlace.objects.all()
    serializer_class = serializers.EventPlaceSerializer
    filterset_class = EventPlaceFilterSet


def timeline_parameters() -> list[OpenApiParameter]:
    """The event list's filters, which the timeline takes, for its schema."""
    return [
        OpenApiParameter(
            name,
            OpenApiTypes.DATE if isinstance(filter_, django_filters.DateFilter) else OpenApiTypes.STR,
            many=isinstance(filter_, django_filters.MultipleChoiceFilter),
            description=str(filter_.label or name),
        )
        for name, filter_ in EventFilterSet.base_filters.items()
        if name != "ordering"
    ]


class TimelineLaneSerializer(drf.Serializer):
    key = drf.CharField(help_text="The dialogue's slug, or `other` for events of no dialogue.")
    name = drf.CharField()
    url = drf.CharField(help_text="The dialogue's page (empty for the lane of no dialogue).")
    phases = drf.ListField(
        child=drf.ListField(child=drf.JSONField()),
        help_text="The dialogue's phases, as rows of `phase_columns`.",
    )


class TimelineSerializer(drf.Serializer):
    total = drf.IntegerField(help_text="How many events (with a start date) match the filters.")
    dialogues = drf.IntegerField(help_text="How many dialogues those events belong to.")
    mode = drf.CharField(
        help_text=f"`marks` (one row per event) up to {timeline.MAX_MARKS} events, else `counts`."
    )
    bucket = drf.CharField(help_text="What a count counts over: `year` or `month`.")
    max_marks = drf.IntegerField(help_text="The most events sent as marks.")
    first = drf.DateField(allow_null=True, help_text="The first day the events cover.")
    last = drf.DateField(allow_null=True, help_text="The last day the events cover.")
    kinds = drf.ListField(
        child=drf.CharField(allow_null=True),
        help_text="The kinds marks refer to (`Event.kind`'s values; null where the kind is not stated).",
    )
    event_url = drf.CharField(help_text="An event's page, with `{slug}` for its slug.")
    lanes = TimelineLaneSerializer(many=True)
    mark_columns = drf.ListField(child=drf.CharField())
    marks = drf.ListField(
        child=drf.ListField(child=drf.JSONField()),
        help_text=(
            "One row per event, as `mark_columns`: lane (index into `lanes`), kind (index into `kinds`), "
            "first and last day covered (a month's event covers the month), the start's precision "
            "(`day`, `month`, `year`), slug, name, and its dates as the language writes them."
        ),
    )
    phase_columns = drf.ListField(child=drf.CharField())
    count_columns = drf.ListField(child=drf.CharField())
    counts = drf.ListField(
        child=drf.ListField(child=drf.JSONField()),
        help_text="In `counts` mode: lane index, year (`2024`) or month (`2024-05`), number of events.",
    )


class TimelineView(QueryParameters, APIView):
    """The events matching the event list's filters, on a timeline: one lane per dialogue.

    Takes every filter of `/api/v1/events/`; `starts_after` and `starts_before` narrow it to the
    range a client shows. Above `max_marks` events it sends counts per lane and year (or month)
    instead of marks, so that the answer stays small whatever the number of events.
    """

    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | filterset_parameters(EventFilterSet)

    @extend_schema(
        operation_id="timeline",
        parameters=timeline_parameters(),
        responses={200: TimelineSerializer},
    )
    def get(self, request, *args, **kwargs):
        for name, values in request.query_params.lists():
            if NUL in name or any(NUL in value for value in values):
                message = gettext("Null characters are not allowed.")
                raise ValidationError({name.replace(NUL, ""): [message]})
        params = request.query_params.copy()
        params.pop("format", None)
        params.pop("lang", None)
        filterset = EventFilterSet(params, queryset=Event.objects.visible_to(request.user), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        built = timeline.build_timeline(filterset.qs, request.user)
        event_url = request.build_absolute_uri(
            reverse("events:event-detail", kwargs={"slug": "SLUG"})
        ).replace("SLUG", "{slug}")
        response = Response(TimelineSerializer(timeline.payload(built, event_url)).data)
        response["ETag"] = representation_etag(response.data, "json", asked_language(request))
        response["Cache-Control"] = (
            f"public, max-age={settings.HTTP_CACHE_MAX_AGE}"
            if not request.user.is_authenticated and is_anonymous_request(request)
            else "private, no-store"
        )
        return conditional_response(request, response)
