"""``/api/v1/`` (every app's endpoints), ``/api/schema/`` and ``/api/docs/``."""

from importlib import import_module

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import APIRootView

from config.api.search import SearchView

API_APPS = ["institutions", "dialogues", "projects", "events"]


def root_view():
    endpoints = {}
    for app in API_APPS:
        for prefix, _viewset, basename in import_module(f"{app}.api.urls").router.registry:
            endpoints[prefix] = f"{basename}-list"
    endpoints["search"] = "search"
    return APIRootView.as_view(api_root_dict=endpoints)


v1 = [
    path("", root_view(), name="api-root"),
    path("search/", SearchView.as_view(), name="search"),
    *(path("", include(f"{app}.api.urls")) for app in API_APPS),
]

urlpatterns = [
    path("v1/", include((v1, "api"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
