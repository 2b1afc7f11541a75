import datetime

import pytest
from django.utils import timezone

from config.editorial import workflow
from config.editorial.dependencies import publish_with_dependencies, unpublished_dependencies
from config.framework.visibility import Status
from events.models import Event, EventParticipation, EventSpeaker
from institutions.models import Organisation, Person
from tests import factories
from tests.helpers import capture_queries, grant

pytestmark = pytest.mark.django_db


def found(records):
    return [
        (dependency.kind, str(dependency.record), dependency.status, dependency.via)
        for dependency in unpublished_dependencies(records)
    ]


def test_dependencies_through_the_record_s_foreign_keys_and_links():
    dialogue = factories.DialogueFactory(name="Draft dialogue", status=Status.DRAFT)
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT, dialogue=dialogue)
    event.topics.add(factories.TopicFactory(name="Hydrogen", status=Status.REVIEW))
    event.topics.add(factories.TopicFactory(name="Published topic"))
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    event.documents.add(
        factories.PublicationFactory(title="Embargoed report", status=Status.PUBLISHED, published_at=tomorrow)
    )

    dependencies = found([event])

    assert [(kind, name, status.split(" ")[0], via) for kind, name, status, via in dependencies] == [
        ("dialogue", "Draft dialogue", "draft", ["dialogue"]),
        ("publication", "Embargoed report", "scheduled", ["documents"]),
        ("topic", "Hydrogen", "in", ["topics"]),
    ]


def test_dependencies_through_the_rows_and_the_rows_themselves():
    event = factories.EventFactory(name="Plenary", status=Status.DRAFT)
    co_organiser = factories.OrganisationFactory(name="Draft organisation", status=Status.DRAFT)
    factories.EventParticipationFactory(event=event, organisation=co_organiser, role="co_organiser")
    factories.EventParticipationFactory(event=event, status=Status.DRAFT, role="host")
    factories.EventSpeakerFactory(
        event=event,
        person=factories.PersonFactory(given_name="Ada", family_name="Draft", status=Status.DRAFT),
    )
    # A participation of another event, which uses the same organisation, is not this event's.
    factories.EventParticipationFactory(organisation=co_organiser)

    dependencies = found([event])

    assert [(kind, via) for kind, _name, _status, via in dependencies] == [
        ("organisation", ["participation: organisation"]),
        ("person", ["speaker: person"]),
        ("participation", ["participation"]),
    ]
    assert dependencies[0][1:3] == ("Draft organisation", "draft")


def test_an_organisation_does_not_depend_on_the_events_it_takes_part_in():
    organisation = factories.OrganisationFactory(status=Status.DRAFT)
    factories.EventParticipationFactory(
        organisation=organisation, event=factories.EventFactory(status=Status.DRAFT)
    )

    assert found([organisation]) == []


def test_records_published_together_are_not_their_own_dependencies():
    parent = factories.EventFactory(name="COP29", status=Status.DRAFT)
    child = factories.EventFactory(name="Side event", status=Status.DRAFT, parent=parent)

    assert found([child]) == [("event", "COP29", "draft", ["part of"])]
    assert found([child, parent]) == []


def test_finding_dependencies_does_not_grow_with_the_records():
    def make():
        event = factories.EventFactory(status=Status.DRAFT)
        factories.EventParticipationFactory(
            event=event, organisation=factories.OrganisationFactory(status=Status.DRAFT)
        )
        factories.EventSpeakerFactory(event=event, person=factories.PersonFactory(status=Status.DRAFT))
        event.topics.add(factories.TopicFactory(status=Status.DRAFT))
        return event

    few = [make()]
    with capture_queries() as one:
        unpublished_dependencies(few)
    many = [make() for _ in range(10)]
    with capture_queries() as eleven:
        assert len(unpublished_dependencies(many)) == 30

    assert len(eleven) == len(one)


def test_publishing_together_publishes_everything_through_the_workflow(publisher):
    event = factories.EventFactory(status=Status.REVIEW)
    organisation = factories.OrganisationFactory(status=Status.DRAFT)
    participation = factories.EventParticipationFactory(
        event=event, organisation=organisation, status=Status.DRAFT
    )
    person = factories.PersonFactory(status=Status.REVIEW)
    factories.EventSpeakerFactory(event=event, person=person)

    published = publish_with_dependencies(records=[event], by=publisher, reason="Published in the admin.")

    assert len(published) == 3
    assert [
        Event.objects.get(pk=event.pk).status,
        Organisation.objects.get(pk=organisation.pk).status,
        Person.objects.get(pk=person.pk).status,
        EventParticipation.objects.get(pk=participation.pk).status,
    ] == [Status.PUBLISHED] * 4
    entry = Organisation.history.filter(id=organisation.pk).latest("history_date")
    assert (entry.history_user, entry.history_change_reason) == (
        publisher,
        f"Published with {event}. Published in the admin.",
    )
    assert EventSpeaker.objects.visible_to(None).filter(event=event).count() == 1


def test_publishing_together_is_all_or_nothing():
    event = factories.EventFactory(status=Status.DRAFT)
    organisation = factories.OrganisationFactory(status=Status.DRAFT)
    factories.EventParticipationFactory(event=event, organisation=organisation)
    person = factories.PersonFactory(status=Status.DRAFT)
    factories.EventSpeakerFactory(event=event, person=person)
    # A publisher of events and organisations, not of people.
    user = factories.StaffFactory()
    grant(user, Event, "change", "publish")
    grant(user, Organisation, "change", "publish")

    with pytest.raises(workflow.WorkflowError) as refused:
        publish_with_dependencies(records=[event], by=user)

    assert refused.value.message == "Only editors and publishers may change people."
    assert [
        Event.objects.get(pk=event.pk).status,
        Organisation.objects.get(pk=organisation.pk).status,
        Person.objects.get(pk=person.pk).status,
    ] == [Status.DRAFT] * 3
