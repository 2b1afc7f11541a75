import pytest

from config.editorial.workflow import EDITORS, PUBLISHERS
from config.framework.visibility import Status
from institutions.models import Organisation, Person
from tests import factories
from tests.factories import member_of
from tests.helpers import NO_CONTACT_POINTS, admin_url

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/events/event/"


def draft_event_with_drafts():
    event = factories.EventFactory(name="Plenary", slug="plenary", status=Status.REVIEW)
    organisation = factories.OrganisationFactory(name="Co-organiser", status=Status.DRAFT)
    factories.EventParticipationFactory(event=event, organisation=organisation, role="co_organiser")
    person = factories.PersonFactory(given_name="Ada", family_name="Speaker", status=Status.DRAFT)
    factories.EventSpeakerFactory(event=event, person=person)
    return event, organisation, person


def statuses(*records):
    return [type(record)._base_manager.get(pk=record.pk).status for record in records]


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def test_publish_action_without_dependencies_publishes_at_once(client, publisher):
    client.force_login(publisher)
    event = factories.EventFactory(status=Status.REVIEW)

    response = client.post(CHANGELIST, {"action": "publish", "_selected_action": [event.pk], "index": 0})

    assert response.status_code == 302
    assert statuses(event) == [Status.PUBLISHED]


def test_publish_action_lists_the_drafts_a_record_uses(client, publisher):
    client.force_login(publisher)
    event, organisation, person = draft_event_with_drafts()

    response = client.post(CHANGELIST, {"action": "publish", "_selected_action": [event.pk], "index": 0})

    assert response.status_code == 200
    assert response.templates[0].name == "admin/editorial/publish_dependencies.html"
    assert [
        (dependency.kind, str(dependency.record), dependency.status, dependency.admin_url)
        for dependency in response.context["dependencies"]
    ] == [
        ("organisation", "Co-organiser", "draft", admin_url(Organisation, "change", organisation.pk)),
        ("person", str(person), "draft", admin_url(Person, "change", person.pk)),
    ]
    page = response.content.decode()
    assert "Publish them together" in page and "Publish only the selected records" in page
    assert statuses(event, organisation, person) == [Status.REVIEW, Status.DRAFT, Status.DRAFT]


def test_publish_action_counts_the_draft_rows(client, publisher):
    client.force_login(publisher)
    event = factories.EventFactory(status=Status.REVIEW)
    factories.EventParticipationFactory.create_batch(2, event=event, status=Status.DRAFT)

    response = client.post(CHANGELIST, {"action": "publish", "_selected_action": [event.pk], "index": 0})

    assert response.context["row_summary"] == ["2 participations are not published."]


def test_publish_them_together(client, publisher):
    client.force_login(publisher)
    event, organisation, person = draft_event_with_drafts()

    response = client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [event.pk], "publish_choice": "together"},
        follow=True,
    )

    assert statuses(event, organisation, person) == [Status.PUBLISHED] * 3
    assert shown_messages(response) == [
        f"1 record published, together with what it uses: organisation “Co-organiser”; person “{person}”."
    ]
    public = client.get(event.get_absolute_url()).content.decode()
    assert "Co-organiser" in public and "Speaker" in public


def test_publish_only_the_selected_records_says_what_the_public_page_leaves_out(client, publisher):
    client.force_login(publisher)
    event, organisation, person = draft_event_with_drafts()

    response = client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [event.pk], "publish_choice": "selected"},
        follow=True,
    )

    assert statuses(event, organisation, person) == [Status.PUBLISHED, Status.DRAFT, Status.DRAFT]
    assert shown_messages(response) == [
        "1 record published.",
        "The public page of “Plenary” leaves out: "
        f"organisation “Co-organiser” (draft); person “{person}” (draft).",
    ]


