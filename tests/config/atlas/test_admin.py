"""The atlas-wide change log in the admin: every kind of record's changes, with their authors."""

import pytest

from config.framework.visibility import Status
from tests import factories
from tests.helpers import NO_CONTACT_POINTS

pytestmark = pytest.mark.django_db


ADMIN = "/admin/institutions/organisation/"


@pytest.fixture
def record():
    organisation = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", status=Status.DRAFT)
    organisation.history.all().delete()  # the factory's own entry; each test counts its write alone
    return organisation


def form(name, status=Status.DRAFT):
    return {
        "slug": "uba",
        "name_en": name,
        "kind": "ngo",
        "status": status,
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }


def test_recent_changes_lists_every_kind_of_record_with_its_author(client, publisher, viewer, record):
    client.force_login(publisher)
    client.post(f"{ADMIN}{record.pk}/change/", form("German Environment Agency"))
    role = factories.DialogueRoleFactory()
    client.force_login(viewer)

    response = client.get("/admin/atlas/change/", {"history_user__id__exact": publisher.pk})
    everything = client.get("/admin/atlas/change/")

    rows = [
        (change.model, change.object_id, change.history_type, change.history_user.username)
        for change in response.context["cl"].result_list
    ]
    assert response.status_code == 200
    assert rows == [("institutions.organisation", record.pk, "~", "publisher")]
    assert f'href="/admin/institutions/organisation/{record.pk}/history/"' in response.content.decode()
    assert ("dialogues.dialoguerole", role.pk) in {
        (change.model, change.object_id) for change in everything.context["cl"].result_list
    }
    assert client.get("/admin/atlas/change/add/").status_code == 403
