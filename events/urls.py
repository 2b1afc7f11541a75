from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/calendar/", views.EventCalendarView.as_view(), name="event-calendar"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
]
