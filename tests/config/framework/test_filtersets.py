"""Filters and facets through rows with their own visibility never reveal a hidden row."""

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories

pytestmark = pytest.mark.django_db


HIDDEN = [{"status": Status.DRAFT}, {"visibility": Visibility.PARTNERS}, {"visibility": Visibility.INTERNAL}]


def organisation_facet(response):
    return next(
        [(option.value, option.count) for option in options]
        for facet, options, _ in response.context["facets"]
        if facet.param == "organisation"
    )


@pytest.mark.parametrize("hidden", HIDDEN)
def test_dialogue_filter_and_facet_ignore_a_hidden_role(client, hidden):
    hewlett = factories.OrganisationFactory(slug="hewlett")
    shown = factories.DialogueRoleFactory(organisation=hewlett, dialogue=factories.DialogueFactory(name="A"))
    factories.DialogueRoleFactory(
        organisation=hewlett, dialogue=factories.DialogueFactory(name="B"), **hidden
    )

    filtered = client.get("/dialogues/", {"organisation": "hewlett"})
    unfiltered = client.get("/dialogues/")

    assert list(filtered.context["object_list"]) == [shown.dialogue]
    assert organisation_facet(unfiltered) == [("hewlett", 1)]


@pytest.mark.parametrize("hidden", HIDDEN)
def test_event_filter_feed_and_api_ignore_a_hidden_participation(client, hidden):
    uba = factories.OrganisationFactory(slug="uba")
    shown = factories.EventParticipationFactory(organisation=uba, event=factories.EventFactory(slug="shown"))
    factories.EventParticipationFactory(
        organisation=uba, event=factories.EventFactory(slug="secret"), **hidden
    )

    page = client.get("/events/", {"organisation": "uba"})
    api = client.get("/api/v1/events/", {"organisation": "uba"})
    ics = client.get("/events/feed.ics", {"organisation": "uba"}).content.decode()

    assert list(page.context["object_list"]) == [shown.event]
    assert [event["slug"] for event in api.json()["results"]] == ["shown"]
    assert f"event-{shown.event.pk}@" in ics
    assert organisation_facet(client.get("/events/")) == [("uba", 1)]


def test_partner_sees_partners_rows_through_the_filter(client, partner):
    uba = factories.OrganisationFactory(slug="uba")
    row = factories.EventParticipationFactory(organisation=uba, visibility=Visibility.PARTNERS)
    client.force_login(partner)

    assert list(client.get("/events/", {"organisation": "uba"}).context["object_list"]) == [row.event]


@pytest.mark.parametrize("hidden", HIDDEN)
def test_project_and_people_filters_ignore_hidden_rows(client, hidden):
    giz = factories.OrganisationFactory(slug="giz")
    factories.ProjectRoleFactory(organisation=giz, **hidden)
    factories.AffiliationFactory(organisation=giz, **hidden)

    assert list(client.get("/projects/", {"organisation": "giz"}).context["object_list"]) == []
    assert list(client.get("/people/", {"organisation": "giz"}).context["object_list"]) == []
    assert organisation_facet(client.get("/projects/")) == []
    assert organisation_facet(client.get("/people/")) == []
