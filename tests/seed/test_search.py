"""Site search on the seed data: the examples visitors try."""

import pytest
from django.contrib.auth.models import AnonymousUser

from config.framework.search import search_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def top(query, key):
    """Slugs of the results of type ``key``, best first."""
    groups = {group.key: group for group in search_all(query, AnonymousUser(), per_type=5)}
    return [record.slug for record in groups[key].results] if key in groups else []


def test_search_emission_trading_finds_working_group_2_first():
    assert top("emission trading", "working_groups")[0] == "t2d-wg-2"


@pytest.mark.parametrize("query", ["Umweltbundesamt", "UBA", "German Environment Agency", "umweltbundesamt"])
def test_search_finds_the_german_environment_agency(query):
    assert top(query, "organisations")[0] == "uba"


def test_search_with_a_typo_finds_the_potsdam_plenary():
    assert top("Potsdm", "events") == ["t2d-plenary-9-potsdam-2024-10"]


def test_search_by_german_word_with_stemming():
    # "Emissionshandel" is in no record; the German stem of "Klimawandel" is in T2D's German name.
    assert top("Klimawandels", "dialogues") == ["t2d"]


def test_search_by_alias_finds_the_dialogue():
    assert top("Track-2-Dialogue", "dialogues")[0] == "t2d"


def test_search_groups_come_in_a_fixed_order():
    keys = [group.key for group in search_all("T2D", AnonymousUser())]

    assert keys == sorted(
        keys,
        key=[
            "dialogues",
            "working_groups",
            "projects",
            "events",
            "organisations",
            "people",
            "publications",
            "topics",
        ].index,
    )
    assert keys[0] == "dialogues"


def test_search_highlights_the_matching_passage():
    group = next(group for group in search_all("satellite", AnonymousUser()) if group.key == "working_groups")

    assert "<mark>satellite</mark>" in str(group.results[0].headline)
