"""Missing translations in a real browser: the change form's language tabs mark a language whose
fields are empty where another language has text, and the mark follows what the editor types."""

import pytest
from playwright.sync_api import expect

from dialogues.models import Topic
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, base_url, user):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()


def test_language_tabs_mark_the_languages_that_lack_text(page, live_server, writer):
    topic = factories.TopicFactory(name_en="Emissions trading", name_de="", name_zh_hans="排放交易")
    sign_in(page, live_server.url, writer)
    page.goto(live_server.url + admin_url(Topic, "change", topic.pk))
    tabs = page.locator(".translation-tabs")
    german, english = tabs.get_by_role("tab", name="Deutsch"), tabs.get_by_role("tab", name="English")

    expect(german).to_have_attribute("data-missing", "")
    expect(german).to_have_accessible_name("Deutsch (translation missing)")
    expect(english).not_to_have_attribute("data-missing", "")
    expect(english).to_have_accessible_name("English")

    german.click()
    page.locator("#id_name_de").fill("Emissionshandel")

    expect(german).not_to_have_attribute("data-missing", "")
    expect(german).to_have_accessible_name("Deutsch")

    page.locator("#id_name_de").fill("")
    expect(german).to_have_attribute("data-missing", "")
