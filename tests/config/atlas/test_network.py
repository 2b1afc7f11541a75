"""Who meets whom: /api/v1/network/ and /network/ (config/atlas/network.py)."""

import datetime

import pytest
from django.urls import reverse

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import capture_queries

URL = "/api/v1/network/"


@pytest.fixture(autouse=True)
def no_response_cache(settings):
    settings.RESPONSE_CACHE_SECONDS = 0


def meet(organisations, **event_fields):
    """An event in which every one of ``organisations`` takes part."""
    event = factories.EventFactory(**event_fields)
    for organisation in organisations:
        factories.EventParticipationFactory(event=event, organisation=organisation)
    return event


def graph(api, **params):
    response = api.get(URL, params)
    assert response.status_code == 200, response.json()
    data = response.json()
    slugs = {node["id"]: node["slug"] for node in data["nodes"]}
    edges = {frozenset((slugs[edge["source"]], slugs[edge["target"]])): edge for edge in data["edges"]}
    return data, {node["slug"]: node for node in data["nodes"]}, edges


@pytest.fixture
def orgs(db):
    return {name: factories.OrganisationFactory(slug=name, name=name.upper()) for name in "abcd"}


def test_weights_count_shared_events_and_speakers(api, orgs):
    a, b, c = orgs["a"], orgs["b"], orgs["c"]
    meet([a, b])
    event = meet([a, b, c])
    # A speaker's organisation counts as taking part; the same event is never counted twice.
    factories.EventSpeakerFactory(event=event, organisation=a)
    speaker_only = factories.EventFactory()
    factories.EventParticipationFactory(event=speaker_only, organisation=c)
    factories.EventSpeakerFactory(event=speaker_only, organisation=orgs["d"])

    data, nodes, edges = graph(api)

    assert edges[frozenset("ab")]["weight"] == 2
    assert edges[frozenset("ab")]["events"] == 2
    assert edges[frozenset("ac")]["weight"] == 1
    assert edges[frozenset("cd")]["weight"] == 1
    assert nodes["a"]["degree"] == 2 and nodes["a"]["events"] == 2
    assert nodes["c"]["degree"] == 3
    assert (data["organisations"], data["links"]) == (4, 4)


def test_kinds_of_link_are_kept_apart_and_filtered(api, orgs):
    a, b, c = orgs["a"], orgs["b"], orgs["c"]
    meet([a, b])
    dialogue = factories.DialogueFactory()
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=a)
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=b, role="funder")
    group = factories.WorkingGroupFactory(dialogue=dialogue)
    factories.WorkingGroupMemberFactory(working_group=group, organisation=c)
    project = factories.ProjectFactory()
    factories.ProjectRoleFactory(project=project, organisation=b)
    factories.ProjectRoleFactory(project=project, organisation=c)

    _, _, edges = graph(api)
    assert {key: edges[frozenset("ab")][key] for key in ("events", "dialogues", "projects", "weight")} == {
        "events": 1,
        "dialogues": 1,
        "projects": 0,
        "weight": 2,
    }
    assert edges[frozenset("bc")]["projects"] == 1 and edges[frozenset("bc")]["dialogues"] == 1

    _, _, only_events = graph(api, link="events")
    assert set(only_events) == {frozenset("ab")}
    _, _, two_kinds = graph(api, link="dialogues,projects")
    assert set(two_kinds) == {frozenset("ab"), frozenset("ac"), frozenset("bc")}
    assert two_kinds[frozenset("ab")]["weight"] == 1


def test_period_dialogue_and_project_filters(api, orgs):
    a, b, c, d = orgs.values()
    dialogue = factories.DialogueFactory(slug="t2d")
    project = factories.ProjectFactory(slug="transport")
    meet([a, b], start_date=datetime.date(2019, 5, 1), dialogue=dialogue)
    later = meet([c, d], start_date=datetime.date(2023, 12, 30), end_date=datetime.date(2024, 1, 2))
    later.projects.add(project)

    assert set(graph(api, **{"from": 2018, "to": 2020})[2]) == {frozenset("ab")}
    # An event that runs over the new year belongs to both years.
    assert set(graph(api, **{"from": 2024})[2]) == {frozenset("cd")}
    assert set(graph(api, to=2023)[2]) == {frozenset("ab"), frozenset("cd")}
    assert set(graph(api, dialogue="t2d")[2]) == {frozenset("ab")}
    assert set(graph(api, project="transport")[2]) == {frozenset("cd")}


def test_min_weight_and_limit(api, orgs):
    a, b, c, d = orgs.values()
    meet([a, b])
    meet([a, b])
    meet([a, c])
    meet([a, d])
    meet([b, c])

    _, _, heavy = graph(api, min_weight=2)
    assert set(heavy) == {frozenset("ab")}
    data, nodes, edges = graph(api, limit=2)
    # The two most connected (a: 3 links, then b or c: 2, b stronger) and the link between them.
    assert set(nodes) == {"a", "b"} and set(edges) == {frozenset("ab")}
    assert (data["organisations"], data["links"]) == (4, 4)


