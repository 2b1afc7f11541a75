"""Lists and details of every endpoint: content, filters, ordering, pagination, query budgets."""

import datetime

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

T = "http://testserver"


def ref(record, path, html_path):
    return {
        "id": record.pk,
        "slug": record.slug,
        "name": getattr(record, "name", None) or getattr(record, "title", None) or record.full_name,
        "url": f"{T}/api/v1/{path}/{record.slug}/",
        "html_url": f"{T}{html_path}",
    }


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_organisation_detail_is_the_full_record(api):
    parent = factories.OrganisationFactory(slug="uba", name="German Environment Agency", acronym="UBA")
    dehst = factories.OrganisationFactory(
        slug="dehst",
        name="German Emissions Trading Authority",
        acronym="DEHSt",
        native_name="Deutsche Emissionshandelsstelle",
        aliases=["DEHSt"],
        kind="government_agency",
        parent=parent,
        website="https://www.dehst.de/",
    )

    data = api.get("/api/v1/organisations/dehst/").json()

    assert data == {
        "id": dehst.pk,
        "slug": "dehst",
        "url": f"{T}/api/v1/organisations/dehst/",
        "html_url": f"{T}/institutions/dehst/",
        "name": "German Emissions Trading Authority",
        "acronym": "DEHSt",
        "native_name": "Deutsche Emissionshandelsstelle",
        "aliases": ["DEHSt"],
        "kind": "government_agency",
        "country": "DE",
        "parent": ref(parent, "organisations", "/institutions/uba/"),
        "predecessor": None,
        "website": "https://www.dehst.de/",
        "description": "",
        "status": "published",
        "published_at": None,
        "visibility": "public",
        "created_at": dehst.created_at.isoformat().replace("+00:00", "Z"),
        "updated_at": dehst.updated_at.isoformat().replace("+00:00", "Z"),
    }


def test_organisation_list_is_lean_and_paginated(api):
    uba = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", acronym="UBA")

    data = api.get("/api/v1/organisations/").json()

    assert data == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": uba.pk,
                "slug": "uba",
                "url": f"{T}/api/v1/organisations/uba/",
                "html_url": f"{T}/institutions/uba/",
                "name": "Umweltbundesamt",
                "acronym": "UBA",
                "native_name": "",
                "kind": "research_institute",
                "country": "DE",
                "parent": None,
                "status": "published",
                "published_at": None,
                "visibility": "public",
                "created_at": uba.created_at.isoformat().replace("+00:00", "Z"),
                "updated_at": uba.updated_at.isoformat().replace("+00:00", "Z"),
            }
        ],
    }


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

    assert data["aims"] == [{"order": 1, "text": "Support the ministerial dialogue."}]
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
        }
    ]
    assert data["working_groups"] == [ref(group, "working-groups", "/working-groups/t2d-wg-2/")]
    assert data["roles"] == [
        {
            "id": role.pk,
            "organisation": ref(uba, "organisations", "/institutions/uba/"),
            "role": "lead_agency",
            "side": "DE",
            "phase": None,
            "start": None,
            "start_precision": "day",
            "end": None,
            "end_precision": "day",
            "note": "",
        }
    ]
    assert (data["start"], data["start_precision"]) == ("2020-12", "month")


def test_event_detail_hides_invisible_rows_and_references(api, partner_api):
    draft_dialogue = factories.DialogueFactory(status=Status.DRAFT)
    event = factories.EventFactory(slug="iki-workshop", dialogue=draft_dialogue)
    public = factories.EventParticipationFactory(event=event, role="host")
    factories.EventParticipationFactory(event=event, visibility=Visibility.PARTNERS)
    factories.EventSpeakerFactory(event=event, visibility=Visibility.INTERNAL)
    session = factories.SessionFactory(event=event, order=1, title="Day 1")

    data = api.get("/api/v1/events/iki-workshop/").json()
    as_partner = partner_api.get("/api/v1/events/iki-workshop/").json()

    assert data["dialogue"] is None
    assert [row["organisation"]["slug"] for row in data["participations"]] == [public.organisation.slug]
    assert len(as_partner["participations"]) == 2
    assert data["speakers"] == as_partner["speakers"] == []
    assert data["sessions"] == [
        {
            "id": session.pk,
            "url": f"{T}/api/v1/sessions/{session.pk}/",
            "order": 1,
            "title": "Day 1",
            "date": None,
            "description": "",
        }
    ]


