from django.urls import path

from config.views import RecordDetailView
from institutions.models import Organisation, Person

app_name = "institutions"

urlpatterns = [
    path(
        "organisations/<slug:slug>/", RecordDetailView.as_view(model=Organisation), name="organisation-detail"
    ),
    path("people/<slug:slug>/", RecordDetailView.as_view(model=Person), name="person-detail"),
]
