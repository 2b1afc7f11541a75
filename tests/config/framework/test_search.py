"""Site search: ranking, German and Chinese, names across languages, accents, visibility, and queries
that try to break it."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import translation

from config.framework.search import (
    HAN_RUN,
    bigram_text,
    clean_query,
    marked,
    search_all,
    search_page,
    search_records,
)
from config.framework.visibility import Status, Visibility
from dialogues.models import Dialogue
from institutions.models import Organisation, Person
from projects.models import Project
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
        # Quotes inside a lexeme (a URL's path) next to the lexemes that become prefixes.
        "http://x.de/abcd'e Klimaschutz",
        "http://x.de/a''碳''b 低:",
        "'碳' \"低碳 -\"交通",
        "d'abcd@x.com 𠀀𠀁 :*",
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


# German: stemmed as German, compounds found by the start of their first word ----------------------


def test_a_german_query_is_stemmed_as_german():
    wende = factories.ProjectFactory(
        title="Transport transition", title_de="Verkehrswende in chinesischen Städten", slug="wende"
    )
    factories.ProjectFactory(title="Grid integration", title_de="Netzintegration")

    # "Städte" and "Städten" share the German stem "stadt"; neither is an English word.
    assert [project.slug for project in search_records(type(wende), "Städte", AnonymousUser())] == ["wende"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Klima", ["klimaschutz"]),  # the start of "Klimaschutzprogramm"
        ("Verkehr", ["verkehrswende"]),  # the start of "Verkehrswende"
        ("Klimaschutzes", ["klimaschutz"]),  # the genitive: the stem "klimaschutz", which starts it too
        ("Wende", []),  # the end of a compound: no German dictionary splits it here
        ("Rat", []),  # a stem of three letters matches whole words only, not "Ratifizierung"
    ],
)
def test_a_german_query_finds_compounds_that_start_with_it(query, found):
    factories.DialogueFactory(
        name="Climate action", slug="klimaschutz", summary_de="Ein Klimaschutzprogramm für zwei Städte."
    )
    factories.DialogueFactory(
        name="Transport", slug="verkehrswende", description_de="Die Verkehrswende und die Ratifizierung."
    )

    assert [dialogue.slug for dialogue in search_records(Dialogue, query, AnonymousUser())] == found


# Chinese: Han characters searched as overlapping pairs ----------------------------------------------


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("低碳交通", ' "低碳 碳交 交通" '),
        ('"低碳交通" 合作', '" 低碳 碳交 交通 "  "合作" '),
        ('"中德 低碳交通"', '" 中德   低碳 碳交 交通 "'),  # inside the user's quotes: one phrase
        ("-气候 碳", '- "气候"   碳 '),
        ("CLCT", "CLCT"),
    ],
)
def test_bigram_text_writes_han_runs_as_phrases_of_pairs(query, text):
    assert bigram_text(query) == text


def test_python_and_the_database_agree_on_what_a_han_character_is():
    edges = [0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF]
    edges += [0xFB00, 0x1FFFF, 0x20000, 0x2A6DF, 0x3134F, 0x31350]
    with connection.cursor() as cursor:
        cursor.execute("SELECT c, atlas_han_bigrams(chr(c) || chr(c)) FROM unnest(%s::int[]) AS c", [edges])
        in_database = {chr(code): bigrams != chr(code) * 2 for code, bigrams in cursor.fetchall()}

    assert in_database == {chr(code): bool(HAN_RUN.fullmatch(chr(code))) for code in edges}


CLCT_SUMMARY = "中德低碳交通合作项目支持中国城市发展绿色出行，应对气候变化。"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("低碳交通", ["clct"]),  # a word inside a sentence of the summary
        ("气候", ["t2d", "clct"]),  # in the name of one (ranked first), the summary of the other
        ("中德", ["t2d", "clct"]),
        ("碳", ["clct"]),  # one character, the start of a pair
        ("化", ["t2d", "clct"]),  # one character, also where it ends a sentence
        ("交通低碳", []),  # the same characters in another order
        ("气候 交通", ["clct"]),  # every word of the query
        ("气候 -交通", ["t2d"]),  # and none of the excluded
        ("CLCT 交通", ["clct"]),  # an acronym beside Chinese
        ("绿色交通", []),  # two words of the text that are not next to each other
    ],
)
def test_a_chinese_query_finds_chinese_text(query, found):
    factories.ProjectFactory(
        title="Low Carbon Transport", slug="clct", acronym="CLCT", summary_zh_hans=CLCT_SUMMARY
    )
    factories.DialogueFactory(name="Track II Dialogue", slug="t2d", name_zh_hans="中德气候变化二轨对话")
    factories.DialogueFactory(name="Other", slug="other", summary_zh_hans="美国与印度的专家对话。")

    results = [
        *search_records(Dialogue, query, AnonymousUser()),
        *search_records(Project, query, AnonymousUser()),
    ]

    assert [record.slug for record in sorted(results, key=lambda record: -record.rank)] == found


@pytest.mark.parametrize(
    ("query", "passage"),
    [
        ("低碳交通", "中德<mark>低碳交通</mark>合作项目支持中国城市发展绿色出行，应对气候变化。"),
        ("碳 中国", "中德低<mark>碳</mark>交通合作项目支持<mark>中国</mark>城市发展绿色出行，应对气候变化。"),
        ("绿色出行 -汽车", "中德低碳交通合作项目支持中国城市发展<mark>绿色出行</mark>，应对气候变化。"),
    ],
)
def test_a_chinese_result_shows_its_passage_with_the_query_marked(query, passage):
    factories.ProjectFactory(title="Low Carbon Transport", summary_zh_hans=CLCT_SUMMARY)

    with translation.override("zh-hans"):
        [group] = search_all(query, AnonymousUser())

    # The passage is the summary and the (empty) description, each followed by a space.
    assert [record.headline for record in group.results] == [f"{passage}  "]


@pytest.mark.parametrize(
    ("query", "reads_bigrams"),
    [
        ("UBA", False),
        ("Umweltbundesamt", False),
        ("emission trading", False),
        ("环境署", True),
        ("UBA 环境", True),
    ],
)
def test_only_a_query_with_han_characters_reads_the_bigram_column(query, reads_bigrams):
    # So English and German queries match and rank exactly as they did before the column existed.
    sql = str(Organisation.objects.search(query).query)

    assert ('"search_bigrams" @@' in sql) == reads_bigrams
    assert ('ts_rank("institutions_organisation"."search_bigrams"' in sql) == reads_bigrams


def test_an_acronym_ranks_the_same_in_a_query_with_or_without_chinese():
    # The acronym is in both columns; its full-text rank counts once per column the query reads.
    factories.OrganisationFactory(
        name="German Environment Agency", acronym="UBA", name_zh_hans="德国联邦环境署"
    )

    [english] = search_records(Organisation, "UBA", AnonymousUser())
    [chinese] = search_records(Organisation, "环境署", AnonymousUser())
    [both] = search_records(Organisation, "UBA 环境署", AnonymousUser())

    assert english.rank > 0 and chinese.rank > 0
    assert both.rank > english.rank


# Every language finds a record through its names in the others ------------------------------------


@pytest.mark.parametrize("language", ["en", "de", "zh-hans"])
@pytest.mark.parametrize(
    "query", ["Umweltbundesamt", "UBA", "German Environment Agency", "联邦环境署", "环境"]
)
def test_any_language_finds_a_record_by_its_names_in_the_others(language, query):
    uba = factories.OrganisationFactory(
        name="German Environment Agency",
        name_de="Umweltbundesamt",
        name_zh_hans="德国联邦环境署",
        acronym="UBA",
        native_name="Umweltbundesamt",
        aliases=["Umwelt Bundesamt"],
    )
    factories.OrganisationFactory(
        name="Deutsche Gesellschaft für Internationale Zusammenarbeit", acronym="GIZ"
    )

    with translation.override(language):
        assert list(search_records(Organisation, query, AnonymousUser())) == [uba]


# Exact names first, marks without accents, types and orders (the search page) -----------------------


def test_an_exact_acronym_comes_first_though_others_rank_higher():
    agency = factories.OrganisationFactory(name="German Environment Agency", acronym="UBA")
    mentions = factories.OrganisationFactory(
        name="UBA partners network", description="UBA works with UBA partners; UBA chairs it."
    )

    results = list(search_records(Organisation, "uba", AnonymousUser()))

    assert results == [agency, mentions]
    assert results[1].rank > results[0].rank  # full text alone would put the agency last
    assert [record.exact for record in results] == [True, False]


def test_an_exact_name_comes_first_in_any_of_its_languages_and_aliases():
    agency = factories.OrganisationFactory(name_en="Environment Agency", name_de="Umweltbundesamt")
    alias = factories.OrganisationFactory(name="Institute B", aliases=["Environment Agency"])
    longer = factories.OrganisationFactory(
        name="Environment Agency Environment Agency alliance", description="Environment agency."
    )

    assert list(search_records(Organisation, "environment agency", AnonymousUser()))[-1] == longer
    assert search_records(Organisation, "umweltbundesamt", AnonymousUser()).first() == agency
    assert {r.pk for r in search_records(Organisation, "Environment Agency", AnonymousUser()) if r.exact} == {
        agency.pk,
        alias.pk,
    }


def test_an_events_city_is_searched_but_is_not_its_name():
    event = factories.EventFactory(name="COP30", city="Belém")

    (found,) = search_records(type(event), "Belem", AnonymousUser())

    assert found.exact is False


@pytest.mark.parametrize(
    ("text", "query", "html"),
    [
        ("Belém, Brazil", "Belem", "<mark>Belém</mark>, Brazil"),
        ("Dessau-Roßlau", "rosslau", "Dessau-<mark>Roßlau</mark>"),
        ("Klimaschutz & <Klima>", "klima", "<mark>Klima</mark>schutz &amp; &lt;<mark>Klima</mark>&gt;"),
        ("Café Müller", "CAFE muller", "<mark>Café</mark> <mark>Müller</mark>"),
        ("应对气候变化", "气候", "应对<mark>气候</mark>变化"),
        ("Ubatuba UBA", "uba", "<mark>Uba</mark>tuba <mark>UBA</mark>"),
        ("Emissions", "x", "Emissions"),
        ("Emissions", "", "Emissions"),
    ],
)
def test_marked_marks_the_query_without_case_or_accents(text, query, html):
    assert str(marked(text, query)) == html


def test_a_passage_marks_words_matched_without_their_accents():
    factories.EventFactory(name="Closing event", summary="The conference in Belém closed phase two.")

    (group,) = search_all("Belem", AnonymousUser())

    assert "in <mark>Belém</mark> closed" in str(group.results[0].headline)


def test_the_search_page_counts_every_type_and_shows_one():
    factories.DialogueFactory(name="Hydrogen dialogue")
    factories.EventFactory.create_batch(3, name="Hydrogen workshop")

    everything = search_page("hydrogen", AnonymousUser())
    events = search_page("hydrogen", AnonymousUser(), kind="events")

    counts = {item.key: count for item, count in everything.counts if count}
    assert counts == {"dialogues": 1, "events": 3}
    assert (everything.total, len(everything.results)) == (4, 4)
    assert {item.key: count for item, count in events.counts if count} == counts
    assert (events.total, [r.searchable.key for r in events.results]) == (3, ["events"] * 3)


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("newest", ["2024", "2021", "2019 dialogue", "undated", "person"]),
        ("oldest", ["2019 dialogue", "2021", "2024", "undated", "person"]),
    ],
)
def test_the_search_page_sorts_by_date_with_the_undated_last(sort, order):
    factories.EventFactory(name="Hydrogen 2021", start_date=datetime.date(2021, 3, 1))
    factories.EventFactory(name="Hydrogen undated", start_date=None)
    factories.EventFactory(name="Hydrogen 2024", start_date=datetime.date(2024, 5, 1))
    factories.DialogueFactory(name="Hydrogen 2019 dialogue", start_date=datetime.date(2019, 1, 1))
    factories.PersonFactory(given_name="Hydrogen", family_name="person")

    results = search_page("hydrogen", AnonymousUser(), sort=sort).results

    assert [str(result.record).removeprefix("Hydrogen ") for result in results] == order
