"""Feeds and machine-readable pages: iCalendar and RSS/Atom feeds, sitemap.xml, robots.txt."""

from django.urls import path

from events.feeds import EventUpdatesAtomFeed, EventUpdatesFeed, event_calendar

urlpatterns = [
    path("events/feed.ics", event_calendar, name="event-feed-ics"),
    path("events/feed.rss", EventUpdatesFeed(), name="event-feed-rss"),
    path("events/feed.atom", EventUpdatesAtomFeed(), name="event-feed-atom"),
]
