"""Idempotency-Key on a POST: a retry gets the first answer and creates nothing; the same key with
another request is a 422, while the first is processed a 409; keys belong to their account and
expire. The concurrent cases run on connections of their own, outside any test transaction."""

import datetime
import json
import threading

import pytest
from django.db import connections
from django.db.models import F
from rest_framework.test import APIClient

from config.api.idempotency.models import IdempotencyKey
from config.api.views import RecordViewSet
from events.models import Session
from institutions.models import Organisation
from tests import factories
from tests.helpers import api_error, issue_token, record_permissions, token_client

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/"
BODY = {"slug": "uba", "name": "Umweltbundesamt", "kind": "government_agency"}
KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324"
REPLAYED = "Idempotent-Replayed"
KEPT = ("Content-Type", "ETag", "Location")


def post(client, body=BODY, key=KEY, url=URL):
    return client.post(url, body, format="json", headers={} if key is None else {"Idempotency-Key": key})


def created() -> list[tuple[str, str]]:
    return list(Organisation.objects.values_list("slug", "name"))


# A retry gets the first answer ---------------------------------------------------------------------


def test_a_retry_gets_the_first_answer_and_creates_nothing(writer_api):
    first = post(writer_api)

    again = post(writer_api)

    assert (first.status_code, first.has_header(REPLAYED)) == (201, False)
    assert (again.status_code, again[REPLAYED], again.content) == (201, "true", first.content)
    assert {name: again[name] for name in KEPT} == {name: first[name] for name in KEPT}
    assert first["Location"] == "http://testserver/api/v1/organisations/uba/"
    assert created() == [("uba", "Umweltbundesamt")]
    assert Organisation.history.count() == 1


def test_a_retry_of_a_row_creates_one_row(writer_api):
    factories.EventFactory(slug="summit")
    body = {"event": "summit", "order": 3, "title": "Day 3"}

    answers = [post(writer_api, body, url="/api/v1/sessions/") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [201, 201, 201]
    assert len({answer.content for answer in answers}) == 1
    assert Session.objects.count() == 1


def test_the_replay_is_the_first_answer_even_after_the_record_changed(writer_api):
    first = post(writer_api)
    Organisation.objects.filter(slug="uba").update(name="Renamed")

    again = post(writer_api)

    assert (again.content, again["ETag"]) == (first.content, first["ETag"])
    assert again.json()["name"] == "Umweltbundesamt"


def test_the_same_data_serialised_otherwise_is_the_same_request(writer_api):
    first = post(writer_api)
    reordered = json.dumps(dict(reversed(BODY.items())), indent=4)

    again = writer_api.generic(
        "POST", URL, reordered, content_type="application/json", headers={"Idempotency-Key": KEY}
    )

    assert (again.status_code, again[REPLAYED], again.content) == (201, "true", first.content)


def test_a_key_in_quotes_as_the_draft_sends_it_is_the_same_key(writer_api):
    first = post(writer_api)

    again = post(writer_api, key=f'"{KEY}"')

    assert (again[REPLAYED], again.content) == ("true", first.content)


def test_a_post_without_a_key_works_as_before(writer_api):
    first = post(writer_api, key=None)
    again = post(writer_api, key=None)

    assert first.status_code == 201
    assert (again.status_code, api_error(again)["errors"][0]["field"]) == (400, "slug")
    assert not again.has_header(REPLAYED)
    assert not IdempotencyKey.objects.exists()


# A key names one request of one account ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ({**BODY, "name": "UBA"}, URL),
        ({"slug": "uba", "name": "Umweltbundesamt"}, URL),
        ({"slug": "uba", "name": "Umweltbundesamt"}, "/api/v1/topics/"),
    ],
    ids=["another value", "another body", "another address"],
)
def test_the_same_key_with_another_request_is_a_422(writer_api, body, url):
    first = post(writer_api)

    response = post(writer_api, body, url=url)

    assert response.status_code == 422
    error = api_error(response)
    assert error["code"] == "idempotency_key_reused"
    assert "different request" in error["detail"]
    assert created() == [("uba", "Umweltbundesamt")]
    assert post(writer_api).content == first.content


def test_keys_belong_to_their_account(writer_api):
    post(writer_api)
    other = factories.PartnerFactory()
    other.user_permissions.add(*record_permissions())

    response = post(token_client(other), {**BODY, "slug": "dehst", "name": "DEHSt"})

    assert (response.status_code, response.has_header(REPLAYED)) == (201, False)
    assert sorted(created()) == [("dehst", "DEHSt"), ("uba", "Umweltbundesamt")]


@pytest.mark.parametrize(
    "key",
    ["", "x" * 256, "schlüssel", "tab\there", '""'],
    ids=["empty", "too long", "not ASCII", "a control character", "empty in quotes"],
)
def test_a_key_that_is_not_1_to_255_printable_ascii_characters_is_a_400(writer_api, key):
    response = post(writer_api, key=key)

    assert response.status_code == 400
    error = api_error(response)
    assert error["code"] == "invalid_idempotency_key"
    assert "255 printable ASCII" in error["detail"]
    assert (created(), IdempotencyKey.objects.exists()) == ([], False)


def test_a_key_of_255_printable_characters_is_taken(writer_api):
    key = "".join(chr(code) for code in range(0x20, 0x7F)) * 2 + "x" * 65

    assert (len(key), post(writer_api, key=key).status_code) == (255, 201)
    assert post(writer_api, key=key)[REPLAYED] == "true"


