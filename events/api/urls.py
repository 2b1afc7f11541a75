from rest_framework.routers import SimpleRouter

from events.api import views

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("sessions", views.SessionViewSet, basename="session")

urlpatterns = router.urls
