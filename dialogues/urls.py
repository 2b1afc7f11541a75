from django.urls import path

from dialogues import views

app_name = "dialogues"

urlpatterns = [
    path("dialogues/", views.DialogueListView.as_view(), name="dialogue-list"),
    path("dialogues/<slug:slug>/", views.DialogueDetailView.as_view(), name="dialogue-detail"),
    path("working-groups/<slug:slug>/", views.WorkingGroupDetailView.as_view(), name="working-group-detail"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("publications/", views.PublicationListView.as_view(), name="publication-list"),
    path("publications/<slug:slug>/", views.PublicationDetailView.as_view(), name="publication-detail"),
]
