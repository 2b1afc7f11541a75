"""Reads on a replica, writes and the reads after them on the primary (``replica_1`` mirrors the test DB)."""

import os

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.db import connections, router

from config.operations.replicas import PIN_COOKIE, PrimaryReplicaRouter
from institutions.models import Organisation
from tests import factories
from tests.helpers import capture_queries, token_client
from tests.settings_probe import configured

# Committed rows, so that the replica connection (a second session) sees what the primary wrote.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])


@pytest.fixture(autouse=True)
def routed(settings):
    settings.DATABASE_ROUTERS = ["config.operations.replicas.PrimaryReplicaRouter"]
    settings.RESPONSE_CACHE_SECONDS = 0  # every request below reaches the database


def queries_per_alias(request):
    with (
        capture_queries("default") as primary,
        capture_queries("replica_1") as replica,
    ):
        response = request()
    return response, len(primary), len(replica)


def test_anonymous_read_goes_to_the_replica(api):
    factories.OrganisationFactory(slug="uba")

    response, primary, replica = queries_per_alias(lambda: api.get("/api/v1/organisations/"))

    assert (response.status_code, [row["slug"] for row in response.json()["results"]]) == (200, ["uba"])
    assert (primary, replica > 0) == (0, True)


def test_site_page_read_goes_to_the_replica(client):
    response, primary, replica = queries_per_alias(lambda: client.get("/institutions/"))

    assert (response.status_code, primary, replica > 0) == (200, 0, True)


def test_write_and_the_reads_after_it_go_to_the_primary(api):
    writer = factories.PartnerFactory()
    writer.user_permissions.add(*Permission.objects.filter(codename="add_organisation"))
    client = token_client(writer)

    created, primary, replica = queries_per_alias(
        lambda: client.post(
            "/api/v1/organisations/",
            {"slug": "dehst", "name": "German Emissions Trading Authority", "kind": "government_agency"},
            format="json",
        )
    )
    assert (created.status_code, primary > 0, replica) == (201, True, 0), created.content
    assert created.cookies[PIN_COOKIE]["max-age"] == django_settings.REPLICA_LAG_SECONDS

    # The same client, carrying the cookie, reads its write from the primary.
    follow_up, primary, replica = queries_per_alias(lambda: client.get("/api/v1/organisations/"))
    assert (follow_up.status_code, primary > 0, replica) == (200, True, 0)

    # Another client reads from the replica.
    other, primary, replica = queries_per_alias(lambda: api.get("/api/v1/organisations/"))
    assert (other.status_code, primary, replica > 0) == (200, 0, True)


def test_export_streams_from_the_replica(api):
    factories.OrganisationFactory(slug="uba")
    factories.OrganisationFactory(slug="dehst")

    def export():
        response = api.get("/api/v1/organisations/export/")
        return response.status_code, b"".join(response.streaming_content).count(b"\n")

    exported, primary, replica = queries_per_alias(export)

    assert (exported, primary, replica > 0) == ((200, 2), 0, True)


def test_a_read_that_changes_nothing_sets_no_cookie(api):
    response = api.get("/api/v1/organisations/")

    assert PIN_COOKIE not in response.cookies


def test_unsafe_request_reads_on_the_primary_even_when_it_fails():
    response, primary, replica = queries_per_alias(
        lambda: token_client(factories.PartnerFactory()).post("/api/v1/organisations/", {}, format="json")
    )

    assert (response.status_code, primary > 0, replica) == (403, True, 0)
    assert PIN_COOKIE not in response.cookies


def test_outside_a_request_everything_uses_the_primary():
    assert router.db_for_read(Organisation) == "default"
    assert router.db_for_write(Organisation) == "default"
    assert Organisation.objects.all().db == "default"


def test_migrations_run_only_on_the_primary():
    decisions = {alias: PrimaryReplicaRouter().allow_migrate(alias, "institutions") for alias in connections}

    assert decisions == {"default": True, "replica_1": False}


def test_replica_urls_become_mirrored_aliases_and_turn_routing_on():
    environment = {
        **os.environ,
        "DATABASE_URL": "postgres://atlas@primary.internal:5432/atlas",
        "DATABASE_REPLICA_URLS": "postgres://atlas@replica-a.internal/atlas, postgres://atlas@replica-b.internal/atlas",
    }

    shown = configured(
        environment,
        aliases="sorted(settings.DATABASES)",
        routers="settings.DATABASE_ROUTERS",
        host="settings.DATABASES['replica_2']['HOST']",
        mirror="settings.DATABASES['replica_2']['TEST']['MIRROR']",
    )

    assert shown == {
        "aliases": ["default", "replica_1", "replica_2"],
        "routers": ["config.operations.replicas.PrimaryReplicaRouter"],
        "host": "replica-b.internal",
        "mirror": "default",
    }
