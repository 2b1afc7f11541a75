"""Imports and exports (config/editorial/imports.py), the machinery every app's resources build on.

Importing events, organisations, people, projects and publications through their resources: exact
values, all rows or none, errors naming row and column, history, the workflow's permissions; then the
admin's import (a dry-run job, confirmed; the size limit) and export (filtered, formulas escaped,
re-importable). The jobs themselves, the worker and the other limits: test_jobs.py.
"""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from config.api.models import FeedEntry
from config.editorial import imports, workflow
from config.editorial.models import Job
from config.framework.fields import DESCRIPTION_LENGTH, MAX_ALIASES
from config.framework.visibility import Status
from config.operations.cache import generation as cache_generation
from dialogues.resources import PublicationResource
from events.models import Event
from events.resources import EventResource
from institutions.models import Organisation, Person
from institutions.resources import OrganisationResource, PersonResource
from projects.models import Project
from projects.resources import ProjectResource
from tests import factories
from tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


def dataset(rows):
    return tablib.Dataset().load(csv_bytes(rows).decode(), format="csv")


def run(resource_class, rows, user, dry_run=False, name="file.csv"):
    return resource_class().import_data(
        dataset(rows), dry_run=dry_run, user=user, file_name=name, rollback_on_validation_errors=True
    )


def errors(result):
    """Every problem of a result: (row number, column, message)."""
    found = [(None, None, str(error.error)) for error in result.base_errors]
    for row in result.invalid_rows:
        for column, messages in row.error_dict.items():
            found += [(row.number, column, str(message)) for message in messages]
    for number, row_errors in result.row_errors():
        found += [(number, None, str(error.error)) for error in row_errors]
    return found


def event_row(**values):
    row = dict.fromkeys(EventResource.columns(), "")
    row.update(kind="plenary", status="draft", visibility="public")
    row.update(values)
    return row


@pytest.fixture
def related():
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D", name="Sino-German Track II Dialogue")
    return {
        "t2d": t2d,
        "wg": factories.WorkingGroupFactory(
            slug="t2d-wg-2", dialogue=t2d, number=2, name="Emissions trading"
        ),
        "clct": factories.ProjectFactory(slug="clct", acronym="CLCT", title="Low Carbon Transport"),
        "ndc": factories.ProjectFactory(slug="ndc-implementation", title="NDC Implementation"),
        "markets": factories.TopicFactory(slug="carbon-markets", name="Carbon markets"),
        "cop29": factories.EventFactory(slug="cop29", name="COP29"),
    }


def test_events_are_created_with_exact_values(publisher, related):
    rows = [
        event_row(
            slug="t2d-8th-plenary",
            name="8th Plenary",
            name_de="8. Plenum",
            name_zh_hans="第八次全体会议",
            start="2024-08-28",
            end="2024-08-29",
            dialogue="t2d",
            working_group="Emissions trading",
            projects="CLCT; NDC Implementation",
            topics="carbon markets",
            country="de",
            city="Berlin",
            latitude="52.52",
            longitude="13.405",
            number="8",
            status="published",
        ),
        event_row(
            slug="t2d-9th-plenary", name="9th Plenary", start="2026-11", dialogue="T2D", parent="COP29"
        ),
        event_row(
            slug="t2d-launch",
            name="Launch",
            kind="Launch",
            start="2010",
            dialogue="Sino-German Track II Dialogue",
        ),
    ]

    result = run(EventResource, rows, publisher)

    assert errors(result) == []
    assert result.totals["new"] == 3
    t2d = related["t2d"].pk
    values = (
        Event.objects.filter(slug__startswith="t2d-")
        .order_by("slug")
        .values_list(
            "slug",
            "name_en",
            "name_de",
            "name_zh_hans",
            "start_date",
            "start_precision",
            "end_date",
            "dialogue",
        )
    )
    assert list(values) == [
        ("t2d-8th-plenary", "8th Plenary", "8. Plenum", "第八次全体会议", datetime.date(2024, 8, 28), "day",
         datetime.date(2024, 8, 29), t2d),
        ("t2d-9th-plenary", "9th Plenary", "", "", datetime.date(2026, 11, 1), "month", None, t2d),
        ("t2d-launch", "Launch", "", "", datetime.date(2010, 1, 1), "year", None, t2d),
    ]  # fmt: skip
    rows = Event.objects.filter(slug__startswith="t2d-").order_by("slug")
    plenary = rows[0]
    assert (plenary.working_group, plenary.country, plenary.number, plenary.status) == (
        related["wg"],
        "DE",
        8,
        Status.PUBLISHED,
    )
    assert (plenary.latitude, plenary.longitude) == (Decimal("52.52"), Decimal("13.405"))
    assert sorted(plenary.projects.values_list("slug", flat=True)) == ["clct", "ndc-implementation"]
    assert list(plenary.topics.values_list("slug", flat=True)) == ["carbon-markets"]
    assert rows[1].parent == related["cop29"]
    assert rows[2].kind == "launch"


