"""The root URLconf: the admin, the probes, media, the API and the crawlers' files at fixed addresses,
then the site's own pages and each app's, in every language.

The pages are served under ``i18n_patterns``: English without a prefix (``/events/``), German under
``/de/``, Simplified Chinese under ``/zh-hans/`` (``settings.LANGUAGES``). The address alone names
the language (``config/operations/locale.py``); the language switch and the ``hreflang``
alternates link a page to itself in the others (``config/framework/languages.py``).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from config.atlas.media import serve_file
from config.atlas.sitemaps import SITEMAPS, robots_txt
from config.atlas.views import favicon
from config.operations.probes import healthz, readyz

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # Liveness (the process supervisor) and readiness (the load balancer): docs/operations.md.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Every uploaded file, through its record's visibility; the proxy or S3 may send the bytes
    # (config/atlas/media.py, docs/operations.md).
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_file, name="media"),
    # The API takes its language from ?lang= and Accept-Language, not from its address.
    path("api/", include("config.atlas.api_urls")),
    # One sitemap lists every page in every language, with its alternates.
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    # The admin's language menu (a POST that sets the language cookie; the admin follows it).
    path("i18n/", include("django.conf.urls.i18n")),
    *i18n_patterns(
        path("", include("config.atlas.urls")),
        path("", include("institutions.urls")),
        path("", include("dialogues.urls")),
        path("", include("projects.urls")),
        path("", include("events.urls")),
        prefix_default_language=False,
    ),
]

# JSON in the API's one error shape under /api/, the site's own pages everywhere else.
handler400 = "config.api.exceptions.bad_request"
handler403 = "config.api.exceptions.permission_denied"
handler404 = "config.api.exceptions.not_found"
handler500 = "config.api.exceptions.server_error"
