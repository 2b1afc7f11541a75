"""The charts of the pages: each a question as its title, a table with the numbers (the page without
JavaScript shows it; ``static/atlas/views/charts.js`` draws the picture above it from the API
endpoint the figure names), and one sentence that says what the picture shows.

A template tag rather than a view's context, because the dialogue, topic and organisation pages
belong to apps that may not import the events (``docs/architecture.md``); the top layer may.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.atlas import stats
from config.framework.templatetags.atlas import number
from events.models import Event

register = template.Library()


# Functions of a number that say "12 events" in the page's language (literal calls, so that
# makemessages finds both forms).
def events_counted(count: int) -> str:
    return ngettext("%(count)s event", "%(count)s events", count) % {"count": number(count)}


def records_counted(count: int) -> str:
    return ngettext("%(count)s event or publication", "%(count)s events and publications", count) % {
        "count": number(count)
    }


def activities_counted(count: int) -> str:
    return ngettext("%(count)s activity", "%(count)s activities", count) % {"count": number(count)}


# The drawings' measures in pixels, as views/charts.js draws them (HEIGHT, MARGIN and the heat
# table's rows there): the page reserves the drawing's height before the script runs.
STACKED_HEIGHT = 240
HEAT_MARGINS = 8 + 28
HEAT_ROW = 22


def drawing_height(kind: str, counts: stats.YearCounts) -> int:
    return HEAT_MARGINS + len(counts.series) * HEAT_ROW if kind == "heat" else STACKED_HEIGHT


def chart(
    chart_id: str, title: str, counts: stats.YearCounts, endpoint: str, query: dict, say, kind="stacked"
):
    return {
        "chart_id": chart_id,
        "title": title,
        "counts": counts,
        "kind": kind,
        "drawing_height": drawing_height(kind, counts),
        "endpoint": f"{endpoint}?{urlencode(query, doseq=True)}" if query else endpoint,
        "summary": stats.summary_sentence(counts, say),
    }


@register.inclusion_tag("includes/chart.html", takes_context=True)
def events_per_year_chart(context, dialogue=None):
    """Events per year: by dialogue on the home page, by kind on a dialogue's page."""
    user = context["request"].user
    events = Event.objects.visible_to(user)
    if dialogue is None:
        return chart(
            "events-per-year",
            _("How many events does the atlas record each year, and in which dialogues?"),
            stats.events_per_year_by_dialogue(events, user),
            reverse("api:stats-events-per-year"),
            {},
            events_counted,
        )
    return chart(
        "events-per-year",
        _("How often did this dialogue meet each year, and in what form?"),
        stats.events_per_year_by_kind(events.filter(dialogue=dialogue)),
        reverse("api:stats-events-per-year"),
        {"group": "kind", "dialogue": dialogue.slug},
        events_counted,
    )


@register.inclusion_tag("includes/chart.html", takes_context=True)
def topic_chart(context, topic):
    """A topic's events and publications per year."""
    return chart(
        "topic-per-year",
        _("When was this topic discussed and written about?"),
        stats.topic_records_per_year([topic], context["request"].user),
        reverse("api:stats-topics-per-year"),
        {"topic": topic.slug, "group": "record"},
        records_counted,
    )


@register.inclusion_tag("includes/chart.html", takes_context=True)
def topics_chart(context):
    """The leading topics' events and publications per year, as a heat table."""
    user = context["request"].user
    topics = stats.leading_topics(user)
    return chart(
        "topics-per-year",
        _("Which topics came up in which years?"),
        stats.topics_per_year(topics, user),
        reverse("api:stats-topics-per-year"),
        {"topic": [topic.slug for topic in topics]},
        records_counted,
        kind="heat",
    )


@register.inclusion_tag("includes/chart.html", takes_context=True)
def organisation_chart(context, organisation):
    """What an organisation did per year."""
    return chart(
        "organisation-activity",
        _("How active was this organisation, year by year?"),
        stats.organisation_activity(organisation, context["request"].user),
        reverse("api:stats-organisation-activity", args=[organisation.slug]),
        {},
        activities_counted,
    )