def test_one_bad_row_writes_nothing_and_names_row_and_column(publisher, related):
    rows = [
        event_row(slug="good-one", name="Good", start="2024-05"),
        event_row(slug="bad-one", name="Bad", start="2024-13", dialogue="Nobody knows"),
        event_row(slug="good-two", name="Good too", country="Atlantis"),
    ]

    result = run(EventResource, rows, publisher)

    assert errors(result) == [
        (3, "start", "“2024-13” is not a date: there is no month 13."),
        (3, "dialogue", "No dialogue is called “Nobody knows” (by slug, acronym or name)."),
        (4, "country", "“Atlantis” is not a country: use an ISO 3166 code such as DE, or EU."),
    ]
    assert Event.objects.filter(slug__in=["good-one", "bad-one", "good-two"]).count() == 0


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-08", "", (datetime.date(2024, 8, 1), "month", None, "day")),
        (
            "August 2024",
            "Oktober 2024",
            (datetime.date(2024, 8, 1), "month", datetime.date(2024, 10, 1), "month"),
        ),
        (
            "2024年8月28日",
            "30. August 2024",
            (datetime.date(2024, 8, 28), "day", datetime.date(2024, 8, 30), "day"),
        ),
        ("28.08.2024", "2025", (datetime.date(2024, 8, 28), "day", datetime.date(2025, 1, 1), "year")),
    ],
)
def test_dates_are_read_as_people_write_them_at_their_precision(publisher, start, end, expected):
    result = run(EventResource, [event_row(slug="dated", name="Dated", start=start, end=end)], publisher)

    assert errors(result) == []
    event = Event.objects.get(slug="dated")
    assert (event.start_date, event.start_precision, event.end_date, event.end_precision) == expected


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (
            "10/01/2025",
            "“10/01/2025” could be 1 October 2025 or 10 January 2025: "
            "write 2025-10-01 or 1 October 2025, or 2025-01-10 or 10 January 2025.",
        ),
        ("31 February 2025", "“31 February 2025” is not a date: February 2025 has no day 31."),
        ("28–29 August 2024", "“28–29 August 2024” is a period: only one date goes here."),
    ],
)
def test_ambiguous_and_impossible_dates_are_refused_with_what_to_write(publisher, start, message):
    result = run(EventResource, [event_row(slug="dated", name="Dated", start=start)], publisher)

    assert errors(result) == [(2, "start", message)]
    assert not Event.objects.filter(slug="dated").exists()


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"participant_count": "many"}, "participant_count", "“many” is not a whole number."),
        ({"participant_count": "12.5"}, "participant_count", "“12.5” is not a whole number."),
        ({"participant_count": "1e999999"}, "participant_count", "“1e999999” is not a whole number."),
        ({"latitude": "north", "longitude": "13.4"}, "latitude", "“north” is not a number."),
        ({"latitude": "NaN", "longitude": "13.4"}, "latitude", "“NaN” is not a number."),
    ],
)
def test_a_number_that_is_not_one_is_an_error_naming_the_column(publisher, values, column, message):
    result = run(EventResource, [event_row(slug="counted", name="Counted", **values)], publisher)

    assert errors(result) == [(2, column, message)]
    assert not Event.objects.filter(slug="counted").exists()


