"""Public pages of events: the filterable list and an event's page."""

import calendar
import datetime

from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from config.framework import dates
from config.framework.dates import Precision
from config.framework.filtersets import stated_choices
from config.framework.views import (
    Facet,
    FilteredListView,
    RecordDetailView,
    query_with,
    visible_or_none,
    visible_queryset,
)
from dialogues.models import Dialogue, Publication, Topic
from events import timeline
from events.api.serializers import EventSummarySerializer
from events.filtersets import EventFilterSet
from events.ical import known_to_the_day
from events.models import Event, EventParticipation, EventPlace, EventSpeaker, Photo, Session
from institutions.models import Organisation
from projects.models import Project


class EventListView(FilteredListView):
    model = Event
    filterset_class = EventFilterSet
    template_name = "events/event_list.html"
    results_template_name = "events/_event_results.html"
    download_serializer_class = EventSummarySerializer
    shown_related = ("dialogue",)
    extra_filter_fields = ("when", "ordering")
    facets = (
        Facet(
            "dialogue", gettext_lazy("Dialogue"), "dialogue__slug", "dialogue__name", related_model=Dialogue
        ),
        Facet("kind", gettext_lazy("Kind"), "kind"),
        Facet("year", gettext_lazy("Year"), "start_date__year", single=True, by_value=True),
        Facet("country", gettext_lazy("Country"), "country"),
        Facet("mode", gettext_lazy("Mode"), "mode"),
        Facet("state", gettext_lazy("State"), "state"),
        Facet("topic", gettext_lazy("Topic"), "topics__slug", "topics__name", related_model=Topic),
        Facet(
            "organisation",
            gettext_lazy("Organisation"),
            "participations__organisation__slug",
            "participations__organisation__name",
            related_model=Organisation,
            through="participations",
        ),
        Facet("project", gettext_lazy("Project"), "projects__slug", "projects__title", related_model=Project),
    )

    def get_queryset(self):
        # A row names the event's projects when it has no dialogue: the visible ones only.
        projects = Prefetch("projects", visible_queryset(Project, self.request.user))
        return super().get_queryset().prefetch_related(projects).with_places(self.request.user)


class EventDetailView(RecordDetailView):
    model = Event
    template_name = "events/event_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        return queryset.select_related("dialogue", "working_group", "parent").prefetch_related(
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("projects", visible_queryset(Project, user)),
            Prefetch("documents", visible_queryset(Publication, user)),
            Prefetch("places", visible_queryset(EventPlace, user), to_attr="further_places"),
            Prefetch("sessions", visible_queryset(Session, user)),
            Prefetch("participations", visible_queryset(EventParticipation, user, "organisation")),
            Prefetch("speakers", visible_queryset(EventSpeaker, user, "person", "organisation")),
            Prefetch("photos", visible_queryset(Photo, user)),
            Prefetch("children", visible_queryset(Event, user).order_by("start_date", "id")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["parent"] = visible_or_none(self.request.user, event.parent)
        context["dialogue"] = visible_or_none(self.request.user, event.dialogue)
        context["working_group"] = visible_or_none(self.request.user, event.working_group)
        context["previous_in_series"] = context["next_in_series"] = None
        # A series is a dialogue's events of one kind: events whose kind is not stated form none.
        if event.dialogue_id and event.number and event.kind:
            neighbours = {
                other.number: other
                for other in Event.objects.visible_to(self.request.user).filter(
                    dialogue_id=event.dialogue_id,
                    kind=event.kind,
                    number__in=[event.number - 1, event.number + 1],
                )
            }
            context["previous_in_series"] = neighbours.get(event.number - 1)
            context["next_in_series"] = neighbours.get(event.number + 1)
        context["structured_data"] = event_structured_data(event, self.request)
        context["in_calendar"] = known_to_the_day(event)
        # A photo row may only credit a picture the atlas does not hold (the seed's sources credit
        # photos they show): without the file, a credit describes nothing on the page.
        context["photos"] = [photo for photo in event.photos.all() if photo.image]
        return context


SCHEMA_STATUS = {
    Event.State.PLANNED: "EventScheduled",
    Event.State.HELD: "EventScheduled",
    Event.State.POSTPONED: "EventPostponed",
    Event.State.CANCELLED: "EventCancelled",
}
SCHEMA_MODE = {
    Event.Mode.IN_PERSON: "OfflineEventAttendanceMode",
    Event.Mode.ONLINE: "OnlineEventAttendanceMode",
    Event.Mode.HYBRID: "MixedEventAttendanceMode",
}


def event_structured_data(event, request) -> dict | None:
    """schema.org Event for search engines; None for an event without a known date."""
    if event.start is None:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.name,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": event.start.iso,
        "eventStatus": f"https://schema.org/{SCHEMA_STATUS[event.state]}",
    }
    if event.end:
        data["endDate"] = event.end.iso
    if event.mode:
        data["eventAttendanceMode"] = f"https://schema.org/{SCHEMA_MODE[event.mode]}"
    if event.summary:
        data["description"] = event.summary
    # One schema.org Place for the event's own place and each further one.
    locations = []
    for place in event.shown_places:
        if not (place.city or place.venue or place.country):
            continue
        address = {"@type": "PostalAddress"}
        if place.city:
            address["addressLocality"] = place.city
        if place.country:
            address["addressCountry"] = place.country
        locations.append(
            {"@type": "Place", "name": place.venue or place.city or place.country, "address": address}
        )
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        row.organisation
        for row in event.participations.all()
        if row.role in {EventParticipation.Role.HOST, EventParticipation.Role.ORGANISER}
    ]
    if organisers:
        data["organizer"] = [
            {
                "@type": "Organization",
                "name": str(org.name),
                "url": request.build_absolute_uri(org.get_absolute_url()),
            }
            for org in organisers
        ]
    return data


