"""The OpenAPI schema: valid, complete, and true to what the API answers (schemathesis)."""

import datetime
import enum
import importlib
import inspect
import json
import os
import subprocess
import sys
import typing
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django import forms
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict
from django_filters.fields import BaseCSVField
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator, oas30_format_checker
from openapi_spec_validator import validate
from schemathesis import checks
from schemathesis.checks import CHECKS as CHECKS_REGISTRY
from schemathesis.config._checks import NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, NegativeDataRejectionConfig

from dialogues.models import Dialogue
from events.models import Event
from tests import factories
from tests.helpers import grant, issue_token

pytestmark = pytest.mark.django_db
EXAMPLES = 5
# No server error, and every status, header, content type and body as the schema documents it.
# (positive_data_acceptance is left out: the schema cannot express every rule a 400 enforces,
# such as a slug that must name a visible record.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.ignored_auth,
]
# The checks of `--checks all` left out of the stateful runs, each a false positive here:
FALSE_POSITIVES = [
    # A schema-valid request that is a 400: the schema cannot say that a slug (a filter's, a
    # reference's) must name a record the caller may see, nor every rule of the model (an end
    # after its start, a unique name); the 400 names the field, as it should.
    checks.positive_data_acceptance,
]


def test_schema_validates_as_openapi_3(api):
    response = api.get("/api/schema/?format=json")

    validate(response.json())


def test_schema_documents_every_endpoint_and_its_errors(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]

    assert sorted(path for path in paths if path.count("/") == 4) == [
        "/api/v1/changes/",
        "/api/v1/dialogue-roles/",
        "/api/v1/dialogues/",
        "/api/v1/event-places/",
        "/api/v1/events/",
        "/api/v1/map/",
        "/api/v1/network/",
        "/api/v1/organisation-contact-points/",
        "/api/v1/organisations/",
        "/api/v1/people/",
        "/api/v1/phases/",
        "/api/v1/programmes/",
        "/api/v1/project-contact-points/",
        "/api/v1/projects/",
        "/api/v1/publications/",
        "/api/v1/search/",
        "/api/v1/sessions/",
        "/api/v1/timeline/",
        "/api/v1/topics/",
        "/api/v1/working-groups/",
    ]
    assert sorted(paths["/api/v1/events/{slug}/"]["patch"]["responses"]) == sorted(
        ["200", "400", "401", "403", "404", "406", "409", "412", "413", "415", "428", "429"]
    )


def test_each_operation_documents_the_errors_it_can_answer(schema):
    """In the one error shape: 404 where a record or a page is looked up, 403/409 on writes,
    412/428 where If-Match is taken, 413/415 where a body is sent; 405 on no operation."""
    expected = {
        ("get", "/api/v1/events/"): {"400", "401", "404", "406", "429"},
        ("get", "/api/v1/events/export/"): {"400", "401", "406", "429"},
        ("get", "/api/v1/events/{slug}/"): {"400", "401", "404", "406", "429"},
        # 422: an Idempotency-Key sent before with another request.
        ("post", "/api/v1/events/"): {"400", "401", "403", "406", "409", "413", "415", "422", "429"},
        ("delete", "/api/v1/sessions/{id}/"): {"400", "401", "403", "404", "406", "409", "412", "428", "429"},
        ("get", "/api/v1/search/"): {"400", "401", "406", "429"},
    }
    for (method, path), errors in expected.items():
        responses = schema["paths"][path][method]["responses"]
        assert {code for code in responses if code >= "400"} == errors, (method, path)
    for path, path_item in schema["paths"].items():
        for method, operation in path_item.items():
            assert "405" not in operation["responses"], (method, path)
            for code, response in operation["responses"].items():
                if code >= "400":
                    content = response["content"]["application/json"]
                    assert content["schema"] == {"$ref": "#/components/schemas/Error"}, (method, path, code)
                    assert content["examples"]["example"]["value"]["status"] == int(code)


