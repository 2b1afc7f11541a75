"""Public pages of events: the filterable list and an event's page."""

import calendar
import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from config.framework import dates
from config.framework.dates import Precision
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
from events.filtersets import EventFilterSet
from events.models import Event, EventParticipation, EventSpeaker, Photo, Session
from institutions.models import Organisation
from projects.models import Project


class EventListView(FilteredListView):
    model = Event
    filterset_class = EventFilterSet
    template_name = "events/event_list.html"
    results_template_name = "events/_event_results.html"
    extra_filter_fields = ("when", "ordering")
    facets = (
        Facet(
            "dialogue", gettext_lazy("Dialogue"), "dialogue__slug", "dialogue__name", related_model=Dialogue
        ),
        Facet("kind", gettext_lazy("Kind"), "kind"),
        Facet("year", gettext_lazy("Year"), "start_date__year", single=True),
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


class EventDetailView(RecordDetailView):
    model = Event
    template_name = "events/event_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        return queryset.select_related("dialogue", "working_group", "parent").prefetch_related(
            Prefetch("topics", visible_queryset(Topic, user)),
            Prefetch("projects", visible_queryset(Project, user)),
            Prefetch("documents", visible_queryset(Publication, user)),
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
        if event.dialogue_id and event.number:
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
    if event.city or event.venue or event.country:
        address = {"@type": "PostalAddress"}
        if event.city:
            address["addressLocality"] = event.city
        if event.country:
            address["addressCountry"] = event.country
        data["location"] = {
            "@type": "Place",
            "name": event.venue or event.city or event.country,
            "address": address,
        }
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


class EventCalendarView(TemplateView):
    """A month of events as a calendar grid, with the event list's filters (``?month=2024-05``).

    Events known to the day sit on their days; events known only to the month (or year) are listed
    under the grid rather than placed on a day the source never gave.
    """

    template_name = "events/event_calendar.html"

    def get(self, request, *args, **kwargs):
        error = None
        month_param = request.GET.get("month") or timezone.localdate().strftime("%Y-%m")
        try:
            first = datetime.datetime.strptime(month_param, "%Y-%m").date()
            if not 1900 <= first.year <= 2200:
                raise ValueError(month_param)
        except ValueError:
            error = _("“%(month)s” is not a month; write it as YYYY-MM, e.g. 2024-05.") % {
                "month": month_param[:20]
            }
            first = timezone.localdate().replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        params = request.GET.copy()
        params.pop("month", None)
        filterset = EventFilterSet(
            params or None, queryset=Event.objects.visible_to(request.user), request=request
        )
        events = list(
            filterset.qs.filter(start_date__lte=last)
            .filter(Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first))
            .order_by("start_date", "name", "id")
        )
        by_day = {}
        loose = []
        for event in events:
            if event.start_precision != Precision.DAY:
                loose.append(event)
                continue
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
        previous_month = (first - datetime.timedelta(days=1)).replace(day=1)
        next_month = last + datetime.timedelta(days=1)
        context = self.get_context_data(
            month=first,
            month_name=dates.format_date(dates.PartialDate(first, Precision.MONTH)),
            weeks=weeks,
            loose_events=loose,
            weekdays=local_week.day_names,
            previous_query=query_with(request.GET, "month", previous_month.strftime("%Y-%m"), toggle=False),
            next_query=query_with(request.GET, "month", next_month.strftime("%Y-%m"), toggle=False),
            filter_errors=filterset.form.errors if filterset.is_bound else {},
            error=error,
        )
        status = 400 if error or context["filter_errors"] else 200
        return self.render_to_response(context, status=status)


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
        context["kinds"] = Event.Kind.choices
        return context

    def total(self, context) -> int:
        return context["timeline"].total
