from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path, re_path

from config.uploads import serve_media
from config.views import HomeView, SearchView


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # In production the reverse proxy serves these itself, with the same headers (docs/operations.md).
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_media, name="media"),
    path("api/", include("config.api.urls")),
    path("", include("config.feeds_urls")),
    path("", include("institutions.urls")),
    path("", include("dialogues.urls")),
    path("", include("projects.urls")),
    path("", include("events.urls")),
]
