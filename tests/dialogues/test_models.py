"""The rules of dialogues, their phases, working groups, roles and publications, as database constraints."""

import datetime

import pytest

from tests import factories
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

D = datetime.date


def working_group_in_phase(**fields):
    if "phase" not in fields:
        phase = factories.PhaseFactory()
        fields = {"dialogue": phase.dialogue, "phase": phase} | fields
    return factories.WorkingGroupFactory(**fields)


# (constraint name, factory, kwargs or a callable that makes them against existing rows)
CASES = [
    ("dialogues_dialogue_two_parties", factories.DialogueFactory, {"parties": ["DE"]}),
    ("dialogues_dialogue_end_after_start", factories.DialogueFactory, {"end_date": D(2019, 1, 1)}),
    ("dialogues_phase_number_positive", factories.PhaseFactory, {"number": 0}),
    ("dialogues_workinggroup_number_positive", factories.WorkingGroupFactory, {"number": 0}),
    (
        "dialogues_publication_date_aligned",
        factories.PublicationFactory,
        {"date": D(2024, 5, 2), "date_precision": "month"},
    ),
    (
        "dialogues_dialoguerole_end_after_start",
        factories.DialogueRoleFactory,
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
]


@pytest.mark.parametrize(("constraint", "factory", "fields"), CASES)
def test_database_refuses_row_breaking(constraint, factory, fields):
    values = {name: value() if callable(value) else value for name, value in fields.items()}
    assert_refused(constraint, lambda: factory(**values))


def test_dialogue_parties_track_and_state_may_be_not_stated():
    # The "Beijing Dialogue" of the CLCT page: no source names its parties, its track or its state.
    dialogue = factories.DialogueFactory(parties=[], track="", state="")
    dialogue.full_clean()
    assert (dialogue.parties, dialogue.track, dialogue.state) == ([], "", "")


def test_database_refuses_a_dialogue_supporting_itself():
    dialogue = factories.DialogueFactory()

    def support_itself():
        type(dialogue).objects.filter(pk=dialogue.pk).update(supports=dialogue)

    assert_refused("dialogues_dialogue_not_own_supports", support_itself)


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


@pytest.mark.parametrize(
    ("constraint", "factory"),
    [
        ("dialogues_topic_not_own_parent", factories.TopicFactory),
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
