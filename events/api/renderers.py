"""The formats only events have in the API: iCalendar and GeoJSON."""

import json

from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from config.api.renderers import records_of, rows_of
from events.ical import write_calendar


class ICalendarRenderer(renderers.BaseRenderer):
    """Events as iCalendar, each VEVENT as ``/events/feed.ics`` writes it (``events.ical``)."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"
    openapi_schema = {"type": "string", "description": "iCalendar (RFC 5545): one VEVENT per event."}

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return write_calendar(records_of(data), request=renderer_context["request"])


class GeoJSONRenderer(renderers.BaseRenderer):
    """Events with coordinates as a GeoJSON FeatureCollection (paging as in JSON)."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None
    openapi_schema = {
        "type": "object",
        "description": "GeoJSON (RFC 7946): a FeatureCollection of the events with coordinates, each a "
        "Point whose properties are the event's fields.",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string", "enum": ["Feature"]},
                        "id": {"type": "integer"},
                        "geometry": {
                            "type": "object",
                            "properties": {
                                "type": {"type": "string", "enum": ["Point"]},
                                "coordinates": {"type": "array", "items": {"type": "number"}},
                            },
                            "required": ["type", "coordinates"],
                        },
                        "properties": {"type": "object", "additionalProperties": True},
                    },
                    "required": ["type", "id", "geometry", "properties"],
                },
            },
        },
        "required": ["type", "features"],
    }

    def render(self, data, accepted_media_type=None, renderer_context=None):
        features = []
        for event in rows_of(data):
            if event.get("latitude") is None or event.get("longitude") is None:
                continue
            properties = {key: value for key, value in event.items() if key not in ("latitude", "longitude")}
            features.append(
                {
                    "type": "Feature",
                    "id": event.get("id"),
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(event["longitude"]), float(event["latitude"])],
                    },
                    "properties": properties,
                }
            )
        collection = {"type": "FeatureCollection", "features": features}
        return json.dumps(collection, cls=JSONEncoder, ensure_ascii=False).encode()
