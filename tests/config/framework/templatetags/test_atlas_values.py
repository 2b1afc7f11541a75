"""Text shown in another language than the page's, marked with its own ``lang``; numbers in the
page's language; localised dates, country names and choice labels on rendered pages."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from config.framework.templatetags.atlas import number, shown_text
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def render(source: str, **context) -> str:
    return Template("{% load atlas %}" + source).render(Context(context))


def test_shown_text_in_the_page_language_is_plain():
    event = factories.EventFactory(name_en="Plenary", name_de="Plenarsitzung")

    with translation.override("de"):
        assert render("{{ event|tr:'name' }}", event=event) == "Plenarsitzung"


def test_fallback_text_carries_its_language_and_a_badge_in_the_page_language():
    event = factories.EventFactory(name_en="Plenary & more", name_de="", name_zh_hans="")

    with translation.override("de"):
        html = render("{{ event|tr:'name' }}", event=event)
        label = gettext("(in %(language)s)") % {"language": "Englisch"}  # Django's German name of English

    assert html == (
        '<span lang="en">Plenary &amp; more</span> <span class="lang-badge" lang="de">'
        f'<span aria-hidden="true">EN</span><span class="visually-hidden">{label}</span></span>'
    )


def test_fallback_follows_the_fallback_languages_of_the_settings():
    # zh-hans falls back to English first, then German; German alone is shown as German.
    topic = factories.TopicFactory(name_en="", name_de="Emissionshandel", name_zh_hans="")

    with translation.override("zh-hans"):
        shown = shown_text(topic, "name")

    assert (shown.text, shown.language, shown.fallback) == ("Emissionshandel", "de", True)
    assert shown.lang_attr == ' lang="de"'


def test_a_field_without_translations_is_plain_text():
    person = factories.PersonFactory(given_name="Aimin", family_name="Ma")

    with translation.override("zh-hans"):
        assert render("{{ person|tr:'full_name' }}", person=person) == str(person.full_name)


def test_block_text_marks_its_element():
    dialogue = factories.DialogueFactory(description_en="First.\n\nSecond.", description_de="")
    source = (
        '{% with shown=d|tr:"description" %}'
        "<div{{ shown.lang_attr }}>{{ shown.text|linebreaks }}</div>{% endwith %}"
    )

    with translation.override("de"):
        html = render(source, d=dialogue)
    with translation.override("en"):
        english = render(source, d=dialogue)

    assert html == '<div lang="en"><p>First.</p>\n\n<p>Second.</p></div>'
    assert english == "<div><p>First.</p>\n\n<p>Second.</p></div>"


def test_record_label_marked_with_the_language_of_its_name():
    organisation = factories.OrganisationFactory(
        name_en="German Environment Agency", acronym="UBA", name_zh_hans=""
    )

    with translation.override("zh-hans"):
        html = render("{{ o|tr_label }}", o=organisation)
        label = gettext("(in %(language)s)") % {"language": "英语"}

    assert html == (
        '<span lang="en">German Environment Agency (UBA)</span> <span class="lang-badge" lang="zh-hans">'
        f'<span aria-hidden="true">EN</span><span class="visually-hidden">{label}</span></span>'
    )


@pytest.mark.parametrize(("language", "shown"), [("en", "12,345"), ("de", "12.345"), ("zh-hans", "12,345")])
def test_number_with_the_separators_of_the_language(language, shown):
    with translation.override(language):
        assert number(12345) == shown
        assert number(None) == ""


# On the pages ------------------------------------------------------------------------------------


def page(client, record_or_url, language: str) -> str:
    """A page in ``language``, at the language's address (a path is given as its English one)."""
    if isinstance(record_or_url, str):
        with translation.override("en"):
            url = translate_url(record_or_url, language)  # read as English, written in the language
    else:
        with translation.override(language):
            url = record_or_url.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def element(html: str, tag: str) -> str:
    """The content of the first ``<tag …>`` of the page."""
    match = re.search(rf"<{tag}(?: [^>]*)?>(.*?)</{tag}>", html, re.S)
    assert match, f"no <{tag}> in the page"
    return match.group(1)


def badge(page_language: str, text_language: str, name: str) -> str:
    with translation.override(page_language):
        label = gettext("(in %(language)s)") % {"language": name}
    return (
        f' <span class="lang-badge" lang="{page_language}">'
        f'<span aria-hidden="true">{text_language.upper()}</span>'
        f'<span class="visually-hidden">{label}</span></span>'
    )


@pytest.mark.parametrize(
    ("language", "when", "where", "name_de", "h1"),
    [
        (
            "de",
            "28.–29. August 2024",
            "Potsdam, Deutschland",
            "Workshop zu CO₂-Märkten",
            "Workshop zu CO₂-Märkten",
        ),
        ("zh-hans", "2024年8月28日至29日", "Potsdam, 德国", "Workshop zu CO₂-Märkten", None),
        ("en", "28–29 August 2024", "Potsdam, Germany", "", "Workshop on carbon markets"),
    ],
)
def test_event_page_shows_dates_places_and_fallback_in_the_page_language(
    client, language, when, where, name_de, h1
):
    event = factories.EventFactory(
        name_en="Workshop on carbon markets",
        name_de=name_de,
        start_date=D(2024, 8, 28),
        end_date=D(2024, 8, 29),
        city="Potsdam",
        country="DE",
        description_en="Two days of exchange.",
    )

    html = page(client, event, language)

    if h1 is None:  # Chinese falls back to English first
        h1 = '<span lang="en">Workshop on carbon markets</span>' + badge(language, "en", "英语")
    assert element(html, "h1") == h1
    assert f"<dd>{when}</dd>" in html
    assert f'<dd class="place">{where}</dd>' in html
    prose = re.search(r'<div class="prose"([^>]*)>', html).group(1)
    assert prose == ("" if language == "en" else ' lang="en"')


def test_list_rows_mark_fallback_names_and_summaries(client):
    factories.EventFactory(name_en="Plenary", name_de="Plenarsitzung", summary_en="Held in Berlin.")

    html = page(client, "/events/", "de")

    assert '<a href="/events/' in html
    assert ">Plenarsitzung</a>" in html
    assert '<p lang="en">Held in Berlin.' + badge("de", "en", "Englisch") + "</p>" in html


def test_dialogue_list_shows_an_open_period_in_the_page_language(client):
    factories.DialogueFactory(name="T2D", start_date=D(2010, 1, 1), start_precision="year")

    assert "<span>seit 2010</span>" in page(client, "/dialogues/", "de")
    assert "<span>2010年起</span>" in page(client, "/dialogues/", "zh-hans")


def test_home_page_writes_chinese_dates_with_numbered_months(client):
    factories.EventFactory(name_en="Plenary", start_date=D(2030, 12, 1), start_precision="month")

    html = page(client, "/", "zh-hans")

    assert "2030年12月" in html
    assert "十二月" not in html


def test_sources_carry_their_language_and_the_date_seen_in_the_page_language(client):
    event = factories.EventFactory(name_en="Workshop")
    event.sources.add(
        factories.SourceFactory(
            title="Umweltbundesamt: Track-II-Dialog", language="de", url="", seen_on=D(2025, 3, 4)
        )
    )

    html = page(client, event, "zh-hans")

    assert '<span lang="de">Umweltbundesamt: Track-II-Dialog</span>' in html
    assert "2025年3月4日" in html