@pytest.mark.parametrize(
    ("path", "factory"),
    [
        ("organisations", factories.OrganisationFactory),
        ("people", factories.PersonFactory),
        ("topics", factories.TopicFactory),
        ("dialogues", factories.DialogueFactory),
        ("phases", factories.PhaseFactory),
        ("working-groups", factories.WorkingGroupFactory),
        ("publications", factories.PublicationFactory),
        ("programmes", factories.ProgrammeFactory),
        ("projects", factories.ProjectFactory),
        ("events", factories.EventFactory),
    ],
)
def test_list_and_detail_show_only_visible_records(api, partner_api, staff_api, path, factory):
    public = factory(slug="public-one")
    partners = factory(slug="partners-one", visibility=Visibility.PARTNERS)
    draft = factory(slug="draft-one", status=Status.DRAFT)

    assert sorted(slugs(api.get(f"/api/v1/{path}/"))) == [public.slug]
    assert sorted(slugs(partner_api.get(f"/api/v1/{path}/"))) == sorted([public.slug, partners.slug])
    assert sorted(slugs(staff_api.get(f"/api/v1/{path}/"))) == sorted(
        [public.slug, partners.slug, draft.slug]
    )
    assert api.get(f"/api/v1/{path}/public-one/").json()["slug"] == "public-one"
    assert api.get(f"/api/v1/{path}/partners-one/").status_code == 404
    assert partner_api.get(f"/api/v1/{path}/draft-one/").status_code == 404


@pytest.mark.parametrize(
    ("path", "factory"),
    [("dialogue-roles", factories.DialogueRoleFactory), ("sessions", factories.SessionFactory)],
)
def test_rows_are_found_by_id_among_visible_ones(api, path, factory):
    public = factory()
    hidden = factory(visibility=Visibility.PARTNERS)

    assert [row["id"] for row in api.get(f"/api/v1/{path}/").json()["results"]] == [public.pk]
    assert api.get(f"/api/v1/{path}/{public.pk}/").json()["id"] == public.pk
    assert api.get(f"/api/v1/{path}/{hidden.pk}/").status_code == 404


# Filters: each FilterSet's filters, through the API ------------------------------------------


@pytest.fixture
def atlas(db):
    topic = factories.TopicFactory(slug="carbon-markets")
    uba = factories.OrganisationFactory(slug="uba", kind="government_agency", country="DE")
    ndrc = factories.OrganisationFactory(slug="ndrc", kind="ministry", country="CN")
    t2d = factories.DialogueFactory(slug="t2d", parties=["DE", "CN"], track="2")
    india_us = factories.DialogueFactory(
        slug="india-us",
        parties=["IN", "US"],
        track="1.5",
        state="concluded",
        start_date=datetime.date(2015, 1, 1),
    )
    t2d.topics.add(topic)
    factories.DialogueRoleFactory(dialogue=t2d, organisation=uba, role="lead_agency", side="DE")
    factories.DialogueRoleFactory(dialogue=india_us, organisation=ndrc, role="funder", side="")
    phase = factories.PhaseFactory(dialogue=t2d, slug="t2d-phase-1")
    factories.WorkingGroupFactory(dialogue=t2d, phase=phase, slug="t2d-wg-1")
    factories.WorkingGroupFactory(dialogue=india_us, slug="india-us-wg-1")
    factories.PublicationFactory(
        slug="paper-2022", dialogue=t2d, date=datetime.date(2022, 1, 1), kind="report"
    )
    factories.PublicationFactory(slug="news-2024", date=datetime.date(2024, 5, 1), kind="news")
    programme = factories.ProgrammeFactory(slug="iki")
    clct = factories.ProjectFactory(slug="clct", programme=programme, countries=["CN"], state="active")
    clct.dialogues.add(t2d)
    factories.ProjectFactory(slug="india-ndc", countries=["IN"], state="completed")
    workshop = factories.EventFactory(
        slug="workshop-2024",
        dialogue=t2d,
        country="DE",
        kind="workshop",
        start_date=datetime.date(2024, 8, 28),
    )
    workshop.projects.add(clct)
    factories.EventParticipationFactory(event=workshop, organisation=uba)
    factories.EventFactory(
        slug="plenary-2030",
        kind="plenary",
        country="CN",
        state="planned",
        start_date=datetime.date(2030, 5, 1),
    )
    factories.SessionFactory(event=workshop, order=1)
    person = factories.PersonFactory(slug="ma-aimin")
    factories.AffiliationFactory(person=person, organisation=ndrc)
    factories.PersonFactory(slug="someone-else")
    return {"t2d": t2d}


