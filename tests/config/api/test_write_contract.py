"""The write contract: a write names only fields it may write, in their own JSON types, and a write
that changes nothing writes nothing (no save, no history entry, the same ``updated_at`` and ETag)."""

from dataclasses import dataclass
from typing import Any

import pytest
import rest_framework.serializers

from config.api import serializers
from config.framework.fields import DESCRIPTION_LENGTH, MAX_ALIASES, NOTE_LENGTH, SUMMARY_LENGTH
from dialogues.models import DialogueRole
from events.models import Event, Session
from institutions.models import Organisation
from tests import factories
from tests.helpers import api_error, if_match

pytestmark = pytest.mark.django_db

UNKNOWN = "There is no field of this name."
READ_ONLY = "This field is read-only: it is shown, but it cannot be written."
NOT_A_STRING = "Enter a string (text in quotes), not a number, a boolean, a list or an object."
NOT_A_WHOLE_NUMBER = "Enter a whole number (not in quotes)."
NOT_A_NUMBER = "Enter a number (not in quotes)."


@dataclass
class Kind:
    """One kind of writable endpoint: how to make a record, and a valid body for a write."""

    model: type
    path: str
    make: Any
    body: Any
    # Fields the representation shows but a write may not set, with a value a client might send.
    read_only: dict
    # The string field a number must not be stored in.
    text_field: str

    def url(self, record) -> str:
        key = getattr(record, "slug", None) or record.pk
        return f"/api/v1/{self.path}/{key}/"


def organisation_body():
    return {"slug": "new-one", "name": "New", "kind": "ngo"}


def event_body():
    return {"slug": "new-event", "name": "New event", "kind": "workshop", "start": "2024-05"}


def role_body():
    factories.DialogueFactory(slug="t2d")
    factories.OrganisationFactory(slug="uba")
    return {"dialogue": "t2d", "organisation": "uba", "role": "lead_agency", "side": "DE"}


def session_body():
    factories.EventFactory(slug="summit")
    return {"event": "summit", "order": 3, "title": "Day 3"}


KINDS = {
    "organisations": Kind(
        Organisation,
        "organisations",
        lambda: factories.OrganisationFactory(slug="target", name="Target", kind="ngo"),
        organisation_body,
        {"id": 99, "url": "https://example.org/", "created_at": "2020-01-01T00:00:00Z", "published_at": None},
        "name",
    ),
    "events": Kind(
        Event,
        "events",
        lambda: factories.EventFactory(slug="target", name="Target"),
        event_body,
        {
            "id": 99,
            "updated_at": "2020-01-01T00:00:00Z",
            "start_precision": "day",
            "sessions": [{"order": 1, "title": "Day 1"}],
            "participations": [{"organisation": "uba", "role": "host"}],
            "children": ["other-event"],
        },
        "name",
    ),
    "dialogue-roles": Kind(
        DialogueRole,
        "dialogue-roles",
        lambda: factories.DialogueRoleFactory(),
        role_body,
        {"id": 99, "url": "https://example.org/", "end_precision": "year"},
        "note",
    ),
    "sessions": Kind(
        Session,
        "sessions",
        lambda: factories.SessionFactory(title="Day 1"),
        session_body,
        {"id": 99, "created_at": "2020-01-01T00:00:00Z"},
        "title",
    ),
}


def state(model) -> tuple:
    """What a refused write must leave as it was: every row, its last change, and every history entry."""
    return (
        sorted(model.objects.values_list("pk", "updated_at")),
        model.history.count(),
    )


def refused(read_only: dict) -> list[dict]:
    """The errors naming an unknown field ``colour`` and each of ``read_only``, in the body's order."""
    return [
        {"field": "colour", "code": "unknown_field", "message": UNKNOWN},
        *({"field": name, "code": "read_only", "message": READ_ONLY} for name in read_only),
    ]


