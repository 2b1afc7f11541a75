"""The filters every FilterSet builds on: copied per FilterSet, and never revealing a hidden row.

Filters and facets through rows with their own visibility (roles, participations, affiliations)
leave out the rows the reader may not see, on the HTML lists, the API and the calendar feed alike.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIRequestFactory

from config.framework.visibility import Status, Visibility
from dialogues.models import Dialogue
from events.filtersets import EventFilterSet
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


def test_each_filterset_has_filters_of_its_own(partner):
    factories.DialogueFactory(slug="open")
    factories.DialogueFactory(slug="partners-only", visibility=Visibility.PARTNERS)
    factory = APIRequestFactory()
    anonymous_request, partner_request = factory.get("/"), factory.get("/")
    anonymous_request.user, partner_request.user = AnonymousUser(), partner

    seen_by_partner = EventFilterSet({"dialogue": "partners-only"}, request=partner_request)
    seen_by_anonymous = EventFilterSet({"dialogue": "partners-only"}, request=anonymous_request)
    assert seen_by_partner.is_valid()
    assert not seen_by_anonymous.is_valid()  # the partners' dialogue is no choice for a visitor
    assert seen_by_partner.filters["dialogue"] is not seen_by_anonymous.filters["dialogue"]
    assert seen_by_partner.filters["dialogue"].extra is not EventFilterSet.base_filters["dialogue"].extra
    assert set(seen_by_partner.filters["dialogue"].field.queryset) == set(Dialogue.objects.all())
    assert [d.slug for d in seen_by_anonymous.filters["dialogue"].field.queryset] == ["open"]

    # A filter with method= calls the method of its own FilterSet.
    upcoming = EventFilterSet({"when": "upcoming"}, request=anonymous_request)
    assert upcoming.is_valid()
    assert upcoming.filters["when"].filter.f is upcoming.filters["when"]
    assert upcoming.filters["when"].parent is upcoming
    list(upcoming.qs)
