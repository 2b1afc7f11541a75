"""Who may do what: the permission table of the issue, and every write view's permission."""

from importlib import import_module

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from config.api.permissions import ReadOrModelPermission
from config.framework.visibility import Status, Visibility
from events.models import Event
from institutions.models import Organisation
from tests import factories
from tests.helpers import grant, if_match, token_client

pytestmark = pytest.mark.django_db

RECORDS = {
    "public": {"status": Status.PUBLISHED, "visibility": Visibility.PUBLIC},
    "partners": {"status": Status.PUBLISHED, "visibility": Visibility.PARTNERS},
    "draft": {"status": Status.DRAFT, "visibility": Visibility.PUBLIC},
}

# (user, action) → status on a public / partners-only / draft record.
TABLE = {
    ("anonymous", "list"): (200, 200, 200),
    ("anonymous", "retrieve"): (200, 404, 404),
    ("anonymous", "create"): (401, 401, 401),
    ("anonymous", "update"): (401, 401, 401),
    ("anonymous", "partial_update"): (401, 401, 401),
    ("anonymous", "delete"): (401, 401, 401),
    ("partner", "list"): (200, 200, 200),
    ("partner", "retrieve"): (200, 200, 404),
    ("partner", "create"): (403, 403, 403),
    ("partner", "update"): (403, 403, 403),
    ("partner", "partial_update"): (403, 403, 403),
    ("partner", "delete"): (403, 403, 403),
    ("partner_with_permission", "list"): (200, 200, 200),
    # An account that may change organisations sees their drafts too.
    ("partner_with_permission", "retrieve"): (200, 200, 200),
    ("partner_with_permission", "create"): (201, 201, 201),
    ("partner_with_permission", "update"): (200, 200, 200),
    ("partner_with_permission", "partial_update"): (200, 200, 200),
    ("partner_with_permission", "delete"): (204, 204, 204),
    ("staff", "list"): (200, 200, 200),
    ("staff", "retrieve"): (200, 200, 200),
    ("staff", "create"): (201, 201, 201),
    ("staff", "update"): (200, 200, 200),
    ("staff", "partial_update"): (200, 200, 200),
    ("staff", "delete"): (204, 204, 204),
}


def client_for(kind):
    if kind == "anonymous":
        return APIClient()
    if kind == "partner":
        return token_client(factories.PartnerFactory())
    if kind == "partner_with_permission":
        return token_client(
            grant(factories.PartnerFactory(), Organisation, "add", "change", "delete", "publish")
        )
    # Staff edit with the model permissions publishers hold in the admin (the workflow without
    # the publish permission is tested in tests/config/editorial/test_workflow.py).
    return token_client(grant(factories.StaffFactory(), Organisation, "add", "change", "delete", "publish"))


def perform(client, action, record_kind):
    factories.OrganisationFactory(slug="target", **RECORDS[record_kind])
    url = "/api/v1/organisations/target/"
    body = {"slug": "new-one", "name": "New", "kind": "ngo", **RECORDS[record_kind]}
    if action == "list":
        return client.get("/api/v1/organisations/")
    if action == "retrieve":
        return client.get(url)
    if action == "create":
        return client.post("/api/v1/organisations/", body, format="json")
    if action == "update":
        return client.put(url, {**body, "slug": "target"}, format="json", headers=if_match(client, url))
    if action == "partial_update":
        return client.patch(url, {"name": "Renamed"}, format="json", headers=if_match(client, url))
    return client.delete(url, headers=if_match(client, url))


def test_permission_table_has_no_mismatches(db):
    mismatches = []
    for (user, action), expected in TABLE.items():
        for record_kind, status in zip(RECORDS, expected, strict=True):
            client = client_for(user)
            response = perform(client, action, record_kind)
            if response.status_code != status:
                mismatches.append((user, action, record_kind, status, response.status_code))
            Organisation.objects.all().delete()
    assert mismatches == []


