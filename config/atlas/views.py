"""The site's own pages across every app: the home page, site search, the pages about the atlas
(About, Methodology, Licence, How to cite) and /favicon.ico."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from config.framework.search import MAX_INPUT_LENGTH, clean_query, search_all
from dialogues.models import Dialogue, Publication
from events.models import Event
from institutions.models import Organisation, Person, Source
from projects.models import Project


class SearchView(TemplateView):
    """``/search/?q=``: the best matches of every type, grouped, with the matching passage."""

    template_name = "search.html"

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("q", "")
        context = self.get_context_data(query=clean_query(raw), groups=[], error=None)
        status = 200
        if len(raw) > MAX_INPUT_LENGTH:
            context["error"] = _(
                "The search text is too long: %(length)d characters; at most %(limit)d are read."
            ) % {"length": len(raw), "limit": MAX_INPUT_LENGTH}
            status = 400
        elif context["query"]:
            context["groups"] = search_all(context["query"], request.user, per_type=10)
        return self.render_to_response(context, status=status)


# What the home page counts, each with the list it links to.
COUNTED = (
    (Dialogue, "dialogues:dialogue-list"),
    (Project, "projects:project-list"),
    (Event, "events:event-list"),
    (Organisation, "institutions:organisation-list"),
    (Person, "institutions:person-list"),
    (Publication, "dialogues:publication-list"),
)


class HomeView(TemplateView):
    """What the atlas holds, upcoming and recent events, active dialogues, a search box."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        events = Event.objects.visible_to(user).for_list()
        context["upcoming_events"] = events.soonest(5)
        context["recent_events"] = list(events.past().order_by("-start_date", "id")[:5])
        context["active_dialogues"] = list(
            Dialogue.objects.visible_to(user).filter(state=Dialogue.State.ACTIVE).order_by("name", "id")[:8]
        )
        context["counts"] = [
            (model._meta.verbose_name_plural, model.objects.visible_to(user).count(), url)
            for model, url in COUNTED
        ]
        return context


class SitePageView(TemplateView):
    """One of the site's own pages (About, Licence, How to cite): a template of translatable
    paragraphs, in every language, with no record behind it."""


class MethodologyView(SitePageView):
    """``/methodology/``: how the atlas is made, with the documents it was first filled from."""

    template_name = "pages/methodology.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Sources have no visibility of their own: every record's page cites them publicly.
        context["sources"] = Source.objects.order_by("title")
        return context


FAVICON = Path(settings.BASE_DIR) / "config" / "framework" / "static" / "atlas" / "favicon.ico"


def favicon(request):
    """``/favicon.ico``, where browsers, feed readers and bookmarks look before reading the page.

    The file itself (``scripts/make_icons.py`` draws it), not a redirect: some clients do not follow
    one for an icon. It never changes without a deployment, so it may be cached for a day.
    """
    response = HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
