from django.urls import path

from config.views import RecordDetailView
from events.models import Event

app_name = "events"

urlpatterns = [
    path("events/<slug:slug>/", RecordDetailView.as_view(model=Event), name="event-detail"),
]