def test_refused_writes_change_nothing(partner_api):
    factories.OrganisationFactory(slug="target", name="Original")

    url = "/api/v1/organisations/target/"

    partner_api.patch(url, {"name": "Renamed"}, format="json", headers=if_match(partner_api, url))
    partner_api.delete(url, headers=if_match(partner_api, url))

    assert list(Organisation.objects.values_list("slug", "name")) == [("target", "Original")]


def write_viewsets():
    for app in settings.ATLAS_APPS:
        for prefix, viewset, _basename in import_module(f"{app}.api.urls").router.registry:
            if {"create", "update", "partial_update", "destroy"} & set(dir(viewset)):
                yield prefix, viewset


@pytest.mark.parametrize(("prefix", "viewset"), list(write_viewsets()), ids=lambda value: str(value))
def test_every_write_view_needs_a_permission_beyond_reading(api, partner_api, prefix, viewset):
    writes = [("post", f"/api/v1/{prefix}/")] + [
        (method, f"/api/v1/{prefix}/1/") for method in ("put", "patch", "delete")
    ]

    anonymous = [getattr(api, method)(url, {}, format="json").status_code for method, url in writes]
    without_permission = [
        getattr(partner_api, method)(url, {}, format="json").status_code for method, url in writes
    ]

    assert anonymous == [401] * 4
    assert without_permission == [403] * 4
    assert viewset.permission_classes == [ReadOrModelPermission]


def test_writes_are_attributed_to_the_tokens_user(writer_api, writer):
    writer_api.post("/api/v1/organisations/", {"slug": "uba", "name": "UBA", "kind": "ngo"}, format="json")

    assert list(Organisation.history.values_list("history_user", "name", "history_type")) == [
        (writer.pk, "UBA", "+")
    ]


@pytest.fixture
def event_with_a_draft_topic(db):
    event = factories.EventFactory(slug="workshop")
    event.topics.set(
        [factories.TopicFactory(slug="energy"), factories.TopicFactory(slug="secret", status=Status.DRAFT)]
    )
    factories.TopicFactory(slug="climate")
    return event


def topic_slugs(data) -> list[str]:
    return sorted(topic["slug"] for topic in data["topics"])


def test_partner_write_of_a_many_to_many_keeps_the_links_it_cannot_see(event_with_a_draft_topic):
    client = token_client(grant(factories.PartnerFactory(), Event, "change", "publish"))
    url = "/api/v1/events/workshop/"
    seen = topic_slugs(client.get(url).json())

    added = client.patch(url, {"topics": [*seen, "climate"]}, format="json", headers=if_match(client, url))
    stored_after_adding = sorted(event_with_a_draft_topic.topics.values_list("slug", flat=True))
    emptied = client.patch(url, {"topics": []}, format="json", headers=if_match(client, url))

    assert seen == ["energy"]
    assert (added.status_code, topic_slugs(added.json())) == (200, ["climate", "energy"])
    assert stored_after_adding == ["climate", "energy", "secret"]
    assert (emptied.status_code, topic_slugs(emptied.json())) == (200, [])
    assert list(event_with_a_draft_topic.topics.values_list("slug", flat=True)) == ["secret"]


def test_write_that_hides_the_record_from_its_writer_shows_only_what_the_writer_may_see(
    event_with_a_draft_topic,
):
    client = token_client(grant(factories.PartnerFactory(), Event, "change", "publish"))
    url = "/api/v1/events/workshop/"

    response = client.patch(
        url, {"visibility": "internal", "topics": ["energy"]}, format="json", headers=if_match(client, url)
    )

    assert (response.status_code, response.json()["visibility"]) == (200, "internal")
    assert topic_slugs(response.json()) == ["energy"]
    assert sorted(event_with_a_draft_topic.topics.values_list("slug", flat=True)) == ["energy", "secret"]
    assert client.get(url).status_code == 404