@pytest.fixture
def wsgi_app(db):
    """The WSGI app inside the test's transaction: keep the connection open between requests,
    as Django's own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    dialogue = factories.DialogueFactory(slug="t2d")
    event = factories.EventFactory(slug="workshop", dialogue=dialogue, latitude=52.5, longitude=13.4)
    factories.SessionFactory(event=event)
    factories.EventPlaceFactory(event=event)
    factories.OrganisationContactPointFactory()
    factories.ProjectContactPointFactory()
    factories.DialogueRoleFactory(dialogue=dialogue)
    factories.ProjectRoleFactory()
    factories.PublicationAuthorFactory()
    factories.AffiliationFactory()
    writer = grant(factories.PartnerFactory(), Dialogue, "add", "change", "delete")
    return issue_token(writer)


def test_api_conforms_to_its_schema(wsgi_app, token, settings):
    """Every operation, anonymous and with a token: no server error, no response outside the schema."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures = []
    for operation in operations:
        for headers in ({}, {"Authorization": f"Token {token}"}):

            @given(case=operation.as_strategy())
            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
            )
            def check(case):
                case.call_and_validate(headers=check.headers, checks=CHECKS)

            check.headers = headers
            try:
                check()
            except Exception as error:
                failures.append(f"{operation.label} {bool(headers)}: {str(error)[:500]}")
    assert len(operations) >= 60
    assert failures == []


