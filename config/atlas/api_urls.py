"""``/api/v1/`` (every app's endpoints), ``/api/schema/`` and ``/api/docs/``."""

from django.conf import settings
from django.urls import include, path
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import APIRootView

from config.api import scopes
from config.api.parameters import QueryParameters
from config.api.search import SearchView
from config.atlas.changes import ChangesView
from config.atlas.endpoints import APP_APIS
from config.atlas.geography import MapView
from config.atlas.network import NetworkAPIView
from config.atlas.stats_api import EventsPerYearView, OrganisationActivityView, TopicsPerYearView


class APIRoot(QueryParameters, APIRootView):
    """The list of endpoints; it takes no parameter but ``format``."""


def root_view():
    endpoints = {
        prefix: f"{basename}-list" for api in APP_APIS for prefix, _viewset, basename in api.router.registry
    }
    # Besides these two, the root lists kinds of record only: a partner's copy takes every other
    # entry for one (docs/api.md, docs/examples/sync_client.py). The data of the pictures (timeline,
    # map, network, stats) is in the schema, not here.
    endpoints["search"] = "search"
    endpoints["changes"] = "changes"
    return APIRoot.as_view(api_root_dict=endpoints)


# Each endpoint names its write scope (``write:events``); config.api.scopes names no app itself.
for api in APP_APIS:
    for prefix, viewset, _basename in api.router.registry:
        scopes.register(prefix, viewset)

v1 = [
    path("", root_view(), name="api-root"),
    path("search/", SearchView.as_view(), name="search"),
    path("changes/", ChangesView.as_view(), name="changes"),
    path("map/", MapView.as_view(), name="map"),
    path("network/", NetworkAPIView.as_view(), name="network"),
    path("stats/events-per-year/", EventsPerYearView.as_view(), name="stats-events-per-year"),
    path("stats/topics-per-year/", TopicsPerYearView.as_view(), name="stats-topics-per-year"),
    path(
        "stats/organisations/<slug:slug>/activity/",
        OrganisationActivityView.as_view(),
        name="stats-organisation-activity",
    ),
    *(path("", include(api)) for api in APP_APIS),
]

# Redoc's bundle needs two exceptions to the site's policy, on its page only: it runs its search
# index in a worker it creates from a blob: URL, and on loading (before it learns the nonce) it
# injects the stylesheet of its scroll bars, allowed by the hash of its exact text (and the empty
# style element it starts from). tests/browser/test_csp.py notices if either changes.
REDOC_CSP = {
    **settings.SECURE_CSP,
    "style-src": [
        *settings.SECURE_CSP["style-src"],
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
        "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
    ],
    "worker-src": ["'self'", "blob:"],
}

urlpatterns = [
    path("v1/", include((v1, "api"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "docs/redoc/",
        csp_override(REDOC_CSP)(SpectacularRedocView.as_view(url_name="api-schema")),
        name="api-redoc",
    ),
]
