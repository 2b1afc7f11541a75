from django.urls import path

from events import views
from events.feeds import EventUpdatesAtomFeed, EventUpdatesFeed, event_calendar, event_ics

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/calendar/", views.EventCalendarView.as_view(), name="event-calendar"),
    path("events/timeline/", views.EventTimelineView.as_view(), name="event-timeline"),
    path("events/feed.ics", event_calendar, name="event-feed-ics"),
    path("events/feed.rss", EventUpdatesFeed(), name="event-feed-rss"),
    path("events/feed.atom", EventUpdatesAtomFeed(), name="event-feed-atom"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events/<slug:slug>/event.ics", event_ics, name="event-ics"),
]
