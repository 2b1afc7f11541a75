"""Counts per year, for the charts and their tables: events by dialogue or kind, topics over time,
an organisation's activity.

Each count is a GROUP BY in PostgreSQL over the rows the reader may see (``visible_to``), so the
number of queries is fixed whatever the number of records. A partial date counts at its year (a
date known only to the month or the year is stored as the first day of it); a record without a date
is counted apart, as undated, and never as a year. The years between the first and the last are
all listed, with zeros, so that a gap in the record shows as a gap in the chart.

The API (``config/atlas/stats_api.py``) and the pages' tables (``templatetags/charts.py``) read the
same ``YearCounts``: a chart and its table alternative cannot disagree.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.framework.filtersets import NOT_STATED, stated_choices
from config.framework.templatetags.atlas import number, tr_label
from dialogues.models import Dialogue, DialogueRole, Publication, PublicationAuthor, Topic
from events.models import Event, EventParticipation
from projects.models import ProjectRole

# Stacked bars stay readable with a handful of parts: the rest is summed as "other dialogues".
TOP_DIALOGUES = 8
# The topic list's heat table shows the most frequent topics when none is named.
TOP_TOPICS = 10

NO_DIALOGUE, OTHER_DIALOGUES = "_none", "_other"


@dataclass(frozen=True)
class Series:
    """One part of each year's count: a dialogue, a kind of event, a topic, a kind of activity."""

    key: str
    label: str
    url: str | None = None


@dataclass
class YearCounts:
    """Counts per year and series, the undated apart."""

    series: list[Series]
    rows: list[tuple[int, list[int]]] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return [year for year, _counts in self.rows]

    @property
    def undated_total(self) -> int:
        return sum(self.undated)

    @property
    def total(self) -> int:
        return sum(sum(counts) for _year, counts in self.rows) + self.undated_total

    def table_rows(self) -> list[tuple[int, list[int], int]]:
        return [(year, counts, sum(counts)) for year, counts in self.rows]

    def busiest_year(self) -> tuple[int, int] | None:
        """(year, count) of the year with the most, the earliest of equals; None when nothing is dated."""
        dated = [(sum(counts), -year) for year, counts in self.rows]
        if not dated or max(dated)[0] == 0:
            return None
        count, negative_year = max(dated)
        return -negative_year, count


def tabulate(series: list[Series], counted) -> YearCounts:
    """``YearCounts`` from ``(year or None, series key, count)`` triples; a key outside ``series`` is
    left out (the queries fold what they do not show into a series of its own first)."""
    index = {part.key: position for position, part in enumerate(series)}
    by_year: dict[int | None, list[int]] = defaultdict(lambda: [0] * len(series))
    for year, key, count in counted:
        if key in index:
            by_year[year][index[key]] += count
    undated = by_year.pop(None, [0] * len(series))
    years = sorted(by_year)
    rows = (
        [(year, by_year.get(year, [0] * len(series))) for year in range(years[0], years[-1] + 1)]
        if years
        else []
    )
    return YearCounts(series=series, rows=rows, undated=undated)


def grouped(queryset, year_field: str, key) -> list[tuple]:
    """``(year, key, count)`` of ``queryset`` in one GROUP BY; ``key`` is a field name or an expression."""
    key_expression = F(key) if isinstance(key, str) else key
    return list(
        queryset.order_by()
        .values(stat_year=ExtractYear(year_field), stat_key=key_expression)
        .annotate(stat_count=Count("pk"))
        .values_list("stat_year", "stat_key", "stat_count")
    )


# Events per year -----------------------------------------------------------------------------


def events_per_year_by_kind(events) -> YearCounts:
    """``events`` (already visible to the reader and filtered) per year and kind."""
    # A kind not stated is a series of its own, keyed as the event list's filter spells it.
    counted = [(year, key or NOT_STATED, count) for year, key, count in grouped(events, "start_date", "kind")]
    present = {key for _year, key, _count in counted}
    series = [Series(key, str(label)) for key, label in stated_choices(Event.Kind.choices) if key in present]
    return tabulate(series, counted)


