"""The error summary and the jump list of the admin's change forms (``{% form_help %}`` in
templates/admin/change_form.html), as the server renders them: every error named in its section's
and field's words, each linking to an element of the page, with the sections' error counts."""

from html.parser import HTMLParser

import pytest

from dialogues.models import Dialogue, WorkingGroup
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db

INLINES = ("aims", "phases", "working_groups", "roles")


class Page(HTMLParser):
    """The ids of a page, and the links (href, text) of its error summary and of its jump list."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.summary: list[tuple[str, str]] = []
        self.sections: list[tuple[str, str]] = []
        self.collapsed: list[str] = []
        self._in = None  # "summary" or "sections" while inside one
        self._depth = 0
        self._link = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if self._in is None and attrs.get("id") == "error-summary":
            self._in, self._depth = "summary", 0
        elif self._in is None and "form-sections" in (attrs.get("class") or "").split():
            self._in, self._depth = "sections", 0
        if self._in and tag not in ("input", "br", "img"):
            self._depth += 1
        if self._in and tag == "a":
            self._link = [attrs["href"], ""]
            if "data-collapsed" in attrs:
                self.collapsed.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._in and tag == "a" and self._link:
            href, text = self._link
            target = self.summary if self._in == "summary" else self.sections
            target.append((href, " ".join(text.split())))
            self._link = None
        if self._in:
            self._depth -= 1
            if self._depth == 0:
                self._in = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data


def management(*prefixes, total=0):
    return {
        key: value
        for prefix in prefixes
        for key, value in {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}.items()
    }


def dialogue_form(**overrides):
    return {
        "name_en": "Sino-German Track II Dialogue",
        "slug": "t2d",
        "track": "2",
        "parties": ["DE", "CN"],
        "state": "active",
        "start_precision": "month",
        "end_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management(*INLINES),
        **overrides,
    }


def role_rows(count: int, **last):
    """``count`` valid role rows, the last one with ``last``'s values."""
    rows = {"roles-TOTAL_FORMS": str(count)}
    for index, organisation in enumerate(factories.OrganisationFactory.create_batch(count)):
        row = {
            "organisation": str(organisation.pk),
            "role": "lead_agency",
            "side": "DE",
            "start_precision": "day",
            "end_precision": "day",
            "status": "published",
            "visibility": "public",
        }
        if index == count - 1:
            row.update(last)
        rows.update({f"roles-{index}-{key}": value for key, value in row.items()})
    return rows


def test_a_row_error_is_named_by_section_row_and_field_and_linked_to_the_field(admin_client):
    form = dialogue_form(**role_rows(7, start_date="2020-05-01", end_date="2019-01-01"))

    response = admin_client.post(admin_url(Dialogue, "add"), form)
    page = Page(response.content.decode())

    assert response.status_code == 200
    assert page.summary == [
        ("#id_roles-6-end_date", "Dialogue roles › row 7 › End: The end cannot be before the start.")
    ]
    assert "id_roles-6-end_date" in page.ids
    # The error stands on the end date of its row, not above the row.
    roles = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    assert roles.errors[6] == {"end_date": ["The end cannot be before the start."]}
    assert ("#roles-group", "Dialogue roles (7) 1") in page.sections
    assert Dialogue.objects.count() == 0


def test_form_errors_come_first_then_each_fieldset_in_order(admin_client):
    form = dialogue_form(
        name_en="",
        website="not an address",
        start_date="2021-01-01",
        start_precision="day",
        end_date="2020-01-01",
    )

    response = admin_client.post(admin_url(Dialogue, "add"), form)
    page = Page(response.content.decode())

    assert page.summary == [
        ("#id_name_en", "Dialogue › Name [en]: This field is required."),
        ("#id_end_date", "When › End: The end cannot be before the start."),
        ("#id_website", "About › Website: Enter a valid URL."),
    ]
    assert {"id_name_en", "id_end_date", "id_website"} <= page.ids
    assert page.sections == [
        ("#form-section-0", "Dialogue 1"),
        ("#form-section-1", "When 1"),
        ("#form-section-2", "About 1"),
        ("#form-section-3", "Publication"),
        ("#aims-group", "Aims"),
        ("#phases-group", "Phases"),
        ("#working_groups-group", "Working groups"),
        ("#roles-group", "Dialogue roles"),
    ]
    assert {f"form-section-{index}" for index in range(4)} <= page.ids


def test_the_forms_own_error_links_to_its_first_section(admin_client):
    existing = factories.WorkingGroupFactory(number=2, phase=None)
    form = {
        "dialogue": existing.dialogue.pk,
        "number": "2",
        "name_en": "Emissions trading",
        "slug": "wg-2-again",
        "start_precision": "day",
        "end_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management("members"),
    }

    response = admin_client.post(admin_url(WorkingGroup, "add"), form)
    page = Page(response.content.decode())

    assert page.summary == [
        ("#form-section-0", "Working group: This dialogue already has a working group with this number.")
    ]
    assert "form-section-0" in page.ids


def test_an_error_of_a_whole_inline_group_links_to_the_group(admin_client):
    form = dialogue_form()
    del form["roles-TOTAL_FORMS"], form["roles-INITIAL_FORMS"]

    response = admin_client.post(admin_url(Dialogue, "add"), form)
    page = Page(response.content.decode())

    assert [href for href, _text in page.summary] == ["#roles-group"]
    assert page.summary[0][1].startswith(
        "Dialogue roles: ManagementForm data is missing or has been tampered"
    )
    assert "roles-group" in page.ids


def test_a_form_without_errors_has_a_jump_list_and_no_summary(admin_client):
    dialogue = factories.DialogueFactory()
    factories.DialogueRoleFactory.create_batch(6, dialogue=dialogue)
    factories.DialogueAimFactory.create_batch(2, dialogue=dialogue)

    page = Page(admin_client.get(admin_url(Dialogue, "change", dialogue.pk)).content.decode())

    assert page.summary == []
    assert "error-summary" not in page.ids
    assert page.sections[4:] == [
        ("#aims-group", "Aims (2)"),
        ("#phases-group", "Phases"),
        ("#working_groups-group", "Working groups"),
        ("#roles-group", "Dialogue roles (6)"),
    ]
    # A long group without errors starts collapsed (form_help.js); the short ones stay open.
    assert page.collapsed == ["#roles-group"]


def test_a_short_form_has_no_jump_list(admin_client):
    topic = factories.TopicFactory()

    page = Page(admin_client.get(admin_url(type(topic), "change", topic.pk)).content.decode())

    assert (page.sections, page.summary) == ([], [])
