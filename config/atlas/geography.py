"""The map of events and organisations: ``/map/`` (every language) and ``GET /api/v1/map/``.

Both read one thing, ``map_layers()``: the events the visitor may see, filtered by the event list's
FilterSet, grouped by place (their coordinates: one point per place, with its count and at most
``EVENTS_PER_PLACE`` references), and the organisations the visitor may see per country, filtered
by the organisation list's FilterSet under the prefix ``org-`` (``?org-kind=ngo``). Organisations
record a country only, so they are shown per country and never as points; events known only by
their country, and online events, are counted but not placed.

An event held in several places (``EventPlace``: the study tour to Berlin and Cologne) is a point
at its own place and at each further place the visitor may see, and is counted at each.

The work is a fixed number of queries whatever the number of events: the places are two GROUP BYs
(the events' own places, their further places), the references two window queries, the
organisations one GROUP BY, the total one count and the events placed only by a further place one
more. The page
renders the same data as a table (the map's alternative, shown without JavaScript); the drawing
(``static/atlas/views/map.js``) fetches the endpoint with the page's query.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Min, Window
from django.db.models.functions import RowNumber
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django_countries.data import ALT_CODES
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.parameters import QueryParameters, filterset_parameters
from config.api.permissions import TokenScope
from config.api.schema import parameter_schema
from config.api.serializers import reference
from config.framework.fields import country_names_by_code
from events.filtersets import EventFilterSet
from events.models import Event, EventPlace
from events.views import EventListView
from institutions.filtersets import OrganisationFilterSet
from institutions.models import Organisation

EVENTS_PER_PLACE = 20  # references listed per place; the place's count says how many there are
ORGANISATION_PREFIX = "org"
NAME_COLUMNS = tuple(
    f"name_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES
)  # ?org-kind=ngo&org-country=DE: the organisation layer's filters


@dataclass
class Place:
    key: str  # "55.865150,-4.257630": the place's coordinates, its identity
    latitude: float
    longitude: float
    city: str
    country: str
    count: int
    events: list = field(default_factory=list)  # the latest EVENTS_PER_PLACE, newest first

    @property
    def more(self) -> int:
        return self.count - len(self.events)

    @property
    def anchor(self) -> str:
        """The id of the place's row in the table (map.js derives the same)."""
        return "place-" + "".join(c if c.isdigit() or c == "-" else "_" for c in self.key)

    @property
    def country_name(self) -> str:
        return country_names_by_code().get(self.country, self.country)


@dataclass
class MapLayers:
    events: int  # every event the filters match, placed or not
    places: list[Place]
    organisations: list[tuple[str, int]]  # (country, organisations), most first
    placed_events: int  # events with at least one place on the map, each counted once

    @property
    def countries(self) -> int:
        return len({place.country for place in self.places if place.country})

    @property
    def organisation_count(self) -> int:
        return sum(count for _country, count in self.organisations)


def organisation_filterset(params, request) -> OrganisationFilterSet:
    return OrganisationFilterSet(
        params or None,
        queryset=Organisation.objects.visible_to(request.user),
        request=request,
        prefix=ORGANISATION_PREFIX,
    )


def placed(events):
    """The events that are points: with coordinates, and not held online."""
    return events.filter(latitude__isnull=False, longitude__isnull=False).exclude(mode=Event.Mode.ONLINE)


def newest_first(event) -> tuple:
    """The order of a place's events: latest start first, undated last, then the higher id."""
    start = event.start_date
    return (start is None, -start.toordinal() if start else 0, -event.id)


def further_places(events, user):
    """The further places (``EventPlace``) of the events that are not held online, that ``user``
    may see and the gazetteer or an editor has placed: an event held in Berlin and Cologne is a
    point at each."""
    return EventPlace.objects.visible_to(user).filter(
        latitude__isnull=False,
        longitude__isnull=False,
        event__in=events.order_by().exclude(mode=Event.Mode.ONLINE).values("pk"),
    )


