"""Feeds of events: an iCalendar feed of any filtered list, and RSS/Atom of new and updated events.

Every feed takes the query parameters of the event list (``?dialogue=t2d&kind=plenary``) through
``EventFilterSet``, applied to the events the requesting user may see. An invalid parameter is a
400 with a plain-text message naming it, never a 500.
"""

import datetime
import functools
import re

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, HttpResponseBadRequest
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from config.framework.dates import Precision
from config.framework.fields import country_choices
from dialogues.models import Dialogue
from events.filtersets import EventFilterSet
from events.models import Event

# A calendar client downloads the whole feed on every refresh; beyond this many events (the ones
# that start latest are kept) a subscriber should narrow the filter.
MAX_CALENDAR_EVENTS = 1000
MAX_FEED_ITEMS = 50

CALENDAR_STATUS = {
    Event.State.PLANNED: "TENTATIVE",
    Event.State.HELD: "CONFIRMED",
    # A postponed event's date no longer holds, but it has not been called off.
    Event.State.POSTPONED: "TENTATIVE",
    Event.State.CANCELLED: "CANCELLED",
}


class InvalidFilters(Exception):
    """The query string holds a value the event filters cannot accept."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def filtered_events(request) -> EventFilterSet:
    """The event filters of ``request``, over the events its user may see (validated)."""
    filterset = EventFilterSet(
        request.GET or None, queryset=Event.objects.visible_to(request.user), request=request
    )
    if filterset.is_bound and not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    return filterset


def invalid_filters_response(errors) -> HttpResponseBadRequest:
    lines = [
        _("Invalid query parameter “%(name)s”: %(message)s") % {"name": name, "message": " ".join(messages)}
        for name, messages in errors.items()
    ]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def describe_filters(filterset: EventFilterSet) -> str:
    """A title for the filtered list: "Dialogue Atlas events — Dialogue: T2D; Kind: plenary"."""
    title = _("Dialogue Atlas events")
    if not filterset.is_bound:
        return title
    parts = []
    for name, filter_ in filterset.filters.items():
        value = filterset.form.cleaned_data.get(name)
        if name == "ordering" or value in (None, "", [], ()):
            continue
        labels = choices_of(filter_)
        values = value if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
        shown = [str(labels.get(str(item), item)) if labels else describe_value(item) for item in values]
        if shown:
            parts.append(f"{filter_.label or name}: {', '.join(shown)}")
    return f"{title} — {'; '.join(parts)}" if parts else title


def choices_of(filter_) -> dict[str, str]:
    choices = filter_.extra.get("choices") or ()
    if callable(choices):
        choices = choices()
    return {str(value): label for value, label in choices}


def describe_value(value) -> str:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(getattr(value, "acronym", "") or value)


def events_list_url(filterset: EventFilterSet) -> str:
    """The HTML list these events come from, with the same filters."""
    query = filterset.request.GET.urlencode()
    path = reverse("events:event-list")
    return f"{path}?{query}" if query else path


def calendar_host(request) -> str:
    """The host part of UIDs: stable whatever port or scheme the request came in on."""
    host, _port = split_domain_port(request.get_host())
    return host or "dialogue-atlas"


def precision_note(event: Event) -> str:
    """Says how well the date is known when the all-day span stands for a month or a year."""
    precisions = {event.start_precision, event.end_precision if event.end_date else Precision.DAY}
    if Precision.YEAR in precisions:
        return _("Date known to the year: %(period)s") % {"period": event.period}
    if Precision.MONTH in precisions:
        return _("Date known to the month: %(period)s") % {"period": event.period}
    return ""


def country_names() -> dict[str, str]:
    """Country names by code, in the active language."""
    return _country_names(get_language())


@functools.lru_cache(maxsize=len(settings.LANGUAGES))
def _country_names(language: str) -> dict[str, str]:
    return {code: str(name) for code, name in country_choices()}


def event_location(event: Event, countries: dict[str, str]) -> str:
    """Venue, city and country, like ``Event.place``.

    ``Event.place`` looks the country up through the field's callable choices, which are rebuilt
    on every call (milliseconds each); a feed of a thousand events looks it up in one dict.
    """
    parts = (event.venue, event.city, countries.get(event.country, event.country))
    location = ", ".join(part for part in parts if part)
    return location or (_("Online") if event.mode == Event.Mode.ONLINE else "")


def calendar_event(event: Event, *, request, host: str, countries: dict[str, str]) -> icalendar.Event:
    """One VEVENT: all-day dates spanning the event's known period, the end exclusive."""
    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.pk}@{host}")
    vevent.add("dtstamp", event.updated_at)
    vevent.add("summary", event.name)
    vevent.add("dtstart", event.start.date)
    last_day = (event.end or event.start).last_day
    # DTEND is exclusive: the day after the last one (or the last date Python can hold).
    vevent.add("dtend", last_day + datetime.timedelta(days=1) if last_day < datetime.date.max else last_day)
    location = event_location(event, countries)
    if location:
        vevent.add("location", location)
    if event.latitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    vevent.add("url", request.build_absolute_uri(event.get_absolute_url()))
    description = "\n\n".join(part for part in (precision_note(event), event.summary) if part)
    if description:
        vevent.add("description", description)
    vevent.add("status", CALENDAR_STATUS[event.state])
    vevent.add("categories", [str(event.get_kind_display())])
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    return vevent