def short_label(dialogue) -> str:
    """A legend's name for a dialogue: its acronym (T2D), or its name in the page's language."""
    return dialogue.acronym or str(tr_label(dialogue).text)


def events_per_year_by_dialogue(events, user) -> YearCounts:
    """``events`` per year and dialogue: the ``TOP_DIALOGUES`` with the most events the reader may see,
    the other dialogues together, and the events of no dialogue.

    Three queries: the leading dialogues, their names, the counts. An event whose dialogue the reader
    may not see counts among the other dialogues, unnamed.
    """
    events = events.order_by()
    leading = list(
        events.filter(dialogue__isnull=False)
        .values_list("dialogue_id")
        .annotate(count=Count("pk"))
        .order_by("-count", "dialogue_id")
        .values_list("dialogue_id", flat=True)[:TOP_DIALOGUES]
    )
    shown = {dialogue.pk: dialogue for dialogue in Dialogue.objects.visible_to(user).filter(pk__in=leading)}
    named = [pk for pk in leading if pk in shown]
    key = Case(
        When(dialogue__isnull=True, then=Value(0)),
        *([When(dialogue_id__in=named, then=F("dialogue_id"))] if named else []),
        default=Value(-1),
        output_field=IntegerField(),
    )
    counted = grouped(events, "start_date", key)
    series = [Series(shown[pk].slug, short_label(shown[pk]), shown[pk].get_absolute_url()) for pk in named]
    keys = {pk: shown[pk].slug for pk in named} | {0: NO_DIALOGUE, -1: OTHER_DIALOGUES}
    present = {number for _year, number, _count in counted}
    if -1 in present:
        series.append(Series(OTHER_DIALOGUES, _("other dialogues")))
    if 0 in present:
        series.append(Series(NO_DIALOGUE, _("no dialogue")))
    return tabulate(series, [(year, keys[number], count) for year, number, count in counted])


# Topics over time ----------------------------------------------------------------------------

RECORD_KINDS = {"events": gettext_lazy("events"), "publications": gettext_lazy("publications")}


def visible_tagged(user):
    """The rows that tie a visible event or publication to a topic: (kind, rows, year field)."""
    return (
        (
            "events",
            Event.topics.through.objects.filter(event__in=Event.objects.visible_to(user).values("pk")),
            "event__start_date",
        ),
        (
            "publications",
            Publication.topics.through.objects.filter(
                publication__in=Publication.objects.visible_to(user).values("pk")
            ),
            "publication__date",
        ),
    )


def leading_topics(user, count: int = TOP_TOPICS) -> list[Topic]:
    """The visible topics with the most visible events and publications (two GROUP BYs)."""
    topics = Topic.objects.visible_to(user)
    totals: dict[int, int] = defaultdict(int)
    for _kind, rows, _year in visible_tagged(user):
        for topic_id, n in (
            rows.filter(topic__in=topics.values("pk"))
            .values_list("topic_id")
            .annotate(n=Count("pk"))
            .values_list("topic_id", "n")
        ):
            totals[topic_id] += n
    chosen = sorted(totals, key=lambda pk: (-totals[pk], pk))[:count]
    by_pk = {topic.pk: topic for topic in topics.filter(pk__in=chosen)}
    return [by_pk[pk] for pk in chosen if pk in by_pk]


def topics_per_year(topics: list[Topic], user, records=tuple(RECORD_KINDS)) -> YearCounts:
    """Events and publications (``records``: either or both) about each of ``topics``, per year."""
    series = [Series(topic.slug, str(tr_label(topic).text), topic.get_absolute_url()) for topic in topics]
    slugs = {topic.pk: topic.slug for topic in topics}
    counted = []
    for kind, rows, year in visible_tagged(user):
        if kind in records and topics:
            for year_value, topic_id, n in grouped(rows.filter(topic__in=list(slugs)), year, "topic_id"):
                counted.append((year_value, slugs[topic_id], n))
    return tabulate(series, counted)


