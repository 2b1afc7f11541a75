"""Every page of the site and of the admin, rendered in German and in Chinese, speaks that language.

Two checks over real pages of the seed data:
- every string the page looked up in a catalogue was found in that language's catalogues (a lookup
  that falls through to English is recorded, whoever made it: a template, a form, a library);
- no text on the page is one of the interface's English strings (one that escaped translation by
  being evaluated before the language was chosen, or never going through a catalogue).
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from config.operations.catalogues import catalogues
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from events.models import Event
from institutions.models import Organisation, Person
from projects.models import Programme, Project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

LANGUAGES = {"de": "de", "zh-hans": "zh_Hans"}
LISTS = [
    "home",
    "events:event-list",
    "events:event-calendar",
    "map",
    "dialogues:dialogue-list",
    "dialogues:topic-list",
    "dialogues:publication-list",
    "institutions:organisation-list",
    "institutions:person-list",
    "projects:project-list",
    "about",
    "methodology",
    "licence",
    "cite",
]
DETAILS = [Event, Dialogue, WorkingGroup, Topic, Publication, Organisation, Person, Project, Programme]
ADMIN_PAGES = [
    "/admin/",
    "/admin/events/event/",
    "/admin/events/event/add/",
    "/admin/dialogues/dialogue/",
    "/admin/institutions/organisation/",
    "/admin/review-queue/",
    "/admin/duplicates/",
]


class Misses:
    """Stands in for the English catalogue behind a language's own: records what falls through."""

    def __init__(self):
        self.found = set()

    def gettext(self, message):
        self.found.add(message.replace("\x04", " | "))  # pgettext asks as "context\x04message"
        return message

    def ngettext(self, singular, plural, number):
        self.found.add(singular.replace("\x04", " | "))
        return singular if number == 1 else plural


@pytest.fixture
def misses():
    """The lookups each language's catalogues could not answer, per language."""
    recorded = {}
    saved = {}
    for language in LANGUAGES:
        catalogue = trans_real.translation(language)
        saved[language] = catalogue._fallback
        recorded[language] = catalogue._fallback = Misses()
    yield recorded
    for language, fallback in saved.items():
        trans_real.translation(language)._fallback = fallback


class Text(HTMLParser):
    """The text a reader meets in the page's language: text nodes outside scripts and styles, and the
    labels of controls. Text an element marks as another language (the language switch's "English",
    a record's English name shown as a fallback) says what it is, and is left out."""

    LABELS = ("aria-label", "title", "placeholder", "alt")
    BUTTONS = ("submit", "button", "reset")
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.texts, self.skipping, self.languages = [], 0, []

    def elsewhere(self):
        """Whether the current element is marked as a language other than the page's."""
        marked = [language for language in self.languages if language]
        return len(marked) > 1 and marked[-1].lower() != marked[0].lower()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in self.VOID:
            self.languages.append(attributes.get("lang"))
        if tag in ("script", "style", "template"):
            self.skipping += 1
        if self.elsewhere() or (tag in self.VOID and attributes.get("lang")):
            return
        labels = [attributes.get(name) for name in self.LABELS]
        if tag == "input" and attributes.get("type") in self.BUTTONS:
            labels.append(attributes.get("value"))
        self.texts.extend(label for label in labels if label)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skipping -= 1
        if tag not in self.VOID and self.languages:
            self.languages.pop()

    def handle_data(self, data):
        if not self.skipping and not self.elsewhere() and data.strip():
            self.texts.append(data)


def texts(html):
    parser = Text()
    parser.feed(html)
    return {re.sub(r"\s+", " ", text).strip() for text in parser.texts}


def english_interface_strings(locale):
    """The interface's English strings that read differently in the language (a word like "PDF" does
    not), less those that are also a translation there (German "Programme" is "programmes")."""
    strings, translations = set(), set()
    for po_path in catalogues():
        if po_path.parents[1].name == locale:
            for entry in polib.pofile(str(po_path)).translated_entries():
                translations.update([entry.msgstr, *entry.msgstr_plural.values()])
                if not entry.msgid_plural and entry.msgstr != entry.msgid and "%" not in entry.msgid:
                    strings.add(entry.msgid)
    return strings - translations


def public_pages(language):
    with translation.override(language):
        pages = [reverse(name) for name in LISTS]
        pages += [model.objects.visible_to(None).first().get_absolute_url() for model in DETAILS]
        pages += [reverse("search") + "?q=climate", reverse("events:event-list") + "?kind=workshop&page=1"]
        pages.append(f"/{language}/no-such-page/")
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_speaks_the_language(client, misses, language):
    english = english_interface_strings(LANGUAGES[language])
    untranslated = {}

    for page in public_pages(language):
        assert page.startswith(f"/{language}/")
        response = client.get(page)
        assert response.status_code in (200, 404), page
        html = response.content.decode()
        assert f'lang="{language}' in html.lower()[:500], page
        left = texts(html) & english
        if left:
            untranslated[page] = sorted(left)

    assert untranslated == {}
    assert sorted(misses[language].found) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_page_speaks_the_language(admin_client, misses, language):
    english = english_interface_strings(LANGUAGES[language])
    event = Event.objects.first()
    untranslated = {}

    for page in [
        *ADMIN_PAGES,
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
    ]:
        response = admin_client.get(page, headers={"accept-language": language})
        assert response.status_code == 200, page
        left = texts(response.content.decode()) & english
        if left:
            untranslated[page] = sorted(left)

    assert untranslated == {}
    assert sorted(misses[language].found) == []