# The months a calendar may show; the same bound refuses ``?month=1066-10``.
CALENDAR_YEARS = (1900, 2200)
# The calendar's own parameters; every other one is a filter of the event list.
CALENDAR_PARAMETERS = ("month", "jump_year", "jump_month")


def month_of(day: datetime.date | None) -> datetime.date | None:
    return day.replace(day=1) if day else None


def month_query(params, month: datetime.date) -> str:
    """The query string of the calendar at ``month``, with the filters kept and the picker's
    parameters dropped (the address then names its month once)."""
    params = params.copy()
    for name in ("jump_year", "jump_month"):
        params.pop(name, None)
    return query_with(params, "month", month.strftime("%Y-%m"), toggle=False)


def asked_month(params) -> tuple[datetime.date | None, str | None]:
    """The month the address asks for — ``?month=2024-05``, or the picker's ``?jump_year=2024&jump_month=5``
    — and an error message for one that is not a month; (None, None) when it asks for none."""
    year, number = params.get("jump_year", ""), params.get("jump_month", "")
    month_param = f"{year}-{number.zfill(2)}" if year or number else params.get("month", "")
    if not month_param:
        return None, None
    try:
        first = datetime.datetime.strptime(month_param, "%Y-%m").date()
        if not CALENDAR_YEARS[0] <= first.year <= CALENDAR_YEARS[1]:
            raise ValueError(month_param)
    except ValueError:
        return None, _("“%(month)s” is not a month; write it as YYYY-MM, e.g. 2024-05.") % {
            "month": month_param[:20]
        }
    return first, None


def opening_month(events, today: datetime.date) -> datetime.date:
    """The month a calendar opens on: that of the next event not over yet, else of the latest event,
    else this month — never an empty month far from every event."""
    upcoming = events.upcoming(today).order_by("start_date").values_list("start_date", flat=True).first()
    if upcoming:
        return month_of(max(upcoming, today))  # a running event's month is this one
    latest = (
        events.filter(start_date__isnull=False).order_by("-start_date").values_list("start_date", flat=True)
    )
    return month_of(latest.first()) or today.replace(day=1)


