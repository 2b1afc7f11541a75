"""The API in every language: ``?lang=`` and ``Accept-Language``, a truthful ``Content-Language``
with ``fallbacks``, every translation at once (``?lang=all``), ETags and the response cache per
language, and writes in a language (config/api/languages.py)."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from institutions.models import Organisation
from tests import factories
from tests.config.atlas.test_changes import follow, start
from tests.helpers import api_error, if_match

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/uba/"


@pytest.fixture(autouse=True)
def english():
    """Records are made in English: a request's language (LocaleMiddleware's) stays active in the
    thread after it, and a factory's ``name`` is written in the active language."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def uba(db):
    """Named in English and German, described in English only."""
    return factories.OrganisationFactory(
        slug="uba",
        name="German Environment Agency",
        name_de="Umweltbundesamt",
        description="The federal agency for the environment.",
    )


def shown(response, *names) -> dict:
    body = response.json()
    return {name: body[name] for name in names}


# Which language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "accept", "name", "language"),
    [
        ({}, None, "German Environment Agency", "en"),
        ({}, "de", "Umweltbundesamt", "de, en"),
        ({}, "de-DE,de;q=0.9", "Umweltbundesamt", "de, en"),
        ({"lang": "de"}, None, "Umweltbundesamt", "de, en"),
        ({"lang": "de"}, "en", "Umweltbundesamt", "de, en"),
        ({"lang": "en"}, "de", "German Environment Agency", "en"),
        ({"lang": "DE"}, None, "Umweltbundesamt", "de, en"),
    ],
)
def test_lang_wins_over_accept_language(api, uba, query, accept, name, language):
    headers = {"Accept-Language": accept} if accept else {}

    response = api.get(URL, query, headers=headers)

    assert (response.status_code, response.json()["name"], response["Content-Language"]) == (
        200,
        name,
        language,
    )


@pytest.mark.parametrize("value", ["fr", "", "zh", "de,en", "all-languages"])
def test_an_unknown_language_is_a_400_naming_lang_and_its_values(api, uba, value):
    response = api.get(URL, {"lang": value})

    assert response.status_code == 400
    assert api_error(response)["errors"] == [
        {
            "field": "lang",
            "code": "invalid",
            "message": f"There is no language “{value}” here; lang takes: en, de, zh-hans, all.",
        }
    ]


def test_lang_given_twice_is_a_400(api, uba):
    response = api.get(URL + "?lang=de&lang=en")

    assert (response.status_code, api_error(response)["errors"]) == (
        400,
        [{"field": "lang", "code": "invalid", "message": "Give lang once; it takes: en, de, zh-hans, all."}],
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/organisations/",
        "/api/v1/organisations/export/",
        "/api/v1/search/",
        "/api/v1/dialogues/",
    ],
)
def test_every_read_takes_lang(api, uba, url):
    response = api.get(url, {"lang": "de", **({"q": "agency"} if "search" in url else {})})

    assert response.status_code == 200


def test_error_messages_follow_lang(api):
    # REST framework's own messages are translated already; the atlas's come with its catalogues.
    english, german = api.get("/api/v1/organisations/nope/"), api.get("/api/v1/organisations/nope/?lang=de")

    assert (api_error(english)["detail"], english["Content-Language"]) == ("Not found.", "en")
    assert (api_error(german)["detail"], german["Content-Language"]) == ("Nicht gefunden.", "de")


# Content-Language and fallbacks ---------------------------------------------------------------


def test_content_language_is_the_language_asked_for_when_every_text_has_it(api, uba):
    uba.description_de = "Die Umweltbehörde des Bundes."
    uba.save()

    response = api.get(URL, {"lang": "de"})

    assert response["Content-Language"] == "de"
    assert shown(response, "name", "description", "fallbacks") == {
        "name": "Umweltbundesamt",
        "description": "Die Umweltbehörde des Bundes.",
        "fallbacks": {},
    }


def test_a_text_that_falls_back_is_named_in_fallbacks_and_content_language(api, uba):
    response = api.get(URL, {"lang": "de"})

    assert response["Content-Language"] == "de, en"
    assert shown(response, "name", "description", "fallbacks") == {
        "name": "Umweltbundesamt",
        "description": "The federal agency for the environment.",
        "fallbacks": {"description": "en"},
    }


