"""Feeds of events: an iCalendar feed of any filtered list, and RSS/Atom of new and updated events.

Every feed takes the query parameters of the event list (``?dialogue=t2d&kind=plenary``) through
``EventFilterSet``, applied to the events the requesting user may see. An invalid parameter is a
400 with a plain-text message naming it, never a 500.
"""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from config.framework.fallback import text_language
from config.framework.views import choice_labels
from dialogues.models import Dialogue
from events.filtersets import EventFilterSet
from events.ical import known_to_the_day, write_calendar, write_event
from events.models import Event

# A calendar client downloads the whole feed on every refresh; beyond this many events (the ones
# that start latest are kept) a subscriber should narrow the filter.
MAX_CALENDAR_EVENTS = 1000
MAX_FEED_ITEMS = 50


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
        labels = choice_labels(filter_)
        values = value if isinstance(value, list | tuple) or hasattr(value, "model") else [value]
        shown = [str(labels.get(str(item), item)) if labels else describe_value(item) for item in values]
        if shown:
            parts.append(f"{filter_.label or name}: {', '.join(shown)}")
    return f"{title} — {'; '.join(parts)}" if parts else title


def describe_value(value) -> str:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(getattr(value, "acronym", "") or value)


def events_list_url(filterset: EventFilterSet) -> str:
    """The HTML list these events come from, with the same filters."""
    query = filterset.request.GET.urlencode()
    path = reverse("events:event-list")
    return f"{path}?{query}" if query else path


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
    events = (
        filterset.qs.filter(start_date__isnull=False)
        .order_by("-start_date", "-id")
        .with_places(request.user)[:MAX_CALENDAR_EVENTS]
    )
    content = write_calendar(
        events,
        request=request,
        name=describe_filters(filterset),
        description=_("Events from Dialogue Atlas: %(url)s")
        % {"url": request.build_absolute_uri(events_list_url(filterset))},
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="dialogue-atlas-events.ics"'
    return response


def event_ics(request, slug):
    """``/events/<slug>/event.ics``: one event to add to a calendar ("Add to calendar").

    An all-day entry over the event's days. An event whose day is not known is a 404 that says
    why (its page says so too, and offers no link): a month-long entry would mislead.
    """
    event = get_object_or_404(Event.objects.visible_to(request.user).with_places(request.user), slug=slug)
    if not known_to_the_day(event):
        return HttpResponseNotFound(
            _("The day of this event is not known, so it cannot be added to a calendar."),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(write_event(event, request=request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
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
            .with_places(filterset.request.user)
            .annotate(dialogue_is_visible=Exists(visible_dialogue))
            .order_by("-updated_at", "-id")[:MAX_FEED_ITEMS]
        )

    def item_title(self, event):
        return xml_safe(event.name)

    def item_description(self, event):
        when_and_where = " · ".join(part for part in (event.period, event.location) if part)
        paragraphs = [when_and_where, *xml_safe(event.summary).split("\n\n")]
        return format_html_join("", "<p>{}</p>", ((text.strip(),) for text in paragraphs if text.strip()))

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_extra_kwargs(self, event):
        # The language of the entry's text: the page's, or the fallback's when the event's name has
        # no text in it (an Atom entry says so as its xml:lang; RSS has no language per item).
        return {"language": text_language(event, "name")[1]}

    def item_categories(self, event):
        # A kind not stated is no category, as in the iCalendar feed.
        categories = [str(event.get_kind_display())] if event.kind else []
        if event.dialogue_is_visible:
            categories.append(event.dialogue.acronym or event.dialogue.name)
        return [xml_safe(category) for category in categories]


class LanguageTaggedAtom1Feed(Atom1Feed):
    """Atom whose entries carry their own language (``xml:lang``) when it is not the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class EventUpdatesAtomFeed(EventUpdatesFeed):
    """``/events/feed.atom``: the same items as the RSS feed, in Atom."""

    feed_type = LanguageTaggedAtom1Feed
    subtitle = EventUpdatesFeed.description