def map_layers(events, organisations, user=None) -> MapLayers:
    """Places with their counts and latest events, and organisations per country, in seven queries.

    An event is counted at its own place and at each of its further places (``EventPlace``), so a
    place's count is the events held there; the summary's placed events count each event once.
    """
    points = placed(events.order_by())
    stops = further_places(events, user if user is not None else AnonymousUser())
    own_rows = list(
        points.values("latitude", "longitude").annotate(
            count=Count("*"), city=Min("city"), country=Min("country")
        )
    )
    further_rows = list(
        stops.order_by()
        .values("latitude", "longitude")
        .annotate(count=Count("*"), city=Min("city"), country=Min("country"))
    )
    places: dict[tuple, Place] = {}
    for row in (*own_rows, *further_rows):
        point = (row["latitude"], row["longitude"])
        if point in places:
            places[point].count += row["count"]
            places[point].city = min(places[point].city, row["city"])
            continue
        places[point] = Place(
            key=f"{row['latitude']},{row['longitude']}",
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            city=row["city"],
            country=row["country"],
            count=row["count"],
        )
    places = dict(sorted(places.items(), key=lambda item: (-item[1].count, item[0])))
    # Only what a reference and the table show: the rows are ranked before all but the latest go.
    shown = ("id", "slug", *NAME_COLUMNS, "start_date", "start_precision", "end_date", "end_precision")
    latest = (
        points.only(*shown, "latitude", "longitude")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("latitude"), F("longitude")],
                order_by=[F("start_date").desc(nulls_last=True), F("id").desc()],
            )
        )
        .filter(rank__lte=EVENTS_PER_PLACE)
    )
    latest_further = (
        stops.select_related("event")
        .only("latitude", "longitude", *(f"event__{name}" for name in shown))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("latitude"), F("longitude")],
                order_by=[F("event__start_date").desc(nulls_last=True), F("event_id").desc()],
            )
        )
        .filter(rank__lte=EVENTS_PER_PLACE)
    )
    found = [(event.latitude, event.longitude, event) for event in latest]
    found += [(stop.latitude, stop.longitude, stop.event) for stop in latest_further]
    # Newest first within a place, as each query ranked them; the two lists merged, the latest kept.
    found.sort(key=lambda item: newest_first(item[2]))
    for latitude, longitude, event in found:
        place = places[latitude, longitude]
        if len(place.events) < EVENTS_PER_PLACE and event not in place.events:
            place.events.append(event)
    # Events placed only by a further place, for the summary (the rest are the own points).
    only_further = stops.filter(event__latitude__isnull=True).values("event").distinct().count()
    per_country = (
        organisations.order_by()
        .exclude(country="")
        .values("country")
        .annotate(count=Count("*"))
        .order_by("-count", "country")
    )
    return MapLayers(
        events=events.count(),
        places=list(places.values()),
        organisations=[(row["country"], row["count"]) for row in per_country],
        placed_events=sum(row["count"] for row in own_rows) + only_further,
    )


def country_numbers() -> dict[str, str]:
    """ISO 3166-1 numeric code (as the world atlas writes its ids: "276") to alpha-2 ("DE").

    Read from django-countries' table of codes, not typed here.
    """
    return {f"{numeric:03d}": code for code, (_alpha3, numeric) in ALT_CODES.items() if numeric}


# The page.


class MapPageView(EventListView):
    """``/map/``: the event list's filter panel, the map, and the same data as a table."""

    template_name = "visuals/map.html"
    results_template_name = "visuals/_map_results.html"
    paginate_by = None
    extra_filter_fields = ("when",)  # the map has no order

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = organisation_filterset(self.request.GET, self.request)
        context["organisation_errors"] = organisations.form.errors if organisations.is_bound else {}
        layers = map_layers(self.filterset.qs, organisations.qs, self.request.user)
        names = country_names_by_code()
        context["layers"] = layers
        context["organisation_rows"] = [
            (code, names.get(code, code), count) for code, count in layers.organisations
        ]
        context["list_query"] = self.request.GET.urlencode()
        context["map_config"] = {
            "api": reverse("api:map"),
            "query": self.request.GET.urlencode(),
            "language": get_language(),
            "world": static("atlas/vendor/world-atlas/countries-110m.json"),
            "countries": {
                number: [code, names.get(code, code)] for number, code in country_numbers().items()
            },
        }
        # What the drawing writes, in the page's language (map.js holds no interface text).
        context["map_labels"] = {
            "events": gettext("Events"),
            "organisations": gettext("Organisations"),
            "zoomIn": gettext("Zoom in to see these places one by one"),
            "more": gettext("and {n} more"),
        }
        return context

    def render_to_response(self, context, **response_kwargs):
        if context["organisation_errors"]:
            context["filter_errors"] = {**context["filter_errors"], **context["organisation_errors"]}
        return super().render_to_response(context, **response_kwargs)


