"""What every public list offers (config/framework/views.py, downloads.py, templates/includes/):
rows that name their parts, undated records last, facets counted without their own filter and
refreshed with each htmx filter, removable chips, and downloads of exactly the filtered list."""

import csv
import datetime
import html
import io
import re

import openpyxl
import pytest

from config.framework.spreadsheets import neutralise
from config.framework.visibility import Status
from tests import factories
from tests.helpers import assert_list_queries_do_not_grow, capture_queries

pytestmark = pytest.mark.django_db

D = datetime.date


def names(response) -> list[str]:
    return [str(record) for record in response.context["object_list"]]


def counts(response, param: str) -> dict[str, int]:
    """A facet's offered values and their counts."""
    for facet, options, _ in response.context["facets"]:
        if facet.param == param:
            return {option.value: option.count for option in options}
    raise KeyError(param)


def meta_rows(text: str) -> list[str]:
    """Each row's parts, as the page writes them (the stylesheet puts the separators between)."""
    return [
        re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "|", row)))
        for row in re.findall(r'<p class="meta">(.*?)</p>', text)
    ]


# Rows --------------------------------------------------------------------------------------------


def test_an_event_row_shows_date_place_dialogue_and_kind_and_no_stray_separator(client):
    t2d = factories.DialogueFactory(slug="t2d", name="Track II Dialogue", acronym="T2D")
    factories.EventFactory(
        name="Plenary", dialogue=t2d, kind="plenary", city="Potsdam", country="DE", start_date=D(2024, 10, 1)
    )
    project = factories.ProjectFactory(title="Low Carbon Transport", acronym="CLCT")
    factories.EventFactory(name="Workshop", start_date=None, kind="workshop").projects.add(project)

    text = client.get("/events/?ordering=name").text

    assert meta_rows(text) == [
        "|1 October 2024||Potsdam, Germany|||T2D|||plenary|",
        "||CLCT|||workshop|",
    ]
    assert "·" not in "".join(re.findall(r'<ol class="cards">.*?</ol>', text, re.S))


def test_a_row_does_not_name_a_dialogue_the_visitor_may_not_see(client):
    secret = factories.DialogueFactory(slug="secret", name="Secret talks", status=Status.DRAFT)
    factories.EventFactory(name="Meeting", dialogue=secret)
    factories.PublicationFactory(title="Paper", dialogue=secret)

    assert "Secret talks" not in client.get("/events/").text
    assert "Secret talks" not in client.get("/publications/").text


def test_publications_show_their_date_newest_first_and_undated_last(client):
    factories.PublicationFactory(title="Undated")
    factories.PublicationFactory(title="Old", date=D(2020, 1, 1))
    factories.PublicationFactory(title="New", date=D(2024, 5, 1))

    response = client.get("/publications/")

    assert names(response) == ["New", "Old", "Undated"]
    assert "1 May 2024" in response.text


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("start", ["2020", "2024", "Undated"]), ("-start", ["2024", "2020", "Undated"])],
)
def test_undated_events_come_last_in_both_directions(client, ordering, expected):
    factories.EventFactory(name="Undated", start_date=None)
    factories.EventFactory(name="2020", start_date=D(2020, 1, 1))
    factories.EventFactory(name="2024", start_date=D(2024, 1, 1))

    assert names(client.get(f"/events/?ordering={ordering}")) == expected


def test_undated_records_page_stably(client, monkeypatch):
    monkeypatch.setattr("events.views.EventListView.paginate_by", 2)
    undated = {factories.EventFactory(start_date=None).name for _ in range(3)}
    dated = factories.EventFactory(start_date=D(2024, 1, 1)).name

    first, second = (names(client.get(f"/events/?page={number}")) for number in (1, 2))

    assert first[0] == dated
    assert len(first + second) == 4 and set(first[1:] + second) == undated


# Facets ------------------------------------------------------------------------------------------