# Fields a write may not set -----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch"])
@pytest.mark.parametrize("name", KINDS)
def test_unknown_and_read_only_fields_are_a_400_naming_each_and_nothing_is_written(writer_api, name, method):
    kind = KINDS[name]
    record = kind.make()
    body = {**kind.body(), "colour": "red", **kind.read_only}
    url = f"/api/v1/{kind.path}/" if method == "post" else kind.url(record)
    headers = {} if method == "post" else if_match(writer_api, url)
    before = state(kind.model)

    response = getattr(writer_api, method)(url, body, format="json", headers=headers)

    assert (response.status_code, api_error(response)) == (
        400,
        {
            "status": 400,
            "code": "invalid",
            "detail": "Some fields are not valid.",
            "errors": refused(kind.read_only),
        },
    )
    assert state(kind.model) == before


def test_refused_fields_are_reported_with_the_other_invalid_fields(writer_api):
    factories.OrganisationFactory(slug="target")

    url = "/api/v1/organisations/target/"

    response = writer_api.patch(
        url, {"id": 1, "kind": "castle"}, format="json", headers=if_match(writer_api, url)
    )

    assert api_error(response)["errors"] == [
        {"field": "id", "code": "read_only", "message": READ_ONLY},
        {"field": "kind", "code": "invalid_choice", "message": '"castle" is not a valid choice.'},
    ]


def test_status_stays_writable_through_the_workflow(publisher_api):
    factories.OrganisationFactory(slug="target", status="draft")

    url = "/api/v1/organisations/target/"

    response = publisher_api.patch(
        url, {"status": "published"}, format="json", headers=if_match(publisher_api, url)
    )

    assert (response.status_code, response.json()["status"]) == (200, "published")


# Writes that change nothing -----------------------------------------------------------------------


def noop_bodies(kind: Kind, record, representation: dict) -> list[dict]:
    """An empty PATCH, and one that sends stored values (a text, and every writable value shown)."""
    same_text = {kind.text_field: representation[kind.text_field]}
    return [{}, same_text]


@pytest.mark.parametrize("name", KINDS)
def test_a_patch_that_changes_nothing_writes_nothing(writer_api, name):
    kind = KINDS[name]
    record = kind.make()
    url = kind.url(record)
    read = writer_api.get(url)
    before = state(kind.model)

    for body in noop_bodies(kind, record, read.json()):
        response = writer_api.patch(url, body, format="json", headers={"If-Match": read["ETag"]})

        assert (response.status_code, response.json(), response["ETag"]) == (200, read.json(), read["ETag"])
        assert state(kind.model) == before


def test_a_patch_of_every_value_as_read_changes_nothing(writer_api):
    """Every writable field sent back as the detail shows it (references as objects, partial dates)."""
    factories.TopicFactory(slug="energy")
    event = factories.EventFactory(slug="target", dialogue=factories.DialogueFactory(slug="t2d"))
    event.topics.add(factories.TopicFactory(slug="climate"))
    read = writer_api.get("/api/v1/events/target/")
    serializer_fields = writer_api.options("/api/v1/events/target/").json()["actions"]["PUT"]
    body = {
        field: value
        for field, value in read.json().items()
        if field in serializer_fields and not serializer_fields[field]["read_only"]
    }
    before = state(Event)

    response = writer_api.patch(
        "/api/v1/events/target/", body, format="json", headers={"If-Match": read["ETag"]}
    )

    assert (response.status_code, response["ETag"]) == (200, read["ETag"])
    assert state(Event) == before


def test_a_put_of_the_stored_values_changes_nothing(writer_api):
    factories.OrganisationFactory(slug="target", name="Target", kind="ngo")
    read = writer_api.get("/api/v1/organisations/target/")
    before = state(Organisation)

    response = writer_api.put(
        "/api/v1/organisations/target/",
        {"slug": "target", "name": "Target", "kind": "ngo"},
        format="json",
        headers={"If-Match": read["ETag"]},
    )

    assert (response.status_code, response["ETag"]) == (200, read["ETag"])
    assert state(Organisation) == before


def test_a_patch_of_the_same_topics_writes_nothing_and_of_others_writes(writer_api):
    event = factories.EventFactory(slug="target")
    event.topics.add(factories.TopicFactory(slug="climate"))
    factories.TopicFactory(slug="energy")
    url = "/api/v1/events/target/"
    before = state(Event)

    same = writer_api.patch(url, {"topics": ["climate"]}, format="json", headers=if_match(writer_api, url))
    assert (same.status_code, state(Event)) == (200, before)

    other = writer_api.patch(url, {"topics": ["energy"]}, format="json", headers=if_match(writer_api, url))
    assert [topic["slug"] for topic in other.json()["topics"]] == ["energy"]
    assert Event.history.count() == before[1] + 1


