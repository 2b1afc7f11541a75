"""The OpenAPI schema: valid, complete, and true to what the API answers (schemathesis)."""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django import forms
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict
from django_filters.fields import BaseCSVField
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from schemathesis import checks

from dialogues.models import Dialogue
from events.models import Event
from tests import factories
from tests.helpers import grant

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


def test_schema_validates_as_openapi_3(api):
    response = api.get("/api/schema/?format=json")

    validate(response.json())


def test_schema_documents_every_endpoint_and_its_errors(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]

    assert sorted(path for path in paths if path.count("/") == 4) == [
        "/api/v1/dialogue-roles/",
        "/api/v1/dialogues/",
        "/api/v1/events/",
        "/api/v1/organisations/",
        "/api/v1/people/",
        "/api/v1/phases/",
        "/api/v1/programmes/",
        "/api/v1/projects/",
        "/api/v1/publications/",
        "/api/v1/search/",
        "/api/v1/sessions/",
        "/api/v1/topics/",
        "/api/v1/working-groups/",
    ]
    assert sorted(paths["/api/v1/events/{slug}/"]["patch"]["responses"]) == sorted(
        ["200", "400", "401", "403", "404", "405", "406", "409", "412", "415", "429"]
    )


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
    factories.DialogueRoleFactory(dialogue=dialogue)
    factories.ProjectRoleFactory()
    factories.PublicationAuthorFactory()
    factories.AffiliationFactory()
    writer = grant(factories.PartnerFactory(), Dialogue, "add", "change", "delete")
    return Token.objects.create(user=writer).key


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
        # The export takes the list's parameters but streams every match: no page.
        assert set(exported) == set(parameters) - {"cursor", "page_size"} | {"format"}
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
            assert exported == expected, (path, name, chosen)
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