def test_a_budget_that_is_not_a_number_is_an_error_naming_the_column(publisher):
    rows = [{"slug": "budgeted", "title": "Budgeted", "budget": "lots", "currency": "EUR"}]

    result = run(ProjectResource, rows, publisher)

    assert errors(result) == [(2, "budget", "“lots” is not a number.")]
    assert not Project.objects.filter(slug="budgeted").exists()


def test_an_ambiguous_reference_is_an_error_naming_the_value(publisher):
    factories.OrganisationFactory(slug="uba", acronym="UBA", name="Umweltbundesamt")
    factories.OrganisationFactory(slug="uba-2", acronym="UBA", name="Another UBA")
    rows = [{"slug": "dehst", "name": "German Emissions Trading Authority", "parent": "UBA"}]

    result = run(OrganisationResource, rows, publisher)

    assert errors(result) == [(2, "parent", "“UBA” names several organisations (uba, uba-2): use the slug.")]
    assert not Organisation.objects.filter(slug="dehst").exists()


def test_reimporting_the_same_file_changes_nothing(publisher, related):
    rows = [
        event_row(slug="e1", name="One", start="2024-08", topics="carbon-markets", projects="clct",
                  latitude="1.5", longitude="2"),
        event_row(slug="e2", name="Two", name_de="Zwei", start="2010", end="2012"),
    ]  # fmt: skip
    run(EventResource, rows, publisher)
    before = list(Event.history.order_by("history_id").values_list("history_id", flat=True))

    result = run(EventResource, rows, publisher)

    assert errors(result) == []
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (0, 0, 2)
    assert list(Event.history.order_by("history_id").values_list("history_id", flat=True)) == before


def test_each_written_row_has_one_history_entry_with_user_and_reason(publisher):
    factories.PersonFactory(slug="ma-aimin", family_name="Ma", given_name="Aimin", status="draft")
    rows = [
        {"slug": "ma-aimin", "honorific": "Dr", "given_name": "Aimin", "family_name": "Ma",
         "name_order": "family_first", "native_name": "马爱民", "status": "draft"},
        {"slug": "j-landgrebe", "honorific": "Dr", "given_name": "Jürgen", "family_name": "Landgrebe",
         "name_order": "", "native_name": "", "status": "review"},
    ]  # fmt: skip

    result = run(PersonResource, rows, publisher, name="people.csv")

    assert errors(result) == []
    assert (result.totals["new"], result.totals["update"]) == (1, 1)
    entries = Person.history.filter(history_change_reason="Imported from people.csv").order_by("slug")
    assert [(e.slug, e.history_type, e.history_user) for e in entries] == [
        ("j-landgrebe", "+", publisher),
        ("ma-aimin", "~", publisher),
    ]
    person = Person.objects.get(slug="ma-aimin")
    assert (person.honorific, person.native_name, person.name_order, str(person)) == (
        "Dr",
        "马爱民",
        "family_first",
        "Ma Aimin",
    )
    assert Person.objects.get(slug="j-landgrebe").name_order == "given_first"


def test_an_editor_may_not_import_a_published_row_a_publisher_may(editor, publisher):
    rows = [
        {"slug": "draft-org", "name": "Draft organisation", "status": "draft"},
        {"slug": "public-org", "name": "Published organisation", "status": "published"},
    ]

    refused = run(OrganisationResource, rows, editor)

    assert errors(refused) == [
        (
            3,
            "status",
            "Only publishers may publish this organisation; submit it for review instead.",
        )
    ]
    assert Organisation.objects.filter(slug__in=["draft-org", "public-org"]).count() == 0

    accepted = run(OrganisationResource, rows, publisher)

    assert errors(accepted) == []
    assert sorted(
        Organisation.objects.filter(slug__in=["draft-org", "public-org"]).values_list("slug", "status")
    ) == [
        ("draft-org", "draft"),
        ("public-org", "published"),
    ]


def test_an_editor_may_not_change_a_published_record(editor):
    factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", status="published")

    result = run(
        OrganisationResource, [{"slug": "uba", "name": "UBA renamed", "status": "published"}], editor
    )

    assert errors(result) == [
        (
            2,
            "status",
            "Only publishers may change this organisation while it is published.",
        )
    ]
    assert Organisation.objects.get(slug="uba").name == "Umweltbundesamt"


