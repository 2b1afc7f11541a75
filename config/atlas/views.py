"""The site's own pages across every app: the home page and site search."""

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from config.atlas import stats
from config.framework.search import MAX_INPUT_LENGTH, clean_query, search_all
from dialogues.models import Dialogue, Publication
from events.models import Event
from institutions.models import Organisation, Person
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
        events = Event.objects.visible_to(user).for_list()
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