# The API.


class MapEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()
    html_url = serializers.URLField()
    start = serializers.CharField(allow_null=True, help_text="The first day, as precise as known.")
    period = serializers.CharField(help_text="When, written in the language asked for.")


class MapPlaceSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The place's coordinates, `latitude,longitude`: its identity.")
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()
    city = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2, or EU.")
    country_name = serializers.CharField()
    count = serializers.IntegerField(help_text="Events at this place that match the filters.")
    events = MapEventSerializer(many=True, help_text=f"The latest {EVENTS_PER_PLACE}, newest first.")
    more = serializers.IntegerField(help_text="Events at this place not listed in `events`.")


class MapCountrySerializer(serializers.Serializer):
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2, or EU.")
    country_name = serializers.CharField()
    count = serializers.IntegerField(help_text="Organisations in this country that match the filters.")


class MapSummarySerializer(serializers.Serializer):
    events = serializers.IntegerField(help_text="Events that match the filters, placed or not.")
    placed_events = serializers.IntegerField(help_text="Of them, events with a place on the map.")
    places = serializers.IntegerField()
    countries = serializers.IntegerField(help_text="Countries with at least one place.")
    organisations = serializers.IntegerField(help_text="Organisations with a country, per the filters.")


class MapSerializer(serializers.Serializer):
    summary = MapSummarySerializer()
    places = MapPlaceSerializer(many=True)
    organisations = MapCountrySerializer(many=True)


def filter_parameters(filterset_class, names=None, prefix="") -> list[OpenApiParameter]:
    """The schema's parameters of a FilterSet's filters (``names`` only, if given), typed as the
    API lists document them (``config.api.schema.parameter_schema``)."""
    filters = filterset_class(queryset=filterset_class._meta.model.objects.none()).filters
    parameters = []
    for name, filter_ in filters.items():
        resolved = parameter_schema(filter_.field)
        if (names is not None and name not in names) or resolved is None:
            continue
        schema, style, explode = resolved
        parameters.append(
            OpenApiParameter(
                f"{prefix}{name}",
                type=schema,
                style=style,
                explode=explode,
                description=str(filter_.label or filter_.field.label or ""),
            )
        )
    return parameters


ORGANISATION_FILTERS = ("kind", "country")


def event_reference(event, request) -> dict:
    return {
        **reference(event, request),
        "start": event.start.iso if event.start else None,
        "period": event.period,
    }


class MapView(QueryParameters, APIView):
    """Events by place and organisations by country, with the event list's filters (``org-``
    prefixed: the organisation list's), over what the caller may see."""

    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]

    def query_parameters(self) -> set[str]:
        organisation = {f"{ORGANISATION_PREFIX}-{name}" for name in ORGANISATION_FILTERS}
        return super().query_parameters() | filterset_parameters(EventFilterSet) | organisation

    @extend_schema(
        operation_id="map",
        parameters=[
            *filter_parameters(EventFilterSet),
            *filter_parameters(OrganisationFilterSet, ORGANISATION_FILTERS, f"{ORGANISATION_PREFIX}-"),
        ],
        responses={200: MapSerializer},
    )
    def get(self, request, *args, **kwargs):
        params = request.query_params
        events = EventFilterSet(
            params or None, queryset=Event.objects.visible_to(request.user), request=request
        )
        organisations = organisation_filterset(params, request)
        errors = {}
        if events.is_bound and not events.is_valid():
            errors |= events.form.errors
        if organisations.is_bound and not organisations.is_valid():
            errors |= {
                f"{ORGANISATION_PREFIX}-{name}": value for name, value in organisations.form.errors.items()
            }
        if errors:
            raise ValidationError(errors)
        layers = map_layers(events.qs, organisations.qs, request.user)
        names = country_names_by_code()
        data = {
            "summary": {
                "events": layers.events,
                "placed_events": layers.placed_events,
                "places": len(layers.places),
                "countries": layers.countries,
                "organisations": layers.organisation_count,
            },
            "places": [
                {
                    "key": place.key,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "city": place.city,
                    "country": place.country,
                    "country_name": place.country_name,
                    "count": place.count,
                    "events": [event_reference(event, request) for event in place.events],
                    "more": place.more,
                }
                for place in layers.places
            ],
            "organisations": [
                {"country": code, "country_name": names.get(code, code), "count": count}
                for code, count in layers.organisations
            ],
        }
        return Response(MapSerializer(data).data)
