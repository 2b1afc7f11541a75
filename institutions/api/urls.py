from rest_framework.routers import SimpleRouter

from institutions.api import views

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("people", views.PersonViewSet, basename="person")
router.register(
    "organisation-contact-points", views.OrganisationContactPointViewSet, basename="organisationcontactpoint"
)

urlpatterns = router.urls
