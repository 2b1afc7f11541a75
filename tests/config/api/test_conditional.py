"""Conditional requests: ETag / Last-Modified with 304; If-Match required on every change and
deletion (428 without it), compared strongly (412), the winner's change kept — with concurrent
writers too."""

import threading

import pytest
from django.db import connections
from django.test import RequestFactory
from django.utils.http import http_date

from config.api.conditional import check_if_match
from config.api.exceptions import PreconditionFailed, PreconditionRequired
from config.framework.visibility import Status
from institutions.models import Organisation
from tests import factories
from tests.helpers import api_error, if_match, record_permissions, token_client

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/uba/"


@pytest.fixture
def uba(db):
    return factories.OrganisationFactory(slug="uba", name="Umweltbundesamt")


def test_detail_has_etag_and_last_modified(api, uba):
    response = api.get(URL)

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"] == http_date(int(uba.updated_at.timestamp()))
    assert response["Cache-Control"] == "public, max-age=60"


def test_matching_if_none_match_is_answered_304(api, uba):
    etag = api.get(URL)["ETag"]

    response = api.get(URL, headers={"If-None-Match": etag})

    assert (response.status_code, response.content, response["ETag"]) == (304, b"", etag)


# A record's ETag is its stored version --------------------------------------------------------


def test_the_etag_is_one_per_language_and_the_same_under_every_host(api, uba, settings):
    settings.ALLOWED_HOSTS = ["atlas.example", "atlas.example.org", "testserver"]
    uba.name_de = "Umweltbundesamt (deutsch)"
    uba.save()

    etags = {
        (language, host): api.get(URL, headers={"Accept-Language": language}, HTTP_HOST=host)["ETag"]
        for language in ("en", "de", "zh-hans")
        for host in ("atlas.example", "atlas.example.org")
    }

    by_language = {
        language: {etags[language, host] for host in ("atlas.example", "atlas.example.org")}
        for language in ("en", "de", "zh-hans")
    }
    assert [len(tags) for tags in by_language.values()] == [1, 1, 1]
    assert len(set(etags.values())) == 3


def test_a_write_may_name_the_etag_read_in_another_language(writer_api, uba):
    etag = writer_api.get(URL, headers={"Accept-Language": "de"})["ETag"]

    response = writer_api.patch(URL, {"name": "UBA"}, format="json", headers={"If-Match": etag})

    assert response.status_code == 200
    assert writer_api.get(URL)["ETag"] == response["ETag"] != etag


def test_the_etag_changes_with_what_the_record_shows_and_only_with_that(api):
    participation = factories.EventParticipationFactory()
    event, other = participation.event, factories.EventFactory()
    url = f"/api/v1/events/{event.slug}/"
    first, other_first = api.get(url)["ETag"], api.get(f"/api/v1/events/{other.slug}/")["ETag"]

    participation.organisation.name = "Renamed"  # a record it refers to in a nested row
    participation.organisation.save()
    renamed = api.get(url)["ETag"]
    factories.SessionFactory(event=event)  # a new nested row
    with_session = api.get(url)["ETag"]

    assert len({first, renamed, with_session}) == 3
    assert api.get(f"/api/v1/events/{other.slug}/")["ETag"] == other_first


def test_readers_who_see_different_rows_get_different_etags(api, partner_api):
    event = factories.EventFactory(slug="shared")
    factories.SessionFactory(event=event, visibility="partners")

    assert api.get("/api/v1/events/shared/")["ETag"] != partner_api.get("/api/v1/events/shared/")["ETag"]


def test_list_matching_if_none_match_is_answered_304(api, uba):
    etag = api.get("/api/v1/organisations/")["ETag"]

    assert api.get("/api/v1/organisations/", headers={"If-None-Match": etag}).status_code == 304


def test_etag_changes_when_the_record_changes(api, uba):
    etag = api.get(URL)["ETag"]
    uba.name = "German Environment Agency"
    uba.save()

    assert api.get(URL, headers={"If-None-Match": etag}).status_code == 200


def test_if_modified_since_alone_never_gets_a_304(api, uba):
    last_modified = api.get(URL)["Last-Modified"]

    response = api.get(URL, headers={"If-Modified-Since": last_modified})

    assert (response.status_code, response["Last-Modified"]) == (200, last_modified)


