"""What crawlers may read and where to find it: sitemap.xml and robots.txt.

The sitemap lists only what an anonymous visitor may see (published and public), one section per
model that has a page of its own. A section holds up to 50,000 URLs (the protocol's limit); beyond
that the sitemap view pages with ``?p=2``, and a sitemap index would be the next step.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from events.models import Event
from institutions.models import Organisation, Person
from projects.models import Programme, Project


class RecordSitemap(Sitemap):
    """The pages of one model's records that an anonymous visitor may see."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.visible_to(AnonymousUser()).only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at


SITEMAPS = {
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
}


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Everything public may be crawled; the admin and the (endless) search results may not.

    The admin is named only at its default address: a custom ``ADMIN_URL`` is kept out of sight,
    and the admin's own pages tell crawlers not to index them.
    """
    admin_path = reverse("admin:index")
    lines = [
        "User-agent: *",
        *([f"Disallow: {admin_path}"] if admin_path == "/admin/" else []),
        f"Disallow: {reverse('search')}",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
