"""Keyset (cursor) pagination: every list in every order it takes, read page by page while records
are added and deleted, sees each record that was there throughout exactly once; links, the Link
header, page sizes, and cursors refused when malformed, tampered or made for another order."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.utils import translation

from config.api.pagination import CURSOR_SALT
from config.atlas.api_urls import APP_APIS
from dialogues.models import DialogueRole
from events.models import Event
from tests import factories
from tests.helpers import api_error, count_queries

pytestmark = pytest.mark.django_db

T = "http://testserver"
DAY = datetime.date
T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

# Values the sort keys take: ties, case, accents and NULLs (where the column can be NULL).
NAMES = ["Alpha", "beta", "Beta", "Gamma", "Alpha"]
GERMAN = [None, "Ähre", "Zebra", None, "Apfel", "apfel"]  # a German name is often not written
DATES = [None, DAY(2024, 1, 1), DAY(2023, 6, 1), DAY(2024, 1, 1)]  # undated, and two on one day
UPDATES = [T0, T0 + datetime.timedelta(microseconds=1), T0, T0 + datetime.timedelta(days=1)]


def pick(pool, n):
    return pool[n % len(pool)]


@pytest.fixture
def unthrottled(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }


@pytest.fixture
def parents(db):
    """Records the rows of some lists hang on: two dialogues with two phases each, three events
    (one undated) — so that orders by a relation (a phase's dialogue, a session's event) tie."""
    dialogues = [
        factories.DialogueFactory(name="Beta", start_date=None),
        factories.DialogueFactory(name="Alpha"),
    ]
    return {
        "dialogues": dialogues,
        "phases": [
            factories.PhaseFactory(dialogue=dialogue, number=number)
            for dialogue in dialogues
            for number in (50, 51)
        ],
        "events": [
            factories.EventFactory(name="Beta", start_date=None),
            factories.EventFactory(name="Beta"),
            factories.EventFactory(name="Alpha"),
        ],
    }


def make(prefix: str, n: int, parents: dict):
    """The n-th record of the list at ``prefix``, its sort keys drawn from the pools above."""
    dialogue = pick(parents["dialogues"], n)
    phases = [phase for phase in parents["phases"] if phase.dialogue_id == dialogue.pk]
    phase = None if n % 3 == 0 else pick(phases, n)
    makers = {
        "organisations": lambda: factories.OrganisationFactory(acronym=pick(["", "ABC", "abc", "ZZ"], n)),
        "people": lambda: factories.PersonFactory(family_name=pick(NAMES, n), given_name=pick(NAMES, n + 1)),
        "topics": lambda: factories.TopicFactory(),
        "dialogues": lambda: factories.DialogueFactory(start_date=pick(DATES, n)),
        "phases": lambda: factories.PhaseFactory(
            dialogue=dialogue, number=n // 2 + 1, start_date=pick(DATES, n)
        ),
        "working-groups": lambda: factories.WorkingGroupFactory(
            dialogue=dialogue, phase=phase, number=None if n % 4 == 0 else n + 1
        ),
        "dialogue-roles": lambda: factories.DialogueRoleFactory(
            dialogue=dialogue,
            phase=phase,
            role=pick(DialogueRole.Role.values, n),
            side=pick(["DE", "CN"], n),
        ),
        "publications": lambda: factories.PublicationFactory(date=pick(DATES, n + 1)),
        "programmes": lambda: factories.ProgrammeFactory(),
        "projects": lambda: factories.ProjectFactory(start_date=pick(DATES, n)),
        "events": lambda: factories.EventFactory(start_date=pick(DATES, n)),
        "sessions": lambda: factories.SessionFactory(event=pick(parents["events"], n)),
        "event-places": lambda: factories.EventPlaceFactory(event=pick(parents["events"], n), order=n + 2),
        "organisation-contact-points": lambda: factories.OrganisationContactPointFactory(order=n % 3 + 1),
        "project-contact-points": lambda: factories.ProjectContactPointFactory(order=n % 3 + 1),
    }
    record = makers[prefix]()
    model = type(record)
    columns = {"updated_at": pick(UPDATES, n)}
    for name in ("name", "title"):
        if hasattr(record, f"{name}_de"):
            columns |= {f"{name}_en": pick(NAMES, n), f"{name}_de": pick(GERMAN, n)}
    model._base_manager.filter(pk=record.pk).update(**columns)
    return record


def lists():
    """(prefix, viewset) of every list of the API, from the routers."""
    return [(prefix, viewset) for api in APP_APIS for prefix, viewset, _basename in api.router.registry]


def orders():
    """(prefix, ordering, language) for every list: its default order, and each field of
    ``?ordering=`` both ways, in English; in German too where a translated name may be the key."""
    cases = []
    for prefix, viewset in lists():
        fields = viewset.filterset_class.base_filters["ordering"].param_map
        for ordering in [None, *(f"{sign}{field}" for field in fields for sign in ("", "-"))]:
            cases.append((prefix, ordering, "en"))
            if ordering is None or ordering.lstrip("-") in ("name", "title"):
                cases.append((prefix, ordering, "de"))
    return cases


ORDERS = orders()


def expected_ids(viewset, ordering: str | None, language: str) -> list[int]:
    """The list's records in the order Django itself gives them (ORDER BY the FilterSet's ordering),
    from the list's own queryset, as the API reads it."""
    data = {"ordering": ordering} if ordering else {}
    with translation.override(language):
        queryset = viewset.filterset_class(
            data, queryset=viewset.queryset.all().visible_to(AnonymousUser())
        ).qs
        return list(queryset.values_list("pk", flat=True))


