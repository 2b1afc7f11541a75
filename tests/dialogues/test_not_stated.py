"""A dialogue's track and the roles in dialogues and projects where the sources do not state them:
the list's filter and facet, the pages, the API and its schema, the admin."""

import pytest
from django.core.exceptions import ValidationError

from dialogues.filtersets import DialogueFilterSet, DialogueRoleFilterSet
from dialogues.models import Dialogue, DialogueRole, Track
from projects.models import ProjectRole
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def dialogues():
    t2d = factories.DialogueFactory(slug="t2d", name="T2D", track=Track.TRACK_2)
    unstated = factories.DialogueFactory(slug="transport", name="Transport policy dialogue", track="")
    return t2d, unstated


def test_track_blank_is_valid_and_labelled_not_stated(dialogues):
    _t2d, unstated = dialogues
    unstated.full_clean()
    assert unstated.get_track_display() == "track not stated"
    with pytest.raises(ValidationError):
        factories.DialogueFactory.build(slug="x", track="3").full_clean()


def test_roles_may_be_not_stated():
    role = factories.DialogueRoleFactory(role="")
    project_role = factories.ProjectRoleFactory(role="")
    role.full_clean()
    project_role.full_clean()
    assert (role.get_role_display(), project_role.get_role_display()) == (
        "role not stated",
        "role not stated",
    )
    assert str(role).endswith("(role not stated)")


def test_filter_by_track_not_stated(dialogues):
    def slugs(data):
        return sorted(DialogueFilterSet(data, Dialogue.objects.all()).qs.values_list("slug", flat=True))

    assert slugs({"track": "not_stated"}) == ["transport"]
    assert slugs({"track": ["not_stated", "2"]}) == ["t2d", "transport"]
    assert not DialogueFilterSet({"track": "3"}, Dialogue.objects.all()).is_valid()


def test_role_filter_by_not_stated():
    stated = factories.DialogueRoleFactory(role=DialogueRole.Role.FUNDER)
    unstated = factories.DialogueRoleFactory(role="")
    filterset = DialogueRoleFilterSet({"role": "not_stated"}, DialogueRole.objects.all())
    assert list(filterset.qs) == [unstated]
    assert list(DialogueRoleFilterSet({"role": "funder"}, DialogueRole.objects.all()).qs) == [stated]


def test_list_facet_counts_track_not_stated_and_rows_say_it(client, dialogues):
    response = client.get("/dialogues/")
    facets = {facet.param: options for facet, options, _chosen in response.context["facets"]}
    assert sorted((option.value, option.label, option.count) for option in facets["track"]) == [
        ("2", "Track II (experts, unofficial)", 1),
        ("not_stated", "track not stated", 1),
    ]
    assert "<span>track not stated</span>" in response.content.decode()
    chosen = client.get("/dialogues/?track=not_stated")
    assert [dialogue.slug for dialogue in chosen.context["object_list"]] == ["transport"]
    assert client.get("/dialogues/?track=3").status_code == 400


def test_pages_say_track_and_roles_not_stated(client, dialogues):
    _t2d, unstated = dialogues
    organisation = factories.OrganisationFactory(name="GIZ")
    factories.DialogueRoleFactory(dialogue=unstated, organisation=organisation, role="")
    project = factories.ProjectFactory()
    factories.ProjectRoleFactory(project=project, organisation=organisation, role="")
    dialogue_page = client.get(unstated.get_absolute_url()).content.decode()
    assert '<p class="kicker">track not stated</p>' in dialogue_page
    assert "</a> – role not stated" in dialogue_page
    assert "</a> – role not stated</li>" in client.get(project.get_absolute_url()).content.decode()
    organisation_page = client.get(organisation.get_absolute_url()).content.decode()
    assert organisation_page.count("</a> – role not stated") == 2


def test_api_shows_null_and_filters_by_not_stated(api, dialogues):
    _t2d, unstated = dialogues
    factories.DialogueRoleFactory(dialogue=unstated, role="")
    project = factories.ProjectFactory(slug="clct")
    factories.ProjectRoleFactory(project=project, role="")
    listed = api.get("/api/v1/dialogues/?track=not_stated").json()["results"]
    assert [(row["slug"], row["track"]) for row in listed] == [("transport", None)]
    detail = api.get("/api/v1/dialogues/transport/").json()
    assert [row["role"] for row in detail["roles"]] == [None]
    assert [row["role"] for row in api.get("/api/v1/dialogue-roles/?role=not_stated").json()["results"]] == [
        None
    ]
    assert [row["role"] for row in api.get("/api/v1/projects/clct/").json()["roles"]] == [None]
    assert api.get("/api/v1/dialogues/?track=3").status_code == 400


def test_schema_track_and_role_nullable(api):
    schema = api.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]

    def nullable(property_schema):
        parts = (
            property_schema.get("oneOf", [])
            + property_schema.get("anyOf", [])
            + property_schema.get("allOf", [])
        )
        return property_schema.get("nullable") is True or any(
            part.get("nullable") or part.get("enum") == [None] or "NullEnum" in part.get("$ref", "")
            for part in parts
        )

    assert nullable(components["Dialogue"]["properties"]["track"])
    assert nullable(components["DialogueRole"]["properties"]["role"])
    track = next(
        parameter
        for parameter in schema["paths"]["/api/v1/dialogues/"]["get"]["parameters"]
        if parameter["name"] == "track"
    )
    assert track["schema"]["items"]["enum"] == ["1", "1.5", "2", "not_stated"]


def test_admin_filters_by_track_not_stated_and_accepts_it(admin_client, dialogues):
    changelist = admin_client.get(admin_url(Dialogue, "changelist"))
    filter_choices = [
        choice
        for spec in changelist.context["cl"].filter_specs
        if getattr(spec, "field_path", "") == "track"
        for choice in spec.choices(changelist.context["cl"])
    ]
    assert "track not stated" in [str(choice["display"]) for choice in filter_choices]
    chosen = next(choice for choice in filter_choices if str(choice["display"]) == "track not stated")
    filtered = admin_client.get(admin_url(Dialogue, "changelist") + chosen["query_string"])
    assert [dialogue.slug for dialogue in filtered.context["cl"].result_list] == ["transport"]


def test_project_role_choices_have_not_stated():
    assert ProjectRole.Role("").label == "role not stated"
