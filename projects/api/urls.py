from rest_framework.routers import SimpleRouter

from projects.api import views

router = SimpleRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("project-contact-points", views.ProjectContactPointViewSet, basename="projectcontactpoint")

urlpatterns = router.urls
