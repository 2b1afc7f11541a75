"""An event's kind and the roles of its participations and speakers where the sources do not state
them: the model, the list's filter and facet, the page, the API, the feeds, the timeline, the charts,
the downloads and the import."""

import csv
import io
import json

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from icalendar import Calendar

from config.atlas import stats
from config.editorial.imports import ChoiceWidget
from events.filtersets import EventFilterSet
from events.models import Event, EventParticipation, EventSpeaker
from tests import factories
from tests.config.atlas.test_changes import follow, start
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    """A workshop, an event of a kind the list lacks, and one whose kind the sources do not state."""
    workshop = factories.EventFactory(slug="workshop", kind=Event.Kind.WORKSHOP)
    other = factories.EventFactory(slug="other", kind=Event.Kind.OTHER)
    unstated = factories.EventFactory(slug="unstated", name="Event at the Hertie School", kind="")
    return workshop, other, unstated


# The model --------------------------------------------------------------------------------------


def test_kind_blank_is_valid_and_labelled_not_stated(events):
    _workshop, other, unstated = events
    unstated.full_clean()
    other.full_clean()
    assert (unstated.get_kind_display(), other.get_kind_display()) == ("kind not stated", "other")


def test_kind_outside_the_choices_is_refused():
    event = factories.EventFactory.build(kind="gala")
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["slug"])
    assert list(error.value.message_dict) == ["kind"]


def test_roles_not_stated_unless_chosen_and_the_policy_roles():
    event = factories.EventFactory(kind=Event.Kind.POLICY_MILESTONE)
    approver = factories.EventParticipationFactory(event=event, role=EventParticipation.Role.APPROVER)
    issuer = factories.EventParticipationFactory(event=event, role=EventParticipation.Role.ISSUER)
    unstated = EventParticipation(event=event, organisation=factories.OrganisationFactory())
    speaker = EventSpeaker(event=event, person=factories.PersonFactory())
    for row in (approver, issuer, unstated, speaker):
        row.full_clean()
    assert [row.get_role_display() for row in (approver, issuer, unstated, speaker)] == [
        "approved by",
        "issued by",
        "role not stated",
        "role not stated",
    ]


# The filter, the list and its facet ------------------------------------------------------------


def filtered(data):
    filterset = EventFilterSet(data, Event.objects.all())
    return sorted(filterset.qs.values_list("slug", flat=True)) if filterset.is_valid() else filterset.errors


def test_filter_not_stated_alone_and_with_other_kinds(events):
    assert filtered({"kind": "not_stated"}) == ["unstated"]
    assert filtered({"kind": ["not_stated", "other"]}) == ["other", "unstated"]
    assert filtered({"kind": "other"}) == ["other"]
    assert list(filtered({"kind": "gala"})) == ["kind"]


def test_list_offers_and_counts_not_stated_as_a_kind(client, events):
    response = client.get("/events/")
    facets = {facet.param: options for facet, options, _chosen in response.context["facets"]}
    assert sorted((option.value, option.label, option.count) for option in facets["kind"]) == [
        ("not_stated", "kind not stated", 1),
        ("other", "other", 1),
        ("workshop", "workshop", 1),
    ]


def test_list_filtered_by_not_stated_shows_it_chosen_with_its_chip(client, events):
    response = client.get("/events/?kind=not_stated")
    facets = {facet.param: options for facet, options, _chosen in response.context["facets"]}
    assert [event.slug for event in response.context["object_list"]] == ["unstated"]
    # The other kinds keep their counts (a facet is counted without its own filter), the chosen first.
    assert [(option.value, option.count, option.selected) for option in facets["kind"]] == [
        ("not_stated", 1, True),
        ("other", 1, False),
        ("workshop", 1, False),
    ]
    assert [(chip.param, chip.value) for chip in response.context["chips"]] == [("kind", "kind not stated")]
    assert "<span>kind not stated</span>" in response.content.decode()


def test_list_refuses_an_unknown_kind(client, events):
    assert client.get("/events/?kind=gala").status_code == 400


