"""``visible_to(user)``: what each kind of reader sees, for records and for their rows."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from config.framework.visibility import Status, Visibility
from dialogues.models import DialogueRole, Phase, WorkingGroup
from events.models import Event, EventParticipation, EventSpeaker, Photo, Session
from institutions.models import Affiliation, Organisation
from tests import factories
from tests.helpers import capture_queries, created_by, grant

pytestmark = pytest.mark.django_db

# (user, status, visibility) -> visible. Anonymous: published + public; partners: published +
# public/partners; staff: everything; a signed-in account outside the Partners group: as anonymous.
MATRIX = [
    (user, status, visibility, expected)
    for user, rule in {
        "anonymous": lambda s, v: s == Status.PUBLISHED and v == Visibility.PUBLIC,
        "signed_in_user": lambda s, v: s == Status.PUBLISHED and v == Visibility.PUBLIC,
        "partner": lambda s, v: s == Status.PUBLISHED and v in {Visibility.PUBLIC, Visibility.PARTNERS},
        "staff": lambda s, v: True,
    }.items()
    for status in Status
    for visibility in Visibility
    for expected in [rule(status, visibility)]
]


@pytest.mark.parametrize(("user", "status", "visibility", "expected"), MATRIX)
def test_visible_to_matrix(request, user, status, visibility, expected):
    record = factories.OrganisationFactory(status=status, visibility=visibility)
    viewer = request.getfixturevalue(user)

    visible = Organisation.objects.visible_to(viewer).filter(pk=record.pk).exists()

    assert visible == expected


def test_visible_to_inactive_staff_sees_only_public(staff):
    staff.is_active = False
    factories.OrganisationFactory(status=Status.DRAFT)
    public = factories.OrganisationFactory()

    assert list(Organisation.objects.visible_to(staff)) == [public]


# Each dependent row, built with a hidden parent: the row is hidden with it.
DEPENDENT_ROWS = [
    (DialogueRole, factories.DialogueRoleFactory, "dialogue"),
    (DialogueRole, factories.DialogueRoleFactory, "organisation"),
    (Phase, factories.PhaseFactory, "dialogue"),
    (WorkingGroup, factories.WorkingGroupFactory, "dialogue"),
    (Affiliation, factories.AffiliationFactory, "person"),
    (Affiliation, factories.AffiliationFactory, "organisation"),
    (Session, factories.SessionFactory, "event"),
    (EventParticipation, factories.EventParticipationFactory, "event"),
    (EventParticipation, factories.EventParticipationFactory, "organisation"),
    (EventSpeaker, factories.EventSpeakerFactory, "person"),
    (Photo, factories.PhotoFactory, "event"),
]


@pytest.mark.parametrize(("model", "factory", "parent"), DEPENDENT_ROWS)
def test_visible_to_hides_rows_of_unpublished_parents(anonymous, staff, model, factory, parent):
    shown = factory()
    hidden = factory()
    parent_record = getattr(hidden, parent)
    parent_record.status = Status.DRAFT
    parent_record.save(update_fields=["status"])

    assert list(model.objects.visible_to(anonymous).filter(pk__in=[shown.pk, hidden.pk])) == [shown]
    assert set(model.objects.visible_to(staff).filter(pk__in=[shown.pk, hidden.pk])) == {shown, hidden}


def test_visible_to_row_visibility_is_its_own(anonymous, partner):
    # A Chatham House meeting can be public while its participant list is for partners only.
    event = factories.EventFactory()
    public_row = factories.EventParticipationFactory(event=event)
    partners_row = factories.EventParticipationFactory(event=event, visibility=Visibility.PARTNERS)

    assert list(EventParticipation.objects.visible_to(anonymous).filter(event=event)) == [public_row]
    assert set(EventParticipation.objects.visible_to(partner).filter(event=event)) == {
        public_row,
        partners_row,
    }


def test_visible_to_optional_parent_may_be_empty(anonymous):
    role_without_phase = factories.DialogueRoleFactory(phase=None)
    hidden_phase = factories.PhaseFactory(dialogue=role_without_phase.dialogue, status=Status.DRAFT)
    role_in_hidden_phase = factories.DialogueRoleFactory(
        dialogue=role_without_phase.dialogue, phase=hidden_phase, role=DialogueRole.Role.FUNDER
    )

    visible = list(DialogueRole.objects.visible_to(anonymous).filter(dialogue=role_without_phase.dialogue))

    assert visible == [role_without_phase]
    assert role_in_hidden_phase not in visible


def test_visible_to_remembers_partner_membership(partner):
    factories.OrganisationFactory()
    # The group membership, the account's permissions (two: its own and its groups'), the list.
    with capture_queries() as first:
        list(Organisation.objects.visible_to(partner))
    with capture_queries() as again:
        list(Organisation.objects.visible_to(partner))

    assert (len(first), len(again)) == (4, 1)


def test_an_account_that_may_change_a_kind_of_record_sees_its_drafts_but_not_internal_ones(partner):
    created_by(factories.OrganisationFactory(slug="draft", status="draft"), partner)
    created_by(factories.OrganisationFactory(slug="internal", status="draft", visibility="internal"), partner)
    created_by(factories.EventFactory(slug="draft-event", status="draft"), partner)
    grant(partner, Organisation, "change")

    organisations = list(Organisation.objects.visible_to(partner).values_list("slug", flat=True))
    events = list(Event.objects.visible_to(partner).values_list("slug", flat=True))

    assert organisations == ["draft"]
    assert events == []


def test_an_account_outside_the_staff_sees_only_the_drafts_it_created(partner):
    grant(partner, Organisation, "change")
    other = grant(factories.PartnerFactory(), Organisation, "change")
    created_by(factories.OrganisationFactory(slug="mine", status=Status.REVIEW), partner)
    created_by(factories.OrganisationFactory(slug="theirs", status=Status.DRAFT), other)
    factories.OrganisationFactory(slug="unknown-author", status=Status.DRAFT)

    assert list(Organisation.objects.visible_to(partner).values_list("slug", flat=True)) == ["mine"]
    assert list(Organisation.objects.visible_to(other).values_list("slug", flat=True)) == ["theirs"]


def test_a_scheduled_record_is_hidden_from_every_account_outside_the_staff(partner, staff):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    created_by(factories.OrganisationFactory(slug="scheduled", published_at=tomorrow), partner)
    grant(partner, Organisation, "change", "publish")

    assert list(Organisation.objects.visible_to(partner)) == []
    assert list(Organisation.objects.visible_to(staff).values_list("slug", flat=True)) == ["scheduled"]


def test_the_rows_of_an_account_outside_the_staff_are_its_own_drafts_only(partner):
    dialogue = factories.DialogueFactory()
    grant(partner, DialogueRole, "change")
    mine = created_by(factories.DialogueRoleFactory(dialogue=dialogue, status=Status.DRAFT), partner)
    factories.DialogueRoleFactory(dialogue=dialogue, status=Status.DRAFT)
    published = factories.DialogueRoleFactory(dialogue=dialogue)

    assert set(DialogueRole.objects.visible_to(partner)) == {mine, published}
    assert set(DialogueRole.objects.visible_to(AnonymousUser())) == {published}


def test_visible_to_gives_each_kind_of_reader_its_own_records(partner):
    public = factories.EventFactory(slug="public")
    factories.EventFactory(slug="for-partners", visibility=Visibility.PARTNERS)
    created_by(factories.EventFactory(slug="draft", status=Status.DRAFT), partner)
    anonymous = AnonymousUser()

    first = Event.objects.visible_to(anonymous)
    assert {event.slug for event in first} == {"public"}
    # A copy each time: evaluating one leaves the next unevaluated and unfiltered by it.
    assert Event.objects.visible_to(anonymous) is not first
    assert Event.objects.visible_to(anonymous).filter(slug="draft").count() == 0
    assert {event.slug for event in Event.objects.visible_to(partner)} == {"public", "for-partners"}
    grant(partner, Event, "change")
    editor = type(partner).objects.get(pk=partner.pk)  # permissions are read once per user object
    assert {event.slug for event in Event.objects.visible_to(editor)} == {"public", "for-partners", "draft"}
    assert {event.slug for event in Event.objects.visible_to(anonymous)} == {"public"}

    topic = factories.TopicFactory()
    other = factories.EventFactory(slug="other")
    other.topics.add(topic)
    # A related manager filters by its record as well: it is never served from the shared copies.
    assert list(public.topics.visible_to(anonymous)) == []
    assert list(other.topics.visible_to(anonymous)) == [topic]
