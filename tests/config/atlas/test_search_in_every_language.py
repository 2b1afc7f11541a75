"""Site search and API search on the seed, in English, German and Chinese: the same records, found
through German words, Chinese words, and names in any language, whatever the reader's language.

The seed gains German text over time, so a case names the records it must find among the results
of their type, and the ones it must not.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from dialogues.models import Dialogue
from institutions.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

LANGUAGES = ["en", "de", "zh-hans"]


def site_search(client, query: str, language: str) -> dict[str, list[str]]:
    """The slugs of each result group of the site search page, read in ``language``."""
    with translation.override(language):
        url = reverse("search")  # the language's own address, once there is one
    response = client.get(url, {"q": query}, headers={"accept-language": language})
    assert response.status_code == 200
    groups = {}
    for result in response.context["page"].results:
        groups.setdefault(result.searchable.key, []).append(result.record.slug)
    return groups


def api_search(api, query: str, language: str) -> dict[str, list[str]]:
    response = api.get("/api/v1/search/", {"q": query}, headers={"accept-language": language})
    assert response.status_code == 200
    return {
        group["type"]: [result["slug"] for result in group["results"]] for group in response.json()["groups"]
    }


def api_list(api, path: str, query: str, language: str) -> list[str]:
    response = api.get(path, {"q": query}, headers={"accept-language": language})
    assert response.status_code == 200
    return [record["slug"] for record in response.json()["results"]]


@pytest.fixture
def chinese_names():
    """Chinese names on two seeded records (the seed has no Chinese text of its own)."""
    Organisation.objects.filter(slug="ncsc").update(native_name="国家应对气候变化战略研究和国际合作中心")
    Dialogue.objects.filter(slug="t2d").update(
        name_zh_hans="中德气候变化与可持续发展二轨对话",
        aliases=["Sino-German Track II Dialogue", "中德二轨对话"],
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("query", "group", "first"),
    [
        ("Umweltbundesamt", "organisations", "uba"),  # the German name, on any page
        ("UBA", "organisations", "uba"),  # the acronym
        ("German Environment Agency", "organisations", "uba"),  # the English name
        # German genitive, stemmed: "9. Plenartreffen des T2D", in Potsdam
        ("Plenartreffens Potsdam", "events", "t2d-plenary-9-potsdam-2024-10"),
    ],
)
def test_site_and_api_search_find_a_record_by_its_names_in_any_language(
    client, api, language, query, group, first
):
    site = site_search(client, query, language)
    api_groups = api_search(api, query, language)

    assert site[group][0] == first
    assert api_groups[group][0] == first


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_german_word_finds_the_compounds_it_starts(client, api, language):
    # "Klima" starts "Klimawandel" in the German name of the T2D (names also match inside a word).
    site = site_search(client, "Klima", language)

    assert "t2d" in site["dialogues"]
    assert site["dialogues"] == api_search(api, "Klima", language)["dialogues"]
    assert "t2d" in api_list(api, "/api/v1/dialogues/", "Klima", language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("query", "group", "first"),
    [
        ("中德", "dialogues", "t2d"),  # the start of its Chinese name and of an alias
        ("二轨对话", "dialogues", "t2d"),  # a word inside the name
        ("气候变化", "organisations", "ncsc"),  # a word inside a Chinese native name
        ("应对气候", "organisations", "ncsc"),
    ],
)
def test_a_chinese_query_finds_chinese_names_on_every_page(
    client, api, chinese_names, language, query, group, first
):
    site = site_search(client, query, language)

    assert site[group][0] == first
    assert api_search(api, query, language)[group][0] == first
    assert api_list(api, f"/api/v1/{group}/", query, language)[0] == first


def test_a_chinese_query_finds_nothing_in_the_seed_without_chinese_text(client, api):
    assert site_search(client, "中德", "zh-hans") == {}
    assert api_list(api, "/api/v1/dialogues/", "二轨对话", "zh-hans") == []
