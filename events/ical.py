"""iCalendar (RFC 5545) for events: the one writer behind ``/events/feed.ics`` and ``?format=ics`` of the API.

Both write the same VEVENT for an event (the same UID, dates and texts), so a client subscribed to
both sees each event once. An event is an all-day entry over the period its dates are known to
("May 2024" spans May); an event without a start date has no place in a calendar and is left out.
"""

import datetime

import icalendar
from django.http.request import split_domain_port
from django.utils.translation import gettext as _

from config.framework.dates import Precision
from config.framework.links import absolute
from events.models import Event

PRODID = "-//Dialogue Atlas//Events//EN"
# The long texts a VEVENT shows, which a list that only shows a row leaves unread.
TEXT_FIELDS = ("summary",)

CALENDAR_STATUS = {
    Event.State.PLANNED: "TENTATIVE",
    Event.State.HELD: "CONFIRMED",
    # A postponed event's date no longer holds, but it has not been called off.
    Event.State.POSTPONED: "TENTATIVE",
    Event.State.CANCELLED: "CANCELLED",
}


def calendar_host(request) -> str:
    """The host part of UIDs: the same whatever port or scheme the request came in on."""
    host, _port = split_domain_port(request.get_host())
    return host or "dialogue-atlas"


def event_uid(event: Event, host: str) -> str:
    """``event-<id>@<host>``.

    The id never changes (a slug may be edited), so the UID is stable; the host is a name this
    installation owns, so no other calendar issues the same UID. A fixed suffix such as
    ``@dialogue-atlas`` would be the same in every installation (a staging copy, another
    organisation's atlas), and a client subscribed to two would merge their different events.
    RFC 5545 (3.8.4.7) asks for exactly this: an identifier unique to the host on its right.
    """
    return f"event-{event.pk}@{host}"


def precision_note(event: Event) -> str:
    """Says how well the date is known when the all-day span stands for a month or a year."""
    precisions = {event.start_precision, event.end_precision if event.end_date else Precision.DAY}
    if Precision.YEAR in precisions:
        return _("Date known to the year: %(period)s") % {"period": event.period}
    if Precision.MONTH in precisions:
        return _("Date known to the month: %(period)s") % {"period": event.period}
    return ""


def known_to_the_day(event: Event) -> bool:
    """Whether the event can be added to a calendar on its own: its start, and its end if it has
    one, are known to the day. An event known only to the month or year would sit in the calendar
    as a month-long or year-long entry, which tells the reader nothing; a feed keeps such entries
    (with a note of the precision) so that a subscriber sees the event at all."""
    if event.start_date is None or event.start_precision != Precision.DAY:
        return False
    return event.end_date is None or event.end_precision == Precision.DAY


def calendar_event(event: Event, *, request, host: str) -> icalendar.Event:
    """One VEVENT: all-day dates spanning the event's known period, the end exclusive."""
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event, host))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("summary", event.name)
    vevent.add("dtstart", event.start.date)
    last_day = (event.end or event.start).last_day
    if last_day < datetime.date.max:
        # DTEND is exclusive: the day after the last one.
        vevent.add("dtend", last_day + datetime.timedelta(days=1))
    else:
        # The day after 31 December 9999 is no date; a duration says the same without it.
        vevent.add("duration", last_day - event.start.date + datetime.timedelta(days=1))
    location = event.location
    if location:
        vevent.add("location", location)
    if event.latitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    vevent.add("url", absolute(request, event.get_absolute_url()))
    description = "\n\n".join(part for part in (precision_note(event), event.summary) if part)
    if description:
        vevent.add("description", description)
    vevent.add("status", CALENDAR_STATUS[event.state])
    if event.kind:  # a kind not stated is no category
        vevent.add("categories", [str(event.get_kind_display())])
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    return vevent


def write_event(event: Event, *, request) -> bytes:
    """One event as an iCalendar file, with the same VEVENT (and UID) as the feeds give it."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(calendar_event(event, request=request, host=calendar_host(request)))
    return calendar.to_ical()


def write_calendar(events, *, request, name: str = "", description: str = "") -> bytes:
    """``events`` as an iCalendar file: a VEVENT for each that has a start date."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    host = calendar_host(request)
    for event in events:
        if event.start_date is not None:
            calendar.add_component(calendar_event(event, request=request, host=host))
    return calendar.to_ical()
