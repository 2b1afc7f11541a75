"""The root URLconf: the admin, the probes and media, the site's own pages, then each app's."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from config.atlas.media import serve_file
from config.operations.probes import healthz, readyz

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # Liveness (the process supervisor) and readiness (the load balancer): docs/operations.md.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Every uploaded file, through its record's visibility; the proxy or S3 may send the bytes
    # (config/atlas/media.py, docs/operations.md).
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_file, name="media"),
    path("", include("config.atlas.urls")),
    path("", include("institutions.urls")),
    path("", include("dialogues.urls")),
    path("", include("projects.urls")),
    path("", include("events.urls")),
]

# JSON in the API's one error shape under /api/, the site's own pages everywhere else.
handler400 = "config.api.exceptions.bad_request"
handler403 = "config.api.exceptions.permission_denied"
handler404 = "config.api.exceptions.not_found"
handler500 = "config.api.exceptions.server_error"
