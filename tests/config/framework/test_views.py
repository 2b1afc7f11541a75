"""Public pages: every list and detail in a fixed number of queries, and visibility everywhere."""

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def with_everything(event):
    """An event with a row of every kind its page and list show."""
    factories.EventParticipationFactory(event=event)
    factories.EventSpeakerFactory(event=event, organisation=factories.OrganisationFactory())
    factories.SessionFactory(event=event)
    factories.PhotoFactory(event=event)
    event.topics.add(factories.TopicFactory())
    event.projects.add(factories.ProjectFactory())
    return event


LISTS = [
    ("/events/", lambda: with_everything(factories.EventFactory(dialogue=factories.DialogueFactory()))),
    (
        "/dialogues/",
        lambda: factories.DialogueRoleFactory(dialogue=factories.DialogueFactory()).dialogue.topics.add(
            factories.TopicFactory()
        ),
    ),
    ("/projects/", lambda: factories.ProjectRoleFactory()),
    ("/institutions/", lambda: factories.OrganisationFactory()),
    ("/people/", lambda: factories.AffiliationFactory()),
    ("/publications/", lambda: factories.PublicationFactory()),
    ("/topics/", lambda: factories.TopicFactory()),
]


@pytest.mark.parametrize(("url", "make_row"), LISTS, ids=[url for url, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client, url, make_row):
    make_row()
    with_one = count_queries(client, url)
    for _ in range(49):
        make_row()

    assert count_queries(client, url) == with_one


def grow_event(event, n):
    for _ in range(n):
        factories.EventParticipationFactory(event=event)
        factories.EventSpeakerFactory(event=event, organisation=factories.OrganisationFactory())
        factories.SessionFactory(event=event)
        factories.PhotoFactory(event=event)
        factories.EventFactory(parent=event)
        event.topics.add(factories.TopicFactory())


def grow_dialogue(dialogue, n):
    for _ in range(n):
        phase = factories.PhaseFactory(dialogue=dialogue, number=dialogue.phases.count() + 1)
        factories.WorkingGroupFactory(dialogue=dialogue, phase=phase)
        factories.DialogueRoleFactory(dialogue=dialogue, phase=phase)
        factories.DialogueAimFactory(dialogue=dialogue)
        factories.EventFactory(dialogue=dialogue)
        factories.PublicationFactory(dialogue=dialogue)
        factories.ProjectFactory().dialogues.add(dialogue)


def grow_organisation(organisation, n):
    for _ in range(n):
        factories.DialogueRoleFactory(organisation=organisation)
        factories.ProjectRoleFactory(organisation=organisation)
        factories.EventParticipationFactory(organisation=organisation)
        factories.AffiliationFactory(organisation=organisation)


def grow_project(project, n):
    for _ in range(n):
        factories.ProjectFocusAreaFactory(project=project)
        factories.ProjectRoleFactory(project=project)
        factories.ProjectContactFactory(project=project)
        project.dialogues.add(factories.DialogueFactory())
        factories.EventFactory().projects.add(project)


def grow_person(person, n):
    for _ in range(n):
        factories.AffiliationFactory(person=person)
        factories.EventSpeakerFactory(person=person, organisation=factories.OrganisationFactory())
        factories.ProjectContactFactory(person=person)


DETAILS = [
    (factories.EventFactory, grow_event),
    (factories.DialogueFactory, grow_dialogue),
    (factories.OrganisationFactory, grow_organisation),
    (factories.ProjectFactory, grow_project),
    (factories.PersonFactory, grow_person),
]


@pytest.mark.parametrize(
    ("factory", "grow"), DETAILS, ids=[factory._meta.model.__name__ for factory, _ in DETAILS]
)
def test_detail_queries_do_not_grow_with_related_rows(client, factory, grow):
    record = factory()
    grow(record, 1)
    with_one = count_queries(client, record.get_absolute_url())
    grow(record, 20)

    assert count_queries(client, record.get_absolute_url()) == with_one


@pytest.mark.parametrize(
    ("status", "visibility"),
    [
        (Status.DRAFT, Visibility.PUBLIC),
        (Status.REVIEW, Visibility.PUBLIC),
        (Status.PUBLISHED, Visibility.PARTNERS),
        (Status.PUBLISHED, Visibility.INTERNAL),
    ],
)
@pytest.mark.parametrize(
    "factory",
    [
        factories.EventFactory,
        factories.DialogueFactory,
        factories.ProjectFactory,
        factories.OrganisationFactory,
        factories.PersonFactory,
        factories.TopicFactory,
        factories.PublicationFactory,
        factories.WorkingGroupFactory,
        factories.ProgrammeFactory,
    ],
    ids=lambda factory: factory._meta.model.__name__,
)
def test_hidden_record_is_not_found_for_anonymous(client, factory, status, visibility):
    record = factory(status=status, visibility=visibility)

    assert client.get(record.get_absolute_url()).status_code == 404


def test_partners_only_record_is_shown_to_a_partner(client, partner):
    event = factories.EventFactory(visibility=Visibility.PARTNERS)
    client.force_login(partner)

    assert client.get(event.get_absolute_url()).status_code == 200


def participant_names(response):
    return [str(row.organisation.name) for row in response.context["event"].participations.all()]


def test_partners_only_participant_list_is_not_shown_to_the_public(client, partner):
    event = factories.EventFactory(name="Chatham House meeting")
    factories.EventParticipationFactory(
        event=event, organisation=factories.OrganisationFactory(name="Public Host")
    )
    factories.EventParticipationFactory(
        event=event,
        organisation=factories.OrganisationFactory(name="Confidential Participant"),
        visibility=Visibility.PARTNERS,
    )

    public_page = client.get(event.get_absolute_url())
    client.force_login(partner)
    partner_page = client.get(event.get_absolute_url())

    assert participant_names(public_page) == ["Public Host"]
    assert "Confidential Participant" not in public_page.content.decode()
    assert sorted(participant_names(partner_page)) == ["Confidential Participant", "Public Host"]


def test_list_counts_and_facets_leave_out_hidden_records(client):
    t2d = factories.DialogueFactory(slug="t2d", name="T2D")
    secret_dialogue = factories.DialogueFactory(slug="secret", name="Secret dialogue", status=Status.DRAFT)
    factories.EventFactory(dialogue=t2d, kind="plenary")
    factories.EventFactory(dialogue=t2d, kind="plenary", status=Status.DRAFT)
    factories.EventFactory(dialogue=secret_dialogue, kind="workshop")

    response = client.get("/events/")

    facets = {
        facet.param: [(o.value, o.count) for o in options] for facet, options, _ in response.context["facets"]
    }
    assert response.context["total"] == 2
    assert facets["dialogue"] == [("t2d", 1)]
    assert sorted(facets["kind"]) == [("plenary", 1), ("workshop", 1)]
    assert "Secret dialogue" not in response.content.decode()


def test_event_page_shows_series_neighbours_and_parent(client):
    t2d = factories.DialogueFactory()
    eighth = factories.EventFactory(dialogue=t2d, kind="plenary", number=8, name="8th Plenary")
    ninth = factories.EventFactory(dialogue=t2d, kind="plenary", number=9, name="9th Plenary")
    cop29 = factories.EventFactory(name="COP29", kind="conference")
    side_event = factories.EventFactory(name="T2D side event at COP29", parent=cop29, kind="side_event")

    ninth_page = client.get(ninth.get_absolute_url()).context
    cop_page = client.get(cop29.get_absolute_url()).context
    side_page = client.get(side_event.get_absolute_url()).context

    assert (ninth_page["previous_in_series"], ninth_page["next_in_series"]) == (eighth, None)
    assert list(cop_page["event"].children.all()) == [side_event]
    assert side_page["parent"] == cop29


def test_event_page_hides_a_draft_parent(client):
    cop = factories.EventFactory(name="Draft COP", status=Status.DRAFT)
    side_event = factories.EventFactory(parent=cop)

    response = client.get(side_event.get_absolute_url())

    assert response.context["parent"] is None
    assert "Draft COP" not in response.content.decode()


def test_event_page_carries_structured_data_and_canonical_url(client):
    event = factories.EventFactory(
        name="9th Plenary Meeting of the T2D",
        slug="t2d-plenary-9",
        city="Potsdam",
        country="DE",
        start_date="2024-10-01",
        start_precision="month",
        mode="in_person",
    )

    response = client.get(event.get_absolute_url())
    html = response.content.decode()

    assert response.context["structured_data"] == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "9th Plenary Meeting of the T2D",
        "url": "http://testserver/events/t2d-plenary-9/",
        "startDate": "2024-10",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Potsdam",
            "address": {"@type": "PostalAddress", "addressLocality": "Potsdam", "addressCountry": "DE"},
        },
    }
    assert '<script type="application/ld+json">' in html
    assert '<link rel="canonical" href="http://testserver/events/t2d-plenary-9/">' in html
    assert '<meta property="og:title" content="9th Plenary Meeting of the T2D">' in html


def test_pages_load_no_inline_script(client):
    event = factories.EventFactory()

    for url in ["/", "/events/", event.get_absolute_url(), "/search/?q=event"]:
        html = client.get(url).content.decode()
        scripts = html.split("<script")[1:]
        # Every script is either a file (src=…) or a JSON-LD data block, never inline code.
        assert all(
            " src=" in script.split(">")[0] or "application/ld+json" in script.split(">")[0]
            for script in scripts
        ), url


def test_htmx_request_gets_the_results_fragment(client):
    factories.EventFactory(name="Fragment event")

    response = client.get("/events/", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.startswith('<div id="results" class="results">')
    assert "<html" not in html