@pytest.fixture
def events():
    t2d = factories.DialogueFactory(slug="t2d", name="T2D")
    india = factories.DialogueFactory(slug="india-us", name="India-US")
    factories.EventFactory(dialogue=t2d, kind="plenary", start_date=D(2024, 5, 1))
    factories.EventFactory(dialogue=t2d, kind="plenary", start_date=D(2023, 5, 1))
    factories.EventFactory(dialogue=t2d, kind="workshop", start_date=D(2024, 8, 1))
    factories.EventFactory(dialogue=india, kind="conference", start_date=D(2022, 3, 1))
    factories.EventFactory(kind="workshop", start_date=D(2021, 1, 1))


def test_values_of_one_facet_combine_and_keep_their_counts(client, events):
    response = client.get("/events/?kind=plenary&kind=conference")

    assert response.context["total"] == 3
    # The chosen facet counts without its own filter: every value still offered, with its count.
    assert counts(response, "kind") == {"plenary": 2, "conference": 1, "workshop": 2}
    # The other facets count among the list shown.
    assert counts(response, "dialogue") == {"t2d": 2, "india-us": 1}
    assert counts(response, "year") == {"2024": 1, "2023": 1, "2022": 1}


def test_facets_combine_with_and_and_no_value_leads_to_nothing(client, events):
    response = client.get("/events/?kind=workshop&dialogue=t2d")

    assert response.context["total"] == 1
    assert counts(response, "kind") == {"workshop": 1, "plenary": 2}
    assert counts(response, "dialogue") == {"t2d": 1}
    for facet, options, _ in response.context["facets"]:
        assert all(option.count > 0 for option in options), facet.param


def test_a_chosen_value_left_without_records_is_still_offered_to_untick(client, events):
    response = client.get("/events/?kind=conference&year=2024")

    assert response.context["total"] == 0
    assert counts(response, "kind")["conference"] == 0
    assert counts(response, "year")["2024"] == 0


def test_years_are_offered_newest_first(client, events):
    assert list(counts(client.get("/events/"), "year")) == ["2024", "2023", "2022", "2021"]


def test_facets_in_use_and_the_first_two_start_open(client, events):
    opened = re.findall(
        r'<details class="facet" open>\s*<summary>([^<]+)', client.get("/events/?state=held").text
    )

    assert opened == ["Dialogue", "Kind", "State"]


def test_an_htmx_filter_refreshes_the_facets_and_their_counts(client, events):
    fragment = client.get("/events/?dialogue=india-us", headers={"HX-Request": "true"}).text

    facets = re.search(r'<div id="facets" data-hx-swap-oob="true">(.*?)</div>\s*<summary', fragment, re.S)
    assert facets is not None
    assert re.findall(r'name="kind" value="(\w+)".*?class="count">(\d+)', facets.group(1)) == [
        ("conference", "1")
    ]
    assert '<summary id="filter-summary" data-hx-swap-oob="true">Filters (1)</summary>' in fragment


# Chips -------------------------------------------------------------------------------------------


def test_chips_remove_one_value_each_and_clear_all_keeps_the_order(client, events):
    text = client.get("/events/?kind=plenary&kind=workshop&dialogue=t2d&ordering=name").text

    chips = {
        f"{label} {html.unescape(value)}": html.unescape(href)
        for href, label, value in re.findall(
            r'<li><a href="([^"]+)"[^>]*><span class="visually-hidden">Remove the filter</span> '
            r'<span class="chip-name">([^<]+)</span> <span class="chip-value">([^<]+)</span>',
            text,
        )
    }
    assert chips == {
        "Kind plenary": "/events/?kind=workshop&dialogue=t2d&ordering=name",
        "Kind workshop": "/events/?kind=plenary&dialogue=t2d&ordering=name",
        "Dialogue T2D": "/events/?kind=plenary&kind=workshop&ordering=name",
    }
    assert '<a class="clear-all" href="/events/?ordering=name"' in text
    assert client.get(chips["Kind plenary"]).context["total"] == 1  # T2D's workshop
    assert client.get(chips["Dialogue T2D"]).context["total"] == 4


def test_no_chip_for_an_invalid_value(client, events):
    response = client.get("/events/?kind=plenary&kind=nonsense")

    assert response.status_code == 400
    assert [chip.value for chip in response.context["chips"]] == []
    assert 'class="chips"' not in response.text