def test_what_the_public_may_not_see_never_counts(api, partner_api, orgs):
    a, b, c, d = orgs.values()
    meet([a, b])
    meet([a, c], status=Status.DRAFT)
    hidden = factories.OrganisationFactory(slug="hidden", status=Status.REVIEW)
    meet([a, hidden])
    meet([a, d], visibility=Visibility.PARTNERS)
    row = factories.EventFactory()
    factories.EventParticipationFactory(event=row, organisation=b)
    factories.EventParticipationFactory(event=row, organisation=c, status=Status.DRAFT)
    role_dialogue = factories.DialogueFactory(status=Status.DRAFT)
    factories.DialogueRoleFactory(dialogue=role_dialogue, organisation=b)
    factories.DialogueRoleFactory(dialogue=role_dialogue, organisation=d)

    _, nodes, edges = graph(api)
    assert set(edges) == {frozenset("ab")}
    assert "hidden" not in nodes
    _, _, partner_edges = graph(partner_api)
    assert set(partner_edges) == {frozenset("ab"), frozenset("ad")}


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"from": "twenty"}, "from"),
        ({"from": "2020", "to": "2019"}, "to"),
        ({"to": "99999"}, "to"),
        ({"dialogue": "no-such-dialogue"}, "dialogue"),
        ({"project": "no-such-project"}, "project"),
        ({"link": "friendship"}, "link"),
        ({"min_weight": "0"}, "min_weight"),
        ({"limit": "100000"}, "limit"),
        ({"limt": "5"}, "limt"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, db, params, named):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert named in str(response.json())


def test_a_draft_dialogue_is_no_choice_for_the_public(api, db):
    factories.DialogueFactory(slug="secret", status=Status.DRAFT)
    assert api.get(URL, {"dialogue": "secret"}).status_code == 400


def test_queries_do_not_grow_with_the_network(api, orgs):
    dialogue = factories.DialogueFactory(slug="t2d")
    params = {"dialogue": "t2d", "from": 2000, "to": 2030}

    def count():
        with capture_queries() as queries:
            assert api.get(URL, params).status_code == 200
        return len(queries)

    meet([orgs["a"], orgs["b"]], dialogue=dialogue)
    small = count()
    for _ in range(30):
        organisation = factories.OrganisationFactory()
        meet([organisation, orgs["a"], orgs["c"]], dialogue=dialogue)
        factories.DialogueRoleFactory(dialogue=dialogue, organisation=organisation)
    assert count() == small
    assert small <= 4  # the dialogue's look-up, the graph, its organisations (and a session's)


def test_the_schema_documents_the_endpoint(api, db):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/network/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {
        "dialogue",
        "project",
        "from",
        "to",
        "link",
        "min_weight",
        "limit",
    }
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Network")


# The page


def test_the_page_lists_every_node_with_whom_it_meets(client, orgs):
    a, b, c = orgs["a"], orgs["b"], orgs["c"]
    meet([a, b])
    meet([a, b])
    meet([a, c])
    response = client.get(reverse("network"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<tr id="org-') == 3
    assert "3 organisations, 2 links." in html
    assert "A: 3 shared events with 2 organisations" in html
    assert html.index('href="#org-b"') < html.index('href="#org-c"')  # heaviest first
    assert 'id="network-labels"' in html and "/api/v1/network/?" in html


@pytest.mark.parametrize("prefix", ["", "/de", "/zh-hans"])
def test_the_page_in_every_language_and_its_bad_choice(client, orgs, prefix):
    meet([orgs["a"], orgs["b"]])
    assert client.get(f"{prefix}/network/", {"link": "events", "from": "2020"}).status_code == 200
    bad = client.get(f"{prefix}/network/", {"from": "2020", "to": "2010"})
    assert bad.status_code == 400
    assert 'role="alert"' in bad.content.decode()


def test_the_page_queries_do_not_grow(client, orgs):
    def count():
        with capture_queries() as queries:
            assert client.get(reverse("network")).status_code == 200
        return len(queries)

    meet([orgs["a"], orgs["b"]])
    small = count()
    for _ in range(20):
        meet([factories.OrganisationFactory(), orgs["a"], orgs["c"]])
    assert count() == small


@pytest.mark.django_db
class TestTheSeed:
    def test_the_sino_german_dialogues_organisations_are_linked(self, api):
        import io

        from django.core.management import call_command

        call_command("load_seed", stdout=io.StringIO())
        _, nodes, edges = graph(api, dialogue="t2d")
        assert {"uba", "ncsc"} <= set(nodes)
        assert frozenset(("uba", "ncsc")) in edges
        assert edges[frozenset(("uba", "ncsc"))]["weight"] >= 2
