from config.api.views import (
    RecordViewSet,
    RowViewSet,
)
from events import ical
from events.api import serializers
from events.api.renderers import GeoJSONRenderer, ICalendarRenderer
from events.filtersets import EventFilterSet, SessionFilterSet
from events.models import Event, Session


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