def fetch(api, url: str, language: str) -> dict:
    response = api.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.content)
    return response.json()


def ids(page: dict) -> list[int]:
    return [row["id"] for row in page["results"]]


def first_url(prefix: str, ordering: str | None, size: int = 3) -> str:
    query = f"&ordering={ordering}" if ordering else ""
    return f"/api/v1/{prefix}/?page_size={size}{query}"


def walk(api, url: str, language: str, link: str = "next", between=None) -> list[int]:
    """Every id from ``url`` on, following ``link``; ``between(seen)`` runs between two pages."""
    seen, pages = [], 0
    while url:
        pages += 1
        assert pages <= 50, f"{url} leads round in circles"
        page = fetch(api, url, language)
        seen += ids(page) if link == "next" else ids(page)[::-1]
        url = page[link]
        if url and between:
            between(seen)
    return seen


@pytest.mark.parametrize(
    ("prefix", "ordering", "language"), ORDERS, ids=[f"{p}:{o or 'default'}:{lang}" for p, o, lang in ORDERS]
)
def test_pages_walk_the_order_and_survive_inserts_and_deletes(
    api, unthrottled, parents, prefix, ordering, language
):
    viewset = dict(lists())[prefix]
    model = viewset.queryset.model
    count = iter(range(100))
    for _ in range(10):
        make(prefix, next(count), parents)
    expected = expected_ids(viewset, ordering, language)
    assert len(expected) >= 10

    # Forward and back, nothing changing: exactly the order Django gives, NULLs placed alike.
    assert walk(api, first_url(prefix, ordering), language) == expected
    last = fetch(api, first_url(prefix, ordering, size=100), language)
    assert last["next"] is None
    pages = fetch(api, first_url(prefix, ordering), language)
    while pages["next"]:
        pages = fetch(api, pages["next"], language)
    backwards = ids(pages)[::-1] + walk(api, pages["previous"], language, link="previous")
    assert backwards == expected[::-1]

    # Between two pages, two records are added and two deleted: the row the page ended on (its
    # cursor must still lead on) and one not yet seen. Additions land before and after the position.
    deleted = set()

    def change(seen):
        for _ in range(2):
            make(prefix, next(count), parents)
        unseen = [pk for pk in expected if pk not in seen and pk not in deleted]
        for pk in [seen[-1], *unseen[-1:]]:
            model._base_manager.filter(pk=pk).delete()
            deleted.add(pk)

    seen = walk(api, first_url(prefix, ordering), language, between=change)
    throughout = [pk for pk in expected if pk not in deleted]
    assert len(seen) == len(set(seen)), "a record was seen twice"
    assert [pk for pk in seen if pk in throughout] == throughout
    assert len(deleted) >= 4 and len(throughout) >= 3


