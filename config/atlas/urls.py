"""The site's own addresses across every app: home, search, the API, sitemap.xml and robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from config.atlas.sitemaps import SITEMAPS, robots_txt
from config.atlas.views import HomeView, SearchView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("api/", include("config.atlas.api_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