def test_missing_and_unknown_columns_refuse_the_file(publisher):
    result = run(EventResource, [{"slug": "x", "nmae": "Typo", "kind": "plenary"}], publisher)

    assert errors(result)[0] == (
        None,
        None,
        "Missing columns: name. Unknown columns: nmae. The columns are: "
        + ", ".join(EventResource.columns())
        + ".",
    )
    assert not Event.objects.filter(slug="x").exists()


def test_formulas_are_refused_and_escaped_cells_restored(publisher):
    rows = [
        {"slug": "f1", "name": '=HYPERLINK("http://evil")', "kind": "plenary"},
        {"slug": "f2", "name": "'-minus sign first", "kind": "plenary"},
    ]

    result = run(EventResource, rows, publisher)

    assert errors(result) == [
        (2, "name", '“=HYPERLINK("http://evil")” is a spreadsheet formula; formulas are not imported.')
    ]
    assert run(EventResource, rows[1:], publisher).totals["new"] == 1
    assert Event.objects.get(slug="f2").name_en == "-minus sign first"


def test_projects_and_publications_with_relations(publisher):
    factories.ProgrammeFactory(slug="iki", acronym="IKI", name="International Climate Initiative")
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D")
    factories.TopicFactory(slug="transport", name="Transport")
    projects = [
        {
            "slug": "clct",
            "title": "Low Carbon Transport",
            "title_de": "Klimafreundlicher Verkehr",
            "programme": "IKI",
            "countries": "CN; de",
            "topics": "Transport",
            "dialogues": "t2d",
            "start": "2016-04",
            "end": "2024",
            "budget": "4500000",
            "currency": "EUR",
            "status": "draft",
        }
    ]
    publications = [{"slug": "t2d-paper", "title": "Policy paper", "kind": "policy paper", "date": "2023-06",
                     "dialogue": "T2D", "topics": "transport", "status": "draft"}]  # fmt: skip

    assert errors(run(ProjectResource, projects, publisher)) == []
    assert errors(run(PublicationResource, publications, publisher)) == []

    project = Project.objects.get(slug="clct")
    assert (project.title_de, project.programme.slug, project.countries, project.budget) == (
        "Klimafreundlicher Verkehr",
        "iki",
        ["CN", "DE"],
        Decimal("4500000"),
    )
    assert (project.start_date, project.start_precision, project.end_date, project.end_precision) == (
        datetime.date(2016, 4, 1),
        "month",
        datetime.date(2024, 1, 1),
        "year",
    )
    assert list(project.dialogues.all()) == [t2d]
    publication = t2d.publications.get()
    assert (publication.kind, publication.date, publication.date_precision) == (
        "policy_paper",
        datetime.date(2023, 6, 1),
        "month",
    )
    assert list(publication.topics.values_list("slug", flat=True)) == ["transport"]


# The admin's import and export ---------------------------------------------------------------------

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


def test_a_text_or_a_list_over_its_limit_is_a_row_error_naming_the_column(publisher):
    rows = [{**row, "description_de": "", "aliases": "", "parent": ""} for row in org_rows()]
    rows[0]["description_de"] = "x" * (DESCRIPTION_LENGTH + 1)
    rows[1]["aliases"] = ";".join(f"Name {number}" for number in range(MAX_ALIASES + 1))

    result = run(OrganisationResource, rows, publisher)

    assert errors(result) == [
        (2, "description_de", "Ensure this value has at most 10000 characters (it has 10001)."),
        (3, "aliases", "List contains 21 items, it should contain no more than 20."),
    ]
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0


def upload(client, url, content, name, file_format=CSV):
    """The upload of a file to import; the dry-run job it starts has run (tests run jobs at once)."""
    return client.post(url, {"import_file": SimpleUploadedFile(name, content), "format": file_format})


def job_of(response) -> Job:
    """The job an upload or a confirm redirected to."""
    assert response.status_code == 302, response.content
    match = resolve(response.url)
    assert match.url_name == "editorial_job_change"
    return Job.objects.get(pk=match.kwargs["object_id"])


