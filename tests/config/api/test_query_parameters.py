"""Every API read takes the query parameters its schema documents, and refuses any other with a 400
naming it (config/api/parameters.py); ``ordering`` takes several fields comma-joined or repeated."""

import datetime
import json

import pytest
from django.urls import reverse

from config.atlas.api_urls import APP_APIS
from tests import factories
from tests.helpers import api_error

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    (prefix, viewset, basename) for api in APP_APIS for prefix, viewset, basename in api.router.registry
]


def record_of(viewset):
    """A published, public record for ``viewset``'s detail, made by its model's factory."""
    return getattr(factories, f"{viewset.queryset.model.__name__}Factory")()


def addresses(viewset, basename) -> dict[str, str]:
    """The list, the detail (of a new record) and the export of one endpoint, by their schema path."""
    record = record_of(viewset)
    lookup = viewset.lookup_field
    detail_key = "id" if lookup == "pk" else lookup
    prefix = reverse(f"api:{basename}-list")
    return {
        prefix: prefix,
        f"{prefix}{{{detail_key}}}/": reverse(
            f"api:{basename}-detail", kwargs={lookup: getattr(record, lookup)}
        ),
        f"{prefix}export/": reverse(f"api:{basename}-export"),
    }


@pytest.fixture
def schema(api):
    return api.get("/api/schema/?format=json").json()


def documented(schema, path: str) -> list[dict]:
    return [
        parameter
        for parameter in schema["paths"][path]["get"].get("parameters", [])
        if parameter["in"] == "query"
    ]


def unknown_body(name: str, known, guess: str | None = None) -> dict:
    hint = f" Did you mean “{guess}”?" if guess else ""
    message = f"This address takes no parameter “{name}”.{hint} It takes: {', '.join(sorted(known))}."
    return {
        "status": 400,
        "code": "invalid",
        "detail": "Some fields are not valid.",
        "errors": [{"field": name, "code": "unknown_parameter", "message": message}],
    }


@pytest.mark.parametrize(
    ("prefix", "viewset", "basename"), ENDPOINTS, ids=[prefix for prefix, *_ in ENDPOINTS]
)
def test_an_unknown_parameter_is_refused_naming_it(api, schema, prefix, viewset, basename):
    for path, url in addresses(viewset, basename).items():
        known = [parameter["name"] for parameter in documented(schema, path)]
        # A typo of a filter: the whole list or export would be the answer if it were ignored.
        response = api.get(url, {"updatedsince": "2026-01-01"})

        assert response.status_code == 400, (url, response.content)
        guess = "updated_since" if "updated_since" in known else None
        assert api_error(response) == unknown_body("updatedsince", known, guess), url


def test_each_unknown_parameter_is_named_once_and_the_known_ones_are_not(api):
    response = api.get("/api/v1/events/?kind=workshop&colour=red&colour=blue&ordering=name&size=3")

    assert response.status_code == 400
    assert [(error["field"], error["code"]) for error in api_error(response)["errors"]] == [
        ("colour", "unknown_parameter"),
        ("size", "unknown_parameter"),
    ]


def test_a_detail_takes_no_filter(api):
    event = factories.EventFactory(country="DE")

    response = api.get(f"/api/v1/events/{event.slug}/", {"country": "DE"})

    assert response.status_code == 400
    assert [error["field"] for error in api_error(response)["errors"]] == ["country"]


def test_q_is_a_parameter_of_searchable_lists_only(api):
    assert api.get("/api/v1/events/", {"q": "workshop"}).status_code == 200
    response = api.get("/api/v1/sessions/", {"q": "workshop"})

    assert response.status_code == 400
    assert [error["code"] for error in api_error(response)["errors"]] == ["unknown_parameter"]


def test_the_search_and_the_root_refuse_unknown_parameters(api):
    response = api.get("/api/v1/search/", {"q": "hydrogen", "pertype": "3"})

    assert response.status_code == 400
    assert api_error(response) == unknown_body("pertype", ["format", "lang", "per_type", "q"], "per_type")

    assert api.get("/api/v1/search/", {"q": "hydrogen", "per_type": "3", "format": "json"}).status_code == 200
    assert api.get("/api/v1/", {"format": "json"}).status_code == 200
    response = api.get("/api/v1/", {"page": "2"})
    assert response.status_code == 400
    assert api_error(response) == unknown_body("page", ["format", "lang"])


