"""Who may do what, over HTTP: the permission table — token scope × method × kind of record ×
the target's status and visibility → status code — and every write view's permission.

Records and rows alike: events (a record), sessions and dialogue roles (rows with endpoints of
their own). A partner system's account (``partner_system``: the groups *Partners* and *Partner
systems*, not staff) writes drafts only, reads its own drafts only, and never changes what is
public, whatever permissions it is given.
"""

import datetime
from importlib import import_module

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from config.api.permissions import ReadOrModelPermission
from config.editorial.workflow import PUBLISHERS
from config.framework.visibility import Status, Visibility
from dialogues.models import DialogueRole
from events.models import Event, Session
from institutions.models import Organisation
from tests import factories
from tests.factories import member_of
from tests.helpers import api_error, created_by, grant, if_match, record_permissions, token_client

pytestmark = pytest.mark.django_db

KINDS = ("events", "sessions", "dialogue-roles")
TARGETS = ("public", "partners", "scheduled", "own-draft", "other-draft")

# method → actor → status code on a target that is public / for partners / scheduled (published
# with a date to come; for a row: its record) / a draft the partner system created / another's.
TABLE = {
    "GET": {
        "anonymous": (200, 404, 404, 404, 404),
        "read": (200, 200, 404, 200, 404),
        "write-other-kind": (200, 200, 404, 200, 404),
        "write": (200, 200, 404, 200, 404),
        "every-permission": (200, 200, 404, 200, 404),
        "publisher": (200, 200, 200, 200, 200),
    },
    "PATCH": {
        "anonymous": (401, 401, 401, 401, 401),
        "read": (403, 403, 403, 403, 403),
        "write-other-kind": (403, 403, 403, 403, 403),
        "write": (403, 403, 404, 200, 404),
        "every-permission": (403, 403, 404, 200, 404),
        "publisher": (200, 200, 200, 200, 200),
    },
    "DELETE": {
        "anonymous": (401, 401, 401, 401, 401),
        "read": (403, 403, 403, 403, 403),
        "write-other-kind": (403, 403, 403, 403, 403),
        # The group Partner systems holds no delete permission.
        "write": (403, 403, 403, 403, 403),
        "every-permission": (403, 403, 404, 204, 404),
        "publisher": (204, 204, 204, 204, 204),
    },
}
# actor → status code of a create as a draft (or with no status) / as published, on a public record.
CREATE = {
    "anonymous": (401, 401),
    "read": (403, 403),
    "write-other-kind": (403, 403),
    "write": (201, 403),
    "every-permission": (201, 403),
    "publisher": (201, 201),
}
CHANGE = {
    "events": {"name": "Renamed"},
    "sessions": {"title": "Renamed"},
    "dialogue-roles": {"note": "Renamed"},
}
# What makes a second new record or row differ from the first.
ANOTHER = {
    "events": {"slug": "other"},
    "sessions": {"order": 10},
    "dialogue-roles": {"role": DialogueRole.Role.FUNDER},
}
TOMORROW = timezone.now() + datetime.timedelta(days=1)


def table(methods=TABLE):
    for method, actors in methods.items():
        for actor, codes in actors.items():
            for kind in KINDS:
                for target, code in zip(TARGETS, codes, strict=True):
                    yield pytest.param(
                        actor, method, kind, target, code, id=f"{method}-{actor}-{kind}-{target}"
                    )


@pytest.fixture
def other_partner_system(db):
    return grant(factories.PartnerFactory(), Event, "add", "change")


def client_of(actor: str, kind: str, partner_system) -> APIClient:
    if actor == "anonymous":
        return APIClient()
    if actor == "read":
        return token_client(partner_system, "read")
    if actor == "write-other-kind":
        return token_client(partner_system, "read", "write:organisations")
    if actor == "write":
        return token_client(partner_system, "read", f"write:{kind}")
    if actor == "every-permission":
        partner_system.user_permissions.add(*record_permissions())
        return token_client(partner_system)
    return token_client(member_of(PUBLISHERS))


