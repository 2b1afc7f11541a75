"""Proposals for a published record: an editor's change (or revert) is stored as a revision beside the
live record, which the public keeps seeing until a publisher publishes the revision."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import MultiWidget

from config.editorial import revisions, versions, workflow
from config.editorial.models import Revision
from config.framework.visibility import Status
from events.models import Event, Session
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def form_values(form) -> dict:
    """What a browser posts for ``form`` as it is shown (its bound or initial values)."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        widget = bound.field.widget
        if isinstance(widget, MultiWidget):
            for index, part in enumerate(widget.decompress(value)):
                if part is not None:
                    data[f"{bound.html_name}_{index}"] = str(part)
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = str(value)
    return data


def page_data(response, **changes) -> dict:
    """The change form of an admin page (``response``) as a browser posts it, with ``changes``."""
    context = response.context
    data = form_values(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        data.update(form_values(inline.formset.management_form))
        for row in inline.formset.forms:
            data.update(form_values(row))
    data.update(changes)
    return data


@pytest.fixture
def event():
    record = factories.EventFactory(name="Tianjin plenary", slug="tianjin", city="Tianjin")
    factories.SessionFactory(event=record, title="Day 1", order=1)
    return record


def propose(client, record, **changes):
    url = admin_url(Event, "change", record.pk)
    return client.post(url, page_data(client.get(url), **changes))


def test_editor_gets_an_editable_form_with_a_banner_on_a_published_record(client, editor, event):
    client.force_login(editor)

    response = client.get(admin_url(Event, "change", event.pk))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is True
    assert response.context["revision_context"]["proposing"] is True
    assert "Saving proposes your changes as a revision" in response.text
    assert "editorial/revisions.css" in response.text
    assert response.context["adminform"].form.fields["status"].disabled is True


def test_editors_proposal_leaves_the_live_record_and_its_page_unchanged(client, editor, event):
    client.force_login(editor)

    response = propose(
        client, event, name_en="Tianjin plenary (corrected)", city="Beijing", revision_note="typo"
    )

    revision = Revision.objects.get()
    assert response.status_code == 302
    assert response.url == revisions.revision_url(revision)
    assert (revision.author, revision.state, revision.note, revision.kind) == (
        editor,
        Revision.State.PROPOSED,
        "typo",
        Revision.Kind.CHANGE,
    )
    assert revision.data["city"] == ["Beijing"]
    assert revision.data["status"] == [Status.PUBLISHED]
    event.refresh_from_db()
    assert (event.name, event.city, event.status) == ("Tianjin plenary", "Tianjin", Status.PUBLISHED)
    assert event.history.count() == 1
    client.logout()
    public = client.get(event.get_absolute_url())
    assert "Tianjin plenary (corrected)" not in public.text
    assert "Tianjin plenary" in public.text


def test_the_message_says_the_change_is_a_proposal(client, editor, event):
    client.force_login(editor)

    response = propose(client, event, city="Beijing")
    page = client.get(response.url)

    assert [str(message) for message in page.context["messages"]] == [
        f"Your changes to the published event “Tianjin plenary” were saved as a proposal (revision "
        f"{Revision.objects.get().pk}), not published: the public keeps seeing the published version "
        "until a publisher publishes it."
    ]


def test_an_invalid_proposal_shows_the_forms_errors_and_stores_nothing(client, editor, event):
    client.force_login(editor)

    response = propose(client, event, start_date="not a date")

    assert response.status_code == 200
    assert "start_date" in response.context["adminform"].form.errors
    assert Revision.objects.count() == 0


def test_a_proposal_keeps_the_record_published(client, editor, event):
    client.force_login(editor)

    propose(client, event, status=Status.DRAFT, city="Beijing")

    assert Revision.objects.get().data["status"] == [Status.PUBLISHED]


def test_an_uploaded_file_in_a_proposal_is_refused_with_a_message(client, editor, event):
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    data = page_data(client.get(url), city="Beijing")
    data["photos-TOTAL_FORMS"] = "1"
    data.update({"photos-0-order": "1", "photos-0-status": "published", "photos-0-visibility": "public"})
    data["photos-0-image"] = SimpleUploadedFile("harbour.png", b"not read", content_type="image/png")

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "A proposal cannot keep uploaded files (harbour.png): they were not saved. Save the proposal "
        "without them and add the files once a publisher has published it, or ask a publisher to add them."
    ]
    assert Revision.objects.count() == 0