def test_a_refused_post_keeps_nothing_and_its_key_may_be_sent_again(writer_api):
    refused = post(writer_api, {**BODY, "kind": "castle"})

    fixed = post(writer_api)

    assert refused.status_code == 400
    assert (fixed.status_code, fixed.has_header(REPLAYED)) == (201, False)
    assert created() == [("uba", "Umweltbundesamt")]


@pytest.mark.parametrize(("client", "status"), [("api", 401), ("partner_api", 403)])
def test_a_post_the_account_may_not_make_is_refused_before_its_key_is_looked_at(request, client, status):
    response = post(request.getfixturevalue(client))

    assert response.status_code == status
    assert (created(), IdempotencyKey.objects.exists()) == ([], False)


# Keys expire --------------------------------------------------------------------------------------


def age(key: str, seconds: int) -> None:
    """Make the rows of ``key`` (of every account) ``seconds`` older."""
    IdempotencyKey.objects.filter(key=key).update(
        created_at=F("created_at") - datetime.timedelta(seconds=seconds)
    )


def test_an_expired_key_counts_as_new(writer_api, settings):
    settings.API_IDEMPOTENCY_KEY_SECONDS = 60
    post(writer_api)
    age(KEY, 61)

    response = post(writer_api, {**BODY, "slug": "dehst", "name": "DEHSt"})

    assert (response.status_code, response.has_header(REPLAYED)) == (201, False)
    assert sorted(created()) == [("dehst", "DEHSt"), ("uba", "Umweltbundesamt")]
    assert IdempotencyKey.objects.count() == 1


def test_a_key_is_remembered_until_it_expires(writer_api, settings):
    settings.API_IDEMPOTENCY_KEY_SECONDS = 60
    first = post(writer_api)
    age(KEY, 59)

    assert post(writer_api).content == first.content


def test_an_accounts_expired_keys_are_pruned_on_its_next_keyed_post(writer_api, writer, settings):
    settings.API_IDEMPOTENCY_KEY_SECONDS = 60
    someone_else = factories.PartnerFactory()
    for user, key in [(writer, "old"), (someone_else, "old"), (writer, "recent")]:
        IdempotencyKey.objects.create(user=user, key=key, fingerprint="0" * 64)
    age("old", 61)

    post(writer_api)

    assert sorted(IdempotencyKey.objects.values_list("user__username", "key")) == sorted(
        [(someone_else.username, "old"), (writer.username, "recent"), (writer.username, KEY)]
    )


# The schema ---------------------------------------------------------------------------------------


def test_the_schema_documents_the_key_and_its_answers(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]

    for path in ("/api/v1/organisations/", "/api/v1/sessions/"):
        operation = paths[path]["post"]
        (key,) = [item for item in operation["parameters"] if item["name"] == "Idempotency-Key"]
        assert (key["in"], key["required"], key["schema"]["maxLength"]) == ("header", False, 255)
        assert "idempotency_key_reused" in operation["responses"]["422"]["description"]
        assert "idempotency_key_in_use" in operation["responses"]["409"]["description"]
    assert "Idempotency-Key" not in str(paths["/api/v1/organisations/{slug}/"]["patch"]["parameters"])


# Concurrent requests, each on a connection of its own ----------------------------------------------


def writer_clients(count: int) -> list[APIClient]:
    """``count`` clients of one account that may write every record (one token, as a partner system
    would share among its workers)."""
    user = factories.PartnerFactory()
    user.user_permissions.add(*record_permissions())
    key = issue_token(user)
    clients = [APIClient() for _ in range(count)]
    for client in clients:
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return clients


def in_thread(call, name: str = "request"):
    """Start ``call`` in a thread with its own database connection; ``join()`` returns its result."""
    result = {}

    def run():
        try:
            result["value"] = call()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name=name)
    thread.start()

    def join():
        thread.join(timeout=60)
        assert not thread.is_alive()
        return result["value"]

    return join


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_with_one_key_create_one_record():
    clients = writer_clients(6)
    barrier = threading.Barrier(len(clients))

    def send(client):
        barrier.wait()
        return post(client)

    answers = [join() for join in [in_thread(lambda client=client: send(client)) for client in clients]]

    assert created() == [("uba", "Umweltbundesamt")]
    (first,) = [answer for answer in answers if answer.status_code == 201 and not answer.has_header(REPLAYED)]
    for answer in answers:
        if answer is first:
            continue
        if answer.status_code == 409:
            assert answer.json()["code"] == "idempotency_key_in_use"
        else:
            assert (answer.status_code, answer[REPLAYED], answer.content) == (201, "true", first.content)
    assert IdempotencyKey.objects.get().response_status == 201


@pytest.mark.django_db(transaction=True)
def test_a_retry_while_the_first_request_is_processed_is_a_409_then_the_first_answer(monkeypatch):
    first_client, retrying = writer_clients(2)
    started, release = threading.Event(), threading.Event()
    create_record = RecordViewSet.create_record

    def slow_create_record(view, request):
        if threading.current_thread().name == "first":
            started.set()
            assert release.wait(timeout=30)
        return create_record(view, request)

    monkeypatch.setattr(RecordViewSet, "create_record", slow_create_record)

    join_first = in_thread(lambda: post(first_client), name="first")
    assert started.wait(timeout=30)
    busy = post(retrying)
    busy_with_another_body = post(retrying, {**BODY, "name": "UBA"})
    release.set()
    first = join_first()
    after = post(retrying)

    assert busy.status_code == busy_with_another_body.status_code == 409
    assert api_error(busy)["code"] == "idempotency_key_in_use"
    assert "still being processed" in busy.json()["detail"]
    assert first.status_code == 201
    assert (after.status_code, after[REPLAYED], after.content) == (201, "true", first.content)
    assert created() == [("uba", "Umweltbundesamt")]
