"""Nothing an editor typed or chose is lost in the admin: a chosen photo across a validation error,
a form's content across a session that ended before Save."""

from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event, Photo
from tests import factories
from tests.config.operations.test_uploads import image_bytes
from tests.factories import PASSWORD
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser_problems(page):
    """Console errors and uncaught exceptions (a CSP violation is a console error); failed loads
    (the browser's own /favicon.ico) are not."""
    problems = []

    def console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def log_in(page, user):
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_photo_chosen_in_a_form_with_an_error_survives_and_is_saved(
    page, live_server, settings, tmp_path, browser_problems, writer
):
    settings.MEDIA_ROOT = tmp_path / "media"
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT)
    content = image_bytes("JPEG", size=(40, 30))
    page.goto(live_server.url + "/admin/login/")
    log_in(page, writer)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))

    page.locator("#photos-group .add-row a").click()
    page.locator("#id_photos-0-image").set_input_files(
        {"name": "plenary.jpg", "mimeType": "image/jpeg", "buffer": content}
    )
    page.locator("#id_start_date").fill("not a date")
    page.locator("#event_form input[name=_continue]").first.click()

    expect(page.get_by_text("Kept: plenary.jpg (choose another file to replace it)")).to_be_visible()
    assert Photo.objects.count() == 0

    page.locator("#id_start_date").fill("2024-08-28")
    page.locator("#event_form input[name=_continue]").first.click()

    expect(page.locator(".messagelist .success")).to_be_visible()
    photo = Photo.objects.get(event=event)
    assert (settings.MEDIA_ROOT / photo.image.name).read_bytes() == content
    assert browser_problems == []


def test_a_save_after_the_session_ended_keeps_the_typed_content_through_the_login(
    page, live_server, browser_problems, writer
):
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT)
    change = admin_url(Event, "change", event.pk)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.goto(live_server.url + "/admin/login/")
    log_in(page, writer)
    page.goto(live_server.url + change)
    page.locator("#id_name_en").fill("Eighth plenary meeting")
    page.locator("#id_venue").fill("Bonn, UN Campus")

    Session.objects.all().delete()  # signed out elsewhere (another tab, the idle limit)
    page.locator("#event_form input[name=_continue]").first.click()

    expect(page.get_by_text("Your changes are kept in this browser tab")).to_be_visible()
    assert dialogs == []  # sent to the login on purpose, the fields kept: no "leave this page?"
    assert Event.objects.get().name == "Plenary"
    log_in(page, writer)

    expect(page.get_by_text("Your unsaved changes were restored; check them and save.")).to_be_visible()
    assert urlsplit(page.url).path == change
    assert [page.locator("#id_name_en").input_value(), page.locator("#id_venue").input_value()] == [
        "Eighth plenary meeting",
        "Bonn, UN Campus",
    ]
    # The restored fields are stored nowhere else: leaving them asks first.
    page.locator(".breadcrumbs a").first.click()
    expect(page.locator("#id_venue")).to_have_value("Bonn, UN Campus")
    assert dialogs == ["beforeunload"]
    page.locator("#event_form input[name=_continue]").first.click()

    expect(page.locator(".messagelist .success")).to_be_visible()
    event.refresh_from_db()
    assert [event.name, event.venue] == ["Eighth plenary meeting", "Bonn, UN Campus"]
    assert browser_problems == []


def test_restored_changes_can_be_discarded(page, live_server, browser_problems, writer):
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT)
    page.goto(live_server.url + "/admin/login/")
    log_in(page, writer)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    page.locator("#id_name_en").fill("Typed, then thought better of")
    Session.objects.all().delete()
    page.locator("#event_form input[name=_continue]").first.click()
    log_in(page, writer)
    expect(page.locator("#id_name_en")).to_have_value("Typed, then thought better of")

    page.get_by_role("button", name="Discard them").click()

    expect(page.locator("#id_name_en")).to_have_value("Plenary")
    expect(page.get_by_text("Your unsaved changes were restored")).to_have_count(0)
    assert browser_problems == []
