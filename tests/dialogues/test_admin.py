"""The dialogue admin: finding a dialogue by the other names sources use."""

import pytest

from config.framework.visibility import Status
from dialogues.models import Dialogue, WorkingGroup
from tests import factories
from tests.config.editorial.test_revisions import page_data
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def test_admin_search_finds_dialogue_by_alias(admin_client):
    t2d = factories.DialogueFactory(name="Sino-German Track II Dialogue", aliases=["Track-2-Dialogue"])
    factories.DialogueFactory(name="India-U.S. Track II Dialogue")

    response = admin_client.get(admin_url(Dialogue, "changelist"), {"q": "track-2"})

    assert list(response.context["cl"].result_list) == [t2d]


def roles_formset(response):
    return next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")


def test_role_side_is_chosen_among_the_dialogues_parties(admin_client):
    t2d = factories.DialogueFactory(parties=["DE", "CN"])
    factories.DialogueRoleFactory(dialogue=t2d, side="DE")
    # Stored before the parties changed: still offered, so that saving the row keeps it.
    factories.DialogueRoleFactory(dialogue=t2d, side="FR", role="funder")

    response = admin_client.get(admin_url(Dialogue, "change", t2d.pk))

    menus = [[code for code, _name in form.fields["side"].choices] for form in roles_formset(response).forms]
    assert sorted(menus) == [["", "DE", "CN"], ["", "DE", "CN", "FR"]]
    assert roles_formset(response).empty_form.fields["side"].choices == [
        ("", "both"),
        ("DE", "Germany"),
        ("CN", "China"),
    ]


def test_role_side_outside_the_parties_is_a_form_error(admin_client):
    t2d = factories.DialogueFactory(parties=["DE", "CN"], slug="t2d", name="T2D")
    uba = factories.OrganisationFactory(acronym="UBA")
    data = {
        "name_en": "T2D",
        "slug": "t2d",
        "track": "2",
        "parties": ["DE", "CN"],
        "state": "active",
        "start_date": "2020-12-01",
        "start_precision": "month",
        "end_precision": "day",
        "status": "published",
        "visibility": "public",
        **{
            f"{prefix}-{key}": "0"
            for prefix in ("aims", "phases", "working_groups")
            for key in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-0-organisation": str(uba.pk),
        "roles-0-role": "lead_agency",
        "roles-0-side": "US",
        "roles-0-status": "published",
        "roles-0-visibility": "public",
    }

    response = admin_client.post(admin_url(Dialogue, "change", t2d.pk), data)

    assert response.status_code == 200
    assert roles_formset(response).errors[0]["side"] == [
        "US is not a party to this dialogue; choose one of DE, CN, or leave it blank for both."
    ]
    assert t2d.roles.count() == 0


def test_a_party_added_in_the_same_save_may_be_a_roles_side(admin_client):
    t2d = factories.DialogueFactory(parties=["DE", "CN"])
    uba = factories.OrganisationFactory(acronym="UBA")

    posted = {
        "name_en": t2d.name,
        "slug": t2d.slug,
        "track": "2",
        "parties": ["DE", "CN", "EU"],
        "state": "active",
        "start_date": "2020-12-01",
        "start_precision": "month",
        "end_precision": "day",
        "status": "published",
        "visibility": "public",
        **{
            f"{prefix}-{key}": "0"
            for prefix in ("aims", "phases", "working_groups")
            for key in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-0-organisation": str(uba.pk),
        "roles-0-role": "lead_agency",
        "roles-0-side": "EU",
        "roles-0-status": "published",
        "roles-0-visibility": "public",
    }

    response = admin_client.post(admin_url(Dialogue, "change", t2d.pk), posted)

    assert response.status_code == 302
    assert list(t2d.roles.values_list("side", flat=True)) == ["EU"]


def test_working_group_members_side_is_chosen_among_the_dialogues_parties(admin_client):
    group = factories.WorkingGroupFactory(dialogue=factories.DialogueFactory(parties=["IN", "US"]))
    factories.WorkingGroupMemberFactory(working_group=group, side="US")

    response = admin_client.get(admin_url(WorkingGroup, "change", group.pk))

    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "members"
    )
    assert [code for code, _name in formset.forms[0].fields["side"].choices] == ["", "IN", "US"]


def test_an_editor_neither_publishes_nor_changes_a_published_phase_inlined_in_its_dialogue(client, editor):
    dialogue = factories.DialogueFactory(status=Status.DRAFT)
    draft = factories.PhaseFactory(dialogue=dialogue, number=1, name="Phase one", status=Status.DRAFT)
    published = factories.PhaseFactory(dialogue=dialogue, number=2, name="Phase two", slug="two")
    client.force_login(editor)
    url = admin_url(Dialogue, "change", dialogue.pk)
    data = page_data(client.get(url))
    index = {
        form.instance.pk: n
        for n, form in enumerate(client.get(url).context["inline_admin_formsets"][1].formset.forms)
    }

    # Unchanged, the published phase does not stand in the way of the draft dialogue's save.
    assert client.post(url, {**data, "name_en": "Renamed"}).status_code == 302
    refused = client.post(
        url,
        {
            **data,
            f"phases-{index[draft.pk]}-status": Status.PUBLISHED,
            f"phases-{index[published.pk]}-name_en": "Phase two, renamed",
        },
    )

    assert refused.status_code == 200
    errors = [form.errors for form in refused.context["inline_admin_formsets"][1].formset.forms]
    assert errors[index[draft.pk]]["status"] == [
        "Only publishers may publish this phase; submit it for review instead."
    ]
    assert errors[index[published.pk]]["status"] == [
        "Only publishers may change this phase while it is published."
    ]
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.name) == (Status.DRAFT, "Phase two")