def test_admin_dry_run_reports_the_bad_row_and_column_and_writes_nothing(client, publisher):
    rows = org_rows()
    rows[1]["country"] = "Atlantis"
    client.force_login(publisher)

    response = upload(client, reverse("admin:institutions_organisation_import"), csv_bytes(rows), "orgs.csv")

    job = job_of(response)
    message = "“Atlantis” is not a country: use an ISO 3166 code such as DE, or EU."
    assert (job.kind, job.state, job.errors) == (
        Job.Kind.DRY_RUN,
        Job.State.FAILED,
        [{"row": 3, "column": "country", "message": message}],
    )
    page = client.get(response.url)
    assert message in page.content.decode()
    assert not page.context["may_confirm"]
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0


def test_admin_dry_run_then_confirm_imports(client, publisher):
    client.force_login(publisher)
    response = upload(
        client, reverse("admin:institutions_organisation_import"), csv_bytes(org_rows()), "orgs.csv"
    )
    dry_run = job_of(response)
    assert (dry_run.state, dry_run.new, dry_run.changed, dry_run.unchanged) == (Job.State.DONE, 2, 0, 0)
    assert Organisation.objects.filter(slug__in=["uba", "dehst"]).count() == 0
    assert client.get(response.url).context["may_confirm"]

    response = client.post(reverse("admin:editorial_job_confirm", args=[dry_run.pk]))

    assert job_of(response).state == Job.State.DONE
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

    job = job_of(response)
    assert (job.state, job.errors, job.new, job.changed, job.unchanged) == (Job.State.DONE, [], 0, 0, 1)
    assert event.history.count() == history


def test_exports_keep_numbers_as_numbers(client, publisher):
    factories.EventFactory(
        slug="numbers", name="Numbers", latitude=Decimal("-33.868800"), longitude=Decimal("151.209300"),
        number=12, participant_count=1234, start_date=datetime.date(2019, 1, 1), start_precision="year",
    )  # fmt: skip
    client.force_login(publisher)
    columns = EventResource.columns()
    at = {
        name: columns.index(name)
        for name in ("number", "latitude", "longitude", "participant_count", "start")
    }

    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "?q=numbers", XLSX).content)).active
    row = next(sheet.iter_rows(min_row=2, values_only=True))
    cells = {name: row[index] for name, index in at.items()}
    assert cells == {
        "number": 12,
        "latitude": -33.8688,
        "longitude": 151.2093,
        "participant_count": 1234,
        "start": 2019,
    }
    types = {name: sheet.cell(row=2, column=index + 1).data_type for name, index in at.items()}
    assert types == dict.fromkeys(at, "n")  # numeric cells, not text

    lines = export(client, "?q=numbers", CSV).content.decode().splitlines()
    values = lines[1].split(",")
    assert {name: values[index] for name, index in at.items()} == {
        "number": "12",
        "latitude": "-33.868800",
        "longitude": "151.209300",
        "participant_count": "1234",
        "start": "2019",
    }


def test_a_project_budget_is_a_number_and_round_trips(client, publisher):
    factories.ProjectFactory(slug="budgeted", title="Budgeted", budget=Decimal("2500000.50"), currency="EUR")
    client.force_login(publisher)
    url = reverse("admin:projects_project_export") + "?q=budgeted"
    budget = ProjectResource.columns().index("budget")

    workbook = client.post(url, {"format": XLSX, "resource": "0"}).content
    row = next(openpyxl.load_workbook(io.BytesIO(workbook)).active.iter_rows(min_row=2, values_only=True))
    text = client.post(url, {"format": CSV, "resource": "0"}).content

    assert row[budget] == 2500000.5
    assert text.decode().splitlines()[1].split(",")[budget] == "2500000.50"
    for content, name, file_format in ((workbook, "p.xlsx", XLSX), (text, "p.csv", CSV)):
        job = job_of(upload(client, reverse("admin:projects_project_import"), content, name, file_format))
        assert (job.state, job.errors, job.changed, job.unchanged) == (Job.State.DONE, [], 0, 1)