def test_page_says_kind_and_roles_not_stated(client, events):
    _workshop, _other, event = events
    factories.EventSpeakerFactory(
        event=event, person=factories.PersonFactory(given_name="Jennifer", family_name="Morgan"), role=""
    )
    factories.EventParticipationFactory(
        event=event, organisation=factories.OrganisationFactory(name="State Council"), role="approver"
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<p class="kicker">kind not stated</p>' in page
    assert "</a> – role not stated</li>" in page
    assert "</a> – approved by</li>" in page


# The API ---------------------------------------------------------------------------------------


def test_api_shows_null_for_not_stated_and_filters_by_it(api, events):
    _workshop, _other, event = events
    factories.EventParticipationFactory(event=event, role="")
    factories.EventParticipationFactory(event=event, role="issuer")
    listed = api.get("/api/v1/events/?kind=not_stated").json()["results"]
    assert [(row["slug"], row["kind"]) for row in listed] == [("unstated", None)]
    detail = api.get(f"/api/v1/events/{event.slug}/").json()
    assert (detail["kind"], sorted(str(row["role"]) for row in detail["participations"])) == (
        None,
        ["None", "issuer"],
    )
    assert api.get("/api/v1/events/?kind=other").json()["results"][0]["kind"] == "other"


def test_api_refuses_an_unknown_kind_naming_it(api, events):
    response = api.get("/api/v1/events/?kind=gala")
    assert response.status_code == 400
    assert "kind" in json.dumps(response.json())


def test_schema_says_kind_and_roles_are_nullable_and_documents_not_stated(api):
    schema = api.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]

    def nullable(schema_of):
        return schema_of.get("nullable") is True or any(
            part.get("nullable") or part.get("type") == "null" or part.get("enum") == [None]
            for part in schema_of.get("oneOf", []) + schema_of.get("anyOf", [])
            if isinstance(part, dict)
        )

    assert nullable(components["Event"]["properties"]["kind"])
    parameters = {
        parameter["name"]: parameter for parameter in schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    }
    assert "not_stated" in parameters["kind"]["schema"]["items"]["enum"]
    assert "other" in parameters["kind"]["schema"]["items"]["enum"]
    assert "not_stated" in parameters["kind"]["description"]


def streamed(response) -> bytes:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def test_exports_show_not_stated_as_null_and_in_csv_as_not_stated(api, events):
    lines = streamed(api.get("/api/v1/events/export/?format=ndjson")).decode().splitlines()
    kinds = {row["slug"]: row["kind"] for row in map(json.loads, lines) if "slug" in row}
    assert kinds == {"workshop": "workshop", "other": "other", "unstated": None}
    rows = csv.DictReader(io.StringIO(streamed(api.get("/api/v1/events/export/?format=csv")).decode()))
    expected = {"workshop": "workshop", "other": "other", "unstated": "not_stated"}
    assert {row["slug"]: row["kind"] for row in rows} == expected
    listed = csv.DictReader(io.StringIO(api.get("/api/v1/events/?format=csv").content.decode()))
    assert {row["slug"]: row["kind"] for row in listed} == expected
    # Where a column is null for another reason (no number), the cell stays empty.
    assert {
        row["end"]
        for row in csv.DictReader(io.StringIO(api.get("/api/v1/events/?format=csv").content.decode()))
    } == {""}


