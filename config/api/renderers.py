"""Formats besides JSON: CSV for every list, iCalendar and GeoJSON for events, NDJSON and CSV exports."""

import csv
import datetime
import io
import json
from decimal import Decimal

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from config.framework.dates import PartialDate, Precision

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def rows_of(data) -> list[dict]:
    """The records of a paginated list, a plain list, or one record."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else []


def csv_cell(value):
    """A value as a spreadsheet cell: references by slug, lists joined, text defused."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("slug") or value.get("id") or json.dumps(value, cls=JSONEncoder)
    elif isinstance(value, list):
        value = "; ".join(str(csv_cell(item)) for item in value)
    if isinstance(value, bool | int | float | Decimal):
        return value
    value = str(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class CSVRenderer(renderers.BaseRenderer):
    """One row per record of the page, one column per field; paging as in JSON (Link header)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = rows_of(data)
        columns = list(rows[0]) if rows else []
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(column)) for column in columns])
        return buffer.getvalue().encode(self.charset)


class _Line:
    """A file-like object that hands back what the csv writer writes, for streaming."""

    def write(self, text: str) -> str:
        return text


def csv_lines(columns: list[str], rows, batch: int = 200):
    """A header and one line per row, as bytes, ``batch`` lines at a time (a streamed export)."""
    writer = csv.writer(_Line())
    lines = [writer.writerow(columns)]
    for row in rows:
        lines.append(writer.writerow([csv_cell(row.get(column)) for column in columns]))
        if len(lines) >= batch:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


def parse_partial(value: str | None, precision: str) -> PartialDate | None:
    if not value:
        return None
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    return PartialDate(datetime.date(year, month, day), precision)


class ICalendarRenderer(renderers.BaseRenderer):
    """Events as an iCalendar feed; dates known only to the month or year span that period."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        calendar = Calendar()
        calendar.add("prodid", "-//Dialogue Atlas//API//EN")
        calendar.add("version", "2.0")
        for event in rows_of(data):
            start = parse_partial(event.get("start"), event.get("start_precision", Precision.DAY))
            if start is None:
                continue
            end = parse_partial(event.get("end"), event.get("end_precision", Precision.DAY)) or start
            entry = CalendarEvent()
            entry.add("uid", f"event-{event['id']}@dialogue-atlas")
            entry.add("summary", event.get("name", ""))
            entry.add("dtstart", start.date)
            if end.last_day < datetime.date.max:
                entry.add("dtend", end.last_day + datetime.timedelta(days=1))
            else:
                # The day after 31 December 9999 is no date; a duration says the same without it.
                entry.add("duration", end.last_day - start.date + datetime.timedelta(days=1))
            entry.add("dtstamp", datetime.datetime.fromisoformat(event["updated_at"]))
            if event.get("html_url"):
                entry.add("url", event["html_url"])
            place = ", ".join(
                part for part in (event.get("venue"), event.get("city"), event.get("country")) if part
            )
            if place:
                entry.add("location", place)
            if start.precision != Precision.DAY:
                entry.add("description", f"Date known only to the {start.precision}.")
            calendar.add_component(entry)
        return calendar.to_ical()


class GeoJSONRenderer(renderers.BaseRenderer):
    """Events with coordinates as a GeoJSON FeatureCollection (paging as in JSON)."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None

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


class NDJSONRenderer(renderers.BaseRenderer):
    """Newline-delimited JSON, one record a line; used by the streamed exports."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b"".join(ndjson_line(row) for row in rows_of(data))


def ndjson_line(row) -> bytes:
    return (json.dumps(row, cls=JSONEncoder, ensure_ascii=False) + "\n").encode()