FILTERS = [
    ("organisations", "kind=ministry", ["ndrc"]),
    ("organisations", "country=DE", ["uba"]),
    ("organisations", "country=DE&country=CN", ["ndrc", "uba"]),
    ("people", "organisation=ndrc", ["ma-aimin"]),
    ("dialogues", "track=1.5", ["india-us"]),
    ("dialogues", "party=CN", ["t2d"]),
    ("dialogues", "state=concluded", ["india-us"]),
    ("dialogues", "topic=carbon-markets", ["t2d"]),
    ("dialogues", "organisation=uba", ["t2d"]),
    ("dialogues", "year=2016", ["india-us"]),
    ("phases", "dialogue=t2d", ["t2d-phase-1"]),
    ("working-groups", "dialogue=india-us", ["india-us-wg-1"]),
    ("working-groups", "phase=t2d-phase-1", ["t2d-wg-1"]),
    ("publications", "kind=news", ["news-2024"]),
    ("publications", "dialogue=t2d", ["paper-2022"]),
    ("publications", "year=2022", ["paper-2022"]),
    ("projects", "programme=iki", ["clct"]),
    ("projects", "country=IN", ["india-ndc"]),
    ("projects", "state=active", ["clct"]),
    ("projects", "dialogue=t2d", ["clct"]),
    ("events", "dialogue=t2d", ["workshop-2024"]),
    ("events", "project=clct", ["workshop-2024"]),
    ("events", "organisation=uba", ["workshop-2024"]),
    ("events", "kind=plenary", ["plenary-2030"]),
    ("events", "state=planned", ["plenary-2030"]),
    ("events", "country=DE", ["workshop-2024"]),
    ("events", "year=2024", ["workshop-2024"]),
    ("events", "when=upcoming", ["plenary-2030"]),
    ("events", "when=past", ["workshop-2024"]),
    ("events", "starts_after=2025-01-01", ["plenary-2030"]),
    ("events", "starts_before=2025-01-01", ["workshop-2024"]),
]


@pytest.mark.parametrize(("path", "query", "expected"), FILTERS, ids=[f"{p}?{q}" for p, q, _ in FILTERS])
def test_list_filter_selects_the_matching_records(api, atlas, path, query, expected):
    assert sorted(slugs(api.get(f"/api/v1/{path}/?{query}"))) == expected


def test_dialogue_role_filters_select_rows(api, atlas):
    rows = api.get("/api/v1/dialogue-roles/?organisation=uba&role=lead_agency&side=DE").json()["results"]

    assert [(row["dialogue"]["slug"], row["organisation"]["slug"]) for row in rows] == [("t2d", "uba")]


def test_session_filter_selects_the_event_sessions(api, atlas):
    rows = api.get("/api/v1/sessions/?event=workshop-2024").json()["results"]

    assert [row["event"]["slug"] for row in rows] == ["workshop-2024"]


def test_updated_since_selects_records_changed_since(api):
    old = factories.OrganisationFactory(slug="old")
    type(old).objects.filter(pk=old.pk).update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    factories.OrganisationFactory(slug="new")

    assert slugs(api.get("/api/v1/organisations/?updated_since=2021-01-01T00:00:00Z")) == ["new"]


def test_filter_on_an_invisible_record_is_refused(api):
    factories.DialogueFactory(slug="secret", status=Status.DRAFT)

    response = api.get("/api/v1/events/?dialogue=secret")

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["dialogue"]


# Ordering and pagination -----------------------------------------------------------------------