# Batches: what an import writes in a few queries ---------------------------------------------------


def import_queries(rows, user) -> int:
    with CaptureQueriesContext(connection) as queries:
        result = run(EventResource, rows, user)
    assert errors(result) == []
    return len(queries)


def batch_rows(prefix, count, name="Event"):
    return [
        event_row(slug=f"{prefix}-{n}", name=f"{name} {n}", start="2024-08", dialogue="T2D",
                  topics="carbon markets", projects="clct; NDC Implementation", city="Bonn")
        for n in range(count)
    ]  # fmt: skip


def test_the_queries_of_an_import_do_not_grow_with_its_rows(publisher, related):
    run(EventResource, batch_rows("warm", 1), publisher)  # the user's permissions, read once

    new_few, new_many = (
        import_queries(batch_rows("few", 5), publisher),
        import_queries(batch_rows("many", 50), publisher),
    )
    changed_few = import_queries(batch_rows("few", 5, name="Renamed"), publisher)
    changed_many = import_queries(batch_rows("many", 50, name="Renamed"), publisher)

    assert new_many <= new_few + 3
    assert changed_many <= changed_few + 3
    assert Event.objects.filter(slug__startswith="many-", name__startswith="Renamed").count() == 50
    assert Event.objects.get(slug="many-49").topics.get() == related["markets"]


def test_a_batch_keeps_the_history_entry_of_every_written_row(publisher, related, monkeypatch):
    monkeypatch.setattr(imports, "BATCH_ROWS", 3)  # several batches, and stored records read in parts
    run(EventResource, batch_rows("e", 8), publisher, name="first.csv")
    rows = batch_rows("e", 8)
    for n in (1, 4, 7):
        rows[n]["name"] = f"Changed {n}"
    rows.append(event_row(slug="e-new", name="New", status="review"))

    result = run(EventResource, rows, publisher, name="second.csv")

    assert errors(result) == []
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (1, 3, 5)
    entries = Event.history.filter(history_change_reason="Imported from second.csv").order_by("slug")
    assert [(e.slug, e.name, e.history_type, e.history_user) for e in entries] == [
        ("e-1", "Changed 1", "~", publisher),
        ("e-4", "Changed 4", "~", publisher),
        ("e-7", "Changed 7", "~", publisher),
        ("e-new", "New", "+", publisher),
    ]
    assert Event.history.filter(history_change_reason="Imported from first.csv").count() == 8
    event = Event.objects.get(slug="e-4")
    assert (event.name, event.start.iso, event.dialogue, set(event.projects.all())) == (
        "Changed 4", "2024-08", related["t2d"], {related["clct"], related["ndc"]},
    )  # fmt: skip


def test_a_record_named_again_in_a_later_block_gets_both_rows_in_file_order(publisher, related, monkeypatch):
    monkeypatch.setattr(imports, "BATCH_ROWS", 3)
    run(EventResource, batch_rows("e", 6), publisher, name="first.csv")
    rows = batch_rows("e", 6)
    rows[0]["name"] = "First"
    rows.append({**batch_rows("e", 1)[0], "name": "Second"})  # e-0 again, two blocks later

    result = run(EventResource, rows, publisher, name="second.csv")

    assert errors(result) == []
    assert Event.objects.get(slug="e-0").name == "Second"
    entries = Event.history.filter(slug="e-0", history_change_reason="Imported from second.csv")
    assert sorted(entry.name for entry in entries) == ["First", "Second"]


def test_a_row_may_name_a_record_an_earlier_row_of_the_file_creates(publisher):
    rows = [
        event_row(slug="summit", name="Summit"),
        event_row(slug="side", name="Side event", parent="summit"),
    ]

    result = run(EventResource, rows, publisher)

    assert errors(result) == []
    assert Event.objects.get(slug="side").parent == Event.objects.get(slug="summit")