def test_a_patch_with_one_changed_value_is_written_once(writer_api):
    factories.OrganisationFactory(slug="target", name="Target", kind="ngo")
    before = state(Organisation)

    url = "/api/v1/organisations/target/"

    response = writer_api.patch(
        url, {"name": "Target", "kind": "ministry"}, format="json", headers=if_match(writer_api, url)
    )

    assert (response.status_code, response.json()["kind"]) == (200, "ministry")
    assert Organisation.history.count() == before[1] + 1
    assert Organisation.history.latest().history_change_reason == "Changed through the API: kind, name."


def test_a_patch_that_changes_nothing_still_needs_the_permission_to_change(partner_api):
    factories.OrganisationFactory(slug="target")

    url = "/api/v1/organisations/target/"

    response = partner_api.patch(url, {}, format="json", headers=if_match(partner_api, url))

    assert (response.status_code, api_error(response)["code"]) == (403, "permission_denied")


# Limits -------------------------------------------------------------------------------------------


def too_long(limit: int) -> tuple[str, str]:
    return "x" * (limit + 1), f"Ensure this field has no more than {limit} characters."


@pytest.mark.parametrize(
    ("name", "field", "value", "message"),
    [
        ("organisations", "description", *too_long(DESCRIPTION_LENGTH)),
        (
            "organisations",
            "aliases",
            [f"Name {number}" for number in range(MAX_ALIASES + 1)],
            "List contains 21 items, it should contain no more than 20.",
        ),
        ("organisations", "name", *too_long(300)),
        ("events", "summary", *too_long(SUMMARY_LENGTH)),
        ("events", "outcomes", *too_long(DESCRIPTION_LENGTH)),
        ("dialogue-roles", "note", *too_long(NOTE_LENGTH)),
        ("sessions", "description", *too_long(DESCRIPTION_LENGTH)),
    ],
)
def test_a_text_or_a_list_over_its_limit_is_a_400_naming_the_field_and_nothing_is_written(
    writer_api, name, field, value, message
):
    kind = KINDS[name]
    body = {**kind.body(), field: value}
    before = state(kind.model)

    response = writer_api.post(f"/api/v1/{kind.path}/", body, format="json")

    assert response.status_code == 400
    assert [(error["field"], error["message"]) for error in api_error(response)["errors"]] == [
        (field, message)
    ]
    assert state(kind.model) == before


# JSON types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [123, 1.5, True, ["Target"], {"en": "Target"}])
@pytest.mark.parametrize("name", KINDS)
def test_anything_but_a_string_in_a_text_field_is_a_400(writer_api, name, value):
    kind = KINDS[name]
    record = kind.make()
    before = state(kind.model)

    url = kind.url(record)

    response = writer_api.patch(
        url, {kind.text_field: value}, format="json", headers=if_match(writer_api, url)
    )

    assert api_error(response)["errors"] == [
        {"field": kind.text_field, "code": "invalid", "message": NOT_A_STRING}
    ]
    assert state(kind.model) == before


def test_a_number_as_a_name_is_not_created(writer_api):
    response = writer_api.post("/api/v1/organisations/", {**organisation_body(), "name": 123}, format="json")

    assert api_error(response)["errors"] == [{"field": "name", "code": "invalid", "message": NOT_A_STRING}]
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("path", "field", "value", "message"),
    [
        ("events", "participant_count", "120", NOT_A_WHOLE_NUMBER),
        ("events", "participant_count", True, NOT_A_WHOLE_NUMBER),
        ("events", "participant_count", 12.5, NOT_A_WHOLE_NUMBER),
        ("events", "latitude", "52.5", NOT_A_NUMBER),
        ("events", "latitude", False, NOT_A_NUMBER),
        ("sessions", "order", "5", NOT_A_WHOLE_NUMBER),
        ("organisations", "slug", 5, NOT_A_STRING),
        ("organisations", "website", 5, NOT_A_STRING),
    ],
)
def test_a_string_or_boolean_for_a_number_and_a_number_for_a_string_are_a_400(
    writer_api, path, field, value, message
):
    kind = KINDS[path]
    record = kind.make()
    before = state(kind.model)

    url = kind.url(record)

    response = writer_api.patch(url, {field: value}, format="json", headers=if_match(writer_api, url))

    assert api_error(response)["errors"] == [{"field": field, "code": "invalid", "message": message}]
    assert state(kind.model) == before


