"""Full history: every write path leaves exactly one entry with its user; the admin reverts."""

import pytest

from config.editorial.history import tracked_models
from config.framework.visibility import Status
from dialogues.models import DialogueRole
from institutions.models import Organisation
from tests import factories
from tests.helpers import NO_CONTACT_POINTS, if_match, token_client

pytestmark = pytest.mark.django_db

ADMIN = "/admin/institutions/organisation/"


@pytest.fixture
def record():
    organisation = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", status=Status.DRAFT)
    organisation.history.all().delete()  # the factory's own entry; each test counts its write alone
    return organisation


def entries(organisation_pk):
    return list(
        Organisation.history.filter(id=organisation_pk)
        .order_by("history_date")
        .values_list("history_type", "history_user__username", "name", "status")
    )


def form(name, status=Status.DRAFT):
    return {
        "slug": "uba",
        "name_en": name,
        "kind": "ngo",
        "status": status,
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }


def test_every_model_of_the_atlas_keeps_history():
    labels = sorted(model._meta.label for model in tracked_models())

    assert len(labels) == 27
    assert "events.EventParticipation" in labels
    assert "dialogues.DialogueRole" in labels
    assert "institutions.Source" in labels


def test_admin_form_leaves_one_entry_with_its_user(client, publisher, record):
    client.force_login(publisher)

    response = client.post(f"{ADMIN}{record.pk}/change/", form("German Environment Agency"))

    assert response.status_code == 302
    assert entries(record.pk) == [("~", "publisher", "German Environment Agency", "draft")]


def test_admin_add_leaves_one_entry_with_its_user(client, publisher):
    client.force_login(publisher)

    client.post(f"{ADMIN}add/", form("Umweltbundesamt"))

    assert entries(Organisation.objects.get(slug="uba").pk) == [
        ("+", "publisher", "Umweltbundesamt", "draft")
    ]


def test_admin_action_leaves_one_entry_per_record_with_its_user(client, publisher, record):
    client.force_login(publisher)

    client.post(ADMIN, {"action": "publish", "_selected_action": [record.pk], "index": 0})

    assert entries(record.pk) == [("~", "publisher", "Umweltbundesamt", "published")]
    assert Organisation.history.get(id=record.pk).history_change_reason == "published in the admin."


def test_admin_delete_leaves_one_entry_with_its_user(client, publisher, record):
    client.force_login(publisher)

    client.post(f"{ADMIN}{record.pk}/delete/", {"post": "yes"})

    assert entries(record.pk) == [("-", "publisher", "Umweltbundesamt", "draft")]


def test_api_writes_leave_one_entry_each_with_the_tokens_user(publisher):
    api = token_client(publisher)

    api.post(
        "/api/v1/organisations/",
        {"slug": "dehst", "name": "DEHSt", "kind": "government_agency"},
        format="json",
    )
    pk = Organisation.objects.get(slug="dehst").pk
    url = "/api/v1/organisations/dehst/"
    api.patch(url, {"name": "German Emissions Trading Authority"}, format="json", headers=if_match(api, url))
    api.delete(url, headers=if_match(api, url))

    assert entries(pk) == [
        ("+", "publisher", "DEHSt", "draft"),
        ("~", "publisher", "German Emissions Trading Authority", "draft"),
        ("-", "publisher", "German Emissions Trading Authority", "draft"),
    ]
    assert list(
        Organisation.history.filter(id=pk).order_by("history_date").values_list("history_change_reason")
    ) == [
        ("Created through the API.",),
        ("Changed through the API: name.",),
        ("Deleted through the API.",),
    ]


def test_rows_changed_in_an_inline_are_kept_with_their_user(client, publisher):
    client.force_login(publisher)
    role = factories.DialogueRoleFactory(role=DialogueRole.Role.FUNDER)
    DialogueRole.history.all().delete()

    client.post(
        f"/admin/dialogues/dialoguerole/{role.pk}/change/",
        {
            "dialogue": role.dialogue_id,
            "organisation": role.organisation_id,
            "role": DialogueRole.Role.CONVENOR,
            "start_precision": "day",
            "end_precision": "day",
            "status": role.status,
            "visibility": role.visibility,
        },
    )

    assert list(DialogueRole.history.values_list("history_type", "history_user__username", "role")) == [
        ("~", "publisher", "convenor")
    ]


def test_history_page_shows_the_field_level_diff(client, publisher, record):
    client.force_login(publisher)
    client.post(f"{ADMIN}{record.pk}/change/", form("German Environment Agency"))
    client.post(f"{ADMIN}{record.pk}/change/", form("Federal Environment Agency"))

    response = client.get(f"{ADMIN}{record.pk}/history/")
    changes = [
        [(change.label, change.old, change.new) for change in version.changes.fields]
        for version in response.context["page_obj"]
    ]

    assert response.status_code == 200
    # One line per language column; the untranslated mirror of the default language is not repeated.
    assert changes[0] == [("Name [en]", "German Environment Agency", "Federal Environment Agency")]


def test_revert_restores_the_earlier_values_through_the_workflow(client, publisher, record):
    client.force_login(publisher)
    client.post(f"{ADMIN}{record.pk}/change/", form("German Environment Agency"))
    first = Organisation.history.filter(id=record.pk).earliest("history_date")
    client.post(f"{ADMIN}{record.pk}/change/", form("Wrong name"))

    # simple-history's page of the entry leads to the version that holds it.
    entry_page = client.get(f"{ADMIN}{record.pk}/history/{first.history_id}/")
    page = client.get(entry_page["Location"])
    reverted = client.post(entry_page["Location"])

    assert entry_page.status_code == 302
    assert page.status_code == 200
    assert "German Environment Agency" in page.content.decode()
    assert reverted.status_code == 302
    assert Organisation.objects.get(pk=record.pk).name == "German Environment Agency"
    assert entries(record.pk)[-1] == ("~", "publisher", "German Environment Agency", "draft")
    assert (
        Organisation.history.filter(id=record.pk)
        .latest("history_date")
        .history_change_reason.startswith("Reverted to version 1 (of ")
    )