def test_if_modified_since_does_not_hide_a_change_to_a_nested_row(api):
    dialogue = factories.DialogueFactory(slug="t2d")
    url = "/api/v1/dialogues/t2d/"
    first = api.get(url)
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=factories.OrganisationFactory(slug="uba"))

    response = api.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert response.status_code == 200
    assert [role["organisation"]["slug"] for role in response.json()["roles"]] == ["uba"]
    assert api.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_stale_if_match_is_refused_with_412_and_the_winners_change_kept(writer_api, uba):
    etag = writer_api.get(URL)["ETag"]

    first = writer_api.patch(URL, {"name": "First"}, format="json", headers={"If-Match": etag})
    second = writer_api.patch(URL, {"name": "Second"}, format="json", headers={"If-Match": etag})

    assert first.status_code == 200
    assert (second.status_code, second.json()["code"]) == (412, "precondition_failed")
    assert Organisation.objects.get(slug="uba").name == "First"


def test_write_response_etag_is_the_next_if_match(writer_api, uba):
    etag = writer_api.patch(URL, {"name": "First"}, format="json", headers=if_match(writer_api, URL))["ETag"]

    response = writer_api.patch(URL, {"name": "Second"}, format="json", headers={"If-Match": etag})

    assert (response.status_code, response.json()["name"]) == (200, "Second")
    assert response["ETag"] == writer_api.get(URL)["ETag"]


def test_stale_if_match_on_delete_keeps_the_record(writer_api, uba):
    assert writer_api.delete(URL, headers={"If-Match": '"stale"'}).status_code == 412
    assert Organisation.objects.filter(slug="uba").exists()


def test_authenticated_reads_are_stored_nowhere_and_still_revalidate(partner_api, uba):
    first = partner_api.get(URL)

    # no-store keeps the answer out of every cache; a client that keeps the ETag itself (the sync
    # recipe does) still gets a 304 for it.
    revalidated = partner_api.get(URL, headers={"If-None-Match": first["ETag"]})

    assert [first.status_code, first["Cache-Control"]] == [200, "private, no-store"]
    assert [revalidated.status_code, revalidated["Cache-Control"], revalidated["ETag"]] == [
        304,
        "private, no-store",
        first["ETag"],
    ]


# If-Match is required, and compared strongly ---------------------------------------------------

REQUIRED = "precondition_required"
WRITES = [
    ("put", {"slug": "uba", "name": "Renamed", "kind": "ngo"}),
    ("patch", {"name": "Renamed"}),
    ("delete", None),
]


def write(client, method, headers=None):
    body = dict(WRITES)[method]
    return getattr(client, method)(URL, body, format="json", headers=headers or {})


def stored(slug="uba"):
    return list(Organisation.objects.filter(slug=slug).values_list("name", "updated_at"))


@pytest.mark.parametrize("method", dict(WRITES))
@pytest.mark.parametrize("header", [None, "", "  "], ids=["missing", "empty", "blank"])
def test_a_write_without_if_match_is_a_428_and_writes_nothing(writer_api, uba, method, header):
    before = stored()

    response = write(writer_api, method, {} if header is None else {"If-Match": header})

    assert response.status_code == 428
    body = api_error(response)
    assert body["code"] == REQUIRED
    assert "ETag" in body["detail"] and "GET" in body["detail"]
    assert stored() == before


@pytest.mark.parametrize("method", dict(WRITES))
def test_a_write_with_the_current_etag_or_a_star_goes_through(writer_api, uba, method):
    etag = writer_api.get(URL)["ETag"]

    response = write(writer_api, method, {"If-Match": etag})

    assert response.status_code == (204 if method == "delete" else 200)


def test_if_match_star_writes_whatever_the_current_version(writer_api, uba):
    uba.name = "Changed by someone else"
    uba.save()

    response = writer_api.patch(URL, {"name": "Renamed"}, format="json", headers={"If-Match": "*"})

    assert (response.status_code, Organisation.objects.get(slug="uba").name) == (200, "Renamed")


@pytest.mark.parametrize("method", dict(WRITES))
def test_a_weak_etag_never_matches_and_the_412_says_why(writer_api, uba, method):
    etag = writer_api.get(URL)["ETag"]
    before = stored()

    response = write(writer_api, method, {"If-Match": f"W/{etag}"})

    assert response.status_code == 412
    body = api_error(response)
    assert body["code"] == "precondition_failed"
    assert "weak" in body["detail"] and "not accepted for writes" in body["detail"]
    assert stored() == before


def test_a_list_of_etags_passes_when_one_names_the_current_version_strongly(writer_api, uba):
    etag = writer_api.get(URL)["ETag"]

    response = writer_api.patch(
        URL, {"name": "Renamed"}, format="json", headers={"If-Match": f'"stale", W/"other", {etag}'}
    )

    assert response.status_code == 200


def test_an_if_match_without_a_quoted_etag_is_a_412_that_says_so(writer_api, uba):
    etag = writer_api.get(URL)["ETag"]

    response = writer_api.patch(
        URL, {"name": "Renamed"}, format="json", headers={"If-Match": etag.strip('"')}
    )

    assert (response.status_code, api_error(response)["code"]) == (412, "precondition_failed")
    assert "quotes" in response.json()["detail"]
    assert Organisation.objects.get(slug="uba").name == "Umweltbundesamt"


