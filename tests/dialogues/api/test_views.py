"""The dialogues API: what a dialogue's record shows; every list and detail in a fixed number of queries."""

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import assert_api_budget, reference

pytestmark = pytest.mark.django_db

T = "http://testserver"


def test_dialogue_detail_carries_aims_phases_working_groups_and_visible_roles(api):
    dialogue = factories.DialogueFactory(slug="t2d", name="Sino-German Track II Dialogue", acronym="T2D")
    factories.DialogueAimFactory(dialogue=dialogue, order=1, text="Support the ministerial dialogue.")
    phase = factories.PhaseFactory(dialogue=dialogue, slug="t2d-phase-2", number=2, name="Phase two")
    group = factories.WorkingGroupFactory(
        dialogue=dialogue, slug="t2d-wg-2", number=2, name="Emissions trading"
    )
    uba = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt")
    role = factories.DialogueRoleFactory(dialogue=dialogue, organisation=uba, role="lead_agency", side="DE")
    factories.DialogueRoleFactory(dialogue=dialogue, role="funder", visibility=Visibility.PARTNERS)
    factories.DialogueRoleFactory(dialogue=dialogue, role="supporter", organisation__status=Status.DRAFT)

    data = api.get("/api/v1/dialogues/t2d/").json()

    assert data["aims"] == [{"order": 1, "text": "Support the ministerial dialogue.", "fallbacks": {}}]
    assert data["phases"] == [
        {
            "id": phase.pk,
            "slug": "t2d-phase-2",
            "url": f"{T}/api/v1/phases/t2d-phase-2/",
            "number": 2,
            "name": "Phase two",
            "start": None,
            "start_precision": "day",
            "end": None,
            "end_precision": "day",
            "steering_committee_meetings": None,
            "cadence": "",
            "fallbacks": {},
        }
    ]
    assert data["working_groups"] == [reference(group, "working-groups", "/working-groups/t2d-wg-2/")]
    assert data["roles"] == [
        {
            "id": role.pk,
            "organisation": reference(uba, "organisations", "/institutions/uba/"),
            "role": "lead_agency",
            "side": "DE",
            "phase": None,
            "start": None,
            "start_precision": "day",
            "end": None,
            "end_precision": "day",
            "note": "",
            "fallbacks": {},
        }
    ]
    assert (data["start"], data["start_precision"]) == ("2020-12", "month")


# Query budgets: the number of queries does not grow with the page ---------------------------------


def supporting_dialogue(n):
    """A dialogue with a role, supporting one dialogue and supported by another."""
    dialogue = factories.DialogueRoleFactory().dialogue
    dialogue.supports = factories.DialogueFactory()
    dialogue.save()
    factories.DialogueFactory(supports=dialogue)
    return dialogue


BUDGETS = [
    ("topics", lambda n: factories.TopicFactory(), 4),
    ("dialogues", supporting_dialogue, 10),
    ("phases", lambda n: factories.PhaseFactory(), 4),
    ("working-groups", lambda n: factories.WorkingGroupMemberFactory().working_group, 5),
    ("dialogue-roles", lambda n: factories.DialogueRoleFactory(), 3),
    ("publications", lambda n: factories.PublicationAuthorFactory().publication, 6),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    assert_api_budget(staff_api, path, make, budget)


def test_dialogue_shows_the_dialogue_it_supports_and_its_visible_supporters(api):
    ministerial = factories.DialogueFactory(slug="ministerial", name="Ministerial dialogue", track="1")
    t2d = factories.DialogueFactory(slug="t2d", name="T2D", supports=ministerial)
    factories.DialogueFactory(slug="draft-supporter", supports=ministerial, status=Status.DRAFT)

    supported = api.get("/api/v1/dialogues/ministerial/").json()
    supporting = api.get("/api/v1/dialogues/t2d/").json()

    assert (supported["supports"], supported["supported_by"]) == (
        None,
        [reference(t2d, "dialogues", "/dialogues/t2d/")],
    )
    assert (supporting["supports"], supporting["supported_by"]) == (
        reference(ministerial, "dialogues", "/dialogues/ministerial/"),
        [],
    )


def test_publication_gives_its_editors_note(api):
    factories.PublicationFactory(slug="news", editor_note="The news item has no headline.")

    assert api.get("/api/v1/publications/news/").json()["editor_note"] == "The news item has no headline."