def topic_records_per_year(topics: list[Topic], user, records=tuple(RECORD_KINDS)) -> YearCounts:
    """The events and the publications about any of ``topics``, per year (each record once)."""
    series = [Series(kind, str(RECORD_KINDS[kind])) for kind in RECORD_KINDS if kind in records]
    ids = [topic.pk for topic in topics]
    counted = []
    if "events" in records and ids:
        tagged = Event.topics.through.objects.filter(topic__in=ids).values("event_id")
        events = Event.objects.visible_to(user).filter(pk__in=tagged)
        counted += grouped(events, "start_date", Value("events"))
    if "publications" in records and ids:
        tagged = Publication.topics.through.objects.filter(topic__in=ids).values("publication_id")
        publications = Publication.objects.visible_to(user).filter(pk__in=tagged)
        counted += grouped(publications, "date", Value("publications"))
    return tabulate(series, counted)


# An organisation's activity ------------------------------------------------------------------

ACTIVITIES = {
    "events": gettext_lazy("events taken part in"),
    "dialogue_roles": gettext_lazy("roles in dialogues"),
    "project_roles": gettext_lazy("roles in projects"),
    "publications": gettext_lazy("publications"),
}


def distinct_per_year(rows, year_field: str, record_field: str, key: str) -> list[tuple]:
    """(year, key, records): each record once, however many rows tie the organisation to it."""
    return [
        (year, key, count)
        for year, count in rows.order_by()
        .values(stat_year=ExtractYear(year_field))
        .annotate(stat_count=Count(record_field, distinct=True))
        .values_list("stat_year", "stat_count")
    ]


def organisation_activity(organisation, user) -> YearCounts:
    """What ``organisation`` did per year, in four queries: the events it took part in (at the
    event's year), the roles it took up in dialogues and projects (at the year the role began), the
    publications it wrote (at their date). Only rows and records the reader may see count."""
    series = [Series(key, str(label)) for key, label in ACTIVITIES.items()]
    counted = [
        *distinct_per_year(
            EventParticipation.objects.visible_to(user).filter(organisation=organisation),
            "event__start_date",
            "event",
            "events",
        ),
        *distinct_per_year(
            DialogueRole.objects.visible_to(user).filter(organisation=organisation),
            "start_date",
            "pk",
            "dialogue_roles",
        ),
        *distinct_per_year(
            ProjectRole.objects.visible_to(user).filter(organisation=organisation),
            "start_date",
            "pk",
            "project_roles",
        ),
        *distinct_per_year(
            PublicationAuthor.objects.visible_to(user).filter(organisation=organisation),
            "publication__date",
            "publication",
            "publications",
        ),
    ]
    return tabulate(series, counted)


# The sentence a screen reader hears instead of the picture -----------------------------------


def summary_sentence(counts: YearCounts, noun_counted) -> str:
    """One sentence of what a chart shows: the span, the total, the busiest year, the undated.

    ``noun_counted`` is a function of a number that returns "12 events" in the page's language.
    """
    dated_total = counts.total - counts.undated_total
    if not counts.rows:
        sentence = _("Nothing dated is recorded.")
    else:
        year, most = counts.busiest_year()
        sentence = _(
            "From %(first)s to %(last)s, %(counted)s are recorded, the most in %(year)s (%(most)s)."
        ) % {
            "first": counts.rows[0][0],
            "last": counts.rows[-1][0],
            "counted": noun_counted(dated_total),
            "year": year,
            "most": number(most),
        }
    if counts.undated_total:
        sentence += " " + _("Undated: %(count)s.") % {"count": number(counts.undated_total)}
    return sentence