def test_writes_are_not_checked_for_query_parameters(writer_api):
    # Only reads: a write's query string is not where its input is.
    response = writer_api.post(
        "/api/v1/topics/?colour=red", {"name": "Hydrogen", "slug": "hydrogen"}, format="json"
    )

    assert response.status_code == 201, response.content


# Every documented parameter is taken -------------------------------------------------------------


def example(parameter: dict):
    """A valid value for a documented query parameter."""
    schema = parameter["schema"]
    item = schema.get("items", schema)
    if "enum" in item:
        return item["enum"][0]
    if item.get("type") == "integer":
        return item.get("minimum", 1)
    if item.get("format") == "date":
        return "2024-08-28"
    if item.get("format") == "date-time":
        return "2024-08-28T00:00:00Z"
    if parameter["name"] == "ordering":
        return "-updated"
    return "hydrogen" if parameter["name"] == "q" else None


@pytest.mark.parametrize(
    ("prefix", "viewset", "basename"), ENDPOINTS, ids=[prefix for prefix, *_ in ENDPOINTS]
)
def test_every_documented_parameter_is_taken(api, schema, prefix, viewset, basename):
    for path, url in addresses(viewset, basename).items():
        for parameter in documented(schema, path):
            value = example(parameter)
            response = api.get(url, {parameter["name"]: "" if value is None else value})
            if value is not None:
                assert response.status_code == 200, (url, parameter["name"], value, response.content)
            else:
                # A record by its slug: an unknown slug may be refused, but never the parameter.
                assert response.status_code in (200, 400), (url, parameter["name"], response.content)
                if response.status_code == 400:
                    errors = api_error(response)["errors"]
                    assert [error["code"] for error in errors] != ["unknown_parameter"], (url, parameter)


def test_every_documented_parameter_of_the_search_is_taken(api, schema):
    values = {parameter["name"]: example(parameter) for parameter in documented(schema, "/api/v1/search/")}

    assert api.get("/api/v1/search/", values).status_code == 200


# Ordering: comma-joined or repeated, alike ------------------------------------------------------


@pytest.fixture
def ordered_events(db):
    # Created so that neither the id nor any one field alone gives the order of "-start, name".
    factories.EventFactory(slug="beta", name="Beta", start_date=datetime.date(2024, 3, 1))
    factories.EventFactory(slug="zeta", name="Zeta", start_date=datetime.date(2024, 5, 1))
    factories.EventFactory(slug="alpha", name="Alpha", start_date=datetime.date(2024, 3, 1))
    factories.EventFactory(slug="gamma", name="Gamma", start_date=datetime.date(2023, 1, 1))


def event_slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize("path", ["/api/v1/events/", "/api/v1/events/export/"])
def test_ordering_comma_joined_and_repeated_give_the_same_order(api, ordered_events, path):
    def slugs(query: str) -> list[str]:
        response = api.get(f"{path}?{query}")
        assert response.status_code == 200, response.content
        if response.streaming:
            return [json.loads(line)["slug"] for line in b"".join(response.streaming_content).splitlines()]
        return event_slugs(response)

    expected = ["zeta", "alpha", "beta", "gamma"]
    assert slugs("ordering=-start") == ["zeta", "beta", "alpha", "gamma"]  # the id breaks the tie
    assert slugs("ordering=name") == ["alpha", "beta", "gamma", "zeta"]
    assert slugs("ordering=-start,name") == expected
    assert slugs("ordering=-start&ordering=name") == expected


def test_an_unknown_ordering_field_is_refused_naming_it_in_either_form(api, ordered_events):
    for query in ("ordering=-start,colour", "ordering=-start&ordering=colour"):
        response = api.get(f"/api/v1/events/?{query}")

        assert response.status_code == 400, query
        assert api_error(response)["errors"] == [
            {
                "field": "ordering",
                "code": "invalid_choice",
                "message": "Select a valid choice. colour is not one of the available choices.",
            }
        ], query


def test_an_empty_ordering_is_refused_naming_the_parameter(api):
    factories.EventFactory()

    response = api.get("/api/v1/events/?ordering=")

    assert response.status_code == 400
    assert "Name a field to order by" in json.dumps(api_error(response)["errors"])
    assert api.get("/api/v1/events/?ordering=name").status_code == 200
    assert api.get("/api/v1/events/?updated_since=").status_code == 400
