"""The import command and the admin's import and export, over real files and real HTTP."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.resources import EventResource
from institutions.models import Organisation
from tests import factories
from tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the admin's format choices, in config.editorial.imports.FORMATS order


def org_rows():
    return [
        {
            "slug": "uba",
            "name": "Umweltbundesamt",
            "name_de": "Umweltbundesamt",
            "acronym": "UBA",
            "kind": "government agency",
            "country": "DE",
            "parent": "",
        },
        {
            "slug": "dehst",
            "name": "German Emissions Trading Authority",
            "name_de": "",
            "acronym": "DEHSt",
            "kind": "government_agency",
            "country": "de",
            "parent": "UBA",
        },
    ]


def test_command_imports_a_file_as_the_user(tmp_path, publisher):
    path = tmp_path / "organisations.csv"
    path.write_bytes(csv_bytes(org_rows()))
    out = io.StringIO()

    call_command(
        "import_records",
        "organisations",
        str(path),
        user=publisher.username,
        stdout=out,
        stderr=io.StringIO(),
    )

    assert out.getvalue() == "Imported: 2 new, 0 changed, 0 unchanged.\n"
    dehst = Organisation.objects.get(slug="dehst")
    assert (dehst.parent.slug, dehst.country, dehst.kind) == ("uba", "DE", "government_agency")
    assert [(h.history_user, h.history_change_reason) for h in dehst.history.all()] == [
        (publisher, "Imported from organisations.csv")
    ]

    call_command(
        "import_records",
        "organisations",
        str(path),
        user=publisher.username,
        stdout=out,
        stderr=io.StringIO(),
    )

    assert out.getvalue().splitlines()[-1] == "Imported: 0 new, 0 changed, 2 unchanged."
    assert dehst.history.count() == 1


def test_command_with_a_bad_row_writes_nothing_and_reports_it(tmp_path, publisher):
    rows = org_rows()
    rows[1]["kind"] = "spaceship"
    path = tmp_path / "organisations.csv"
    path.write_bytes(csv_bytes(rows))
    err = io.StringIO()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_records",
            "organisations",
            str(path),
            user=publisher.username,
            stdout=io.StringIO(),
            stderr=err,
        )

    assert [line for line in err.getvalue().splitlines() if line.startswith("Row")] == [
        "Row 2, kind: “spaceship” is not one of: ministry, government_agency, research_institute, "
        "university, foundation, ngo, implementing_agency, international_organisation, "
        "subnational_government, company, other."
    ]
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0


def test_command_dry_run_writes_nothing(tmp_path, publisher):
    path = tmp_path / "organisations.csv"
    path.write_bytes(csv_bytes(org_rows()))
    out = io.StringIO()

    call_command(
        "import_records",
        "organisations",
        str(path),
        user=publisher.username,
        dry_run=True,
        stdout=out,
        stderr=io.StringIO(),
    )

    assert out.getvalue() == "Dry run, nothing written: 2 new, 0 changed, 0 unchanged.\n"
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0


@pytest.mark.parametrize(
    ("content", "name", "user", "message"),
    [
        (
            "slug,name\r\nx,Caf\xe9\r\n".encode("latin-1"),
            "o.csv",
            "publisher",
            "o.csv: The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.",
        ),
        (
            b"%PDF-1.7 not a workbook",
            "o.xlsx",
            "publisher",
            "o.xlsx: The file is not an XLSX workbook. Save it as “Excel Workbook (.xlsx)”.",
        ),
        (b"slug,name\r\n", "o.pdf", "publisher", "o.pdf: choose a .csv or .xlsx file."),
        (b"slug,name\r\n", "o.csv", "nobody", "No active user “nobody”."),
        (
            b"slug,name\r\n",
            "o.csv",
            "viewer",
            "viewer may not import organisations: it needs the add and change permissions.",
        ),
    ],
)
def test_command_refuses_bad_files_and_users(tmp_path, publisher, viewer, content, name, user, message):
    path = tmp_path / name
    path.write_bytes(content)
    username = publisher.username if user == "publisher" else user

    with pytest.raises(CommandError) as error:
        call_command(
            "import_records",
            "organisations",
            str(path),
            user=username,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )

    assert str(error.value) == message


def test_command_needs_a_user(tmp_path):
    with pytest.raises(CommandError, match="--user"):
        call_command("import_records", "organisations", str(tmp_path / "x.csv"))


# The admin ---------------------------------------------------------------------------------------


def upload(client, url, content, name, file_format=CSV):
    return client.post(url, {"import_file": SimpleUploadedFile(name, content), "format": file_format})


def test_admin_dry_run_reports_the_bad_row_and_column_and_writes_nothing(client, publisher):
    rows = org_rows()
    rows[1]["country"] = "Atlantis"
    client.force_login(publisher)

    response = upload(client, reverse("admin:institutions_organisation_import"), csv_bytes(rows), "orgs.csv")

    assert response.status_code == 200
    result = response.context["result"]
    assert [(row.number, row.error_dict) for row in result.invalid_rows] == [
        (2, {"country": ["“Atlantis” is not a country: use an ISO 3166 code such as DE, or EU."]})
    ]
    assert "confirm_form" not in response.context
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0


def test_admin_dry_run_then_confirm_imports(client, publisher):
    client.force_login(publisher)
    response = upload(
        client, reverse("admin:institutions_organisation_import"), csv_bytes(org_rows()), "orgs.csv"
    )
    assert [row.import_type for row in response.context["result"].rows] == ["new", "new"]
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0
    confirm = response.context["confirm_form"]

    response = client.post(reverse("admin:institutions_organisation_process_import"), confirm.initial)

    assert response.status_code == 302
    assert sorted(Organisation.objects.filter(slug__in=["uba", "dehst"]).values_list("slug", "acronym")) == [
        ("dehst", "DEHSt"),
        ("uba", "UBA"),
    ]
    assert (
        Organisation.objects.get(slug="uba").history.get().history_change_reason == "Imported from orgs.csv"
    )


def test_admin_refuses_a_file_over_the_limit(client, publisher, settings):
    settings.IMPORT_MAX_BYTES = 100
    client.force_login(publisher)

    response = upload(
        client,
        reverse("admin:institutions_organisation_import"),
        b"slug,name\r\n" + b"x,y\r\n" * 50,
        "big.csv",
    )

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "The file is 261\xa0bytes; an import takes at most 100\xa0bytes: split it into parts."
    ]


def test_admin_import_and_export_permissions(client, viewer, editor):
    client.force_login(viewer)

    assert client.get(reverse("admin:events_event_import")).status_code == 403
    assert client.get(reverse("admin:events_event_export")).status_code == 200

    client.force_login(editor)
    assert client.get(reverse("admin:events_event_import")).status_code == 200


def export(client, query, file_format):
    return client.post(reverse("admin:events_event_export") + query, {"format": file_format, "resource": "0"})


def test_export_of_a_filtered_list_has_exactly_those_rows_with_formulas_escaped(client, publisher):
    factories.EventFactory(slug="e-plenary", name="=1+1", kind="plenary", city="@home")
    factories.EventFactory(slug="e-plenary-2", name="-minus", kind="plenary", city="\tTab")
    factories.EventFactory(slug="e-workshop", name="Workshop", kind="workshop")
    client.force_login(publisher)

    response = export(client, "?kind__exact=plenary", CSV)

    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0].split(",") == EventResource.columns()
    rows = sorted((line.split(",")[0], line.split(",")[1], line.split(",")[12]) for line in lines[1:])
    assert rows == [("e-plenary", "'=1+1", "'@home"), ("e-plenary-2", "'-minus", "'\tTab")]

    response = export(client, "?kind__exact=plenary&q=minus", XLSX)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert [(row[0], row[1], row[12]) for row in values[1:]] == [("e-plenary-2", "'-minus", "'\tTab")]


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_an_exported_file_reimports_as_unchanged(client, publisher, file_format):
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D")
    topic = factories.TopicFactory(slug="markets")
    event = factories.EventFactory(
        slug="round-trip", name="=Round trip", name_de="Rundreise", dialogue=t2d, start_date="2024-08-01",
        start_precision="month", latitude="-33.5", longitude="151.25", country="AU", number=3,
    )  # fmt: skip
    event.topics.add(topic)
    client.force_login(publisher)
    content = export(client, "?q=round", file_format).content
    history = event.history.count()

    response = upload(
        client,
        reverse("admin:events_event_import"),
        content,
        "events." + ("csv" if file_format == CSV else "xlsx"),
        file_format,
    )

    result = response.context["result"]
    assert (result.has_errors(), result.has_validation_errors()) == (False, False)
    assert [row.import_type for row in result.rows] == ["skip"]
    assert event.history.count() == history