def test_schema_documents_search(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()

    assert "/api/v1/search/" in schema["paths"]
    event_list_parameters = [
        parameter["name"] for parameter in schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    ]
    phase_list_parameters = [
        parameter["name"] for parameter in schema["paths"]["/api/v1/phases/"]["get"]["parameters"]
    ]
    assert "q" in event_list_parameters
    assert "q" not in phase_list_parameters


# Filters: every list's parameters as their FilterSet takes them, and requests built from those types.

MAX_PAGE = django_settings.API_MAX_PAGE_SIZE


def api_lists():
    """(path, model, FilterSet) of every list of the API, from the routers."""
    from config.atlas.api_urls import APP_APIS

    return [
        (f"/api/v1/{prefix}/", viewset.queryset.model, viewset.filterset_class)
        for api in APP_APIS
        for prefix, viewset, _basename in api.router.registry
    ]


def form_fields(model, filterset_class):
    filterset = filterset_class(queryset=model._default_manager.none())
    return {name: filter_.field for name, filter_ in filterset.filters.items()}


def expected_parameter(field) -> dict:
    """The parameter a form field takes, written out independently of config/api/schema.py.

    A filter whose form field is none of these fails here: a new kind of filter needs a decision.
    """
    if isinstance(field, forms.ModelChoiceField):
        value = {"type": "string"}
    elif isinstance(field, forms.ChoiceField):
        value = {"type": "string", "enum": sorted(str(key) for key, _label in field.choices if key != "")}
    elif isinstance(field, forms.IntegerField):
        value = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
    elif isinstance(field, forms.DateTimeField):
        value = {"type": "string", "format": "date-time"}
    elif isinstance(field, forms.DateField):
        value = {"type": "string", "format": "date"}
    else:
        pytest.fail(f"No parameter type known for the form field {type(field).__name__}")
    if isinstance(field, BaseCSVField):
        return {"schema": {"type": "array", "items": value}, "style": "form", "explode": False}
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return {"schema": {"type": "array", "items": value}, "style": "form", "explode": True}
    return {"schema": value}


def comparable(parameter: dict) -> dict:
    schema = dict(parameter["schema"])
    if "items" in schema:
        schema["items"] = dict(schema["items"])
    for part in (schema, schema.get("items", {})):
        if "enum" in part:
            part["enum"] = sorted(part["enum"])
    return {"schema": schema, **{key: parameter[key] for key in ("style", "explode") if key in parameter}}


@pytest.fixture
def schema(api):
    return api.get("/api/schema/", {"format": "json"}).json()


def query_parameters(schema, path) -> dict[str, dict]:
    operation = schema["paths"][path]["get"]
    return {
        parameter["name"]: parameter for parameter in operation["parameters"] if parameter["in"] == "query"
    }


def test_every_filter_of_every_list_has_the_type_its_form_field_takes(schema):
    lists = api_lists()
    assert len(lists) >= 12
    for path, model, filterset_class in lists:
        parameters = query_parameters(schema, path)
        exported = query_parameters(schema, f"{path}export/")
        for name, field in form_fields(model, filterset_class).items():
            assert comparable(parameters[name]) == expected_parameter(field), (path, name)
            assert exported[name] == parameters[name], (path, name)
        # The export takes the list's parameters but streams every match: no page; it resumes
        # after an id instead.
        assert set(exported) == set(parameters) - {"cursor", "page_size"} | {"format", "after"}
        assert "page" not in parameters
        assert parameters["cursor"]["schema"] == {"type": "string"}
        assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
        assert parameters["updated_since"]["schema"] == {"type": "string", "format": "date-time"}


def test_named_parameters_have_their_types(schema):
    events = query_parameters(schema, "/api/v1/events/")
    projects = query_parameters(schema, "/api/v1/projects/")
    dialogues = query_parameters(schema, "/api/v1/dialogues/")

    assert events["year"]["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2200}
    for parameter in (events["country"], projects["country"], dialogues["party"]):
        assert parameter["schema"]["type"] == "array"
        assert parameter["schema"]["items"]["type"] == "string"
        assert {"DE", "CN", "EU"} <= set(parameter["schema"]["items"]["enum"])
        assert (parameter["style"], parameter["explode"]) == ("form", True)
    assert events["starts_after"]["schema"] == {"type": "string", "format": "date"}


def test_every_format_is_documented_with_its_own_schema(schema):
    """CSV, iCalendar and NDJSON are text; GeoJSON a FeatureCollection; only JSON has the serializer's."""
    seen = set()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for code, response in operation["responses"].items():
                for media_type, content in response.get("content", {}).items():
                    if not code.startswith("2") or media_type == "application/json":
                        continue
                    seen.add(media_type)
                    if media_type == "application/geo+json":
                        assert content["schema"]["properties"]["type"]["enum"] == ["FeatureCollection"], path
                    else:
                        assert content["schema"]["type"] == "string", (path, media_type)
    assert seen == {"text/csv", "text/calendar", "application/geo+json", "application/x-ndjson"}
    formats = {
        name: parameter["schema"]["enum"]
        for name, parameter in (
            ("events", query_parameters(schema, "/api/v1/events/")["format"]),
            ("export", query_parameters(schema, "/api/v1/events/export/")["format"]),
        )
    }
    assert formats == {"events": ["csv", "geojson", "ics", "json"], "export": ["csv", "ndjson"]}


@pytest.fixture
def records(db, settings):
    """Records that every filter of every list can find (and no throttle on the many requests)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    parent_topic = factories.TopicFactory()
    topic = factories.TopicFactory(parent=parent_topic)
    parent = factories.OrganisationFactory()
    organisation = factories.OrganisationFactory(parent=parent, country="CN")
    dialogue = factories.DialogueFactory(slug="t2d")
    dialogue.topics.add(topic)
    phase = factories.PhaseFactory(dialogue=dialogue)
    phase.topics.add(topic)
    group = factories.WorkingGroupFactory(dialogue=dialogue, phase=phase)
    group.topics.add(topic)
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=organisation, phase=phase)
    publication = factories.PublicationFactory(
        dialogue=dialogue, working_group=group, date=datetime.date(2021, 5, 1)
    )
    publication.topics.add(topic)
    project = factories.ProjectFactory(
        programme=factories.ProgrammeFactory(),
        start_date=datetime.date(2022, 1, 1),
        countries=["CN", "DE"],
        state="active",
    )
    project.topics.add(topic)
    project.dialogues.add(dialogue)
    factories.ProjectRoleFactory(project=project, organisation=organisation)
    event = factories.EventFactory(
        dialogue=dialogue, working_group=group, country="DE", mode="online", latitude=52.5, longitude=13.4
    )
    event.projects.add(project)
    event.topics.add(topic)
    factories.EventFactory(start_date=datetime.date(2030, 1, 1), state="planned", country="CN")
    factories.EventParticipationFactory(event=event, organisation=organisation)
    factories.SessionFactory(event=event)
    factories.EventPlaceFactory(event=event)
    factories.OrganisationContactPointFactory(organisation=organisation)
    factories.ProjectContactPointFactory(project=project)
    factories.AffiliationFactory(organisation=organisation)
    factories.DialogueFactory(parties=["US", "IN"], start_date=datetime.date(2010, 1, 1))


def single_values(name, schema, field):
    """Values of one item's declared type, to try in turn."""
    if "enum" in schema:
        return list(schema["enum"])
    if schema["type"] == "integer":
        return sorted(range(schema["minimum"], schema["maximum"] + 1), key=lambda year: abs(year - 2024))
    if schema.get("format") == "date":
        return ["1900-01-01", "2200-12-31"]
    if schema.get("format") == "date-time":
        return ["2000-01-01T00:00:00+00:00"]
    assert schema == {"type": "string"}, name
    # A related record's slug: the visible records the filter chooses among.
    return [str(slug) for slug in field.queryset.values_list(field.to_field_name, flat=True)]


def anonymous_request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


def expected_ids(model, filterset_class, data):
    queryset = model._default_manager.visible_to(AnonymousUser())
    filterset = filterset_class(data, queryset=queryset, request=anonymous_request())
    assert filterset.is_valid(), filterset.errors
    return [record.pk for record in filterset.qs]


def result_ids(response):
    return [record["id"] for record in response.json()["results"]]


def test_every_filter_of_every_list_works_with_values_of_its_declared_type(api, schema, records):
    """For each list and each filter: a value of the schema's type (repeated for an array, joined
    by commas for a CSV array), sent as the schema says, is a 200 with the records the filter selects."""
    checked = 0
    for path, model, filterset_class in api_lists():
        fields = form_fields(model, filterset_class)
        for name, parameter in query_parameters(schema, path).items():
            if name not in fields:
                continue
            schema_ = parameter["schema"]
            many = schema_["type"] == "array"
            values = single_values(name, schema_["items"] if many else schema_, fields[name])
            assert values, (path, name)
            chosen = None
            for value in values:
                if many and parameter["explode"]:
                    sent = [value, *[other for other in values if other != value][:1]]
                elif many:
                    sent = ",".join([value, *[other for other in values if other != value][:1]])
                else:
                    sent = value
                data = MultiValueDict({name: sent if isinstance(sent, list) else [sent]})
                if expected_ids(model, filterset_class, data):
                    chosen = sent
                    break
            assert chosen is not None, f"no record for {path}?{name}"
            expected = expected_ids(model, filterset_class, data)

            response = api.get(path, {name: chosen, "page_size": MAX_PAGE})
            assert response.status_code == 200, (path, name, chosen, response.content[:300])
            assert result_ids(response) == expected, (path, name, chosen)
            export = api.get(f"{path}export/", {name: chosen})
            assert export.status_code == 200, (path, name, chosen)
            exported = [json.loads(line)["id"] for line in b"".join(export.streaming_content).splitlines()]
            assert exported == sorted(expected), (path, name, chosen)  # an export is in id order
            checked += 1
    assert checked >= 50


def test_the_named_filters_select_what_they_say(api, records):
    assert {event["slug"] for event in api.get("/api/v1/events/", {"year": 2030}).json()["results"]} == {
        Event.objects.get(start_date__year=2030).slug
    }
    projects = api.get("/api/v1/projects/", {"country": ["DE", "FR"]}).json()["results"]
    assert len(projects) == 1
    dialogues = api.get("/api/v1/dialogues/", {"party": ["US"]}).json()["results"]
    assert [dialogue["slug"] for dialogue in dialogues] == [
        Dialogue.objects.get(parties__contains=["US"]).slug
    ]


def test_the_other_list_parameters_work_with_their_declared_types(api, schema, records):
    for path, _model, _filterset_class in api_lists():
        parameters = query_parameters(schema, path)
        response = api.get(path, {"page_size": 1})
        assert response.status_code == 200, path
        assert len(response.json()["results"]) == 1, path
        # The cursor of the next page, as a client sends it with the parameters it built itself.
        assert (response.json()["next"] is not None) == (response.json()["count"] > 1), path
        if response.json()["next"]:
            cursor = parse_qs(urlsplit(response.json()["next"]).query)["cursor"][0]
            following = api.get(path, {"page_size": 1, "cursor": cursor})
            assert following.status_code == 200, path
            assert len(following.json()["results"]) == 1, path
        documented = schema["paths"][path]["get"]["responses"]["200"]["content"]
        for format_ in parameters["format"]["schema"]["enum"]:
            response = api.get(path, {"format": format_})
            assert response.status_code == 200, (path, format_)
            assert response["Content-Type"].split(";")[0] in documented, (path, format_)
        if "q" in parameters:
            response = api.get(path, {"q": "t2d" if path == "/api/v1/dialogues/" else "Example"})
            assert response.status_code == 200, path


# Examples: every JSON body of every operation has one, made from the schema, and valid against it.


def validator_for(spec: dict, schema: dict, *, request: bool):
    """An OpenAPI 3.0 validator of ``schema`` whose ``$ref``s resolve in ``spec`` (a request body may
    not hold read-only properties, a response no write-only ones)."""
    validator = OAS30WriteValidator if request else OAS30ReadValidator
    return validator({**schema, "components": spec["components"]}, format_checker=oas30_format_checker)


def examples_in(spec: dict):
    """(where, schema, example value, request?) for every example the schema holds: each request
    and response body's, each parameter's, and each schema's own ``example``."""
    for path, path_item in spec["paths"].items():
        for method, operation in path_item.items():
            holders = [("request", operation["requestBody"])] if "requestBody" in operation else []
            holders += list(operation["responses"].items())
            for code, holder in holders:
                for media_type, content in holder.get("content", {}).items():
                    for name, example in content.get("examples", {}).items():
                        where = f"{method} {path} {code} {media_type} {name}"
                        yield where, content["schema"], example["value"], code == "request"
            for parameter in operation.get("parameters", ()):
                if "example" in parameter:
                    yield (
                        f"{method} {path} {parameter['name']}",
                        parameter["schema"],
                        parameter["example"],
                        True,
                    )

    def walk(schema, where):
        if isinstance(schema, dict):
            if "example" in schema and isinstance(schema.get("type"), str):
                yield where, {k: v for k, v in schema.items() if k != "example"}, schema["example"], False
            for key, value in schema.items():
                yield from walk(value, f"{where}/{key}")
        elif isinstance(schema, list):
            for index, value in enumerate(schema):
                yield from walk(value, f"{where}/{index}")

    yield from walk(spec["components"]["schemas"], "#/components/schemas")


def test_every_example_in_the_schema_validates_against_its_schema(schema):
    checked = 0
    for where, value_schema, value, request in examples_in(schema):
        errors = [
            error.message for error in validator_for(schema, value_schema, request=request).iter_errors(value)
        ]
        assert errors == [], where
        checked += 1
    assert checked > 300


def test_every_kind_of_record_has_examples_of_its_list_detail_and_write_bodies(schema):
    for path, _model, _filterset_class in api_lists():
        detail = next(other for other in schema["paths"] if other.startswith(path) and other.endswith("}/"))
        bodies = {
            "list": schema["paths"][path]["get"]["responses"]["200"],
            "create": schema["paths"][path]["post"]["requestBody"],
            "created": schema["paths"][path]["post"]["responses"]["201"],
            "detail": schema["paths"][detail]["get"]["responses"]["200"],
            "update": schema["paths"][detail]["put"]["requestBody"],
            "partial update": schema["paths"][detail]["patch"]["requestBody"],
        }
        for kind, body in bodies.items():
            example = body["content"]["application/json"]["examples"]["example"]["value"]
            assert example, (path, kind)
        listed = bodies["list"]["content"]["application/json"]["examples"]["example"]["value"]
        record = bodies["detail"]["content"]["application/json"]["examples"]["example"]["value"]
        key = detail.rsplit("{", 1)[1].rstrip("}/")
        # The example record's own address is its detail path with its own key.
        assert record["url"] == "https://atlas.example" + detail.replace(f"{{{key}}}", str(record[key]))
        assert listed["results"][0][key] == record[key]


def test_examples_show_references_with_the_address_of_what_they_refer_to(schema):
    event = schema["paths"]["/api/v1/events/{slug}/"]["get"]["responses"]["200"]["content"]
    example = event["application/json"]["examples"]["example"]["value"]
    created = schema["paths"]["/api/v1/events/"]["post"]["requestBody"]["content"]["application/json"]

    assert (
        example["dialogue"]["url"] == f"https://atlas.example/api/v1/dialogues/{example['dialogue']['slug']}/"
    )
    organisation = example["participations"][0]["organisation"]
    assert organisation["url"] == f"https://atlas.example/api/v1/organisations/{organisation['slug']}/"
    # Written as the slug.
    assert created["examples"]["example"]["value"]["dialogue"] == example["dialogue"]["slug"]


def test_error_examples_are_what_the_exception_handler_writes(api, schema):
    """The example of a 404 is the body the API answers a missing record with."""
    response = api.get("/api/v1/events/nothing-here/")
    documented = schema["paths"]["/api/v1/events/{slug}/"]["get"]["responses"]["404"]

    assert documented["content"]["application/json"]["examples"]["example"]["value"] == response.json()


# Links: from a create, a list, a detail and a reference to the operations on the record they name.


def links(schema, method, path, code="200"):
    return schema["paths"][path][method]["responses"][code]["links"]


def test_a_create_links_to_the_record_it_made_by_its_key(schema):
    for path, key in (
        ("/api/v1/events/", "slug"),
        ("/api/v1/sessions/", "id"),
        ("/api/v1/dialogue-roles/", "id"),
    ):
        created = links(schema, "post", path, "201")
        prefix = path.strip("/").rsplit("/", 1)[1].replace("-", "_")
        for action in ("retrieve", "update", "partial_update", "destroy"):
            assert created[f"{prefix}_{action}"] == {
                "operationId": f"{prefix}_{action}",
                "parameters": {key: f"$response.body#/{key}"},
                "description": "The record just created.",
            }


def test_a_list_links_to_the_detail_of_its_first_record(schema):
    for path, _model, _filterset_class in api_lists():
        (link,) = links(schema, "get", path).values()
        target = next(
            (other, operations["get"])
            for other, operations in schema["paths"].items()
            if operations.get("get", {}).get("operationId") == link["operationId"]
        )
        key = target[0].rsplit("{", 1)[1].rstrip("}/")
        assert target[0].startswith(path)
        assert link["parameters"] == {key: f"$response.body#/results/0/{key}"}


def test_a_detail_links_to_its_writes_and_to_the_records_it_refers_to(schema):
    event = links(schema, "get", "/api/v1/events/{slug}/")
    session = links(schema, "get", "/api/v1/sessions/{id}/")

    assert {"events_update", "events_partial_update", "events_destroy"} <= set(event)
    assert event["dialogue"]["operationId"] == "dialogues_retrieve"
    assert event["dialogue"]["parameters"] == {"slug": "$response.body#/dialogue/slug"}
    assert event["topics"]["parameters"] == {"slug": "$response.body#/topics/0/slug"}
    assert event["children"]["operationId"] == "events_retrieve"
    assert session["event"]["operationId"] == "events_retrieve"
    assert session["sessions_destroy"]["parameters"] == {"id": "$response.body#/id"}
    # The markers the links are made from are not published.
    assert not any(
        key.startswith("x-atlas") for item in schema["paths"].values() for op in item.values() for key in op
    )


def test_every_link_names_an_operation_and_its_parameters(schema):
    operations = {
        operation["operationId"]: operation
        for item in schema["paths"].values()
        for operation in item.values()
    }
    count = 0
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            for response in operation["responses"].values():
                for link in response.get("links", {}).values():
                    target = operations[link["operationId"]]
                    path_parameters = {p["name"] for p in target["parameters"] if p["in"] == "path"}
                    assert set(link["parameters"]) == path_parameters, link
                    count += 1
    assert count > 150


# Stateful: schemathesis follows the links (create → read → change → delete, list → detail,
# reference → detail) with every check it has, anonymous and with a token that may write.

# Bounded so that both runs take about a minute; Hypothesis derandomized, so every run is the same.
STATEFUL_SCENARIOS = 100
STATEFUL_STEPS = 6


@pytest.fixture
def writer_authorization(writer_api):
    """The Authorization header of an account that may write every record: the ``writer_api``
    client's own, so that a change in how tokens are made (conftest.py) is a change here too."""
    return writer_api._credentials["HTTP_AUTHORIZATION"]


def run_stateful(wsgi_app, headers: dict) -> list[tuple[str, str, int]]:
    """Run the scenarios; the steps that followed a link of the schema, as (link, operation, status)."""
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    # A request with invalid content and an If-Match that fails is a 412: preconditions are
    # evaluated before the content is read (RFC 9110, 13.2.1), so 412 is a rejection too.
    schema.config.checks.negative_data_rejection = NegativeDataRejectionConfig.from_dict(
        {"expected-statuses": [*NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, "412"]}
    )
    base = schema.as_state_machine()
    every_check = [check for check in CHECKS_REGISTRY.get_all() if callable(check)]
    followed = []

    class Links(base):
        def setup(self):
            # Each scenario starts from the same records (its writes are rolled back when it ends)
            # and an empty cache, so that a failing scenario replays as it ran.
            cache.clear()
            self.savepoint = transaction.savepoint_create()

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)
            super().teardown()

        def step(self, input):
            output = super().step(input)
            transition = input.transition
            if transition is not None and not transition.is_inferred and input.is_applied:
                followed.append((transition.id, input.case.operation.label, output.response.status_code))
            return output

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(
                response,
                checks=every_check,
                excluded_checks=FALSE_POSITIVES,
                headers=headers,
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    Links.run(
        settings=hypothesis_settings(
            max_examples=STATEFUL_SCENARIOS,
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
    )
    return followed


def test_stateful_runs_anonymous_follow_the_links_without_a_failure(wsgi_app, records):
    followed = run_stateful(wsgi_app, {})

    # Every response passed every check (run_stateful raises otherwise) and links were followed.
    # Whether a generated step also answers 200 depends on the parameters drawn for it.
    assert any(operation.startswith("GET ") for _link, operation, _status in followed)


def test_stateful_runs_with_a_token_that_may_write_follow_the_links_without_a_failure(
    wsgi_app, records, writer_authorization
):
    followed = run_stateful(wsgi_app, {"Authorization": writer_authorization})

    assert followed


# A generated client: openapi-python-client builds one from the live schema; it calls every
# list with each of its filters, every export and detail, the changes feed and search, and a
# change with If-Match (a stale one is a 412), over HTTP.

CLIENT_PACKAGE = "dialogue_atlas_api_client"


def generate_client(live_server, tmp_path):
    """The client package openapi-python-client generates from the schema the live server serves,
    imported; the generator's output, which must hold no warning."""
    with urllib.request.urlopen(f"{live_server.url}/api/schema/?format=json") as response:
        (tmp_path / "schema.json").write_bytes(response.read())
    environment = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
    }
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(tmp_path / "schema.json"),
            "--output-path",
            str(tmp_path / "client"),
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    sys.path.insert(0, str(tmp_path / "client"))
    importlib.invalidate_caches()
    return importlib.import_module(CLIENT_PACKAGE), generated.stdout + generated.stderr


@pytest.fixture
def generated_client(live_server, tmp_path):
    package, output = generate_client(live_server, tmp_path)
    yield package, output
    sys.path.remove(str(tmp_path / "client"))
    for name in [name for name in sys.modules if name.split(".")[0] == CLIENT_PACKAGE]:
        del sys.modules[name]


def client_value(function, name: str, value):
    """``value`` (as sent in a query string) in the type the generated function takes for ``name``."""
    parameter = next(
        p for p in inspect.signature(function).parameters.values() if p.name in (name, f"{name}_")
    )
    hints = typing.get_type_hints(function)[parameter.name]

    def convert(hint, item):
        for option in typing.get_args(hint) or (hint,):
            if isinstance(option, type) and issubclass(option, enum.Enum):
                return option(item)
            if option is datetime.date:
                return datetime.date.fromisoformat(item)
            if option is datetime.datetime:
                return datetime.datetime.fromisoformat(item)
            if typing.get_origin(option) is list:
                return [
                    convert(typing.get_args(option)[0], one)
                    for one in (item if isinstance(item, list) else [item])
                ]
        return item

    return parameter.name, convert(hints, value)


def chosen_filter_values(schema, path, model, filterset_class) -> dict:
    """For each filter of the list at ``path``: a value of its declared type that selects records."""
    fields = form_fields(model, filterset_class)
    chosen = {}
    for name, parameter in query_parameters(schema, path).items():
        if name not in fields:
            continue
        many = parameter["schema"]["type"] == "array"
        values = single_values(
            name, parameter["schema"]["items"] if many else parameter["schema"], fields[name]
        )
        for value in values:
            if expected_ids(model, filterset_class, MultiValueDict({name: [value]})):
                chosen[name] = [value] if many else value
                break
        assert name in chosen, f"no record for {path}?{name}"
    return chosen


def operation_function(package, schema, path, method="get"):
    operation = schema["paths"][path][method]
    tag = operation["tags"][0].replace("-", "_")
    return importlib.import_module(f"{package.__name__}.api.{tag}.{operation['operationId']}")


def test_a_generated_client_calls_every_list_with_each_filter_and_every_export(
    generated_client, records, live_server
):
    package, output = generated_client
    schema = json.loads(urllib.request.urlopen(f"{live_server.url}/api/schema/?format=json").read())
    client = package.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    assert "warning" not in output.lower(), output
    calls = 0
    for path, model, filterset_class in api_lists():
        listing = operation_function(package, schema, path)
        exporting = operation_function(package, schema, f"{path}export/")
        for name, value in [
            (None, None),
            *chosen_filter_values(schema, path, model, filterset_class).items(),
        ]:
            arguments = dict([client_value(listing.sync_detailed, name, value)]) if name else {}
            response = listing.sync_detailed(client=client, **arguments)
            assert response.status_code == 200, (path, name, value, response.content[:300])
            assert response.parsed is not None, (path, name)
            assert len(response.parsed.results) >= 1, (path, name, value)
            calls += 1
        exported = exporting.sync_detailed(client=client)
        assert exported.status_code == 200, path
        assert isinstance(exported.parsed, str) and exported.parsed.strip(), path
    assert calls >= 60


def request_model(package, schema, path, method):
    """The generated class of the JSON body ``method`` on ``path`` takes."""
    reference = schema["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return getattr(package.models, reference.rsplit("/", 1)[1])


def test_a_generated_client_reads_every_detail_the_changes_feed_and_search_and_writes_with_if_match(
    generated_client, records, live_server, writer
):
    package, _output = generated_client
    schema = json.loads(urllib.request.urlopen(f"{live_server.url}/api/schema/?format=json").read())
    client = package.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    for path, _model, _filterset_class in api_lists():
        first = operation_function(package, schema, path).sync_detailed(client=client).parsed.results[0]
        detail = next(other for other in schema["paths"] if other.startswith(path) and "{" in other)
        key = detail.split("{")[1].split("}")[0]
        response = operation_function(package, schema, detail).sync_detailed(
            client=client, **{key: getattr(first, key)}
        )
        assert (response.status_code, response.parsed.id) == (200, first.id), detail

    exported = operation_function(package, schema, "/api/v1/events/export/").sync_detailed(client=client)
    changes = operation_function(package, schema, "/api/v1/changes/").sync_detailed(
        client=client, cursor=exported.headers["X-Changes-Cursor"]
    )
    assert (changes.status_code, changes.parsed.more) == (200, False)
    found = operation_function(package, schema, "/api/v1/search/").sync_detailed(client=client, q="event")
    assert found.status_code == 200 and found.parsed.groups

    token = package.AuthenticatedClient(
        base_url=live_server.url, token=issue_token(writer), prefix="Token", raise_on_unexpected_status=True
    )
    detail = "/api/v1/organisations/{slug}/"
    slug = operation_function(package, schema, "/api/v1/organisations/").sync_detailed(client=token)
    slug = slug.parsed.results[0].slug
    read = operation_function(package, schema, detail).sync_detailed(client=token, slug=slug)
    body = request_model(package, schema, detail, "patch").from_dict(
        {"name": "Renamed by a generated client"}
    )
    changed = operation_function(package, schema, detail, "patch").sync_detailed(
        client=token, slug=slug, body=body, if_match=read.headers["ETag"]
    )
    assert changed.status_code == 200, changed.content
    assert changed.parsed.name == "Renamed by a generated client"
    stale = operation_function(package, schema, detail, "patch").sync_detailed(
        client=package.AuthenticatedClient(base_url=live_server.url, token=token.token, prefix="Token"),
        slug=slug,
        body=body,
        if_match=read.headers["ETag"],
    )
    assert stale.status_code == 412
