"""A publisher publishes an event with the drafts it uses, in a real browser."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event
from institutions.models import Organisation, Person
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_publisher_publishes_an_event_together_with_its_draft_speaker_and_co_organiser(
    page, live_server, publisher
):
    # What an editor made from inside the event form: a new organisation and a new person, drafts.
    event = factories.EventFactory(name="Ninth plenary", slug="ninth-plenary", status=Status.REVIEW)
    organisation = factories.OrganisationFactory(
        name="Draft Institute", slug="draft-institute", status=Status.DRAFT
    )
    person = factories.PersonFactory(
        given_name="Ada", family_name="Newcomer", slug="ada", status=Status.DRAFT
    )
    factories.EventParticipationFactory(event=event, organisation=organisation, role="co_organiser")
    factories.EventSpeakerFactory(event=event, person=person)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(publisher.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    # The publisher's menu offers every status.
    assert page.locator("#id_status option").all_inner_texts() == ["draft", "in review", "published"]
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").first.click()

    # Saved, then asked about what the event uses.
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish with what it uses?")
    rows = page.locator("#publish-dependencies tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Draft Institute")
    expect(rows.nth(1)).to_contain_text("Ada Newcomer")
    page.get_by_role("button", name="Publish them together").click()

    expect(page.locator(".messagelist")).to_contain_text("together with what it uses")
    assert urlsplit(page.url).path == admin_url(Event, "changelist")
    assert [
        Event.objects.get(pk=event.pk).status,
        Organisation.objects.get(pk=organisation.pk).status,
        Person.objects.get(pk=person.pk).status,
    ] == [Status.PUBLISHED] * 3

    # A visitor's view of the public page shows both.
    visitor = page.context.browser.new_page()
    visitor.goto(live_server.url + event.get_absolute_url())
    expect(visitor.locator("main")).to_contain_text("Draft Institute")
    expect(visitor.locator("main")).to_contain_text("Ada Newcomer")
    visitor.close()


def add_from_the_event_form(page, field_id, fill):
    """Make a record from inside the event form: the field's "+" opens the admin's add popup."""
    with page.expect_popup() as opened:
        page.locator(f"#add_{field_id}").click()
    popup = opened.value
    fill(popup)
    with popup.expect_event("close"):
        popup.locator("input[name=_save]").first.click()


def test_drafts_made_from_inside_the_event_form_are_published_with_it(page, live_server, publisher):
    event = factories.EventFactory(name="Tenth plenary", slug="tenth-plenary", status=Status.REVIEW)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(publisher.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + admin_url(Event, "change", event.pk))

    page.locator("#participations-group .add-row a").click()
    add_from_the_event_form(
        page,
        "id_participations-0-organisation",
        lambda popup: (
            popup.locator("#id_name_en").fill("Popup Institute"),
            popup.locator("#id_slug").fill("popup-institute"),
        ),
    )
    page.locator("#id_participations-0-role").select_option("co_organiser")
    page.locator("#speakers-group .add-row a").click()
    add_from_the_event_form(
        page,
        "id_speakers-0-person",
        lambda popup: (
            popup.locator("#id_given_name").fill("Grace"),
            popup.locator("#id_family_name").fill("Popup"),
            popup.locator("#id_slug").fill("grace-popup"),
        ),
    )
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Publish with what it uses?")
    expect(page.locator("#publish-dependencies tbody tr")).to_have_count(2)
    page.get_by_role("button", name="Publish them together").click()
    expect(page.locator(".messagelist")).to_contain_text("together with what it uses")

    visitor = page.context.browser.new_page()
    visitor.goto(live_server.url + event.get_absolute_url())
    expect(visitor.locator("main")).to_contain_text("Popup Institute")
    expect(visitor.locator("main")).to_contain_text("Grace Popup")
    visitor.close()
