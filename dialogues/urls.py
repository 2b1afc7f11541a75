from django.urls import path

from config.views import RecordDetailView
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup

app_name = "dialogues"

urlpatterns = [
    path("dialogues/<slug:slug>/", RecordDetailView.as_view(model=Dialogue), name="dialogue-detail"),
    path(
        "working-groups/<slug:slug>/",
        RecordDetailView.as_view(model=WorkingGroup),
        name="working-group-detail",
    ),
    path("topics/<slug:slug>/", RecordDetailView.as_view(model=Topic), name="topic-detail"),
    path("publications/<slug:slug>/", RecordDetailView.as_view(model=Publication), name="publication-detail"),
]
