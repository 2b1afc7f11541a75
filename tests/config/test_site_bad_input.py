"""Bad input on the public pages: a page that says what was wrong, never a 500, nothing executed."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "status", "named"),
    [
        ("/events/", {"country": "XX"}, 400, "country"),
        ("/events/", {"kind": "gala"}, 400, "kind"),
        ("/events/", {"year": "twenty"}, 400, "year"),
        ("/events/", {"year": "99999"}, 400, "year"),
        ("/events/", {"starts_after": "2024-13-45"}, 400, "starts_after"),
        ("/events/", {"updated_since": "yesterday"}, 400, "updated_since"),
        ("/events/", {"dialogue": "no-such-dialogue"}, 400, "dialogue"),
        ("/events/", {"dialogue": "\x00"}, 400, "dialogue"),
        ("/events/", {"kind": "plenary\x00"}, 400, "kind"),
        ("/events/", {"ordering": "password"}, 400, "ordering"),
        ("/events/", {"when": "'; DROP TABLE events_event; --"}, 400, "when"),
        ("/dialogues/", {"party": "<script>alert(1)</script>"}, 400, "party"),
        ("/projects/", {"year": "-1"}, 400, "year"),
        ("/publications/", {"kind": "x" * 10_000}, 400, "kind"),
        ("/institutions/", {"kind": "ministry", "country": "ZZ"}, 400, "country"),
    ],
)
def test_bad_filter_value_is_named_on_the_page(client, url, params, status, named):
    factories.EventFactory(name="Still listed")

    response = client.get(url, params)

    assert response.status_code == status
    assert list(response.context["filter_errors"]) == [named]
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'role="alert"' in html


def test_bad_filter_keeps_the_valid_ones(client):
    plenary = factories.EventFactory(kind="plenary", country="DE")
    factories.EventFactory(kind="workshop", country="DE")

    response = client.get("/events/", {"kind": "plenary", "country": "XX"})

    assert response.status_code == 400
    assert list(response.context["object_list"]) == [plenary]


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc", "\x00", "1" * 400])
def test_page_past_the_end_or_not_a_number_is_not_found(client, page):
    factories.EventFactory()

    response = client.get("/events/", {"page": page})

    assert response.status_code == 404


def test_unknown_parameters_are_ignored(client):
    event = factories.EventFactory()

    response = client.get("/events/", {"utm_source": "newsletter"})

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [event]


@pytest.mark.parametrize("query", ["\x00", "' OR 1=1 --", "<img src=x onerror=alert(1)>", "%", "_", "\\"])
def test_search_page_never_fails_on_odd_queries(client, query):
    factories.DialogueFactory(name="Hydrogen dialogue")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()


@pytest.mark.parametrize("slug", ["no-such-event", "%00", "a" * 300])
def test_unknown_detail_page_is_not_found(client, slug):
    assert client.get(f"/events/{slug}/").status_code == 404
