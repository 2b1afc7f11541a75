from django.urls import path

from config.views import RecordDetailView
from projects.models import Programme, Project

app_name = "projects"

urlpatterns = [
    path("projects/<slug:slug>/", RecordDetailView.as_view(model=Project), name="project-detail"),
    path("programmes/<slug:slug>/", RecordDetailView.as_view(model=Programme), name="programme-detail"),
]
