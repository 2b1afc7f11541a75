"""``import_records``: importing a file as a user, all rows or none, over real files."""

import io

import pytest
from django.core.management import CommandError, call_command

from institutions.models import Organisation
from tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


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
        "Row 3, kind: “spaceship” is not one of: ministry, government_agency, research_institute, "
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
