"""One formula-injection rule, for the API's CSV and the admin's exports and imports alike."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse

from config.editorial.models import Job
from config.editorial.workflow import PUBLISHERS
from config.framework.spreadsheets import neutralise, runs_as_formula, unneutralise
from tests import factories

CSV = "0"  # the admin's first export and import format

# (text, what a spreadsheet file gets)
CELLS = [
    ("=1+1", "'=1+1"),
    ("+49 30 1234", "'+49 30 1234"),
    ("-minus", "'-minus"),
    ("-1+1", "'-1+1"),
    ("@home", "'@home"),
    ("\tTab", "'\tTab"),
    ("\rReturn", "'\rReturn"),
    ("\n=1+1", "'\n=1+1"),
    ("-5", "-5"),
    ("+1", "'+1"),
    ("+3.5", "'+3.5"),
    ("-33.868800", "-33.868800"),
    ("Plain", "Plain"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "written"), CELLS)
def test_neutralise_defuses_formulas_but_not_numbers(text, written):
    assert (neutralise(text), runs_as_formula(text), unneutralise(written)) == (
        written,
        written != text,
        text,
    )


def test_neutralise_leaves_values_that_are_not_text():
    assert [neutralise(value) for value in (-5, None, True)] == [-5, None, True]


@pytest.fixture
def sydney(db):
    return factories.EventFactory(
        slug="sydney",
        name="\n=1+1",
        kind="plenary",
        venue="-5",
        city="+49 30 1234",
        latitude="-33.868800",
        longitude="151.209300",
    )


def cells(content: bytes) -> dict[str, str]:
    (row,) = csv.DictReader(io.StringIO(content.decode()))
    return {column: row[column] for column in ("name", "venue", "city", "latitude")}


EXPECTED = {"name": "'\n=1+1", "venue": "-5", "city": "'+49 30 1234", "latitude": "-33.868800"}


def test_api_csv_list_follows_the_rule(client, sydney):
    response = client.get("/api/v1/events/", {"format": "csv"})

    assert cells(response.content) == EXPECTED


def test_api_csv_export_follows_the_rule(client, sydney):
    response = client.get("/api/v1/events/export/", {"format": "csv"})

    assert cells(b"".join(response.streaming_content)) == EXPECTED


def test_admin_export_follows_the_rule_and_reimports_unchanged(client, sydney):
    client.force_login(factories.member_of(PUBLISHERS))
    exported = client.post(reverse("admin:events_event_export"), {"format": CSV, "resource": "0"})

    response = client.post(
        reverse("admin:events_event_import"),
        {"import_file": SimpleUploadedFile("events.csv", exported.content), "format": CSV},
    )

    assert cells(exported.content) == EXPECTED
    # The upload's dry-run job (run at once in tests) found the one row unchanged.
    job = Job.objects.get(pk=resolve(response.url).kwargs["object_id"])
    assert (job.state, job.new, job.changed, job.unchanged) == (Job.State.DONE, 0, 0, 1)