@pytest.mark.parametrize(
    ("client", "url", "status"),
    [
        ("api", URL, 401),
        ("partner_api", URL, 403),
        ("writer_api", "/api/v1/organisations/nope/", 404),
    ],
)
def test_authentication_permission_and_the_record_come_before_the_precondition(
    request, uba, client, url, status
):
    client = request.getfixturevalue(client)

    assert client.patch(url, {"name": "Renamed"}, format="json").status_code == status


def another_writer():
    """A client of one more staff account that may write every record (published ones too: an
    account outside the staff never changes a published record)."""
    user = factories.StaffFactory()
    user.user_permissions.add(*record_permissions())
    return token_client(user)


def test_two_writers_that_read_the_same_version_cannot_overwrite_each_other_blindly(writer_api, uba):
    other = another_writer()
    mine, theirs = writer_api.get(URL)["ETag"], other.get(URL)["ETag"]

    first = writer_api.patch(URL, {"name": "First"}, format="json", headers={"If-Match": mine})
    blind = other.patch(URL, {"name": "Blind"}, format="json")
    second = other.patch(URL, {"name": "Second"}, format="json", headers={"If-Match": theirs})

    assert (first.status_code, blind.status_code, second.status_code) == (200, 428, 412)
    assert Organisation.objects.get(slug="uba").name == "First"


def endpoints():
    """(prefix, model) of every record and row endpoint the API routes."""
    from config.atlas.api_urls import APP_APIS

    return [
        (prefix, viewset.queryset.model, viewset.lookup_field)
        for api in APP_APIS
        for prefix, viewset, _basename in api.router.registry
    ]


@pytest.mark.parametrize(("prefix", "model", "lookup"), endpoints(), ids=lambda value: str(value))
def test_every_record_and_row_endpoint_requires_if_match(writer_api, prefix, model, lookup):
    record = getattr(factories, f"{model.__name__}Factory")()
    url = f"/api/v1/{prefix}/{getattr(record, lookup)}/"

    answers = [
        writer_api.put(url, {}, format="json").status_code,
        writer_api.patch(url, {}, format="json").status_code,
        writer_api.delete(url).status_code,
    ]
    etag = writer_api.get(url)["ETag"]

    assert answers == [428, 428, 428]
    assert writer_api.patch(url, {}, format="json", headers={"If-Match": etag}).status_code == 200
    assert writer_api.delete(url, headers={"If-Match": etag}).status_code == 204


@pytest.mark.parametrize(
    ("header", "outcome"),
    [
        (None, PreconditionRequired),
        ("", PreconditionRequired),
        ("*", None),
        ('"current"', None),
        ('"stale", "current"', None),
        ('W/"stale", "current"', None),
        ('W/"current"', PreconditionFailed),
        ('"stale"', PreconditionFailed),
        ("current", PreconditionFailed),
        ('*, "stale"', PreconditionFailed),
    ],
)
def test_check_if_match_compares_strongly(header, outcome):
    request = RequestFactory().patch("/", headers={} if header is None else {"If-Match": header})

    if outcome is None:
        check_if_match(request, '"current"')
    else:
        with pytest.raises(outcome):
            check_if_match(request, '"current"')


def test_the_schema_says_if_match_is_required_and_documents_the_428(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]

    for method in ("put", "patch", "delete"):
        operation = paths["/api/v1/events/{slug}/"][method]
        (if_match,) = [item for item in operation["parameters"] if item["name"] == "If-Match"]
        assert if_match["in"] == "header" and if_match["required"] is True
        assert operation["responses"]["428"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }
    assert "428" not in paths["/api/v1/events/"]["post"]["responses"]


# Concurrent writes, each with its own connection -------------------------------------------------


def concurrently(*calls):
    """Run each call in a thread of its own (each with its own database connection), all released
    at once; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_writes_of_one_version_let_exactly_one_through():
    # A draft: changing it needs no publish permission, which a flushed database no longer has.
    factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", status=Status.DRAFT)
    clients = [another_writer() for _ in range(4)]
    # Each reads the same version (an ETag is its reader's: another account may see other rows).
    etags = [client.get(URL)["ETag"] for client in clients]

    responses = concurrently(
        *[
            lambda client=client, number=number: client.patch(
                URL, {"name": f"Writer {number}"}, format="json", headers={"If-Match": etags[number]}
            )
            for number, client in enumerate(clients)
        ]
    )

    codes = sorted(response.status_code for response in responses)
    assert codes == [200, 412, 412, 412]
    (winner,) = [response for response in responses if response.status_code == 200]
    assert Organisation.objects.get(slug="uba").name == winner.json()["name"]