def test_chinese_falls_back_to_english_first_then_german(api, uba):
    factories.OrganisationFactory(slug="bmuv", name="", name_en="", name_de="Bundesumweltministerium")

    uba_response = api.get(URL, {"lang": "zh-hans"})
    bmuv_response = api.get("/api/v1/organisations/bmuv/", {"lang": "zh-hans"})

    assert (uba_response["Content-Language"], uba_response.json()["fallbacks"]) == (
        "zh-hans, en",
        {"name": "en", "description": "en"},
    )
    assert (bmuv_response["Content-Language"], bmuv_response.json()["fallbacks"]) == (
        "zh-hans, de",
        {"name": "de"},
    )


def test_a_referenced_name_that_falls_back_is_named_by_its_path(api, uba):
    child = factories.OrganisationFactory(slug="dehst", name="DEHSt", name_de="DEHSt", parent=uba)
    uba.name_de = ""
    uba.save()

    response = api.get(f"/api/v1/organisations/{child.slug}/", {"lang": "de"})

    body = response.json()
    assert (body["parent"]["name"], body["fallbacks"], response["Content-Language"]) == (
        "German Environment Agency",
        {"parent.name": "en"},
        "de, en",
    )


def test_nested_rows_and_many_references_say_their_own_fallbacks(api):
    topic = factories.TopicFactory(slug="ets", name="Emissions trading", name_de="Emissionshandel")
    other = factories.TopicFactory(slug="adaptation", name="Adaptation")
    dialogue = factories.DialogueFactory(slug="t2d", name="Track II Dialogue", name_de="Track-II-Dialog")
    dialogue.topics.set([topic, other])
    factories.DialogueAimFactory(dialogue=dialogue, order=1, text="Share experience", text_de="")

    body = api.get("/api/v1/dialogues/t2d/", {"lang": "de"}).json()

    position = [reference["slug"] for reference in body["topics"]].index("adaptation")
    assert body["fallbacks"] == {f"topics[{position}].name": "en"}
    assert [(aim["text"], aim["fallbacks"]) for aim in body["aims"]] == [("Share experience", {"text": "en"})]


def test_a_list_names_every_language_its_page_holds(api, uba):
    factories.OrganisationFactory(slug="giz", name="GIZ")

    response = api.get("/api/v1/organisations/", {"lang": "de"})

    assert response["Content-Language"] == "de, en"
    assert [(row["slug"], row["fallbacks"]) for row in response.json()["results"]] == [
        ("giz", {"name": "en"}),
        ("uba", {}),
    ]


# Every translation at once --------------------------------------------------------------------


def test_lang_all_gives_every_translated_field_in_every_language(api, uba):
    response = api.get(URL, {"lang": "all"})

    assert response["Content-Language"] == "en, de"
    assert shown(response, "name", "name_translations", "description", "description_translations") == {
        "name": "German Environment Agency",
        "name_translations": {"en": "German Environment Agency", "de": "Umweltbundesamt", "zh-hans": None},
        "description": "The federal agency for the environment.",
        "description_translations": {
            "en": "The federal agency for the environment.",
            "de": None,
            "zh-hans": None,
        },
    }


def test_translations_are_shown_only_with_lang_all(api, uba):
    for query in ({}, {"lang": "de"}):
        body = api.get(URL, query).json()
        assert [name for name in body if name.endswith("_translations")] == []


def test_lang_all_in_nested_rows_lists_and_exports(api):
    dialogue = factories.DialogueFactory(slug="t2d", name="Track II Dialogue", name_de="Track-II-Dialog")
    factories.DialogueAimFactory(dialogue=dialogue, order=1, text="Share experience", text_zh_hans="分享经验")

    detail = api.get("/api/v1/dialogues/t2d/", {"lang": "all"}).json()
    page = api.get("/api/v1/dialogues/", {"lang": "all"}).json()
    export = api.get("/api/v1/dialogues/export/", {"lang": "all"})
    lines = [json.loads(line) for line in b"".join(export.streaming_content).decode().splitlines()]

    all_names = {"en": "Track II Dialogue", "de": "Track-II-Dialog", "zh-hans": None}
    assert detail["aims"][0]["text_translations"] == {
        "en": "Share experience",
        "de": None,
        "zh-hans": "分享经验",
    }
    assert [row["name_translations"] for row in page["results"]] == [all_names]
    assert [line["name_translations"] for line in lines] == [all_names]
    assert export["Content-Language"] == "en, de, zh-hans"


