"""Feeds and machine-readable pages: iCalendar and RSS/Atom feeds, sitemap.xml, robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from config.sitemaps import SITEMAPS, robots_txt
from events.feeds import EventUpdatesAtomFeed, EventUpdatesFeed, event_calendar

urlpatterns = [
    path("events/feed.ics", event_calendar, name="event-feed-ics"),
    path("events/feed.rss", EventUpdatesFeed(), name="event-feed-rss"),
    path("events/feed.atom", EventUpdatesAtomFeed(), name="event-feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
