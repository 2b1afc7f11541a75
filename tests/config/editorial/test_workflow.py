"""The editorial workflow as a table: group × action × status → allowed or refused.

The same table is checked three ways: through ``config.editorial.workflow`` (the rule), through the admin
(forms and actions, over HTTP), and through the API (over HTTP, with a token). A refused write
changes nothing.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from config.editorial import workflow
from config.editorial.workflow import EDITORS, PARTNER_SYSTEMS, PUBLISHERS, VIEWERS
from config.framework.visibility import Status
from institutions.models import Organisation
from tests import factories
from tests.factories import member_of
from tests.helpers import NO_CONTACT_POINTS, created_by, if_match, token_client

pytestmark = pytest.mark.django_db

STATUSES = (Status.DRAFT, Status.REVIEW, Status.PUBLISHED)

# action → group → allowed on a record in draft / in review / published.
# "y" allowed, "-" refused, "." not an action from that status (the record is there already).
TABLE = {
    "create": {VIEWERS: "---", EDITORS: "yy-", PUBLISHERS: "yyy", PARTNER_SYSTEMS: "yy-"},
    "change": {VIEWERS: "---", EDITORS: "yy-", PUBLISHERS: "yyy", PARTNER_SYSTEMS: "yy-"},
    "submit": {VIEWERS: "-.-", EDITORS: "y.-", PUBLISHERS: "y.y", PARTNER_SYSTEMS: "y.-"},
    "return": {VIEWERS: ".--", EDITORS: ".y-", PUBLISHERS: ".yy", PARTNER_SYSTEMS: ".y-"},
    "publish": {VIEWERS: "--.", EDITORS: "--.", PUBLISHERS: "yy.", PARTNER_SYSTEMS: "--."},
    "unpublish": {VIEWERS: "..-", EDITORS: "..-", PUBLISHERS: "..y", PARTNER_SYSTEMS: "..-"},
    "delete": {VIEWERS: "---", EDITORS: "yy-", PUBLISHERS: "yyy", PARTNER_SYSTEMS: "---"},
}
TARGET = {
    "submit": Status.REVIEW,
    "return": Status.DRAFT,
    "publish": Status.PUBLISHED,
    "unpublish": Status.DRAFT,
}
ADMIN_ACTIONS = {
    "submit": "submit_for_review",
    "return": "return_to_draft",
    "publish": "publish",
    "unpublish": "unpublish",
}


def cases(groups=tuple(TABLE["create"])):
    for action, row in TABLE.items():
        for group in groups:
            for status, expected in zip(STATUSES, row[group], strict=True):
                if expected != ".":
                    yield pytest.param(
                        group, action, status, expected == "y", id=f"{group}-{action}-{status}"
                    )


def snapshot():
    return list(Organisation.objects.order_by("slug").values_list("slug", "name", "status"))


def test_the_migration_creates_the_four_groups():
    groups = {group.name: group.permissions.count() for group in Group.objects.exclude(name="Partners")}
    publish = sorted(
        Group.objects.get(name=PUBLISHERS)
        .permissions.filter(codename__startswith="publish_")
        .values_list("codename", flat=True)
    )

    assert sorted(groups) == sorted([EDITORS, PARTNER_SYSTEMS, PUBLISHERS, VIEWERS])
    assert publish == [
        "publish_dialogue",
        "publish_event",
        "publish_organisation",
        "publish_person",
        "publish_phase",
        "publish_programme",
        "publish_project",
        "publish_publication",
        "publish_topic",
        "publish_workinggroup",
    ]
    assert groups[PUBLISHERS] == groups[EDITORS] + len(publish)
    assert Group.objects.get(name=EDITORS).permissions.filter(codename__startswith="publish_").count() == 0


# The rule, through the workflow's functions -------------------------------------------------------


def perform_with_workflow(user, action, status):
    if action == "create":
        record = Organisation(slug="new", name="New", kind="ngo", status=status)
        workflow.save_record(record=record, by=user)
        return
    record = Organisation.objects.get(slug="target")
    if action == "change":
        record.name = "Renamed"
        workflow.save_record(record=record, by=user)
    elif action == "delete":
        workflow.delete_record(record=record, by=user)
    else:
        workflow.transition(record=record, to=TARGET[action], by=user)


@pytest.mark.parametrize(("group", "action", "status", "allowed"), list(cases()))
def test_workflow_functions_follow_the_table(group, action, status, allowed):
    user = member_of(group)
    if action != "create":
        factories.OrganisationFactory(slug="target", name="Target", status=status)
    before = snapshot()

    try:
        perform_with_workflow(user, action, status)
        outcome = True
    except workflow.WorkflowError:
        outcome = False

    assert outcome is allowed
    if not allowed:
        assert snapshot() == before


# The admin ------------------------------------------------------------------------------------


def admin_form_data(record_status, name="Target", slug="target"):
    return {
        "slug": slug,
        "name_en": name,
        "kind": "ngo",
        "status": record_status,
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }


def perform_in_admin(client, action, status):
    base = "/admin/institutions/organisation/"
    if action == "create":
        response = client.post(f"{base}add/", admin_form_data(status, name="New", slug="new"))
        return response.status_code == 302
    record = Organisation.objects.get(slug="target")
    if action == "change":
        response = client.post(f"{base}{record.pk}/change/", admin_form_data(status, name="Renamed"))
        # An editor's change to a published record is a proposal (tests/config/editorial/test_revisions.py).
        return response.status_code == 302 and Organisation.objects.get(pk=record.pk).name == "Renamed"
    if action == "delete":
        response = client.post(f"{base}{record.pk}/delete/", {"post": "yes"})
        return response.status_code == 302 and not Organisation.objects.filter(pk=record.pk).exists()
    response = client.post(
        base, {"action": ADMIN_ACTIONS[action], "_selected_action": [record.pk], "index": 0}, follow=True
    )
    return response.status_code == 200 and Organisation.objects.get(pk=record.pk).status == TARGET[action]


@pytest.mark.parametrize(
    ("group", "action", "status", "allowed"), list(cases(groups=(VIEWERS, EDITORS, PUBLISHERS)))
)
def test_admin_follows_the_table(client, group, action, status, allowed):
    client.force_login(member_of(group))
    if action != "create":
        factories.OrganisationFactory(slug="target", name="Target", status=status)
    before = snapshot()

    outcome = perform_in_admin(client, action, status)

    assert outcome is allowed
    if not allowed:
        assert snapshot() == before


def test_admin_form_names_the_missing_permission(client, editor):
    client.force_login(editor)
    factories.OrganisationFactory(slug="target", name="Target", status=Status.REVIEW)
    record = Organisation.objects.get(slug="target")

    response = client.post(
        f"/admin/institutions/organisation/{record.pk}/change/", admin_form_data(Status.PUBLISHED)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"] == [
        "Only publishers may publish this organisation; it stays in review until one does."
    ]
    assert Organisation.objects.get(pk=record.pk).status == Status.REVIEW


def test_editor_may_only_propose_a_change_to_a_published_record_in_the_admin(client, editor):
    client.force_login(editor)
    record = factories.OrganisationFactory(slug="target", name="Target", status=Status.PUBLISHED)
    url = f"/admin/institutions/organisation/{record.pk}/change/"

    page = client.get(url)
    saved = client.post(url, admin_form_data(Status.PUBLISHED, name="Renamed"))

    assert page.status_code == 200
    assert page.context["revision_context"]["proposing"] is True
    assert page.context["has_delete_permission"] is False
    assert saved.status_code == 302
    assert Organisation.objects.get(pk=record.pk).name == "Target"


# The API --------------------------------------------------------------------------------------


def perform_in_api(client, action, status):
    url = "/api/v1/organisations/target/"
    if action == "create":
        body = {"slug": "new", "name": "New", "kind": "ngo", "status": status}
        return client.post("/api/v1/organisations/", body, format="json").status_code
    headers = if_match(client, url)
    if action == "change":
        return client.patch(url, {"name": "Renamed"}, format="json", headers=headers).status_code
    if action == "delete":
        return client.delete(url, headers=headers).status_code
    return client.patch(url, {"status": TARGET[action]}, format="json", headers=headers).status_code


@pytest.mark.parametrize(("group", "action", "status", "allowed"), list(cases()))
def test_api_follows_the_table(group, action, status, allowed):
    user = member_of(group)
    client = token_client(user)
    if action != "create":
        # Written by the same account: a partner system reads only the drafts it created.
        created_by(factories.OrganisationFactory(slug="target", name="Target", status=status), user)
    before = snapshot()

    code = perform_in_api(client, action, status)

    assert (code < 300) is allowed, code
    if not allowed:
        assert code == 403
        assert snapshot() == before


def test_api_refusal_names_the_missing_permission(editor):
    client = token_client(editor)
    factories.OrganisationFactory(slug="target", status=Status.DRAFT)

    url = "/api/v1/organisations/target/"

    response = client.patch(url, {"status": "published"}, format="json", headers=if_match(client, url))

    assert response.json() == {
        "status": 403,
        "code": "workflow",
        "detail": "Only publishers may publish this organisation; submit it for review instead.",
        "errors": [],
    }


# The publish date -----------------------------------------------------------------------------


def test_publishing_sets_the_publish_date_once(publisher):
    record = factories.OrganisationFactory(slug="target", status=Status.DRAFT)

    workflow.transition(record=record, to=Status.PUBLISHED, by=publisher)
    first = Organisation.objects.get(pk=record.pk).published_at
    record.name = "Renamed"
    workflow.save_record(record=record, by=publisher)

    assert first is not None
    assert Organisation.objects.get(pk=record.pk).published_at == first


def test_publishing_again_after_unpublishing_dates_the_new_publication(publisher):
    record = factories.OrganisationFactory(slug="target", status=Status.DRAFT)
    workflow.transition(record=record, to=Status.PUBLISHED, by=publisher)
    first = record.published_at

    workflow.transition(record=record, to=Status.DRAFT, by=publisher)
    workflow.transition(record=record, to=Status.PUBLISHED, by=publisher)

    assert Organisation.objects.get(pk=record.pk).published_at > first


def test_api_shows_the_publish_date_read_only(publisher_api):
    factories.OrganisationFactory(slug="target", status=Status.DRAFT)

    url = "/api/v1/organisations/target/"

    published = publisher_api.patch(
        url, {"status": "published"}, format="json", headers=if_match(publisher_api, url)
    )
    stored = Organisation.objects.get(slug="target").published_at
    refused = publisher_api.patch(
        url, {"published_at": "2000-01-01T00:00:00Z"}, format="json", headers={"If-Match": published["ETag"]}
    )

    assert published.json()["published_at"] == stored.isoformat().replace("+00:00", "Z")
    # Writing it is refused, naming the field (tests/config/api/test_write_contract.py).
    assert (refused.status_code, refused.json()["errors"][0]["code"]) == (400, "read_only")
    assert Organisation.objects.get(slug="target").published_at == stored


def test_a_record_scheduled_for_later_stays_hidden_until_then(anonymous, publisher):
    record = factories.OrganisationFactory(slug="target", status=Status.DRAFT)
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    workflow.transition(record=record, to=Status.PUBLISHED, by=publisher, publish_at=tomorrow)
    hidden = list(Organisation.objects.visible_to(anonymous).values_list("slug", flat=True))
    Organisation.objects.filter(pk=record.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    shown = list(Organisation.objects.visible_to(anonymous).values_list("slug", flat=True))

    assert hidden == []
    assert shown == ["target"]
