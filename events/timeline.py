"""The timeline of events across dialogues: one lane per dialogue, its phases as spans, its events as
marks (``/events/timeline/`` and ``/api/v1/timeline/``).

Both the page's table and the API's payload are built here, from a filtered queryset of visible
events, in a fixed number of queries whatever the number of events. A range holding more events than
``MAX_MARKS`` is answered with counts per lane and per year (or month, when the range is short)
instead of one mark per event, so a payload stays bounded at any scale; a client that zooms in asks
for the marks of the range it shows (the FilterSet's ``starts_after`` and ``starts_before``).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Min
from django.db.models.functions import TruncMonth, TruncYear
from django.utils.translation import gettext_lazy as _

from config.framework.dates import PartialDate, Precision, format_date, format_period
from dialogues.models import Dialogue, Phase

# Above this many events in a range, a timeline counts them instead of drawing each.
MAX_MARKS = 2000
# A range of at most this many days is counted per month, a longer one per year.
MONTHS_UP_TO_DAYS = 3 * 366

# The lane of events that belong to no dialogue (a project's workshop, a COP side event).
# The drawing's measures in pixels, as views/timeline.js draws it (AXIS, LANE, PAD there).
DRAWING_AXIS = 26
DRAWING_LANE = 44
DRAWING_PAD = 10
OTHER_LANE = "other"
OTHER_LANE_LABEL = _("Events of no dialogue")
PERIOD_COLUMNS = ("start_date", "start_precision", "end_date", "end_precision")


@dataclass
class Lane:
    """A dialogue (or the lane of events of none) with its phases and its events or counts."""

    key: str
    name: str
    url: str = ""
    phases: list = field(default_factory=list)
    events: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # bucket ("2024" or "2024-05") → number of events

    def events_by_year(self) -> list[tuple[str, list]]:
        """The lane's events grouped by the year they start, the year in the page's language."""
        years: dict[int, list] = {}
        for event in self.events:
            years.setdefault(event.start_date.year, []).append(event)
        return [(year_label(year), events) for year, events in sorted(years.items())]

    def count_rows(self) -> list[tuple[str, int]]:
        """The lane's counts per year or month (``2024``, ``2024-05``), in the page's language."""
        return [(bucket_label(key), number) for key, number in sorted(self.counts.items())]


@dataclass
class Timeline:
    """What a timeline shows of a filtered set of events."""

    total: int
    mode: str  # "marks" or "counts"
    bucket: str  # "year" or "month": the size of a count (in "marks" mode, of nothing)
    lanes: list[Lane]
    first: datetime.date | None
    last: datetime.date | None

    @property
    def first_year(self) -> str:
        return year_label(self.first.year) if self.first else ""

    @property
    def last_year(self) -> str:
        return year_label(self.last.year) if self.last else ""

    @property
    def drawing_height(self) -> int:
        """The height in pixels of the drawing (views/timeline.js: the axis, a band per lane, a
        margin), which the page reserves before the script draws, so that nothing below it moves."""
        return DRAWING_AXIS + len(self.lanes) * DRAWING_LANE + DRAWING_PAD

    @property
    def dialogue_count(self) -> int:
        return sum(1 for lane in self.lanes if lane.key != OTHER_LANE)


def drawable(queryset):
    """The events a timeline can place: those with a start date."""
    return queryset.filter(start_date__isnull=False).order_by()


def build_timeline(queryset, user) -> Timeline:
    """The timeline of the visible, filtered events ``queryset``, in four queries whatever its size.

    ``queryset`` is already ``visible_to(user)`` and filtered; a lane is opened only for a dialogue
    the user may see (the events of an invisible dialogue go to the lane of no dialogue, so that its
    name is never shown).
    """
    events = drawable(queryset)
    per_lane = list(
        events.values("dialogue_id").annotate(
            count=Count("*"), first=Min("start_date"), last=Max("start_date")
        )
    )
    total = sum(row["count"] for row in per_lane)
    if total == 0:
        return Timeline(0, "marks", "year", [], None, None)
    lanes = visible_lanes([row["dialogue_id"] for row in per_lane if row["dialogue_id"]], user)
    first = min(row["first"] for row in per_lane)
    if total <= MAX_MARKS:
        last = fill_marks(events, lanes)
        mode, bucket = "marks", "year"
    else:
        first, last, bucket = fill_counts(events, lanes, first, max(row["last"] for row in per_lane))
        mode = "counts"
    shown = [lane for lane in lanes.values() if lane.events or lane.counts]
    return Timeline(total, mode, bucket, shown, first, last)


def visible_lanes(dialogue_ids: list[int], user) -> dict:
    """Lanes by dialogue id (``None`` for the lane of no dialogue), the dialogues' phases in them."""
    dialogues = Dialogue.objects.visible_to(user).filter(pk__in=dialogue_ids).order_by("name", "id")
    lanes = {
        dialogue.pk: Lane(key=dialogue.slug, name=str(dialogue.name), url=dialogue.get_absolute_url())
        for dialogue in dialogues.only("pk", "slug", "name")
    }
    phases = (
        Phase.objects.visible_to(user)
        .filter(dialogue_id__in=list(lanes), start_date__isnull=False)
        .only("dialogue_id", "number", "name", *PERIOD_COLUMNS)
        .order_by("dialogue_id", "number")
    )
    for phase in phases:
        lanes[phase.dialogue_id].phases.append(phase)
    lanes[None] = Lane(key=OTHER_LANE, name=str(OTHER_LANE_LABEL))
    return lanes