def test_ordering_by_a_documented_field_with_id_as_tie_breaker(api):
    for slug in ("b", "a", "c"):
        factories.EventFactory(
            slug=f"event-{slug}", name=f"Same {slug}", start_date=datetime.date(2024, 1, 1)
        )
    same = [
        factories.EventFactory(slug=f"tie-{n}", name="Tie", start_date=datetime.date(2023, 1, 1))
        for n in range(3)
    ]

    assert slugs(api.get("/api/v1/events/?ordering=name")) == [
        "event-a",
        "event-b",
        "event-c",
        *[event.slug for event in same],
    ]
    # Equal start dates: the id decides, in creation order.
    assert slugs(api.get("/api/v1/events/?ordering=-start&page_size=3")) == ["event-b", "event-a", "event-c"]


def test_ordering_by_an_undocumented_field_is_refused(api):
    response = api.get("/api/v1/events/?ordering=password")

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["ordering"]


def test_pagination_links_and_edges(api):
    for n in range(5):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}")

    first = api.get("/api/v1/topics/?page_size=2")
    last = api.get("/api/v1/topics/?page_size=2&page=3")

    assert (first.json()["count"], first.json()["next"], first.json()["previous"]) == (
        5,
        f"{T}/api/v1/topics/?page=2&page_size=2",
        None,
    )
    assert first["Link"] == f'<{T}/api/v1/topics/?page=2&page_size=2>; rel="next"'
    assert (slugs(last), last.json()["next"]) == (["topic-4"], None)
    assert api.get("/api/v1/topics/?page=4&page_size=2").status_code == 404
    assert api.get("/api/v1/topics/?page=0").status_code == 400
    assert api.get("/api/v1/topics/?page=abc").status_code == 400
    assert api.get("/api/v1/topics/?page_size=1000000").status_code == 400
    assert api.get("/api/v1/topics/?page_size=100").status_code == 200


# Query budgets: the number of queries does not grow with the page ---------------------------------

MAX_ROWS = 100


def full_event(n):
    event = factories.EventFactory(dialogue=factories.DialogueFactory(), parent=None)
    event.topics.add(factories.TopicFactory())
    event.projects.add(factories.ProjectFactory())
    factories.EventParticipationFactory(event=event)
    factories.EventSpeakerFactory(event=event)
    factories.SessionFactory(event=event)
    factories.PhotoFactory(event=event)
    return event


BUDGETS = [
    # Parents are NGOs, the records listed research institutes: every row shown has a parent.
    (
        "organisations?kind=research_institute",
        lambda n: factories.OrganisationFactory(parent=factories.OrganisationFactory(kind="ngo")),
        4,
    ),
    ("people", lambda n: factories.AffiliationFactory().person, 4),
    ("topics", lambda n: factories.TopicFactory(), 4),
    ("dialogues", lambda n: factories.DialogueRoleFactory().dialogue, 8),
    ("phases", lambda n: factories.PhaseFactory(), 4),
    ("working-groups", lambda n: factories.WorkingGroupMemberFactory().working_group, 5),
    ("dialogue-roles", lambda n: factories.DialogueRoleFactory(), 3),
    ("publications", lambda n: factories.PublicationAuthorFactory().publication, 6),
    ("programmes", lambda n: factories.ProgrammeFunderFactory().programme, 4),
    ("projects", lambda n: factories.ProjectRoleFactory().project, 10),
    ("events", full_event, 13),
    ("sessions", lambda n: factories.SessionFactory(), 4),
]


@pytest.mark.parametrize(
    ("path", "make", "budget"), BUDGETS, ids=[path.partition("?")[0] for path, _, _ in BUDGETS]
)
def test_list_and_detail_query_count_does_not_grow_with_rows(staff_api, path, make, budget):
    records = [make(n) for n in range(MAX_ROWS)]
    detail = records[0].slug if hasattr(records[0], "slug") else records[0].pk
    path, _, query = path.partition("?")

    counts = [
        count_queries(staff_api, f"/api/v1/{path}/?{query}&page_size={size}") for size in (1, 50, MAX_ROWS)
    ]

    assert counts == [counts[0]] * 3
    assert counts[0] <= budget
    assert count_queries(staff_api, f"/api/v1/{path}/{detail}/") <= budget