class EventCalendarView(TemplateView):
    """A month of events as a calendar grid, with the event list's filters (``?month=2024-05``).

    Events known to the day sit on their days; events known only to the month (or year) are listed
    under the grid rather than placed on a day the source never gave. Without a month it opens on
    the next event's (or the latest event's); a picker, the neighbouring months and, for a month
    without events, the nearest months that have some move it. On a narrow screen the same events
    are a list (date, name, place): a week of seven columns does not fit 360 pixels.
    """

    template_name = "events/event_calendar.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        params = request.GET.copy()
        for name in CALENDAR_PARAMETERS:
            params.pop(name, None)
        filterset = EventFilterSet(
            params or None, queryset=Event.objects.visible_to(request.user), request=request
        )
        filtered = filterset.qs
        first, error = asked_month(request.GET)
        if first is None:
            first = opening_month(filtered, today)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        events = list(
            filtered.filter(start_date__lte=last)
            .filter(Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first))
            .order_by("start_date", "name", "id")
            .with_places(request.user)
        )
        by_day = {}
        loose, on_days = [], []
        for event in events:
            if event.start_precision != Precision.DAY:
                loose.append(event)
                continue
            on_days.append(event)
            end = event.end.last_day if event.end else event.start_date
            day = max(event.start_date, first)
            while day <= min(end, last):
                by_day.setdefault(day, []).append(event)
                day += datetime.timedelta(days=1)
        local_week = dates.week()
        weeks = [
            [(day, day.month == first.month, by_day.get(day, [])) for day in days]
            for days in calendar.Calendar(local_week.first_day).monthdatescalendar(first.year, first.month)
        ]
        bounds = filtered.aggregate(
            earliest=Min("start_date"),
            latest=Max("start_date"),
            before=Max("start_date", filter=Q(start_date__lt=first)),
            after=Min("start_date", filter=Q(start_date__gt=last)),
        )
        previous_month = (first - datetime.timedelta(days=1)).replace(day=1)
        next_month = last + datetime.timedelta(days=1)
        context = self.get_context_data(
            month=first,
            month_name=self.month_name(first),
            weeks=weeks,
            day_events=on_days,
            loose_events=loose,
            weekdays=local_week.day_names,
            previous_query=month_query(request.GET, previous_month),
            next_query=month_query(request.GET, next_month),
            nearest=self.nearest(request.GET, bounds) if not events else [],
            years=self.years(bounds, first, today),
            months=list(enumerate(dates.month_names(dates.date_forms().locale), start=1)),
            kept_filters=[(name, value) for name, values in params.lists() for value in values],
            filter_errors=filterset.form.errors if filterset.is_bound else {},
            error=error,
        )
        status = 400 if error or context["filter_errors"] else 200
        return self.render_to_response(context, status=status)

    @staticmethod
    def month_name(month: datetime.date) -> str:
        return dates.format_date(dates.PartialDate(month, Precision.MONTH))

    def nearest(self, params, bounds) -> list[tuple[str, str, str]]:
        """For a month without events: (rel, month's name, query) of the nearest earlier and later
        months that have events (with the filters kept)."""
        return [
            (rel, self.month_name(month_of(day)), month_query(params, month_of(day)))
            for rel, day in (("prev", bounds["before"]), ("next", bounds["after"]))
            if day
        ]

    @staticmethod
    def years(bounds, first: datetime.date, today: datetime.date) -> list[int]:
        """The picker's years: every year from the earliest event to the latest, this year and the
        shown one included."""
        known = [day.year for day in (bounds["earliest"], bounds["latest"]) if day] + [first.year, today.year]
        return list(range(min(known), max(known) + 1))


class EventTimelineView(EventListView):
    """The filtered events on a timeline, one lane per dialogue (``events/timeline.py``).

    The same filters and facets as the list; instead of a page of cards, a table of every lane's
    phases and events by year (or counts, above ``timeline.MAX_MARKS``), which the drawing
    (``static/atlas/views/timeline.js``, from ``/api/v1/timeline/``) enhances.
    """

    template_name = "events/event_timeline.html"
    results_template_name = "events/_event_timeline.html"
    paginate_by = None
    extra_filter_fields = ("when",)

    def get_queryset(self):
        super().get_queryset()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        built = timeline.build_timeline(self.object_list, self.request.user)
        context = super().get_context_data(timeline=built, **kwargs)
        context["years"] = timeline.years(built)
        context["kinds"] = stated_choices(Event.Kind.choices)  # "not stated" as ``not_stated``
        return context

    def total(self, context) -> int:
        return context["timeline"].total