def record(model, factory, state: str, owner, other, **fields):
    """A record or row of ``factory`` in ``state`` (as TARGETS names them)."""
    if state == "partners":
        fields["visibility"] = Visibility.PARTNERS
    elif state in ("own-draft", "other-draft"):
        fields["status"] = Status.DRAFT
    elif state == "scheduled" and model is Event:
        fields["published_at"] = TOMORROW
    made = factory(**fields)
    if state in ("own-draft", "other-draft"):
        created_by(made, owner if state == "own-draft" else other)
    return made


def target_url(kind: str, state: str, owner, other) -> str:
    if kind == "events":
        event = record(Event, factories.EventFactory, state, owner, other, slug="target")
        return f"/api/v1/events/{event.slug}/"
    scheduled = {"published_at": TOMORROW} if state == "scheduled" else {}
    if kind == "sessions":
        parent = factories.EventFactory(slug="parent", **scheduled)
        row = record(Session, factories.SessionFactory, state, owner, other, event=parent)
        return f"/api/v1/sessions/{row.pk}/"
    parent = factories.DialogueFactory(slug="parent", **scheduled)
    row = record(DialogueRole, factories.DialogueRoleFactory, state, owner, other, dialogue=parent)
    return f"/api/v1/dialogue-roles/{row.pk}/"


def snapshot():
    models = (Event, Session, DialogueRole)
    return [sorted(model.objects.values_list("pk", "status", "updated_at")) for model in models]


@pytest.mark.parametrize(("actor", "method", "kind", "target", "expected"), list(table()))
def test_permission_table(partner_system, other_partner_system, actor, method, kind, target, expected):
    url = target_url(kind, target, partner_system, other_partner_system)
    client = client_of(actor, kind, partner_system)
    before = snapshot()

    if method == "GET":
        response = client.get(url)
    elif method == "PATCH":
        response = client.patch(url, CHANGE[kind], format="json", headers=if_match(client, url))
    else:
        response = client.delete(url, headers=if_match(client, url))

    assert response.status_code == expected
    if expected >= 400:
        api_error(response)
        assert snapshot() == before


