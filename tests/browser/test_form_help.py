"""Long admin forms in a real browser: the error summary leads to an error deep in the seeded T2D
form, the jump list reaches its roles, the language tabs switch inline rows, leaving unsaved changes
asks first, and lists and forms fit a laptop, a tablet and a phone."""

import pytest
from playwright.sync_api import expect

from config.framework.fields import DESCRIPTION_LENGTH
from dialogues.models import Dialogue
from events.models import Event
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


def no_page_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_summary_leads_to_an_end_before_the_start_in_the_last_role(page, seeded_site, writer):
    t2d = Dialogue.objects.get(slug="t2d")
    last = t2d.roles.count() - 1
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, seeded_site, writer)
    page.goto(seeded_site + admin_url(Dialogue, "change", t2d.pk))

    # The roles start collapsed (many rows, no error); their button shows them.
    page.locator("#roles-group").get_by_role("button", name="Show rows").click()
    page.locator(f"#id_roles-{last}-start_date").fill("2020-05-01")
    page.locator(f"#id_roles-{last}-end_date").fill("2019-01-01")
    page.get_by_role("button", name="Save and continue editing").first.click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link")
    expect(link).to_have_text(f"Dialogue roles › row {last + 1} › End: The end cannot be before the start.")
    field = page.locator(f"#id_roles-{last}-end_date")
    expect(field).not_to_be_in_viewport()
    link.click()
    expect(field).to_be_in_viewport()
    expect(field).to_be_focused()
    expect(field).to_have_value("2019-01-01")
    expect(page.locator(".form-sections a[href='#roles-group'] .error-count")).to_have_text("1")


@pytest.mark.parametrize("width", [1280, 768])
def test_the_jump_list_reaches_the_roles(page, seeded_site, writer, width):
    t2d = Dialogue.objects.get(slug="t2d")
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, seeded_site, writer)
    page.goto(seeded_site + admin_url(Dialogue, "change", t2d.pk))
    roles = page.locator("#roles-heading")
    expect(roles).not_to_be_in_viewport()

    if width < 1024:  # a compact menu on a tablet
        page.locator(".form-sections summary").click()
    page.locator(".form-sections").get_by_role("link", name="Dialogue roles").click()

    expect(roles).to_be_in_viewport()
    # The jump list stays in reach at the top of the screen.
    expect(page.locator(".form-sections")).to_be_in_viewport()


def test_language_tabs_switch_the_translated_fields_of_inline_rows(page, seeded_site, writer):
    t2d = Dialogue.objects.get(slug="t2d")
    sign_in(page, seeded_site, writer)
    page.goto(seeded_site + admin_url(Dialogue, "change", t2d.pk))
    tabs = page.locator(".translation-tabs")
    stacked_en, stacked_de = page.locator("#id_phases-0-name_en"), page.locator("#id_phases-0-name_de")
    aims = page.locator("#aims-group")
    aims.get_by_role("button", name="Show rows").click()
    tabular_en, tabular_de = page.locator("#id_aims-0-text_en"), page.locator("#id_aims-0-text_de")

    expect(stacked_en).to_be_visible()
    expect(stacked_de).to_be_hidden()
    expect(tabular_en).to_be_visible()
    expect(tabular_de).to_be_hidden()
    expect(aims.locator("th.column-text_de")).to_be_hidden()

    tabs.get_by_role("tab", name="Deutsch").click()

    expect(stacked_en).to_be_hidden()
    expect(stacked_de).to_be_visible()
    expect(tabular_en).to_be_hidden()
    expect(tabular_de).to_be_visible()
    expect(aims.locator("th.column-text_de")).to_be_visible()
    expect(page.locator("#id_name_de")).to_be_visible()


def test_an_error_in_another_language_opens_its_tab(page, live_server, writer):
    event = factories.EventFactory(name="Long description")
    sign_in(page, live_server.url, writer)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    german = page.locator("#id_description_de")
    # Past the limit (the text area's maxlength keeps a typist below it; a paste script need not).
    german.evaluate("(area, text) => { area.value = text; }", "x" * (DESCRIPTION_LENGTH + 1))
    page.get_by_role("button", name="Save and continue editing").first.click()

    tabs = page.locator(".translation-tabs")
    expect(tabs.get_by_role("tab", name="Deutsch")).to_have_attribute("aria-selected", "true")
    expect(tabs.get_by_role("tab", name="Deutsch")).to_have_class("has-errors")
    expect(german).to_be_visible()

    tabs.get_by_role("tab", name="English").click()
    expect(german).to_be_hidden()
    page.locator("#error-summary").get_by_role("link", name="Description [de]").click()

    expect(german).to_be_visible()
    expect(german).to_be_focused()
    expect(tabs.get_by_role("tab", name="Deutsch")).to_have_attribute("aria-selected", "true")


def test_leaving_unsaved_changes_asks_first_and_not_after_saving(page, live_server, writer):
    event = factories.EventFactory(name="Long edit")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    sign_in(page, live_server.url, writer)
    change = live_server.url + admin_url(Event, "change", event.pk)
    page.goto(change)

    # Nothing changed: leaving asks nothing.
    page.locator(".breadcrumbs a").first.click()
    expect(page).not_to_have_url(change)
    assert dialogs == []

    page.goto(change)
    page.locator("#id_name_en").fill("Long edit, renamed")
    page.locator(".breadcrumbs a").first.click()
    expect(page.locator("#id_name_en")).to_have_value("Long edit, renamed")
    assert dialogs == ["beforeunload"]

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_be_visible()
    page.locator(".breadcrumbs a").first.click()
    expect(page).not_to_have_url(change)
    assert dialogs == ["beforeunload"]
    event.refresh_from_db()
    assert event.name == "Long edit, renamed"


def test_an_event_form_fits_a_phone_and_the_event_list_a_tablet(page, live_server, writer):
    long_name = "Joint Working Group on Sustainable Urban Mobility and Low-Carbon Transport Planning"
    event = factories.EventFactory(name=long_name, city="Frankfurt am Main")
    factories.EventFactory.create_batch(5)
    sign_in(page, live_server.url, writer)

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    expect(page.locator("#id_name_en")).to_be_visible()
    assert no_page_scroll(page)
    name = page.locator("#id_name_en").bounding_box()
    assert name["x"] >= 0 and name["x"] + name["width"] <= 360

    for width in (768, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server.url + admin_url(Event, "changelist"))
        expect(page.get_by_role("link", name=long_name)).to_be_visible()
        assert no_page_scroll(page)
        # Every column fits: the table needs no scrolling of its own either.
        assert page.locator("#changelist .results").evaluate("box => box.scrollWidth <= box.clientWidth")
