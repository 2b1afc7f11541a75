"""The OpenAPI schema: valid, complete, and true to what the API answers (schemathesis)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from schemathesis import checks

from dialogues.models import Dialogue
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