def test_a_constraint_the_database_checks_is_an_error_of_its_row(publisher, related):
    rows = [
        event_row(slug="first", name="First"),
        event_row(slug="plenary-8", name="8th", dialogue="t2d", number="8"),
        event_row(slug="first", name="First again"),
        event_row(slug="also-8", name="Also 8th", dialogue="t2d", number="8"),
    ]

    result = run(EventResource, rows, publisher)

    assert errors(result) == [
        (4, "slug", "Event with this Slug already exists."),
        (5, "__all__", "This dialogue already has an event of this kind with this number."),
    ]
    assert (result.totals["new"], result.totals["invalid"]) == (2, 2)
    assert Event.objects.filter(slug__in=["first", "plenary-8", "also-8"]).count() == 0


def test_a_large_file_keeps_its_counts_and_errors_not_every_row(publisher, monkeypatch):
    monkeypatch.setattr(imports, "DETAILED_ROWS", 4)
    monkeypatch.setattr(imports, "BATCH_ROWS", 3)
    rows = [event_row(slug=f"e-{n}", name=f"Event {n}") for n in range(10)]
    rows[8]["kind"] = "banquet"

    result = run(EventResource, rows, publisher)

    assert errors(result) == [(10, "kind", next(message for _n, column, message in errors(result) if column))]
    assert "banquet" in errors(result)[0][2]
    assert (result.totals["new"], result.totals["invalid"]) == (9, 1)
    assert len(result.rows) == 5  # the first four, and the row with the error
    assert all(row.diff is None for row in result.rows)
    assert Event.objects.filter(slug__startswith="e-").count() == 0


def test_an_import_enters_in_the_changes_feed_what_saving_each_row_would(publisher, related):
    """The same changes, imported in a batch and saved one record at a time through the workflow
    (model signals): the feed gets the same records."""
    other = factories.TopicFactory(slug="adaptation", name="Adaptation")
    for prefix in ("a", "b"):
        for n in range(2):
            event = factories.EventFactory(
                slug=f"{prefix}-{n}",
                name=f"Event {n}",
                kind="plenary",
                status="draft",
                dialogue=related["t2d"],
            )
            event.topics.set([related["markets"]])
    FeedEntry.objects.all().delete()

    run(EventResource, [
        event_row(slug="a-0", name="Renamed", dialogue="t2d", topics="adaptation", start="2024-08-28"),
        event_row(slug="a-1", name="Event 1", topics="carbon markets", projects="clct", start="2024-08-28"),
        event_row(slug="a-2", name="New", topics="adaptation"),
    ], publisher)  # fmt: skip
    imported = set(FeedEntry.objects.values_list("kind", "object_id"))
    FeedEntry.objects.all().delete()
    b0, b1 = Event.objects.get(slug="b-0"), Event.objects.get(slug="b-1")
    b0.name = "Renamed"
    workflow.save_record(record=b0, by=publisher)
    b0.topics.set([other])
    b1.dialogue = None
    workflow.save_record(record=b1, by=publisher)
    b1.projects.set([related["clct"]])
    b2 = Event(slug="b-2", name="New", kind="plenary", status="draft")
    workflow.save_record(record=b2, by=publisher)
    b2.topics.set([other])
    saved = set(FeedEntry.objects.values_list("kind", "object_id"))

    a_to_b = {Event.objects.get(slug=f"a-{n}").pk: Event.objects.get(slug=f"b-{n}").pk for n in range(3)}
    assert {(kind, a_to_b.get(pk, pk) if kind == "events" else pk) for kind, pk in imported} == saved
    assert {("events", b0.pk), ("events", b1.pk), ("events", b2.pk)} <= saved


def test_an_import_drops_the_cached_pages(publisher):
    before = cache_generation()

    run(EventResource, [event_row(slug="cached", name="Cached")], publisher)

    assert cache_generation() != before


# The preview: what a dry run would change, row by row -----------------------------------------------