def test_search_pages_by_rank_then_id(api, unthrottled):
    """``?q=`` orders by rank, a float: the cursor holds it exactly, ties fall back on the id."""
    # Mentions in the summary weigh less than in the name: ranks that differ, and ties.
    summaries = ["", "Hydrogen.", "", "Hydrogen and more hydrogen.", "Hydrogen.", ""]
    for number, summary in enumerate(summaries):
        factories.EventFactory(name=f"Hydrogen workshop {number}", summary=summary, slug=f"h2-{number}")
    factories.EventFactory(name="Solar", slug="solar")
    searched = Event.objects.visible_to(AnonymousUser()).search("hydrogen")
    expected = list(searched.values_list("pk", flat=True))
    ranks = list(searched.values_list("rank", flat=True))
    assert len(set(ranks)) < len(ranks) and len(set(ranks)) > 1  # ties and differences

    url = "/api/v1/events/?q=hydrogen&page_size=2"
    assert walk(api, url, "en") == expected

    added = []

    def change(seen):
        added.append(factories.EventFactory(name="Hydrogen", slug=f"h2-new-{len(added)}").pk)
        Event.objects.filter(pk=seen[-1]).delete()

    seen = walk(api, url, "en", between=change)
    deleted = set(expected) - set(Event.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen))
    assert [pk for pk in seen if pk in expected and pk not in deleted] == [
        pk for pk in expected if pk not in deleted
    ]

    # A cursor of one search is not one of another.
    cursor = cursor_of(fetch(api, url, "en")["next"])
    response = api.get("/api/v1/events/", {"q": "solar", "page_size": 2, "cursor": cursor})
    assert (response.status_code, fields(response)) == (400, ["cursor"])


# Links and sizes -----------------------------------------------------------------------------------


def test_links_keep_the_filters_and_the_link_header_names_both(api):
    parent = factories.TopicFactory(slug="parent", name="Parent")
    for n in range(5):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}", parent=parent)
    factories.TopicFactory(slug="other", name="Other")

    first = api.get("/api/v1/topics/?parent=parent&ordering=-name&page_size=2")
    body = first.json()
    assert (body["count"], body["previous"], slugs(first)) == (5, None, ["topic-4", "topic-3"])
    assert body["next"].startswith(f"{T}/api/v1/topics/?")
    assert parse_qs(urlsplit(body["next"]).query).keys() == {"parent", "ordering", "page_size", "cursor"}
    assert first["Link"] == f'<{body["next"]}>; rel="next"'

    second = api.get(body["next"])
    assert (second.json()["count"], slugs(second)) == (5, ["topic-2", "topic-1"])
    assert (
        second["Link"] == f'<{second.json()["next"]}>; rel="next", <{second.json()["previous"]}>; rel="prev"'
    )
    last = api.get(second.json()["next"])
    assert (slugs(last), last.json()["next"]) == (["topic-0"], None)
    assert last["Link"] == f'<{last.json()["previous"]}>; rel="prev"'
    back = api.get(last.json()["previous"])
    assert slugs(back) == ["topic-2", "topic-1"]
    assert slugs(api.get(back.json()["previous"])) == ["topic-4", "topic-3"]
    assert api.get(back.json()["previous"]).json()["previous"] is None

    single = api.get("/api/v1/topics/?slug=other&parent=parent&page_size=100")
    assert single.status_code == 400  # ``slug`` is no filter: refused, not ignored
    assert "Link" not in api.get("/api/v1/topics/?page_size=100")


def test_a_deleted_last_record_leaves_an_empty_page_that_links_back(api):
    for n in range(4):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}")
    first = api.get("/api/v1/topics/?page_size=2").json()
    second = api.get(first["next"]).json()
    assert [row["slug"] for row in second["results"]] == ["topic-2", "topic-3"]
    factories.TopicFactory._meta.model.objects.filter(slug__in=["topic-2", "topic-3"]).delete()

    empty = api.get(first["next"]).json()
    assert (empty["count"], empty["results"], empty["next"]) == (2, [], None)
    assert [row["slug"] for row in api.get(empty["previous"]).json()["results"]] == ["topic-0", "topic-1"]


def test_formats_page_alike(api):
    """CSV, iCalendar and GeoJSON lists are pages too, with the same cursors in the Link header."""
    for n in range(3):
        factories.EventFactory(slug=f"event-{n}", name=f"Event {n}", latitude=52.5, longitude=13.4)
    json_next = api.get("/api/v1/events/?page_size=2").json()["next"]
    for format_ in ("csv", "ics", "geojson"):
        response = api.get(f"/api/v1/events/?page_size=2&format={format_}")
        assert response.status_code == 200, format_
        cursor = cursor_of(response["Link"].split(">")[0].lstrip("<"))
        assert cursor == cursor_of(json_next), format_


