"""The list and detail views every app's pages build on (FilteredListView, RecordDetailView).

A record a reader may not see is not found, and counts and facets leave it out; bad input is a 4xx
that names the parameter; staff preview what the public may not see. Each app's tests pin its own
pages' query counts (tests/<app>/test_views.py).
"""

import html
import re

import pytest

from config.framework.visibility import Status, Visibility
from tests import factories

pytestmark = pytest.mark.django_db


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


def test_htmx_request_gets_the_results_fragment(client):
    factories.EventFactory(name="Fragment event")

    response = client.get("/events/", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.startswith('<div id="results" class="results">')
    assert "<html" not in html


# Bad input: a page that says what was wrong, never a 500, nothing executed ---------------------------


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


@pytest.mark.parametrize("slug", ["no-such-event", "%00", "a" * 300])
def test_unknown_detail_page_is_not_found(client, slug):
    assert client.get(f"/events/{slug}/").status_code == 404


# Staff preview a record the public may not see --------------------------------------------------------


def test_staff_preview_a_draft_on_its_public_page(client, staff):
    factories.OrganisationFactory(slug="target", name="Target", status=Status.DRAFT)

    anonymous_status = client.get("/institutions/target/").status_code
    client.force_login(staff)
    response = client.get("/institutions/target/")

    assert anonymous_status == 404
    assert response.status_code == 200
    assert response.context["preview"]["reason"] == "this organisation is draft and not public."
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_public_page_of_draft_is_not_found(client):
    draft = factories.EventFactory(status=Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404


LISTS = [
    ("/events/", "events.views.EventListView", factories.EventFactory),
    ("/dialogues/", "dialogues.views.DialogueListView", factories.DialogueFactory),
    ("/topics/", "dialogues.views.TopicListView", factories.TopicFactory),
    ("/publications/", "dialogues.views.PublicationListView", factories.PublicationFactory),
    ("/projects/", "projects.views.ProjectListView", factories.ProjectFactory),
    ("/institutions/", "institutions.views.OrganisationListView", factories.OrganisationFactory),
    ("/people/", "institutions.views.PersonListView", factories.PersonFactory),
]


def page_links(response) -> dict[str, str]:
    """The Previous and Next links of a list page: rel → href, checked to be the same as data-hx-get."""
    links = {}
    for rel, href, hx_get in re.findall(
        r'<a rel="(prev|next)" href="([^"]*)" data-hx-get="([^"]*)"', response.text
    ):
        assert hx_get == href
        links[rel] = html.unescape(href)
    return links


@pytest.mark.parametrize(("path", "view_class", "factory"), LISTS, ids=[path for path, _, _ in LISTS])
def test_page_links_keep_the_filters_with_and_without_htmx(client, monkeypatch, path, view_class, factory):
    monkeypatch.setattr(f"{view_class}.paginate_by", 2)
    records = factory.create_batch(5)
    filters = "updated_since=2000-01-01T00%3A00%3A00Z"

    middle = client.get(f"{path}?{filters}&page=2")
    fragment = client.get(f"{path}?{filters}&page=2", headers={"HX-Request": "true"})

    expected = {"prev": f"{path}?{filters}&page=1", "next": f"{path}?{filters}&page=3"}
    assert (middle.status_code, page_links(middle)) == (200, expected)
    assert (fragment.status_code, page_links(fragment)) == (200, expected)
    assert "<html" not in fragment.text
    last = client.get(page_links(middle)["next"])
    assert page_links(last) == {"prev": f"{path}?{filters}&page=2"}
    shown = [
        {record.pk for record in page.context["object_list"]}
        for page in (client.get(page_links(middle)["prev"]), middle, last)
    ]
    assert sorted(len(ids) for ids in shown) == [1, 2, 2]
    assert set().union(*shown) == {record.pk for record in records}
