"""Events and their sessions in the API."""

from rest_framework import serializers

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
from events.models import Event, EventParticipation, EventPlace, EventSpeaker, Photo, Session
from projects.models import Project

COORDINATE = {"max_digits": 9, "decimal_places": 6, "allow_null": True, "required": False}


def event_references(user):
    """Prefetches of the foreign keys and topics of an event, each only if the user may see it,
    shown as references."""
    return (
        prefetch_visible("parent", Event, user, reference=True),
        prefetch_visible("dialogue", Dialogue, user, reference=True),
        prefetch_visible("working_group", WorkingGroup, user, reference=True),
        prefetch_visible("topics", Topic, user, reference=True, many=True),
    )


class PlaceSummarySerializer(RowSerializer):
    """A further place in an event list's row: its place, without the row's own address, so that a
    CSV cell shows the place itself."""

    latitude = serializers.DecimalField(**COORDINATE, read_only=True)
    longitude = serializers.DecimalField(**COORDINATE, read_only=True)

    class Meta:
        model = EventPlace
        fields = ["order", "venue", "city", "country", "latitude", "longitude"]


class EventSummarySerializer(PeriodFields, RecordSerializer):
    latitude = serializers.DecimalField(**COORDINATE, read_only=True)
    longitude = serializers.DecimalField(**COORDINATE, read_only=True)
    places = PlaceSummarySerializer(source="shown_further_places", many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            *RECORD_FIELDS,
            "name",
            "kind",
            "state",
            "mode",
            *PERIOD_FIELDS,
            "venue",
            "city",
            "country",
            "latitude",
            "longitude",
            "places",
            "number",
            "parent",
            "dialogue",
            "working_group",
            "topics",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(*event_references(user)).with_places(user)


PLACE_FIELDS = ["order", "venue", "city", "country", "latitude", "longitude", "coordinates_source"]


class PlaceRowSerializer(RowSerializer, ApiUrl):
    """A further place of an event, nested in it (written at ``event-places/``)."""

    latitude = serializers.DecimalField(**COORDINATE, read_only=True)
    longitude = serializers.DecimalField(**COORDINATE, read_only=True)

    class Meta:
        model = EventPlace
        fields = ["id", "url", *PLACE_FIELDS]


class SessionRowSerializer(RowSerializer, ApiUrl):
    class Meta:
        model = Session
        fields = ["id", "url", "order", "title", "date", "description"]


class ParticipationSerializer(RowSerializer):
    class Meta:
        model = EventParticipation
        fields = ["organisation", "role", "note"]


class SpeakerSerializer(RowSerializer):
    class Meta:
        model = EventSpeaker
        fields = ["order", "person", "role", "organisation"]


class PhotoSerializer(RowSerializer):
    class Meta:
        model = Photo
        fields = ["order", "image", "caption", "alt_text", "credit", "licence"]


class EventSerializer(PeriodFields, RecordSerializer):
    latitude = StrictDecimalField(**COORDINATE, min_value=-90, max_value=90)
    longitude = StrictDecimalField(**COORDINATE, min_value=-180, max_value=180)
    places = PlaceRowSerializer(many=True, read_only=True)
    participations = ParticipationSerializer(many=True, read_only=True)
    speakers = SpeakerSerializer(many=True, read_only=True)
    sessions = SessionRowSerializer(many=True, read_only=True)
    photos = PhotoSerializer(many=True, read_only=True)
    children = ReferenceField(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            *RECORD_FIELDS,
            "name",
            "kind",
            "state",
            "mode",
            *PERIOD_FIELDS,
            "venue",
            "city",
            "country",
            "latitude",
            "longitude",
            "places",
            "number",
            "parent",
            "children",
            "dialogue",
            "working_group",
            "projects",
            "summary",
            "description",
            "outcomes",
            "editor_note",
            "participant_count",
            "topics",
            "documents",
            "participations",
            "speakers",
            "sessions",
            "photos",
            *STATE_FIELDS,
        ]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.prefetch_related(
            *event_references(user),
            prefetch_visible("children", Event, user, reference=True, many=True),
            prefetch_visible("projects", Project, user, reference=True, many=True),
            prefetch_visible("documents", Publication, user, reference=True, many=True),
            prefetch_visible("participations", EventParticipation, user, select_related=("organisation",)),
            prefetch_visible("speakers", EventSpeaker, user, select_related=("person", "organisation")),
            prefetch_visible("places", EventPlace, user),
            prefetch_visible("sessions", Session, user),
            prefetch_visible("photos", Photo, user),
        )


class SessionSerializer(RecordSerializer):
    class Meta:
        model = Session
        fields = ["id", "url", "event", "order", "title", "date", "description", "topics", *STATE_FIELDS]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("event").prefetch_related(
            prefetch_visible("topics", Topic, user, reference=True, many=True)
        )


class EventPlaceSerializer(RecordSerializer):
    """A further place at its own endpoint, where it is written: coordinates left out are the
    gazetteer's for its city."""

    latitude = StrictDecimalField(**COORDINATE, min_value=-90, max_value=90)
    longitude = StrictDecimalField(**COORDINATE, min_value=-180, max_value=180)

    class Meta:
        model = EventPlace
        fields = ["id", "url", "event", *PLACE_FIELDS, *STATE_FIELDS]
        read_only_fields = ["coordinates_source"]

    @classmethod
    def eager_load(cls, queryset, user):
        return queryset.select_related("event")