def test_an_export_is_in_the_language_asked_for(api, uba):
    response = api.get("/api/v1/organisations/export/", {"lang": "de"}, headers={"Accept-Language": "en"})

    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [(line["name"], line["fallbacks"]) for line in lines] == [
        ("Umweltbundesamt", {"description": "en"})
    ]
    assert response["Content-Language"] == "de, en, zh-hans"


def test_a_csv_export_has_translation_columns_only_with_lang_all(api, uba):
    def rows(query):
        response = api.get("/api/v1/organisations/export/", {"format": "csv", **query})
        return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert "name_translations" not in rows({})[0]
    assert json.loads(rows({"lang": "all"})[0]["name_translations"]) == {
        "en": "German Environment Agency",
        "de": "Umweltbundesamt",
        "zh-hans": None,
    }
    factories.OrganisationFactory(slug="giz", name="GIZ")
    assert [(row["name"], row["fallbacks"]) for row in rows({"lang": "de"})] == [
        ("Umweltbundesamt", "{}"),
        ("GIZ", '{"name": "en"}'),
    ]


def test_the_docs_example_of_lang_all_is_what_the_api_answers(api):
    """docs/api.md shows a record read with ``?lang=all``; made here, it is answered the same."""
    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    example = json.loads(re.search(r"<!-- lang=all example -->\n```json\n(.*?)\n```", text, re.S).group(1))
    topic = factories.TopicFactory(
        slug="emissions-trading",
        name="Emissions trading",
        name_de="Emissionshandel",
        name_zh_hans="碳排放交易",
        description="Carbon markets that cap emissions.",
    )

    body = api.get(f"/api/v1/topics/{topic.slug}/", {"lang": "all"}).json()

    assert {name: body[name] for name in example} == example


# ETags, Vary and the response cache per language ----------------------------------------------


def test_a_german_etag_never_answers_an_english_request_with_a_304(api, uba):
    english = api.get(URL)["ETag"]
    german = api.get(URL, {"lang": "de"})["ETag"]

    assert english != german
    assert api.get(URL, {"lang": "de"}, headers={"If-None-Match": english}).status_code == 200
    assert api.get(URL, headers={"Accept-Language": "de", "If-None-Match": english}).status_code == 200
    assert api.get(URL, {"lang": "de"}, headers={"If-None-Match": german}).status_code == 304
    assert api.get(URL, headers={"Accept-Language": "de", "If-None-Match": german}).status_code == 304


def test_a_list_etag_is_per_language_even_where_the_text_is_the_same(api):
    factories.OrganisationFactory(slug="giz", name="GIZ")

    english = api.get("/api/v1/organisations/")["ETag"]
    response = api.get("/api/v1/organisations/", {"lang": "de"}, headers={"If-None-Match": english})

    assert response.status_code == 200
    assert response["ETag"] != english


def test_every_api_response_varies_by_accept_language(api, uba):
    for query in ({}, {"lang": "de"}):
        vary = {name.strip().lower() for name in api.get(URL, query)["Vary"].split(",")}
        assert "accept-language" in vary


def test_the_response_cache_keeps_each_language_apart(api, uba):
    english = api.get(URL)
    german = api.get(URL, headers={"Accept-Language": "de"})
    german_again = api.get(URL, headers={"Accept-Language": "de"})
    by_lang = api.get(URL, {"lang": "de"}, headers={"Accept-Language": "en"})
    by_lang_again = api.get(URL, {"lang": "de"}, headers={"Accept-Language": "zh-hans"})

    assert [
        (r.get("X-Cache"), r.json()["name"], r["Content-Language"])
        for r in (english, german, german_again, by_lang, by_lang_again)
    ] == [
        (None, "German Environment Agency", "en"),
        (None, "Umweltbundesamt", "de, en"),
        ("hit", "Umweltbundesamt", "de, en"),
        (None, "Umweltbundesamt", "de, en"),
        (None, "Umweltbundesamt", "de, en"),
    ]


# Writes in a language --------------------------------------------------------------------------


