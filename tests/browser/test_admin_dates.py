"""An editor types dates as people write them in the admin of a real browser: the precision follows
what is typed, a period fills its end, an ambiguous date is refused beside its field and kept."""

import pytest
from playwright.sync_api import expect

from config.framework.visibility import Status
from events.models import Event
from tests import factories
from tests.factories import PASSWORD
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_an_editor_types_dates_as_people_write_them(page, live_server, writer):
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT, end_date=None)
    sign_in(page, live_server, writer)
    page.goto(live_server.url + admin_url(Event, "change", event.pk))
    start, end = page.locator("input[name=start_date]"), page.locator("input[name=end_date]")

    start.fill("10/01/2025")
    page.get_by_role("button", name="Save and continue editing").first.click()

    error = page.locator(".field-start_date .errorlist, .errors .errorlist").filter(has_text="10/01/2025")
    expect(error.first).to_contain_text("write 2025-10-01 or 1 October 2025")
    expect(start).to_have_value("10/01/2025")

    start.fill("2024年8月28日至29日")
    page.get_by_role("button", name="Save and continue editing").first.click()

    expect(start).to_have_value("28 August 2024")
    expect(end).to_have_value("29 August 2024")

    start.fill("Oktober 2025")
    end.fill("2026")
    page.get_by_role("button", name="Save and continue editing").first.click()

    expect(start).to_have_value("October 2025")
    expect(end).to_have_value("2026")
    event.refresh_from_db()
    assert (event.start_precision, event.end_precision, event.period) == (
        "month",
        "year",
        "October 2025 – 2026",
    )
