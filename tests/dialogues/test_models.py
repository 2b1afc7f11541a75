"""Every rule the database carries refuses a violating row, whoever writes it."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def working_group_in_phase(**fields):
    if "phase" not in fields:
        phase = factories.PhaseFactory()
        fields = {"dialogue": phase.dialogue, "phase": phase} | fields
    return factories.WorkingGroupFactory(**fields)


# (constraint name, factory, kwargs or a callable that makes them against existing rows)
CASES = [
    (
        "events_event_end_after_start",
        factories.EventFactory,
        {"start_date": D(2024, 8, 29), "end_date": D(2024, 8, 28)},
    ),
    (
        "events_event_end_after_start",
        factories.EventFactory,
        {
            "start_date": D(2024, 8, 1),
            "start_precision": "month",
            "end_date": D(2024, 7, 1),
            "end_precision": "month",
        },
    ),
    (
        "events_event_start_date_aligned",
        factories.EventFactory,
        {"start_date": D(2024, 5, 17), "start_precision": "month"},
    ),
    (
        "events_event_end_date_aligned",
        factories.EventFactory,
        {"end_date": D(2026, 3, 1), "end_precision": "year"},
    ),
    ("events_event_latitude_range", factories.EventFactory, {"latitude": 200, "longitude": 10}),
    ("events_event_longitude_range", factories.EventFactory, {"latitude": 10, "longitude": -181}),
    ("events_event_coordinates_pair", factories.EventFactory, {"latitude": 52.4}),
    ("events_event_number_positive", factories.EventFactory, {"number": 0}),
    ("dialogues_dialogue_two_parties", factories.DialogueFactory, {"parties": ["DE"]}),
    ("dialogues_dialogue_two_parties", factories.DialogueFactory, {"parties": []}),
    ("dialogues_dialogue_end_after_start", factories.DialogueFactory, {"end_date": D(2019, 1, 1)}),
    ("dialogues_phase_number_positive", factories.PhaseFactory, {"number": 0}),
    ("dialogues_workinggroup_number_positive", factories.WorkingGroupFactory, {"number": 0}),
    (
        "dialogues_publication_date_aligned",
        factories.PublicationFactory,
        {"date": D(2024, 5, 2), "date_precision": "month"},
    ),
    ("projects_project_budget_not_negative", factories.ProjectFactory, {"budget": -1, "currency": "EUR"}),
    ("projects_project_budget_has_currency", factories.ProjectFactory, {"budget": 1000}),
    (
        "projects_project_end_after_start",
        factories.ProjectFactory,
        {"start_date": D(2020, 1, 1), "end_date": D(2019, 1, 1)},
    ),
    (
        "institutions_affiliation_end_after_start",
        factories.AffiliationFactory,
        {"start_date": D(2020, 1, 1), "end_date": D(2019, 1, 1)},
    ),
    (
        "dialogues_dialoguerole_end_after_start",
        factories.DialogueRoleFactory,
        {"start_date": D(2021, 1, 1), "end_date": D(2020, 1, 1)},
    ),
    (
        "projects_projectrole_end_after_start",
        factories.ProjectRoleFactory,
        {"start_date": D(2021, 1, 1), "end_date": D(2020, 1, 1)},
    ),
    (
        "dialogues_workinggroupmember_organisation_or_person",
        factories.WorkingGroupMemberFactory,
        {"organisation": None},
    ),
    (
        "dialogues_workinggroupmember_organisation_or_person",
        factories.WorkingGroupMemberFactory,
        {"person": factories.PersonFactory},
    ),
    (
        "dialogues_publicationauthor_organisation_or_person",
        factories.PublicationAuthorFactory,
        {"organisation": None},
    ),
]

# Unique constraints: a second row with the same key.
UNIQUE_CASES = [
    ("dialogues_phase_unique_number", factories.PhaseFactory, ("dialogue", "number")),
    (
        "dialogues_workinggroup_unique_number_in_phase",
        working_group_in_phase,
        ("dialogue", "phase", "number"),
    ),
    (
        "dialogues_workinggroup_unique_number_without_phase",
        factories.WorkingGroupFactory,
        ("dialogue", "number"),
    ),
    (
        "dialogues_dialoguerole_unique",
        factories.DialogueRoleFactory,
        ("dialogue", "organisation", "role", "phase"),
    ),
    ("dialogues_dialogueaim_unique_order", factories.DialogueAimFactory, ("dialogue", "order")),
    (
        "dialogues_workinggroupmember_unique",
        factories.WorkingGroupMemberFactory,
        ("working_group", "organisation", "role"),
    ),
    (
        "dialogues_publicationauthor_unique_order",
        factories.PublicationAuthorFactory,
        ("publication", "order"),
    ),
    ("institutions_affiliation_unique", factories.AffiliationFactory, ("person", "organisation", "position")),
    ("projects_projectfocusarea_unique_order", factories.ProjectFocusAreaFactory, ("project", "order")),
    ("projects_projectrole_unique", factories.ProjectRoleFactory, ("project", "organisation", "role")),
    ("projects_projectcontact_unique", factories.ProjectContactFactory, ("project", "person")),
    ("projects_programmefunder_unique", factories.ProgrammeFunderFactory, ("programme", "organisation")),
    ("events_session_unique_order", factories.SessionFactory, ("event", "order")),
    (
        "events_eventparticipation_unique",
        factories.EventParticipationFactory,
        ("event", "organisation", "role"),
    ),
    ("events_eventspeaker_unique", factories.EventSpeakerFactory, ("event", "person", "role")),
    ("events_photo_unique_order", factories.PhotoFactory, ("event", "order")),
]


def assert_refused(constraint, create):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    assert error.value.__cause__.diag.constraint_name == constraint


@pytest.mark.parametrize(("constraint", "factory", "fields"), CASES)
def test_database_refuses_row_breaking(constraint, factory, fields):
    values = {name: value() if callable(value) else value for name, value in fields.items()}
    assert_refused(constraint, lambda: factory(**values))


@pytest.mark.parametrize(("constraint", "factory", "key"), UNIQUE_CASES)
def test_database_refuses_duplicate(constraint, factory, key):
    first = factory()
    assert_refused(constraint, lambda: factory(**{name: getattr(first, name) for name in key}))


def test_database_refuses_duplicate_role_without_phase():
    # Empty phases count as equal here (NULLS NOT DISTINCT): one lead agency per side is enough.
    first = factories.DialogueRoleFactory(phase=None)
    assert_refused(
        "dialogues_dialoguerole_unique",
        lambda: factories.DialogueRoleFactory(
            dialogue=first.dialogue, organisation=first.organisation, phase=None
        ),
    )


def test_database_refuses_duplicate_number_in_event_series():
    first = factories.EventFactory(dialogue=factories.DialogueFactory(), kind="plenary", number=8)
    assert_refused(
        "events_event_unique_number_in_series",
        lambda: factories.EventFactory(dialogue=first.dialogue, kind="plenary", number=8),
    )


def test_database_allows_same_number_in_another_series():
    first = factories.EventFactory(dialogue=factories.DialogueFactory(), kind="plenary", number=8)
    second = factories.EventFactory(dialogue=first.dialogue, kind="steering_committee", number=8)
    assert second.pk != first.pk


@pytest.mark.parametrize(
    ("constraint", "factory"),
    [
        ("institutions_organisation_not_own_parent", factories.OrganisationFactory),
        ("dialogues_topic_not_own_parent", factories.TopicFactory),
        ("projects_project_not_own_parent", factories.ProjectFactory),
        ("events_event_not_own_parent", factories.EventFactory),
    ],
)
def test_database_refuses_record_as_its_own_parent(constraint, factory):
    record = factory()
    record.parent_id = record.pk
    assert_refused(constraint, lambda: record.save(update_fields=["parent"]))


def test_database_protects_referenced_organisation():
    from django.db.models import ProtectedError

    role = factories.DialogueRoleFactory()
    with pytest.raises(ProtectedError):
        role.organisation.delete()


def test_database_protects_referenced_person():
    from django.db.models import ProtectedError

    speaker = factories.EventSpeakerFactory()
    with pytest.raises(ProtectedError):
        speaker.person.delete()
