from rest_framework.routers import SimpleRouter

from dialogues.api import views

router = SimpleRouter()
router.register("topics", views.TopicViewSet, basename="topic")
router.register("dialogues", views.DialogueViewSet, basename="dialogue")
router.register("phases", views.PhaseViewSet, basename="phase")
router.register("working-groups", views.WorkingGroupViewSet, basename="workinggroup")
router.register("dialogue-roles", views.DialogueRoleViewSet, basename="dialoguerole")
router.register("publications", views.PublicationViewSet, basename="publication")

urlpatterns = router.urls