def fill_marks(events, lanes: dict) -> datetime.date:
    """Put each event in its lane (one query); return the last day they cover."""
    last = None
    columns = ("slug", "name", "kind", "dialogue_id", *PERIOD_COLUMNS)
    rows = events.only(*columns).order_by("start_date", "name", "id")
    for event in rows:
        lane = lanes.get(event.dialogue_id) or lanes[None]
        lane.events.append(event)
        ends = event_last_day(event)
        last = ends if last is None else max(last, ends)
    return last


def fill_counts(events, lanes: dict, first: datetime.date, last: datetime.date) -> tuple:
    """Count the events per lane and per year, or per month when they span three years at most (one
    query); return the range the counts cover and what they count over."""
    bucket = "month" if (last - first).days <= MONTHS_UP_TO_DAYS else "year"
    trunc = TruncMonth if bucket == "month" else TruncYear
    rows = (
        events.annotate(bucket=trunc("start_date"), lane=F("dialogue_id"))
        .values("lane", "bucket")
        .annotate(count=Count("*"))
        .order_by()
    )
    for row in rows:
        lane = lanes.get(row["lane"]) or lanes[None]
        key = bucket_key(row["bucket"], bucket)
        lane.counts[key] = lane.counts.get(key, 0) + row["count"]
    last = PartialDate(last, Precision.YEAR if bucket == "year" else Precision.MONTH).last_day
    return first.replace(day=1) if bucket == "month" else first.replace(month=1, day=1), last, bucket


def bucket_key(value, bucket: str) -> str:
    value = value.date() if isinstance(value, datetime.datetime) else value
    return f"{value.year:04d}" if bucket == "year" else f"{value.year:04d}-{value.month:02d}"


def year_label(year: int) -> str:
    return format_date(PartialDate(datetime.date(year, 1, 1), Precision.YEAR))


def bucket_label(key: str) -> str:
    """``2024`` or ``2024-05`` as the page's language writes a year or a month."""
    year, _dash, month = key.partition("-")
    if not month:
        return year_label(int(year))
    return format_date(PartialDate(datetime.date(int(year), int(month), 1), Precision.MONTH))


def event_last_day(event) -> datetime.date:
    """The last day an event covers at its precision: a month's event lasts the month."""
    end = event.end or event.start
    return max(end.last_day, event.start.last_day)


# The payload of the API: compact rows with their columns named once --------------------------------

MARK_COLUMNS = ["lane", "kind", "start", "end", "precision", "slug", "name", "when"]
PHASE_COLUMNS = ["start", "end", "precision", "name", "when"]
COUNT_COLUMNS = ["lane", "bucket", "count"]


def payload(timeline: Timeline, event_url: str) -> dict:
    """The timeline as the API sends it: lanes, then marks or counts as rows of ``*_columns``.

    A mark's ``start`` and ``end`` are the first and last day it covers (an event known to the month
    covers the month); ``precision`` is its start's; ``when`` its dates as the language writes them.
    ``event_url`` has ``{slug}`` where an event's slug goes.
    """
    kinds = sorted({event.kind for lane in timeline.lanes for event in lane.events})
    lanes, marks, counts = [], [], []
    for index, lane in enumerate(timeline.lanes):
        lanes.append(
            {
                "key": lane.key,
                "name": lane.name,
                "url": lane.url,
                "phases": [
                    [
                        phase.start_date.isoformat(),
                        phase.end.last_day.isoformat() if phase.end else None,
                        phase.start_precision,
                        str(phase.name),
                        format_period(phase.start, phase.end, open_end=True),
                    ]
                    for phase in lane.phases
                ],
            }
        )
        for event in lane.events:
            marks.append(
                [
                    index,
                    kinds.index(event.kind),
                    event.start_date.isoformat(),
                    event_last_day(event).isoformat(),
                    event.start_precision,
                    event.slug,
                    str(event.name),
                    event.period,
                ]
            )
        counts += [[index, key, number] for key, number in sorted(lane.counts.items())]
    return {
        "total": timeline.total,
        "dialogues": timeline.dialogue_count,
        "mode": timeline.mode,
        "bucket": timeline.bucket,
        "max_marks": MAX_MARKS,
        "first": timeline.first and timeline.first.isoformat(),
        "last": timeline.last and timeline.last.isoformat(),
        "kinds": [kind or None for kind in kinds],  # null: not stated
        "event_url": event_url,
        "lanes": lanes,
        "mark_columns": MARK_COLUMNS,
        "marks": marks,
        "phase_columns": PHASE_COLUMNS,
        "count_columns": COUNT_COLUMNS,
        "counts": counts,
    }


def years(timeline: Timeline) -> list[tuple[int, str]]:
    """Every year the timeline spans, with its label, for the control that zooms to a year."""
    if timeline.first is None:
        return []
    return [(year, year_label(year)) for year in range(timeline.first.year, timeline.last.year + 1)]