def test_list_downloads_say_not_stated(client, events):
    response = client.get("/events/?kind=not_stated&download=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(row["slug"], row["kind"]) for row in rows] == [("unstated", "not_stated")]
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get("/events/?download=xlsx").streaming_content))
    )
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    kinds = {
        row[header.index("slug")]: row[header.index("kind")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert kinds == {"workshop": "workshop", "other": "other", "unstated": "not_stated"}


# Feeds, the timeline and the charts ---------------------------------------------------------------


def test_ics_has_no_category_for_a_kind_not_stated(client, events):
    calendar = Calendar.from_ical(client.get("/events/feed.ics").content)
    categories = {
        str(vevent["url"]).rstrip("/").rsplit("/", 1)[-1]: [str(c) for c in vevent.get("categories").cats]
        if vevent.get("categories")
        else []
        for vevent in calendar.walk("VEVENT")
    }
    assert categories == {"workshop": ["workshop"], "other": ["other"], "unstated": []}


def test_rss_has_no_category_for_a_kind_not_stated(client, events):
    feed = client.get("/events/feed.rss").content.decode()
    item = feed[feed.index("<title>Event at the Hertie School</title>") :]
    item = item[: item.index("</item>")]
    assert "<category>" not in item
    assert "<category>workshop</category>" in feed


def test_timeline_sends_null_for_a_kind_not_stated(api, events):
    data = api.get("/api/v1/timeline/").json()
    marks = {mark[data["mark_columns"].index("slug")]: mark for mark in data["marks"]}
    kind = data["mark_columns"].index("kind")
    assert {slug: data["kinds"][mark[kind]] for slug, mark in marks.items()} == {
        "workshop": "workshop",
        "other": "other",
        "unstated": None,
    }


def test_timeline_legend_names_not_stated(client, events):
    page = client.get("/events/timeline/").content.decode()
    assert 'data-kind="not_stated"' in page and 'data-kind="other"' in page


def test_chart_by_kind_has_not_stated_as_its_own_series(events):
    counts = stats.events_per_year_by_kind(Event.objects.all())
    assert [(series.key, series.label) for series in counts.series] == [
        ("workshop", "workshop"),
        ("other", "other"),
        ("not_stated", "kind not stated"),
    ]
    assert counts.rows == [(2024, [1, 1, 1])]


# The import ---------------------------------------------------------------------------------------


def test_import_accepts_a_blank_or_not_stated_kind_and_names_a_wrong_one():
    widget = ChoiceWidget(Event._meta.get_field("kind").choices)
    assert [widget.clean(value) for value in ("", None, "not_stated", "Kind not stated", "Other")] == [
        "",
        "",
        "",
        "",
        "other",
    ]
    with pytest.raises(ValueError, match=r"“gala” is not one of: plenary, .*, other, not_stated\."):
        widget.clean("gala")


# The admin ----------------------------------------------------------------------------------------


def test_admin_form_offers_not_stated_once_and_accepts_it(admin_client, events):
    page = admin_client.get(admin_url(Event, "change", events[2].pk)).content.decode()
    kind_select = page[page.index('name="kind"') :]
    kind_select = kind_select[: kind_select.index("</select>")]
    assert kind_select.count("<option") == len(Event.Kind.choices)  # no "---------" beside "not stated"
    assert '<option value="" selected>kind not stated</option>' in kind_select
    changelist = admin_client.get(admin_url(Event, "changelist") + "?kind__exact=")
    assert [event.slug for event in changelist.context["cl"].result_list] == ["unstated"]


def test_events_whose_kind_is_not_stated_form_no_series(client):
    dialogue = factories.DialogueFactory()
    factories.EventFactory(dialogue=dialogue, kind="", number=1)
    second = factories.EventFactory(dialogue=dialogue, kind="", number=2)
    response = client.get(second.get_absolute_url())
    assert (response.context["previous_in_series"], response.context["next_in_series"]) == (None, None)


def test_import_export_writes_not_stated():
    widget = ChoiceWidget(Event._meta.get_field("kind").choices)
    mode = ChoiceWidget(Event._meta.get_field("mode").choices)  # blank, but no "not stated" choice
    assert (widget.render(""), widget.render("other"), mode.render("")) == ("not_stated", "other", "")


@pytest.mark.django_db(transaction=True)
def test_changes_feed_shows_not_stated_as_null(api):
    event = factories.EventFactory(kind=Event.Kind.CONFERENCE)
    participation = factories.EventParticipationFactory(event=event, role=EventParticipation.Role.ORGANISER)
    cursor = start(api)

    event.kind = ""
    event.save()
    participation.role = EventParticipation.Role.APPROVER
    participation.save()

    seen, _cursor = follow(api, cursor)
    record = seen[("events", event.pk)]["record"]
    assert (record["kind"], [row["role"] for row in record["participations"]]) == (None, ["approver"])
