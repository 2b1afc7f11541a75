"""``?q=`` on a list: ranked matches first, combined with the filters and an explicit ordering."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_list_q_ranks_matches_first_and_combines_with_filters(api):
    t2d = factories.DialogueFactory(slug="t2d")
    potsdam = factories.EventFactory(name="9th Plenary", city="Potsdam", dialogue=t2d, slug="potsdam")
    factories.EventFactory(name="Potsdam conference", city="Potsdam", slug="other-potsdam")
    factories.EventFactory(name="Shanghai plenary", city="Shanghai", dialogue=t2d)

    response = api.get("/api/v1/events/", {"q": "Potsdm", "dialogue": "t2d"})

    assert [event["slug"] for event in response.json()["results"]] == ["potsdam"]
    assert potsdam.pk == response.json()["results"][0]["id"]


def test_list_q_keeps_an_explicit_ordering(api):
    factories.EventFactory(name="Plenary B", slug="b", start_date="2024-10-01")
    factories.EventFactory(name="Plenary A", slug="a", start_date="2023-10-01")

    response = api.get("/api/v1/events/", {"q": "plenary", "ordering": "start"})

    assert [event["slug"] for event in response.json()["results"]] == ["a", "b"]


def test_list_q_on_a_list_that_cannot_be_searched_is_refused(api):
    response = api.get("/api/v1/phases/", {"q": "one"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"