def event_calendar(request):
    """``/events/feed.ics``: the filtered events as an iCalendar feed to subscribe to.

    One all-day VEVENT per visible event that has a start date. At most ``MAX_CALENDAR_EVENTS``
    (1000) events are included: those that start latest, so every upcoming event is kept and the
    oldest fall off first.
    """
    try:
        filterset = filtered_events(request)
    except InvalidFilters as invalid:
        return invalid_filters_response(invalid.errors)
    events = filterset.qs.filter(start_date__isnull=False).order_by("-start_date", "-id")[
        :MAX_CALENDAR_EVENTS
    ]
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Dialogue Atlas//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", describe_filters(filterset))
    calendar.add(
        "x-wr-caldesc",
        _("Events from Dialogue Atlas: %(url)s")
        % {"url": request.build_absolute_uri(events_list_url(filterset))},
    )
    host = calendar_host(request)
    countries = country_names()
    for event in events:
        calendar.add_component(calendar_event(event, request=request, host=host, countries=countries))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="dialogue-atlas-events.ics"'
    return response


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text: str) -> str:
    """The text without the control characters XML 1.0 cannot carry (an editor may paste them)."""
    return CONTROL_CHARACTERS.sub("", str(text))


class EventUpdatesFeed(Feed):
    """``/events/feed.rss``: the 50 most recently created or updated events of a filtered list."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as invalid:
            return invalid_filters_response(invalid.errors)

    def get_object(self, request, *args, **kwargs):
        return filtered_events(request)

    def title(self, filterset):
        return describe_filters(filterset)

    def description(self, filterset):
        return _("New and updated events in Dialogue Atlas.")

    def link(self, filterset):
        return events_list_url(filterset)

    def feed_url(self, filterset):
        return filterset.request.get_full_path()

    def items(self, filterset):
        # An event may be public while its dialogue is not; the feed must not name such a dialogue.
        visible_dialogue = Dialogue.objects.visible_to(filterset.request.user).filter(
            pk=OuterRef("dialogue_id")
        )
        return (
            filterset.qs.select_related("dialogue")
            .annotate(dialogue_is_visible=Exists(visible_dialogue))
            .order_by("-updated_at", "-id")[:MAX_FEED_ITEMS]
        )

    def item_title(self, event):
        return xml_safe(event.name)

    def item_description(self, event):
        place = event_location(event, country_names())
        when_and_where = " · ".join(part for part in (event.period, place) if part)
        paragraphs = [when_and_where, *xml_safe(event.summary).split("\n\n")]
        return format_html_join("", "<p>{}</p>", ((text.strip(),) for text in paragraphs if text.strip()))

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        categories = [str(event.get_kind_display())]
        if event.dialogue_is_visible:
            categories.append(event.dialogue.acronym or event.dialogue.name)
        return [xml_safe(category) for category in categories]


class EventUpdatesAtomFeed(EventUpdatesFeed):
    """``/events/feed.atom``: the same items as the RSS feed, in Atom."""

    feed_type = Atom1Feed
    subtitle = EventUpdatesFeed.description
