from django.urls import path

from institutions import views

app_name = "institutions"

urlpatterns = [
    path("institutions/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("institutions/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
]