def create_body(kind: str) -> dict:
    if kind == "events":
        return {"slug": "new-event", "name": "New", "kind": "workshop", "start": "2025-05"}
    if kind == "sessions":
        return {"event": factories.EventFactory(slug="parent").slug, "order": 9, "title": "Day 9"}
    return {
        "dialogue": factories.DialogueFactory(slug="parent").slug,
        "organisation": factories.OrganisationFactory(slug="uba").slug,
        "role": DialogueRole.Role.LEAD_AGENCY,
        "side": "CN",
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("actor", list(CREATE))
def test_create_table(partner_system, actor, kind):
    body = create_body(kind)
    client = client_of(actor, kind, partner_system)

    as_draft = client.post(f"/api/v1/{kind}/", body, format="json")
    as_published = client.post(
        f"/api/v1/{kind}/", {**body, **ANOTHER[kind], "status": "published"}, format="json"
    )

    assert (as_draft.status_code, as_published.status_code) == CREATE[actor]


@pytest.mark.parametrize("kind", KINDS)
def test_what_a_partner_system_adds_is_a_draft_that_only_it_and_the_staff_see(
    partner_system_api, other_partner_system, publisher_api, api, kind
):
    response = partner_system_api.post(f"/api/v1/{kind}/", create_body(kind), format="json")
    url = response.json()["url"]

    assert (response.status_code, response.json()["status"]) == (201, "draft")
    assert partner_system_api.get(url).status_code == 200
    assert api.get(url).status_code == 404
    assert token_client(other_partner_system).get(url).status_code == 404
    assert publisher_api.get(url).status_code == 200


def test_a_row_added_to_a_published_record_is_not_public_until_an_editor_publishes_it(
    partner_system_api, publisher_api, api
):
    body = create_body("sessions")

    added = partner_system_api.post("/api/v1/sessions/", body, format="json").json()
    before = [session["title"] for session in api.get("/api/v1/events/parent/").json()["sessions"]]
    published = publisher_api.patch(
        added["url"], {"status": "published"}, format="json", headers=if_match(publisher_api, added["url"])
    )
    after = [session["title"] for session in api.get("/api/v1/events/parent/").json()["sessions"]]

    assert (before, published.status_code, after) == ([], 200, ["Day 9"])


def test_a_partner_system_may_not_publish_its_own_draft_whatever_its_permissions(partner_system):
    partner_system.user_permissions.add(*record_permissions())
    created_by(factories.EventFactory(slug="mine", status=Status.REVIEW), partner_system)

    response = token_client(partner_system).patch(
        "/api/v1/events/mine/",
        {"status": "published"},
        format="json",
        headers=if_match(token_client(partner_system), "/api/v1/events/mine/"),
    )

    assert api_error(response) == {
        "status": 403,
        "code": "workflow",
        "detail": "You may not publish this event (in review): only the atlas's editors make changes "
        "public. Write it as a draft or in review; an editor publishes it.",
        "errors": [],
    }
    assert Event.objects.get(slug="mine").status == Status.REVIEW


def test_a_scheduled_record_is_never_shown_as_published_to_a_partner_system(
    partner_system_api, publisher_api
):
    factories.EventFactory(slug="embargoed", published_at=TOMORROW)

    listed = [event["slug"] for event in partner_system_api.get("/api/v1/events/").json()["results"]]

    assert listed == []
    assert partner_system_api.get("/api/v1/events/embargoed/").status_code == 404
    assert publisher_api.get("/api/v1/events/embargoed/").json()["status"] == "published"


def test_a_missing_scope_is_a_403_naming_it(partner_system):
    factories.EventFactory(slug="target")
    client = token_client(partner_system, "read")

    response = client.patch(
        "/api/v1/events/target/",
        {"name": "Renamed"},
        format="json",
        headers=if_match(client, "/api/v1/events/target/"),
    )
    read_only = token_client(partner_system, "write:events").get("/api/v1/organisations/")

    assert api_error(response) == {
        "status": 403,
        "code": "missing_scope",
        "detail": "This token does not have the scope “write:events”; ask for a token that has it.",
        "errors": [],
    }
    assert (read_only.status_code, api_error(read_only)["detail"]) == (
        403,
        "This token does not have the scope “read”; ask for a token that has it.",
    )


def test_a_write_scope_reads_its_own_kind_and_search_needs_read(partner_system):
    factories.EventFactory(slug="target")
    client = token_client(partner_system, "write:events")

    assert client.get("/api/v1/events/target/").status_code == 200
    assert client.get("/api/v1/search/?q=event").status_code == 403
    assert token_client(partner_system, "read").get("/api/v1/search/?q=event").status_code == 200


def test_session_authenticated_staff_have_no_scopes_to_check(client, publisher):
    client.force_login(publisher)
    factories.EventFactory(slug="target")

    response = client.patch(
        "/api/v1/events/target/",
        {"name": "Renamed"},
        content_type="application/json",
        headers=if_match(client, "/api/v1/events/target/"),
    )

    assert response.status_code == 200


# Uniqueness: a refusal says the value is taken, and nothing about who holds it --------------------


def test_a_taken_slug_is_refused_in_the_same_words_whether_or_not_its_record_is_visible(
    partner_system_api, other_partner_system
):
    created_by(
        factories.EventFactory(slug="hidden", name="Secret summit", status=Status.DRAFT), other_partner_system
    )
    factories.EventFactory(slug="visible", name="Open workshop")
    body = {"name": "Mine", "kind": "workshop", "start": "2025"}

    hidden = partner_system_api.post("/api/v1/events/", {**body, "slug": "hidden"}, format="json")
    visible = partner_system_api.post("/api/v1/events/", {**body, "slug": "visible"}, format="json")

    assert hidden.status_code == visible.status_code == 400
    assert (
        api_error(hidden)["errors"]
        == api_error(visible)["errors"]
        == [{"field": "slug", "code": "invalid", "message": "This value is taken; choose another."}]
    )
    assert "Secret" not in hidden.content.decode()
    assert Event.objects.filter(slug="hidden").get().name == "Secret summit"


def test_renaming_to_a_hidden_slug_is_refused_without_naming_its_record(partner_system, other_partner_system):
    created_by(factories.EventFactory(slug="mine", status=Status.DRAFT), partner_system)
    hidden = created_by(factories.EventFactory(slug="hidden", status=Status.DRAFT), other_partner_system)

    response = token_client(partner_system).patch(
        "/api/v1/events/mine/",
        {"slug": "hidden"},
        format="json",
        headers=if_match(token_client(partner_system), "/api/v1/events/mine/"),
    )

    assert api_error(response)["errors"] == [
        {"field": "slug", "code": "invalid", "message": "This value is taken; choose another."}
    ]
    assert str(hidden.pk) not in response.json()["detail"]


# Every write view --------------------------------------------------------------------------------


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


def test_refused_writes_change_nothing(partner_api):
    factories.OrganisationFactory(slug="target", name="Original")

    url = "/api/v1/organisations/target/"
    partner_api.patch(url, {"name": "Renamed"}, format="json", headers=if_match(partner_api, url))
    partner_api.delete(url, headers=if_match(partner_api, url))

    assert list(Organisation.objects.values_list("slug", "name")) == [("target", "Original")]


def test_writes_are_attributed_to_the_tokens_user(partner_system_api, partner_system):
    partner_system_api.post(
        "/api/v1/organisations/", {"slug": "uba", "name": "UBA", "kind": "ngo"}, format="json"
    )

    assert list(Organisation.history.values_list("history_user", "name", "history_type")) == [
        (partner_system.pk, "UBA", "+")
    ]


@pytest.fixture
def event_with_a_draft_topic(partner_system):
    """A draft event of the partner system, linked to a public topic and to a draft it cannot see."""
    event = created_by(factories.EventFactory(slug="workshop", status=Status.DRAFT), partner_system)
    event.topics.set(
        [factories.TopicFactory(slug="energy"), factories.TopicFactory(slug="secret", status=Status.DRAFT)]
    )
    factories.TopicFactory(slug="climate")
    return event


def topic_slugs(data) -> list[str]:
    return sorted(topic["slug"] for topic in data["topics"])


def test_partner_write_of_a_many_to_many_keeps_the_links_it_cannot_see(
    event_with_a_draft_topic, partner_system_api
):
    url = "/api/v1/events/workshop/"
    seen = topic_slugs(partner_system_api.get(url).json())

    added = partner_system_api.patch(
        url, {"topics": [*seen, "climate"]}, format="json", headers=if_match(partner_system_api, url)
    )
    stored_after_adding = sorted(event_with_a_draft_topic.topics.values_list("slug", flat=True))
    emptied = partner_system_api.patch(
        url, {"topics": []}, format="json", headers=if_match(partner_system_api, url)
    )

    assert seen == ["energy"]
    assert (added.status_code, topic_slugs(added.json())) == (200, ["climate", "energy"])
    assert stored_after_adding == ["climate", "energy", "secret"]
    assert (emptied.status_code, topic_slugs(emptied.json())) == (200, [])
    assert list(event_with_a_draft_topic.topics.values_list("slug", flat=True)) == ["secret"]


def test_write_that_hides_the_record_from_its_writer_shows_only_what_the_writer_may_see(
    event_with_a_draft_topic, partner_system_api
):
    url = "/api/v1/events/workshop/"

    response = partner_system_api.patch(
        url,
        {"visibility": "internal", "topics": ["energy"]},
        format="json",
        headers=if_match(partner_system_api, url),
    )

    assert (response.status_code, response.json()["visibility"]) == (200, "internal")
    assert topic_slugs(response.json()) == ["energy"]
    assert sorted(event_with_a_draft_topic.topics.values_list("slug", flat=True)) == ["energy", "secret"]
    assert partner_system_api.get(url).status_code == 404
