from django.urls import path
from rest_framework.routers import SimpleRouter

from events.api import views

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("event-places", views.EventPlaceViewSet, basename="eventplace")

urlpatterns = [
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    *router.urls,
]