def test_editor_sees_and_updates_their_own_open_proposal(client, editor, event):
    client.force_login(editor)
    propose(client, event, city="Beijing", revision_note="first")

    shown = client.get(admin_url(Event, "change", event.pk))
    propose(client, event, venue="Meijiang Convention Centre", revision_note="second")

    assert shown.context["adminform"].form["city"].value() == "Beijing"
    assert shown.context["revision_context"]["own"] == Revision.objects.get()
    revision = Revision.objects.get()
    assert (revision.data["city"], revision.data["venue"], revision.note) == (
        ["Beijing"],
        ["Meijiang Convention Centre"],
        "second",
    )


def test_publisher_sees_open_proposals_on_the_records_page(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    client.force_login(publisher)

    response = client.get(admin_url(Event, "change", event.pk))

    assert response.context["revision_context"]["others"] == [revision]
    assert revisions.revision_url(revision) in response.text


def test_revision_page_lists_what_differs_from_the_live_record(client, editor, publisher, event):
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    page = client.get(url)
    client.post(url, page_data(page, city="Beijing", **{"sessions-0-title_en": "Opening day"}))
    revision = Revision.objects.get()
    client.force_login(publisher)

    response = client.get(revisions.revision_url(revision))

    assert response.status_code == 200
    changes = [
        (change["section"], change["row"], change["field"], change["old"], change["new"])
        for change in response.context["revision_context"]["changes"]
    ]
    assert changes == [
        ("", "", "City", "Tianjin", "Beijing"),
        ("Sessions", str(Session.objects.get()), "Title [en]", "Day 1", "Opening day"),
    ]
    assert "Publish this revision" in response.text


def test_publisher_publishes_a_proposal_through_the_normal_save(client, editor, publisher, event):
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    client.post(url, page_data(client.get(url), city="Beijing", **{"sessions-0-title_en": "Opening day"}))
    revision = Revision.objects.get()
    client.force_login(publisher)
    page = client.get(revisions.revision_url(revision))

    response = client.post(revisions.revision_url(revision), {**page_data(page), "_publish": "1"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.city, event.status) == ("Beijing", Status.PUBLISHED)
    assert Session.objects.get().title == "Opening day"
    entry = event.history.latest("history_date")
    assert (entry.history_user, entry.history_change_reason) == (
        publisher,
        f"Published revision {revision.pk} proposed by editor.",
    )
    revision.refresh_from_db()
    assert (revision.state, revision.decided_by) == (Revision.State.PUBLISHED, publisher)
    client.logout()
    assert "Beijing" in client.get(event.get_absolute_url()).text


def test_an_editor_may_not_publish_a_proposal(client, editor, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    page = client.get(revisions.revision_url(revision))

    response = client.post(revisions.revision_url(revision), {**page_data(page), "_publish": "1"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.city == "Tianjin"
    assert Revision.objects.get().state == Revision.State.PROPOSED
    assert "Publish this revision" not in page.text


def test_publisher_rejects_a_proposal_with_a_note(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    client.force_login(publisher)

    client.post(
        revisions.revision_url(revision), {"_reject": "1", "revision_decision_note": "It was Tianjin."}
    )

    revision.refresh_from_db()
    event.refresh_from_db()
    assert (revision.state, revision.decided_by, revision.decision_note) == (
        Revision.State.REJECTED,
        publisher,
        "It was Tianjin.",
    )
    assert event.city == "Tianjin"
    assert revisions.open_revisions() == []


def test_author_withdraws_a_proposal_and_no_one_else_may(client, editor, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    other = factories.member_of("Editors", username="other")
    client.force_login(other)
    client.post(revisions.revision_url(revision), {"_withdraw": "1"})
    assert Revision.objects.get().state == Revision.State.PROPOSED

    client.force_login(editor)
    client.post(revisions.revision_url(revision), {"_withdraw": "1"})

    assert Revision.objects.get().state == Revision.State.WITHDRAWN
    assert client.get(admin_url(Event, "change", event.pk)).context["revision_context"]["own"] is None


def test_a_stale_proposal_is_shown_and_published_only_when_confirmed(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    client.force_login(publisher)
    url = admin_url(Event, "change", event.pk)
    client.post(url, page_data(client.get(url), venue="Binhai Library"))
    page = client.get(revisions.revision_url(revision))

    refused = client.post(revisions.revision_url(revision), {**page_data(page), "_publish": "1"})
    event.refresh_from_db()
    assert (refused.status_code, event.city) == (200, "Tianjin")
    assert [entry.history_change_reason for entry in refused.context["revision_context"]["later"]] == [
        "Changed in the admin."
    ]
    assert "The published record changed after this proposal was made" in refused.text

    published = client.post(
        revisions.revision_url(revision), {**page_data(page), "_publish": "1", "_confirm_stale": "1"}
    )
    event.refresh_from_db()
    assert (published.status_code, event.city, event.venue) == (302, "Beijing", "")


def version_page(event, number):
    return f"{admin_url(Event, 'history', event.pk)}version/{number}/"


def test_an_editors_revert_to_a_version_in_review_is_proposed_and_keeps_the_record_published(
    client, editor, publisher, event
):
    workflow.transition(record=event, to=Status.REVIEW, by=publisher)
    in_review = len(versions.versions(event))
    event.city = "Beijing"
    event.status = Status.PUBLISHED
    workflow.save_record(record=event, by=publisher)
    client.force_login(editor)

    client.post(version_page(event, in_review), {"revision_note": "back"})
    revision = Revision.objects.get()
    client.force_login(publisher)
    client.post(revisions.revision_url(revision), {"_publish": "1"})

    event.refresh_from_db()
    assert (event.city, event.status) == ("Tianjin", Status.PUBLISHED)
    assert event.history.latest("history_date").history_change_reason.startswith(
        f"Published revision {revision.pk} proposed by editor."
    )


def test_a_revert_never_replaces_the_changes_an_editor_proposed(client, editor, publisher, event):
    event.city = "Beijing"
    workflow.save_record(record=event, by=publisher)
    client.force_login(editor)
    propose(client, event, venue="Meijiang Convention Centre")

    refused = client.post(version_page(event, 1), follow=True)

    revision = Revision.objects.get()
    assert (revision.kind, revision.data["venue"]) == (Revision.Kind.CHANGE, ["Meijiang Convention Centre"])
    assert "You have an open proposal with your changes to this record" in refused.text
    # The change form still opens on the editor's proposal.
    shown = client.get(admin_url(Event, "change", event.pk))
    assert shown.context["adminform"].form["venue"].value() == "Meijiang Convention Centre"


def test_saving_a_proposal_again_keeps_a_publishers_later_change_in_view(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    client.force_login(publisher)
    url = admin_url(Event, "change", event.pk)
    client.post(url, page_data(client.get(url), venue="Binhai Library"))
    client.force_login(editor)
    propose(client, event, city="Beijing", revision_note="again")  # the form shows the proposal
    revision = Revision.objects.get()
    client.force_login(publisher)
    page = client.get(revisions.revision_url(revision))

    refused = client.post(revisions.revision_url(revision), {**page_data(page), "_publish": "1"})

    event.refresh_from_db()
    assert (refused.status_code, event.city, event.venue) == (200, "Tianjin", "Binhai Library")
    assert [entry.history_user for entry in refused.context["revision_context"]["later"]] == [publisher]


def test_a_file_kept_from_a_refused_proposal_is_no_way_around_the_refusal(client, editor, event):
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    data = page_data(client.get(url), city="Beijing")
    data["photos-TOTAL_FORMS"] = "1"
    data.update({"photos-0-order": "1", "photos-0-status": "published", "photos-0-visibility": "public"})
    data["photos-0-image"] = SimpleUploadedFile("harbour.png", b"not read", content_type="image/png")
    first = client.post(url, data)
    assert "photos-0-image__kept" not in first.text  # nothing is kept for a proposal
    data.pop("photos-0-image")

    again = client.post(url, {**data, "photos-0-image__kept": "a reference from somewhere"})

    assert again.status_code == 200
    assert (
        "A proposal cannot keep uploaded files (image)"
        in again.context["adminform"].form.non_field_errors()[0]
    )
    assert Revision.objects.count() == 0


def test_open_revisions_lists_what_a_user_may_decide_and_their_own(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    other = factories.member_of("Editors", username="other")

    every = revisions.open_revisions()
    mine = revisions.open_revisions(editor)

    assert [(item.record, item.author, item.url) for item in every] == [
        (event, editor, revisions.revision_url(revision))
    ]
    assert mine == every
    assert revisions.open_revisions(publisher) == every
    assert revisions.open_revisions(other) == []


def test_a_draft_is_still_changed_directly_by_an_editor(client, editor):
    draft = factories.EventFactory(status=Status.DRAFT, city="Tianjin")
    client.force_login(editor)
    url = admin_url(Event, "change", draft.pk)

    client.post(url, page_data(client.get(url), city="Beijing"))

    draft.refresh_from_db()
    assert draft.city == "Beijing"
    assert Revision.objects.count() == 0


def test_a_row_changed_since_the_proposal_makes_it_stale(client, editor, publisher, event):
    client.force_login(editor)
    propose(client, event, city="Beijing")
    revision = Revision.objects.get()
    session = Session.objects.get()
    session.title = "Day one"
    session.save()
    client.force_login(publisher)
    page = client.get(revisions.revision_url(revision))

    refused = client.post(revisions.revision_url(revision), {**page_data(page), "_publish": "1"})

    assert refused.status_code == 200
    assert [entry.label for entry in refused.context["revision_context"]["later"]] == ["Session “Day one”"]
    event.refresh_from_db()
    assert event.city == "Tianjin"
