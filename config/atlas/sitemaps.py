"""What crawlers may read and where to find it: sitemap.xml and robots.txt.

The sitemap lists only what an anonymous visitor may see (published and public), one section per
model that has a page of its own, each page in every language (``/events/x/``, ``/de/events/x/``,
``/zh-hans/events/x/``), each with its ``hreflang`` alternates and ``x-default`` (the English page),
the languages written as in the pages' head (``zh-Hans``, ``config/framework/languages.py``). A
section holds up to 50,000 URLs (the protocol's limit) — some 16,000 records in three languages;
beyond that the sitemap view pages with ``?p=2``, and a sitemap index would be the next step.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from config.framework.languages import language_tag
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from events.models import Event
from institutions.models import Organisation, Person
from projects.models import Programme, Project


class AtlasSitemap(Sitemap):
    """Pages in every language, each with its alternates and x-default, the languages as BCP 47 tags."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            for alternate in url["alternates"]:
                alternate["lang_code"] = language_tag(alternate["lang_code"])
        return urls


class RecordSitemap(AtlasSitemap):
    """The pages of one model's records that an anonymous visitor may see, in every language."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.visible_to(AnonymousUser()).only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class PageSitemap(AtlasSitemap):
    """The atlas's own pages (home, the lists, the visual views, About and the others), in every language."""

    def items(self):
        return [
            "home",
            "about",
            "methodology",
            "licence",
            "cite",
            "map",
            "network",
            "events:event-list",
            "events:event-timeline",
            "dialogues:dialogue-list",
            "projects:project-list",
            "institutions:organisation-list",
            "institutions:person-list",
            "dialogues:publication-list",
            "dialogues:topic-list",
            "search",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap(),
    **{
        section: RecordSitemap(model)
        for section, model in {
            "dialogues": Dialogue,
            "working-groups": WorkingGroup,
            "topics": Topic,
            "publications": Publication,
            "projects": Project,
            "programmes": Programme,
            "events": Event,
            "organisations": Organisation,
            "people": Person,
        }.items()
    },
}


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Everything public may be crawled; the admin and the (endless) search results, in every
    language, may not. ``Disallow: /search/?`` names every address of results (they all have a query
    string) and leaves the search page itself, a landing page, to crawl.

    The admin is named only at its default address: a custom ``ADMIN_URL`` is kept out of sight,
    and the admin's own pages tell crawlers not to index them.
    """
    admin_path = reverse("admin:index")
    search_paths = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            search_paths.append(reverse("search") + "?")
    lines = [
        "User-agent: *",
        *([f"Disallow: {admin_path}"] if admin_path == "/admin/" else []),
        *(f"Disallow: {path}" for path in search_paths),
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
