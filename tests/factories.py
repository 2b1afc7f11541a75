"""factory_boy factories that produce valid, published, public rows."""

import datetime
import importlib
from types import SimpleNamespace

import factory
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from config.editorial.workflow import PARTNER_SYSTEMS
from config.framework.visibility import PARTNER_GROUP, Status, Visibility
from dialogues.models import (
    Dialogue,
    DialogueAim,
    DialogueRole,
    Phase,
    Publication,
    PublicationAuthor,
    Topic,
    WorkingGroup,
    WorkingGroupMember,
)
from events.models import Event, EventParticipation, EventPlace, EventSpeaker, Photo, Session
from institutions.models import Affiliation, Organisation, OrganisationContactPoint, Person, Source
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectContactPoint,
    ProjectFocusArea,
    ProjectRole,
)

PASSWORD = "correct horse battery staple"  # every user's


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)


class PartnerFactory(UserFactory):
    @factory.post_generation
    def partner_group(self, create, extracted, **kwargs):
        self.groups.add(Group.objects.get_or_create(name=PARTNER_GROUP)[0])


class StaffFactory(UserFactory):
    is_staff = True


def member_of(group: str, **fields):
    """A user in one of the editorial groups the migrations create (Editors, Publishers …).

    Viewers, editors and publishers work in the admin (staff); partner systems only use the API.
    """
    user = UserFactory(is_staff=group != PARTNER_SYSTEMS, **fields)
    if not Group.objects.filter(name=group).exists():
        restore_editorial_groups()
    user.groups.add(Group.objects.get(name=group))
    return user


def restore_editorial_groups() -> None:
    """The editorial groups and their permissions, as the migration writes them: a transactional test
    (a browser test) empties every table when it ends, those the data migrations filled included."""
    migration = importlib.import_module("config.atlas.migrations.0001_initial")
    migration.create_editorial_groups(django_apps, SimpleNamespace(connection=connection))


class PublicRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    status = Status.PUBLISHED
    visibility = Visibility.PUBLIC


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source document {n}")


class OrganisationFactory(PublicRecordFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.RESEARCH_INSTITUTE
    country = "DE"


class PersonFactory(PublicRecordFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    given_name = "Alex"
    family_name = factory.Sequence(lambda n: f"Example{n}")


class AffiliationFactory(PublicRecordFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    position = "Researcher"


class TopicFactory(PublicRecordFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class DialogueFactory(PublicRecordFactory):
    class Meta:
        model = Dialogue

    slug = factory.Sequence(lambda n: f"dialogue-{n}")
    name = factory.Sequence(lambda n: f"Dialogue {n}")
    track = "2"
    parties = factory.LazyFunction(lambda: ["DE", "CN"])
    start_date = datetime.date(2020, 12, 1)
    start_precision = "month"


class DialogueAimFactory(PublicRecordFactory):
    class Meta:
        model = DialogueAim

    dialogue = factory.SubFactory(DialogueFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Support the ministerial dialogue."


class PhaseFactory(PublicRecordFactory):
    class Meta:
        model = Phase

    dialogue = factory.SubFactory(DialogueFactory)
    slug = factory.Sequence(lambda n: f"phase-{n}")
    number = 1
    name = "Phase one"


class WorkingGroupFactory(PublicRecordFactory):
    class Meta:
        model = WorkingGroup

    dialogue = factory.SubFactory(DialogueFactory)
    slug = factory.Sequence(lambda n: f"working-group-{n}")
    number = factory.Sequence(lambda n: n + 1)
    name = "Emissions trading"


class WorkingGroupMemberFactory(PublicRecordFactory):
    class Meta:
        model = WorkingGroupMember

    working_group = factory.SubFactory(WorkingGroupFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class DialogueRoleFactory(PublicRecordFactory):
    class Meta:
        model = DialogueRole

    dialogue = factory.SubFactory(DialogueFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = DialogueRole.Role.LEAD_AGENCY
    side = "DE"


class PublicationFactory(PublicRecordFactory):
    class Meta:
        model = Publication

    slug = factory.Sequence(lambda n: f"publication-{n}")
    title = factory.Sequence(lambda n: f"Publication {n}")
    kind = Publication.Kind.POLICY_PAPER


class PublicationAuthorFactory(PublicRecordFactory):
    class Meta:
        model = PublicationAuthor

    publication = factory.SubFactory(PublicationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    order = factory.Sequence(lambda n: n + 1)


class ProgrammeFactory(PublicRecordFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name = factory.Sequence(lambda n: f"Programme {n}")


class ProgrammeFunderFactory(PublicRecordFactory):
    class Meta:
        model = ProgrammeFunder

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ProjectFactory(PublicRecordFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    title = factory.Sequence(lambda n: f"Project {n}")
    countries = factory.LazyFunction(lambda: ["CN"])


class ProjectFocusAreaFactory(PublicRecordFactory):
    class Meta:
        model = ProjectFocusArea

    project = factory.SubFactory(ProjectFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = "Sustainable urban mobility plans"


class ProjectRoleFactory(PublicRecordFactory):
    class Meta:
        model = ProjectRole

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ProjectRole.Role.IMPLEMENTER


class ProjectContactFactory(PublicRecordFactory):
    class Meta:
        model = ProjectContact

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Project Director"


class EventFactory(PublicRecordFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    name = factory.Sequence(lambda n: f"Event {n}")
    kind = Event.Kind.WORKSHOP
    start_date = datetime.date(2024, 8, 28)


class SessionFactory(PublicRecordFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = "Day 1"


class EventParticipationFactory(PublicRecordFactory):
    class Meta:
        model = EventParticipation

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = EventParticipation.Role.PARTICIPANT


class EventSpeakerFactory(PublicRecordFactory):
    class Meta:
        model = EventSpeaker

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = EventSpeaker.Role.SPEAKER


class PhotoFactory(PublicRecordFactory):
    class Meta:
        model = Photo

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(lambda n: n + 1)
    caption = "Group photo"
    credit = "GIZ"


class EventPlaceFactory(PublicRecordFactory):
    class Meta:
        model = EventPlace

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(lambda n: n + 2)
    city = "Cologne"
    country = "DE"


class OrganisationContactPointFactory(PublicRecordFactory):
    class Meta:
        model = OrganisationContactPoint

    organisation = factory.SubFactory(OrganisationFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = "Office"
    email = "office@example.org"


class ProjectContactPointFactory(PublicRecordFactory):
    class Meta:
        model = ProjectContactPoint

    project = factory.SubFactory(ProjectFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = "Project office"
    postal_address = "1 Example Street\nBeijing"


def full_event(number: int):
    """An event in August 2024 with a row of everything a list or a format may show."""
    event = EventFactory(
        slug=f"event-{number}",
        start_date=datetime.date(2024, 8, 1 + number % 28),
        dialogue=DialogueFactory(),
        latitude=52.5,
        longitude=13.4,
        venue="Venue",
    )
    event.topics.add(TopicFactory())
    event.projects.add(ProjectFactory())
    EventParticipationFactory(event=event)
    return event
