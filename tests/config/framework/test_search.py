"""Site search: ranking, other scripts and accents, visibility, and queries that try to break it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from config.framework.search import clean_query, search_all, search_records
from config.framework.visibility import Status, Visibility
from dialogues.models import Dialogue
from institutions.models import Organisation, Person
from tests import factories

pytestmark = pytest.mark.django_db


def test_search_ranks_name_matches_above_description_matches():
    in_description = factories.OrganisationFactory(
        name="Institute A", description="Works on hydrogen and more."
    )
    in_name = factories.OrganisationFactory(name="Hydrogen Council")

    assert list(search_records(Organisation, "hydrogen", AnonymousUser())) == [in_name, in_description]


def test_search_finds_a_chinese_name():
    ncsc = factories.OrganisationFactory(name="NCSC", native_name="国家应对气候变化战略研究和国际合作中心")
    factories.OrganisationFactory(name="Other")

    assert list(search_records(Organisation, "气候变化战略", AnonymousUser())) == [ncsc]


def test_search_finds_a_person_by_native_script_name():
    person = factories.PersonFactory(given_name="Aimin", family_name="Ma", native_name="马爱民")

    assert list(search_records(Person, "马爱民", AnonymousUser())) == [person]


def test_search_ignores_accents():
    roßlau = factories.EventFactory(name="Plenary in Dessau-Roßlau")
    cafe = factories.OrganisationFactory(name="Institut Méditerranéen de Biodiversité")

    assert [r.pk for r in search_records(type(roßlau), "Rosslau", AnonymousUser())] == [roßlau.pk]
    assert list(search_records(Organisation, "mediterraneen", AnonymousUser())) == [cafe]


@pytest.mark.parametrize(
    ("status", "visibility"), [(Status.DRAFT, Visibility.PUBLIC), (Status.PUBLISHED, Visibility.PARTNERS)]
)
def test_search_leaves_out_what_the_visitor_may_not_see(status, visibility, partner):
    factories.DialogueFactory(name="Hidden hydrogen dialogue", status=status, visibility=visibility)

    assert search_all("hydrogen", AnonymousUser()) == []
    partner_results = [r.name for g in search_all("hydrogen", partner) for r in g.results]
    assert partner_results == (["Hidden hydrogen dialogue"] if status == Status.PUBLISHED else [])


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE dialogues_dialogue; --",
        "\x00",
        "a\x00b",
        "!!! & | :*",
        "x" * 10_000,
        "",
    ],
)
def test_search_survives_hostile_queries(query):
    factories.DialogueFactory(name="Hydrogen dialogue")

    search_all(query, AnonymousUser())

    assert Dialogue.objects.count() == 1


def test_clean_query_strips_nul_bytes_and_caps_length():
    assert clean_query("  a\x00b  ") == "a b"
    assert len(clean_query("x" * 500)) == 200


def test_database_classifies_chinese_characters(django_db_blocker):
    # pg_trgm sees Chinese text only with a UTF-8 character type (the embedded server's C.UTF-8).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT show_trgm('马爱民'), similarity('国家应对气候变化战略研究和国际合作中心', '气候变化')"
        )
        trigrams, similarity = cursor.fetchone()

    assert len(trigrams) == 4
    assert similarity > 0
