"""The site's own pages across every app: home, search, the map, the network and the pages about the
atlas (About, Methodology, Licence, How to cite), in every language (``config/urls.py``).

The API, sitemap.xml and robots.txt have addresses without a language; the root URLconf names them.
"""

from django.urls import path

from config.atlas.geography import MapPageView
from config.atlas.network import NetworkView
from config.atlas.views import HomeView, MethodologyView, SearchView, SitePageView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    # What the atlas is, where its data comes from, on what terms it may be reused, how to cite it.
    path("about/", SitePageView.as_view(template_name="pages/about.html"), name="about"),
    path("methodology/", MethodologyView.as_view(), name="methodology"),
    path("licence/", SitePageView.as_view(template_name="pages/licence.html"), name="licence"),
    path("cite/", SitePageView.as_view(template_name="pages/cite.html"), name="cite"),
    path("map/", MapPageView.as_view(), name="map"),
    path("network/", NetworkView.as_view(), name="network"),
]
