"""Missing translations for editors: per record (what each language lacks; the change form's tabs
mark it: tests/browser/test_missing_translations.py), and the change list's "Missing translation"
filter on every translated model, in one query."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.editorial.translations import (
    MissingTranslationFilter,
    missing_translations,
    translated_fields,
)
from dialogues.models import Dialogue, Topic
from events.models import Event
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def test_missing_translations_per_language():
    event = factories.EventFactory(
        name_en="Plenary",
        name_de="Plenarsitzung",
        name_zh_hans="",
        summary_en="Held in Berlin.",
        summary_de="",
    )

    assert missing_translations(event) == {"de": ["summary"], "zh-hans": ["name", "summary"]}


def test_a_field_empty_in_every_language_is_not_missing():
    topic = factories.TopicFactory(
        name_en="Emissions trading", name_de="Emissionshandel", name_zh_hans="排放交易"
    )

    assert missing_translations(topic) == {}  # the description is empty everywhere


def test_english_is_missing_when_only_another_language_has_text():
    topic = factories.TopicFactory(name_en="", name_de="Emissionshandel", name_zh_hans="排放交易")

    assert missing_translations(topic) == {"en": ["name"]}


def listed(admin_client, model, language) -> list[str]:
    response = admin_client.get(admin_url(model, "changelist"), {"missing_translation": language})
    assert response.status_code == 200
    return sorted(str(record) for record in response.context["cl"].result_list)


def test_filter_finds_the_records_that_lack_a_language(admin_client):
    factories.EventFactory(name_en="Complete", name_de="Vollständig", name_zh_hans="完整")
    factories.EventFactory(name_en="No German", name_de="", name_zh_hans="无德语")
    factories.EventFactory(name_en="No Chinese", name_de="Kein Chinesisch", name_zh_hans="")
    factories.EventFactory(
        name_en="German summary missing",
        name_de="Zusammenfassung fehlt",
        name_zh_hans="缺摘要",
        summary_en="Text.",
    )

    assert listed(admin_client, Event, "de") == ["German summary missing", "No German"]
    assert listed(admin_client, Event, "zh-hans") == ["German summary missing", "No Chinese"]
    assert listed(admin_client, Event, "en") == []


def test_filter_with_an_unknown_language_lists_nothing(admin_client):
    factories.TopicFactory(name_en="Emissions trading", name_de="")

    assert listed(admin_client, Topic, "xx") == []


def test_filter_adds_no_query_per_row(admin_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(admin_url(Topic, "changelist"), {"missing_translation": "de"})
        assert response.status_code == 200
        return len(captured)

    for number in range(3):
        factories.TopicFactory(name_en=f"Topic {number}", name_de="")
    few = queries()
    for number in range(3, 12):
        factories.TopicFactory(name_en=f"Topic {number}", name_de="")

    assert queries() == few


def test_every_translated_model_has_the_filter(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    translated = [model for model in admin.site._registry if translated_fields(model)]

    assert {Dialogue, Event, Topic} <= set(translated)
    for model in translated:
        assert MissingTranslationFilter in admin.site._registry[model].get_list_filter(request), model