def xlsx_of(rows: list[dict]) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(list(rows[0]))
    for row in rows:
        book.active.append(list(row.values()))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_the_dry_run_lists_each_changed_field_old_and_new_and_warns_of_a_date_made_a_day(
    client, publisher, file_format
):
    t2d = factories.DialogueFactory(slug="t2d", acronym="T2D", name="Sino-German Track II Dialogue")
    factories.DialogueFactory(slug="sgccc", acronym="SGCCC", name="Sino-German Climate Change Centre")
    factories.EventFactory(slug="same", name="Same", kind="plenary", start_date=datetime.date(2024, 5, 1))
    factories.EventFactory(
        slug="retyped", name="Retyped", kind="plenary", country="DE", dialogue=t2d,
        start_date=datetime.date(2024, 10, 1), start_precision="month",
    )  # fmt: skip
    # The spreadsheet retyped "2024-10" as a day; in a workbook that is a date cell.
    retyped_start = "2024-10-01" if file_format == CSV else datetime.datetime(2024, 10, 1)
    columns = ("slug", "name", "kind", "country", "dialogue", "start")
    rows = [
        dict(zip(columns, ("same", "Same", "plenary", "", "", "2024-05-28"), strict=True)),
        dict(
            zip(
                columns,
                ("retyped", "Retyped again", "Plenary", "France", "SGCCC", retyped_start),
                strict=True,
            )
        ),
        dict(zip(columns, ("brand-new", "Brand new", "workshop", "", "", ""), strict=True)),
    ]
    content, name = (csv_bytes(rows), "events.csv") if file_format == CSV else (xlsx_of(rows), "events.xlsx")
    client.force_login(publisher)

    response = upload(client, reverse("admin:events_event_import"), content, name, file_format)

    job = job_of(response)
    assert (job.state, job.new, job.changed, job.unchanged) == (Job.State.DONE, 1, 2, 0)
    warning = "Start: October 2024 would become 1 October 2024 — write 2024-10 to keep the month"
    assert job.changes == [
        {
            "row": 2,
            "record": "Same",
            "id": Event.objects.get(slug="same").pk,
            "changes": [{"column": "start", "field": "Start", "old": "1 May 2024", "new": "28 May 2024"}],
            "warnings": [],
        },
        {
            "row": 3,
            "record": "Retyped again",
            "id": Event.objects.get(slug="retyped").pk,
            "changes": [
                {"column": "name", "field": "Name", "old": "Retyped", "new": "Retyped again"},
                {"column": "start", "field": "Start", "old": "October 2024", "new": "1 October 2024"},
                {"column": "country", "field": "Country", "old": "Germany", "new": "France"},
                {
                    "column": "dialogue",
                    "field": "Dialogue",
                    "old": str(t2d),
                    "new": "Sino-German Climate Change Centre (SGCCC)",
                },
            ],
            "warnings": [warning],
        },
    ]
    page = client.get(response.url).content.decode()
    assert "What the import would change" in page
    assert warning in page
    assert "Retyped again" in page and "Germany" in page and "France" in page
    assert reverse("admin:events_event_change", args=[Event.objects.get(slug="retyped").pk]) in page
    assert Event.objects.get(slug="retyped").name == "Retyped"  # a dry run writes nothing


def test_a_warning_without_a_hint_when_the_new_date_leaves_the_stored_period(publisher):
    factories.EventFactory(
        slug="moved", kind="plenary", start_date=datetime.date(2024, 1, 1), start_precision="year"
    )

    result = run(
        EventResource, [{"slug": "moved", "name": "Moved", "kind": "plenary", "start": "2025-03"}], publisher
    )

    assert [row.warnings for row in result.rows] == [["Start: 2024 would become March 2025"]]
    assert [row.number for row in result.rows] == [2]


def test_the_command_prints_warnings_and_with_v2_the_changes(publisher, tmp_path):
    factories.EventFactory(
        slug="retyped",
        name="Retyped",
        kind="plenary",
        start_date=datetime.date(2024, 10, 1),
        start_precision="month",
    )
    path = tmp_path / "events.csv"
    path.write_bytes(
        csv_bytes([{"slug": "retyped", "name": "Retyped", "kind": "plenary", "start": "2024-10-01"}])
    )
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "import_records", "events", str(path), user=publisher.username, dry_run=True, verbosity=2, stdout=out,
        stderr=err,
    )  # fmt: skip

    assert (
        "Row 2: warning: Start: October 2024 would become 1 October 2024 — write 2024-10 to keep the month"
        in (err.getvalue())
    )
    assert "Row 2: update Retyped\n  Start: October 2024 → 1 October 2024\n" in out.getvalue()