def test_saving_the_change_form_as_published_saves_then_shows_the_drafts(client, publisher):
    client.force_login(publisher)
    parent = factories.OrganisationFactory(name="Ministry", status=Status.DRAFT)
    record = factories.OrganisationFactory(name="Agency", slug="agency", status=Status.REVIEW)
    data = {
        "slug": "agency",
        "name_en": "Agency renamed",
        "kind": "ngo",
        "parent": parent.pk,
        "status": "published",
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }

    saved = client.post(admin_url(Organisation, "change", record.pk), data)

    # Saved first: nothing typed is lost whatever the editor chooses next.
    assert (Organisation.objects.get(pk=record.pk).name, statuses(record)) == (
        "Agency renamed",
        ["published"],
    )
    page_url = admin_url(Organisation, "publish_dependencies", record.pk)
    assert saved.status_code == 302 and saved["Location"].startswith(page_url + "?next=")
    page = client.get(saved["Location"])
    assert [str(dependency.record) for dependency in page.context["dependencies"]] == ["Ministry"]
    assert "Keep them unpublished" in page.content.decode()

    together = client.post(
        saved["Location"], {"publish_choice": "together", "next": admin_url(Organisation, "changelist")}
    )

    assert together["Location"] == admin_url(Organisation, "changelist")
    assert statuses(parent, record) == [Status.PUBLISHED, Status.PUBLISHED]


def test_keeping_the_change_form_s_drafts_unpublished_says_so(client, publisher):
    client.force_login(publisher)
    parent = factories.OrganisationFactory(name="Ministry", status=Status.DRAFT)
    record = factories.OrganisationFactory(name="Agency", parent=parent, status=Status.PUBLISHED)
    url = admin_url(Organisation, "publish_dependencies", record.pk)

    response = client.post(
        url, {"publish_choice": "selected", "next": "https://elsewhere.example/"}, follow=True
    )

    assert response.redirect_chain[0][0] == admin_url(Organisation, "change", record.pk)
    assert shown_messages(response)[-1] == (
        "The public page of “Agency” leaves out: organisation “Ministry” (draft)."
    )
    assert statuses(parent) == [Status.DRAFT]


def test_saving_without_dependencies_changes_nothing(client, publisher):
    client.force_login(publisher)
    record = factories.OrganisationFactory(slug="agency", status=Status.REVIEW)
    data = {
        "slug": "agency",
        "name_en": "Agency",
        "kind": "ngo",
        "status": "published",
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }

    saved = client.post(admin_url(Organisation, "change", record.pk), data)

    assert saved["Location"] == admin_url(Organisation, "changelist")


def status_menu(client, url):
    form = client.get(url).context["adminform"].form
    return [value for value, _label in form.fields["status"].widget.choices]


@pytest.mark.parametrize(
    ("group", "add", "draft", "review"),
    [
        (EDITORS, ["draft", "review"], ["draft", "review"], ["draft", "review"]),
        (
            PUBLISHERS,
            ["draft", "review", "published"],
            ["draft", "review", "published"],
            ["draft", "review", "published"],
        ),
    ],
)
def test_the_status_menu_offers_what_the_user_may_set(client, group, add, draft, review):
    client.force_login(member_of(group))
    in_draft = factories.OrganisationFactory(status=Status.DRAFT)
    in_review = factories.OrganisationFactory(status=Status.REVIEW)

    assert [
        status_menu(client, admin_url(Organisation, "add")),
        status_menu(client, admin_url(Organisation, "change", in_draft.pk)),
        status_menu(client, admin_url(Organisation, "change", in_review.pk)),
    ] == [add, draft, review]


def test_an_editor_publishing_anyway_is_told_in_words(client, editor):
    client.force_login(editor)
    record = factories.OrganisationFactory(slug="agency", status=Status.DRAFT)
    data = {
        "slug": "agency",
        "name_en": "Agency",
        "kind": "ngo",
        "status": "published",
        "visibility": "public",
        **NO_CONTACT_POINTS,
    }

    response = client.post(admin_url(Organisation, "change", record.pk), data)

    assert response.context["adminform"].form.errors["status"] == [
        "Only publishers may publish this organisation; submit it for review instead."
    ]
