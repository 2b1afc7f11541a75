"""The site's own pages across every app: the home page, site search, the pages about the atlas
(About, Methodology, Licence, How to cite) and /favicon.ico."""

from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from config.atlas import stats
from config.framework.search import MAX_INPUT_LENGTH, REGISTRY, SORTS, clean_query, search_page, searchable
from config.framework.views import query_with
from dialogues.models import Dialogue, Publication
from events.models import Event
from institutions.models import Organisation, Person, Source
from projects.models import Project


class SearchView(TemplateView):
    """``/search/?q=``: the best matches of every type or of one (``type=events``), ranked or by date
    (``sort=newest``, ``oldest``), each with its type, date, place and the matching passage.

    The type links carry each type's count; they and the sort are plain links and a form, so the
    page works without JavaScript.

    ``/search/`` with no query string is a landing page search engines may index (what can be
    searched, ways to browse). Any query string makes a page of results, of which there are as many
    as there are texts to type: those carry ``noindex``, and robots.txt keeps crawlers off them.
    """

    template_name = "search.html"
    results_per_page = 20

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("q", "")
        kind = request.GET.get("type") or None
        sort = request.GET.get("sort") or "relevance"
        context = self.get_context_data(
            query=clean_query(raw),
            kind=kind,
            sort=sort,
            sorts=SORTS.items(),
            page=None,
            errors=[],
            landing=not request.GET,
        )
        if len(raw) > MAX_INPUT_LENGTH:
            context["errors"].append(
                _("The search text is too long: %(length)d characters; at most %(limit)d are read.")
                % {"length": len(raw), "limit": MAX_INPUT_LENGTH}
            )
        if kind is not None and searchable(kind) is None:
            context["errors"].append(
                _("“%(type)s” is not a type of record; choose one of: %(types)s.")
                % {"type": kind[:40], "types": ", ".join(item.key for item in REGISTRY)}
            )
        if sort not in SORTS:
            context["errors"].append(
                _("“%(sort)s” is not an order; choose one of: %(sorts)s.")
                % {"sort": sort[:40], "sorts": ", ".join(SORTS)}
            )
        if context["errors"]:
            context["error"] = context["errors"][0]  # the first, for the tests that read one
            return self.render_to_response(context, status=400)
        if context["query"]:
            page = search_page(
                context["query"], request.user, kind=kind, sort=sort, limit=self.results_per_page
            )
            context["page"] = page
            context["type_links"] = [
                (None, _("All types"), page.all_types, query_with(request.GET, "type", None)),
                *(
                    (item.key, item.label, count, query_with(request.GET, "type", item.key, toggle=False))
                    for item, count in page.counts
                    if count or item.key == kind
                ),
            ]
        return self.render_to_response(context)


# What the home page counts, each with the list it links to.
COUNTED = (
    (Dialogue, "dialogues:dialogue-list"),
    (Project, "projects:project-list"),
    (Event, "events:event-list"),
    (Organisation, "institutions:organisation-list"),
    (Person, "institutions:person-list"),
    (Publication, "dialogues:publication-list"),
)


# How many ways in by dialogue, by country and by topic the home page offers.
WAYS_IN = 8


def events_by(events, field: str, count: int = WAYS_IN) -> list[tuple]:
    """(value, events) of the ``count`` values of ``field`` with the most events, in one GROUP BY."""
    return list(
        events.exclude(**{f"{field}__isnull": True})
        .order_by()
        .values_list(field)
        .annotate(events=Count("pk"))
        .order_by("-events", field)
        .values_list(field, "events")[:count]
    )


class HomeView(TemplateView):
    """What the atlas holds at a glance, the events per year, the next and the latest meetings, ways
    in by dialogue, country and topic, and the pictures (timeline, map, network)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        events = Event.objects.visible_to(user).for_list().with_places(user)
        context["upcoming_events"] = events.soonest(5)
        context["recent_events"] = list(events.past().order_by("-start_date", "id")[:5])
        context["counts"] = [
            (model._meta.verbose_name_plural, model.objects.visible_to(user).count(), url)
            for model, url in COUNTED
        ]
        visible = Event.objects.visible_to(user)
        context["years"] = visible.aggregate(
            first=Min(ExtractYear("start_date")), last=Max(ExtractYear("start_date"))
        )
        # Every country events were held in, most first: the count and the leading ones.
        countries = list(
            visible.exclude(country="")
            .order_by()
            .values_list("country")
            .annotate(events=Count("pk"))
            .order_by("-events", "country")
            .values_list("country", "events")
        )
        context["country_count"] = len(countries)
        context["countries"] = countries[:WAYS_IN]
        leading = events_by(visible, "dialogue")
        dialogues = Dialogue.objects.visible_to(user).in_bulk([pk for pk, _events in leading])
        context["dialogue_ways"] = [(dialogues[pk], n) for pk, n in leading if pk in dialogues]
        context["topics"] = stats.leading_topics(user, WAYS_IN)
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