def test_a_write_in_a_language_lands_in_that_language(writer_api, uba):
    german = writer_api.patch(
        URL + "?lang=de",
        {"description": "Die Umweltbehörde."},
        format="json",
        headers=if_match(writer_api, URL),
    )
    chinese = writer_api.patch(
        URL,
        {"name": "德国联邦环境署"},
        format="json",
        headers={**if_match(writer_api, URL), "Accept-Language": "zh-hans"},
    )

    uba.refresh_from_db()
    assert (german.status_code, chinese.status_code) == (200, 200)
    assert (german.json()["description"], german["Content-Language"]) == ("Die Umweltbehörde.", "de")
    assert (uba.name_en, uba.name_de, uba.name_zh_hans) == (
        "German Environment Agency",
        "Umweltbundesamt",
        "德国联邦环境署",
    )
    assert (uba.description_en, uba.description_de) == (
        "The federal agency for the environment.",
        "Die Umweltbehörde.",
    )


def test_translations_are_written_language_by_language(writer_api, uba):
    response = writer_api.patch(
        URL,
        {"name_translations": {"zh-hans": "德国联邦环境署", "de": None}},
        format="json",
        headers=if_match(writer_api, URL),
    )

    uba.refresh_from_db()
    assert response.status_code == 200
    assert (uba.name_en, uba.name_de, uba.name_zh_hans) == (
        "German Environment Agency",
        None,
        "德国联邦环境署",
    )


def test_a_record_may_be_created_with_every_translation(writer_api):
    response = writer_api.post(
        "/api/v1/organisations/",
        {
            "slug": "mee",
            "name": "Ministry of Ecology and Environment",
            "name_translations": {"de": "Ministerium für Ökologie und Umwelt", "zh-hans": "生态环境部"},
            "kind": "ministry",
            "country": "CN",
        },
        format="json",
    )

    record = Organisation.objects.get(slug="mee")
    assert response.status_code == 201
    assert (record.name_en, record.name_de, record.name_zh_hans) == (
        "Ministry of Ecology and Environment",
        "Ministerium für Ökologie und Umwelt",
        "生态环境部",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"fr": "Agence"}, "There is no language “fr” here; the languages are: en, de, zh-hans."),
        ({"de": 5}, 'Enter an object of texts by language, such as {"de": "…"}.'),
        ("Umweltbundesamt", 'Enter an object of texts by language, such as {"de": "…"}.'),
        ({"de": "x" * 301}, "The text in “de” is longer than 300 characters."),
        ({"de": "a\x00b"}, "Null characters are not allowed."),
    ],
)
def test_a_bad_translations_object_is_a_400_naming_the_field(writer_api, uba, value, message):
    response = writer_api.patch(
        URL, {"name_translations": value}, format="json", headers=if_match(writer_api, URL)
    )

    uba.refresh_from_db()
    assert response.status_code == 400
    assert [(e["field"], e["message"]) for e in api_error(response)["errors"]] == [
        ("name_translations", message)
    ]
    assert uba.name_de == "Umweltbundesamt"


def test_a_write_may_name_the_etag_of_any_language_of_the_current_version(writer_api, uba):
    etags = [writer_api.get(URL, {"lang": lang})["ETag"] for lang in ("de", "zh-hans", "all")]

    response = writer_api.patch(URL, {"acronym": "UBA"}, format="json", headers={"If-Match": etags[1]})
    stale = writer_api.patch(URL, {"acronym": "BA"}, format="json", headers={"If-Match": etags[2]})

    assert (response.status_code, stale.status_code) == (200, 412)


# The changes feed and search --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_changes_feed_shows_records_in_the_language_asked_for(api):
    cursor = start(api)
    factories.OrganisationFactory(slug="uba", name="German Environment Agency", name_de="Umweltbundesamt")

    seen, _ = follow(api, cursor, lang="de")
    response = api.get("/api/v1/changes/", {"cursor": cursor, "lang": "de"})

    assert [change["record"]["name"] for change in seen.values()] == ["Umweltbundesamt"]
    assert response["Content-Language"] == "de"


def test_search_results_are_named_in_the_language_asked_for(api, uba):
    response = api.get("/api/v1/search/", {"q": "agency", "lang": "de"})

    results = [result for group in response.json()["groups"] for result in group["results"]]
    assert [result["name"] for result in results] == ["Umweltbundesamt"]
    assert response["Content-Language"] == "de"
