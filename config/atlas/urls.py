"""The site's own pages across every app: home, search, the network (in every language, ``config/urls.py``).

The API, sitemap.xml and robots.txt have addresses without a language; the root URLconf names them.
"""

from django.urls import path

from config.atlas.network import NetworkView
from config.atlas.views import HomeView, SearchView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("network/", NetworkView.as_view(), name="network"),
]