def test_numbers_partial_dates_and_references_in_their_own_types_are_written(writer_api):
    factories.EventFactory(slug="target")
    factories.DialogueFactory(slug="t2d")
    url = "/api/v1/events/target/"

    response = writer_api.patch(
        url,
        {
            "participant_count": 120,
            "latitude": 52.5,
            "longitude": 13.25,
            "start": "2020-12",
            "dialogue": "t2d",
        },
        format="json",
        headers=if_match(writer_api, url),
    )

    data = response.json()
    assert response.status_code == 200
    assert (data["participant_count"], data["latitude"], data["start"], data["start_precision"]) == (
        120,
        52.5,
        "2020-12",
        "month",
    )
    assert data["dialogue"]["slug"] == "t2d"


def writable_fields():
    from config.atlas.api_urls import APP_APIS

    for api in APP_APIS:
        for prefix, viewset, _basename in api.router.registry:
            for name, field in viewset.serializer_class().fields.items():
                if not field.read_only:
                    yield f"{prefix}.{name}", field


def test_every_writable_field_takes_only_its_own_json_type():
    """A field declared on a serializer (rather than built from the model) must be strict too."""
    strict = (
        serializers.StrictCharField,
        serializers.StrictIntegerField,
        serializers.StrictDecimalField,
        serializers.StrictBooleanField,
        serializers.ReferenceField,
        serializers.ManyReferenceField,
        serializers.PartialDateField,
        serializers.TranslationsField,
        rest_framework.serializers.DateField,
    )

    def is_strict(field) -> bool:
        if isinstance(field, rest_framework.serializers.ChoiceField):
            # The value is looked up as a string among string choices: a number matches none.
            return all(isinstance(choice, str) for choice in field.choices)
        if isinstance(field, rest_framework.serializers.ListField):
            return is_strict(field.child)
        return isinstance(field, strict)

    assert [name for name, field in writable_fields() if not is_strict(field)] == []


@pytest.mark.parametrize(
    ("written", "shown", "precision"),
    [
        ("2020-12", "2020-12", "month"),
        ("December 2020", "2020-12", "month"),
        ("Dezember 2020", "2020-12", "month"),
        ("2020年12月", "2020-12", "month"),
        ("28.12.2020", "2020-12-28", "day"),
        ("2010", "2010", "year"),
    ],
)
def test_a_partial_date_is_written_as_people_write_it_and_shown_as_iso(writer_api, written, shown, precision):
    factories.EventFactory(slug="target", end_date=None)
    url = "/api/v1/events/target/"

    response = writer_api.patch(url, {"start": written}, format="json", headers=if_match(writer_api, url))

    assert response.status_code == 200, response.json()
    assert (response.json()["start"], response.json()["start_precision"]) == (shown, precision)


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (
            "10/01/2025",
            "ambiguous",
            "“10/01/2025” could be 1 October 2025 or 10 January 2025: "
            "write 2025-10-01 or 1 October 2025, or 2025-01-10 or 10 January 2025.",
        ),
        ("2025-02-31", "invalid_date", "“2025-02-31” is not a date: February 2025 has no day 31."),
        ("28–29 August 2024", "period", "“28–29 August 2024” is a period: only one date goes here."),
        (2024, "invalid", "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD."),
        ("", "invalid", "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD."),
    ],
)
def test_an_ambiguous_or_impossible_partial_date_is_a_400_saying_what_to_write(
    writer_api, value, code, message
):
    factories.EventFactory(slug="target")
    before = state(Event)
    url = "/api/v1/events/target/"

    response = writer_api.patch(url, {"start": value}, format="json", headers=if_match(writer_api, url))

    assert api_error(response)["errors"] == [{"field": "start", "code": code, "message": message}]
    assert state(Event) == before