# Downloads ---------------------------------------------------------------------------------------


def test_csv_download_holds_every_page_of_the_filtered_list_with_the_api_columns(client, monkeypatch, events):
    monkeypatch.setattr("events.views.EventListView.paginate_by", 1)
    factories.EventFactory(name="=HYPERLINK(1)", kind="plenary", start_date=None)
    api = client.get("/api/v1/events/export/?kind=plenary&format=csv")

    response = client.get("/events/?kind=plenary&download=csv&page=2")

    assert response.status_code == 200
    assert re.fullmatch(
        r'attachment; filename="events-\d{4}-\d\d-\d\d\.csv"', response["Content-Disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    api_columns = next(csv.reader(io.StringIO(b"".join(api.streaming_content).decode())))
    assert list(rows[0]) == api_columns
    listed = [
        name for number in (1, 2, 3) for name in names(client.get(f"/events/?kind=plenary&page={number}"))
    ]
    assert [row["name"] for row in rows] == [neutralise(name) for name in listed]
    assert listed[-1] == "=HYPERLINK(1)"  # undated last, as on the page
    assert rows[-1]["name"] == "'=HYPERLINK(1)"


def test_xlsx_download_matches_the_list_defuses_formulas_and_keeps_numbers(client, events):
    factories.EventFactory(name="@SUM(A1)", kind="workshop", number=3)

    response = client.get("/events/?kind=workshop&download=xlsx")
    listed = names(client.get("/events/?kind=workshop"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.values)
    by_name = [dict(zip(header, row, strict=True)) for row in rows]
    assert [row["name"].removeprefix("'") for row in by_name] == listed
    assert "'@SUM(A1)" in [row["name"] for row in by_name]
    assert all(isinstance(row["id"], int) for row in by_name)
    assert [row["number"] for row in by_name if row["name"] == "'@SUM(A1)"] == [3]


def test_a_download_leaves_out_what_the_visitor_may_not_see(client):
    factories.EventFactory(name="Public")
    factories.EventFactory(name="Draft", status=Status.DRAFT)

    text = b"".join(client.get("/events/?download=csv").streaming_content).decode()

    assert "Public" in text and "Draft" not in text


def test_a_download_above_the_limit_is_refused_with_a_message(client, settings, events):
    settings.LIST_DOWNLOAD_MAX_ROWS = 2

    response = client.get("/events/?download=csv")

    assert response.status_code == 400
    assert "These results hold 5 records; a download holds at most 2." in response.text
    assert client.get("/events/?kind=plenary&download=csv").status_code == 200


def test_an_unknown_download_format_is_a_400_naming_it(client):
    response = client.get("/events/?download=pdf")

    assert response.status_code == 400
    assert "There is no download as “pdf”" in response.text


@pytest.mark.parametrize(
    "path",
    ["/events/", "/dialogues/", "/projects/", "/institutions/", "/people/", "/publications/", "/topics/"],
)
def test_every_list_offers_its_download(client, path):
    text = client.get(path).text
    assert f'<a href="{path}?download=csv" download>CSV</a>' in text
    assert client.get(f"{path}?download=xlsx").status_code == 200


# Query budgets -----------------------------------------------------------------------------------


def test_counting_facets_without_their_own_filter_costs_no_more_queries_per_chosen_facet(client, events):
    """A chosen facet counts among other records than the list, but in the same one query."""
    with capture_queries() as plain:
        client.get("/events/")
    with capture_queries() as filtered:
        client.get("/events/?kind=plenary&kind=workshop&year=2024&dialogue=t2d")

    # The chosen dialogues are looked up once (to check the slugs): that one query, no more.
    assert len(filtered) <= len(plain) + 1, filtered


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_download_runs_as_many_queries_for_fifty_rows_as_for_one(client, extension):
    def make_row():
        event = factories.EventFactory(dialogue=factories.DialogueFactory())
        event.topics.add(factories.TopicFactory())

    assert_list_queries_do_not_grow(client, f"/events/?kind=workshop&download={extension}", make_row)