def test_page_sizes(api):
    factories.TopicFactory()
    assert api.get("/api/v1/topics/?page_size=100").status_code == 200
    for size in ("0", "101", "1000000", "abc", "²", ""):
        response = api.get("/api/v1/topics/", {"page_size": size})
        assert (response.status_code, fields(response)) == (400, ["page_size"]), size


def test_a_page_number_is_an_unknown_parameter(api):
    response = api.get("/api/v1/topics/", {"page": "2"})

    assert response.status_code == 400
    assert [(error["field"], error["code"]) for error in api_error(response)["errors"]] == [
        ("page", "unknown_parameter")
    ]


def test_a_page_after_a_cursor_costs_what_the_first_costs(partner_api):
    # A token client: its reads are never answered from the response cache.
    for n in range(5):
        factories.full_event(n)
    first = "/api/v1/events/?page_size=2"
    following = partner_api.get(first).json()["next"]

    assert count_queries(partner_api, following) == count_queries(partner_api, first) > 0


# Cursors refused --------------------------------------------------------------------------------


def cursor_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["cursor"][0]


def fields(response) -> list[str]:
    return [error["field"] for error in api_error(response)["errors"]]


@pytest.fixture
def topics(db):
    for n in range(3):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}")


def test_malformed_and_tampered_cursors_are_a_400_naming_the_cursor(api, topics):
    good = cursor_of(api.get("/api/v1/topics/?page_size=1").json()["next"])
    payload, _, signature = good.partition(":")
    unsigned = signing.Signer(salt="another salt").sign_object(["0" * 16, ["Topic 0", 1], 0, 0])
    forged = signing.Signer(key="not the secret key", salt=CURSOR_SALT).sign_object(
        ["0" * 16, ["Topic 0", 1], 0, 0]
    )
    bad = [
        "abc",
        "",
        good[:-1] + ("A" if good[-1] != "A" else "B"),  # the signature changed
        payload[::-1] + ":" + signature,  # the payload changed
        unsigned,
        forged,
        "9" * 5000,
    ]
    for cursor in bad:
        response = api.get("/api/v1/topics/", {"page_size": 1, "cursor": cursor})
        assert response.status_code == 400, cursor
        assert [(error["field"], error["code"]) for error in api_error(response)["errors"]] == [
            ("cursor", "invalid")
        ]
    assert api.get("/api/v1/topics/", {"page_size": 1, "cursor": good}).status_code == 200


def test_a_cursor_of_another_order_list_or_language_is_refused(api, topics):
    by_name = cursor_of(api.get("/api/v1/topics/?page_size=1&ordering=name").json()["next"])

    for params, language in [
        ({"ordering": "-name"}, "en"),  # another order
        ({"ordering": "updated"}, "en"),
        ({"ordering": "name"}, "de"),  # the same order in German sorts name_de, not name_en
    ]:
        response = api.get(
            "/api/v1/topics/", {"page_size": 1, "cursor": by_name, **params}, HTTP_ACCEPT_LANGUAGE=language
        )
        assert (response.status_code, fields(response)) == (400, ["cursor"]), params
        # In the language asked for, as every message of the API.
        said = {"en": "another order", "de": "andere Sortierung"}[language]
        assert said in api_error(response)["errors"][0]["message"]
    # Another list with the same order (name, then id).
    factories.ProgrammeFactory()
    assert api.get("/api/v1/programmes/", {"page_size": 1, "cursor": by_name}).status_code == 400
    # The default order is ?ordering=name: the same cursor.
    assert api.get("/api/v1/topics/", {"page_size": 1, "cursor": by_name}).status_code == 200


def test_a_cursor_of_an_order_that_no_language_changes_works_in_every_language(api):
    for n in range(3):
        factories.PersonFactory(family_name=f"Example {n}")
    cursor = cursor_of(api.get("/api/v1/people/?page_size=1", HTTP_ACCEPT_LANGUAGE="en").json()["next"])

    response = api.get("/api/v1/people/", {"page_size": 1, "cursor": cursor}, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 200
    assert [row["family_name"] for row in response.json()["results"]] == ["Example 1"]


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_the_same_page_has_the_same_links_and_etag(partner_api):
    """A cursor holds no time: a page read again is the same representation, and revalidates."""
    for n in range(3):
        factories.TopicFactory(slug=f"topic-{n}", name=f"Topic {n}")
    following = partner_api.get("/api/v1/topics/?page_size=1").json()["next"]
    first, again = partner_api.get(following), partner_api.get(following)

    assert first.json() == again.json()
    assert first["ETag"] == again["ETag"]
    assert partner_api.get(following, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
