"""Reverting an event in the admin, in a real browser: a removed topic, a deleted participant and a
renamed session all come back, and the published event's public page stays up throughout."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url

# serialized_rollback: as in test_visitor.py, the flush after the test keeps the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_revert_restores_topic_participant_and_session_and_the_event_stays_public(
    page, browser, live_server, publisher
):
    event = factories.EventFactory(
        name="IKI Workshop", slug="iki-workshop", status=Status.PUBLISHED, published_at=timezone.now()
    )
    event.topics.add(
        factories.TopicFactory(name="Energy", slug="energy"),
        factories.TopicFactory(name="Climate", slug="climate"),
    )
    factories.EventParticipationFactory(event=event, organisation=factories.OrganisationFactory(name="UBA"))
    factories.SessionFactory(event=event, order=1, title="Day 1")
    public = browser.new_context().new_page()

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(publisher.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # The editor removes a topic, deletes the participant and renames the session.
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    page.locator("li.select2-selection__choice[title='Energy'] .select2-selection__choice__remove").click()
    page.keyboard.press("Escape")
    page.locator("#id_participations-0-DELETE").check()
    page.locator("#id_sessions-0-title_en").fill("Opening day")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert sorted(Event.objects.get(pk=event.pk).topics.values_list("name", flat=True)) == ["Climate"]
    assert not Event.objects.get(pk=event.pk).participations.exists()

    # The history lists the change in words; the version before it is reverted to.
    page.goto(live_server.url + admin_url(Event, "history", event.pk))
    latest = page.locator("#versions tbody tr").first
    expect(latest).to_contain_text("Topics: removed Energy")
    expect(latest).to_contain_text("Participation: UBA (participant) (removed)")
    expect(latest).to_contain_text("Title [en] Day 1 → Opening day")
    page.locator("#versions tbody tr").nth(1).get_by_role("link", name=re.compile(r"^Version \d+$")).click()
    expect(page.locator("#version-links")).to_contain_text("Energy")
    expect(page.locator("#content-main")).to_contain_text("Day 1")
    expect(page.locator("#content-main")).to_contain_text("UBA (participant)")
    page.get_by_role("button", name="Revert to this version").click()

    message = page.locator(".messagelist .success")
    expect(message).to_contain_text(re.compile(r"Reverted to version \d+\. Restored: "))
    expect(message).to_contain_text("Topics: added Energy")
    expect(message).to_contain_text("Its status stays published.")
    stored = Event.objects.get(pk=event.pk)
    assert sorted(stored.topics.values_list("name", flat=True)) == ["Climate", "Energy"]
    assert list(stored.participations.values_list("organisation__name", flat=True)) == ["UBA"]
    assert list(stored.sessions.values_list("title", flat=True)) == ["Day 1"]
    assert stored.status == Status.PUBLISHED
    # The change form shows what was restored.
    expect(page.locator("#id_sessions-0-title_en")).to_have_value("Day 1")

    response = public.goto(live_server.url + stored.get_absolute_url())
    assert response.status == 200
    expect(public.locator("body")).to_contain_text("Energy")
