"""Anonymous responses cached whole, dropped on every write, never shown to signed-in users."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from config.atlas import demo
from config.framework.visibility import Status, Visibility
from config.operations import cache as response_cache
from events.models import Event
from tests import factories
from tests.helpers import capture_queries, if_match, token_client

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


@pytest.fixture
def public_event(db):
    return factories.EventFactory(name="Public plenary", slug="public-plenary")


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/", "/events/public-plenary/", "/"])
def test_second_anonymous_request_is_served_without_queries(client, public_event, url):
    first = client.get(url)

    with capture_queries() as queries:
        second = client.get(url)

    assert len(queries) == 0
    assert (first.status_code, second.status_code) == (200, 200)
    # The same page, but for its CSP nonce (test_each_cached_response_gets_a_new_csp_nonce).
    assert re.sub(rb'nonce="[^"]+"', b"", second.content) == re.sub(rb'nonce="[^"]+"', b"", first.content)
    assert (first.get("X-Cache"), second["X-Cache"]) == (None, "hit")


def test_head_is_served_from_the_cached_get(client, public_event):
    client.get("/api/v1/events/")

    with capture_queries() as queries:
        response = client.head("/api/v1/events/")

    assert len(queries) == 0
    assert response.status_code == 200


def test_model_save_makes_the_next_request_fresh(api, public_event):
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]

    public_event.name = "Renamed plenary"
    public_event.save()

    assert names(api.get("/api/v1/events/")) == ["Renamed plenary"]


def test_relinking_a_topic_makes_the_next_request_fresh(api, public_event):
    topic = factories.TopicFactory(slug="carbon-markets")
    url = "/api/v1/events/?topic=carbon-markets"
    assert names(api.get(url)) == []

    public_event.topics.add(topic)

    assert names(api.get(url)) == ["Public plenary"]


def test_api_write_makes_the_next_request_fresh(api, publisher_api, public_event):
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]

    url = "/api/v1/events/public-plenary/"

    response = publisher_api.patch(
        url, {"name": "Patched plenary"}, format="json", headers=if_match(publisher_api, url)
    )

    assert response.status_code == 200
    assert names(api.get("/api/v1/events/")) == ["Patched plenary"]


def test_admin_write_makes_the_next_request_fresh(client, admin_client, public_event):
    assert b"Public plenary" in client.get("/events/").content
    change_url = reverse("admin:events_event_change", args=[public_event.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    # The inline formsets of the change page, all empty.
    for formset in admin_client.get(change_url).context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}

    response = admin_client.post(change_url, {**data, "name_en": "Edited in the admin"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    page = client.get("/events/").content
    assert (b"Edited in the admin" in page, b"Public plenary" in page) == (True, False)


def test_explicit_invalidate_makes_the_next_request_fresh(api, public_event):
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]
    type(public_event).objects.filter(pk=public_event.pk).update(name="Bulk renamed")
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]  # update() sends no signal

    response_cache.invalidate()

    assert names(api.get("/api/v1/events/")) == ["Bulk renamed"]


def test_demo_data_written_with_copy_makes_the_next_request_fresh(api):
    assert api.get("/api/v1/events/").json()["count"] == 0

    demo.generate(events=20)

    assert api.get("/api/v1/events/").json()["count"] == Event.objects.visible_to(AnonymousUser()).count() > 0


def test_signed_in_users_are_never_served_the_cached_anonymous_page(client, partner, staff, public_event):
    factories.EventFactory(name="Partners meeting", visibility=Visibility.PARTNERS)
    factories.EventFactory(name="Draft workshop", status=Status.DRAFT)
    assert b"Partners meeting" not in client.get("/events/").content

    partner_client, staff_client = Client(), Client()
    partner_client.force_login(partner)
    staff_client.force_login(staff)
    partner_page = partner_client.get("/events/")
    staff_page = staff_client.get("/events/")

    assert (b"Partners meeting" in partner_page.content, b"Draft workshop" in partner_page.content) == (
        True,
        False,
    )
    assert (b"Partners meeting" in staff_page.content, b"Draft workshop" in staff_page.content) == (
        True,
        True,
    )
    # Kept nowhere, not even in the browser's cache (an anonymous error stays "private, no-cache").
    assert partner_page["Cache-Control"] == staff_page["Cache-Control"] == "private, no-store"


def test_token_clients_are_never_served_the_cached_anonymous_list(api, partner, public_event):
    factories.EventFactory(name="Partners meeting", visibility=Visibility.PARTNERS)
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]

    response = token_client(partner).get("/api/v1/events/")

    assert sorted(names(response)) == ["Partners meeting", "Public plenary"]
    assert (response.get("X-Cache"), response["Cache-Control"]) == (None, "private, no-store")


def test_responses_of_signed_in_users_are_never_stored(public_event, partner, staff):
    factories.EventFactory(name="Partners meeting", visibility=Visibility.PARTNERS)
    factories.EventFactory(name="Draft workshop", status=Status.DRAFT)
    staff_api, partner_api = token_client(staff), token_client(partner)

    assert len(names(staff_api.get("/api/v1/events/"))) == 3
    assert sorted(names(partner_api.get("/api/v1/events/"))) == ["Partners meeting", "Public plenary"]
    assert sorted(names(staff_api.get("/api/v1/events/"))) == [
        "Draft workshop",
        "Partners meeting",
        "Public plenary",
    ]
    assert [key for key in cache._cache if ":atlas:response:" in key] == []


def test_bad_requests_are_not_cached(client):
    assert client.get("/events/?year=abc").status_code == 400

    response = client.get("/events/?year=abc")

    assert (response.status_code, response.get("X-Cache"), response["Cache-Control"]) == (
        400,
        None,
        "private, no-cache",
    )


def test_responses_that_set_a_cookie_are_not_cached(client):
    first = client.get("/admin/login/")
    second = client.get("/admin/login/")

    assert "csrftoken" in first.cookies
    assert (second.status_code, second.get("X-Cache")) == (200, None)


def nonces(response) -> tuple[set[str], set[str]]:
    """The nonces of the policy and those of the page's tags."""
    policy = set(re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"]))
    return policy, set(re.findall(r'nonce="([^"]+)"', response.content.decode()))


@pytest.mark.parametrize("url", ["/events/", "/api/docs/"])
def test_each_cached_response_gets_a_new_csp_nonce(client, url):
    first, second, third = (client.get(url) for _ in range(3))

    assert (first.get("X-Cache"), second["X-Cache"], third["X-Cache"]) == (None, "hit", "hit")
    for response in (first, second, third):
        policy, tags = nonces(response)
        assert len(policy) == 1
        assert tags == policy
    assert len(nonces(first)[0] | nonces(second)[0] | nonces(third)[0]) == 3
    assert len(second.content) == len(first.content) == int(second["Content-Length"])


def test_language_and_htmx_requests_are_cached_apart(client, public_event):
    english = client.get("/events/")
    german = client.get("/de/events/")
    chinese = client.get("/zh-hans/events/")
    fragment = client.get("/de/events/", headers={"HX-Request": "true"})

    assert [response.get("X-Cache") for response in (english, german, chinese, fragment)] == [None] * 4
    assert [english["Content-Language"], german["Content-Language"], chinese["Content-Language"]] == [
        "en",
        "de",
        "zh-hans",
    ]
    assert b"<html" not in fragment.content
    assert client.get("/de/events/", headers={"HX-Request": "true"}).content == fragment.content
    assert [
        client.get(url)["Content-Language"] for url in ("/events/", "/de/events/", "/zh-hans/events/")
    ] == [
        "en",
        "de",
        "zh-hans",
    ]


def test_an_unprefixed_page_is_one_entry_whatever_the_browsers_language(client, public_event):
    english = client.get("/events/", headers={"Accept-Language": "en"})

    with capture_queries() as queries:
        for language in ("de", "zh-Hans", "fr"):
            again = client.get("/events/", headers={"Accept-Language": language})
            assert [again["X-Cache"], again["Content-Language"]] == ["hit", "en"]

    assert len(queries) == 0
    assert english["Content-Language"] == "en"


def test_a_cached_page_is_never_served_in_another_language(client, public_event):
    german = client.get("/de/events/public-plenary/")
    english = client.get("/events/public-plenary/", headers={"Accept-Language": "de"})
    chinese = client.get("/zh-hans/events/public-plenary/", headers={"Accept-Language": "de"})

    assert [german.get("X-Cache"), english.get("X-Cache"), chinese.get("X-Cache")] == [None, None, None]
    assert [b'<html lang="de">' in german.content, b'<html lang="en">' in english.content] == [True, True]
    assert b'<html lang="zh-Hans">' in chinese.content


def test_api_responses_are_cached_apart_by_the_asked_language(api, public_event):
    english = api.get("/api/v1/events/", headers={"Accept-Language": "en"})
    german = api.get("/api/v1/events/", headers={"Accept-Language": "de"})

    assert [english.get("X-Cache"), german.get("X-Cache")] == [None, None]
    assert api.get("/api/v1/events/", headers={"Accept-Language": "de"})["X-Cache"] == "hit"


def test_anonymous_page_headers(client, public_event):
    response = client.get("/events/")

    assert response["Cache-Control"] == "public, max-age=60"
    # The address names the language (config/operations/locale.py): no Accept-Language.
    assert response["Vary"] == "Cookie, HX-Request"


def test_anonymous_api_headers_and_cached_304(api, public_event):
    first = api.get("/api/v1/events/")

    with capture_queries() as queries:
        unchanged = api.get("/api/v1/events/", headers={"If-None-Match": first["ETag"]})

    assert len(queries) == 0
    assert first["Cache-Control"] == "public, max-age=60"
    assert first["Vary"] == "Accept, Accept-Language, Authorization, Cookie, origin"
    assert (unchanged.status_code, unchanged["ETag"], unchanged["Cache-Control"]) == (
        304,
        first["ETag"],
        "public, max-age=60",
    )


def test_anonymous_api_error_is_not_public(api):
    response = api.get("/api/v1/events/?year=abc")

    assert (response.status_code, response["Cache-Control"]) == (400, "private, no-cache")


def test_a_lost_generation_never_revives_old_entries(api, public_event):
    before = response_cache.generation()
    cache.delete(response_cache.GENERATION_KEY)

    assert response_cache.generation() > before


def test_response_cache_can_be_turned_off(api, public_event, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    api.get("/api/v1/events/")

    response = api.get("/api/v1/events/")

    assert (response.get("X-Cache"), response["Cache-Control"]) == (None, "public, max-age=60")


# Redis away (config/operations/resilient_cache.py; the whole journey: tests/operations/test_redis_faults.py)


def test_with_redis_the_second_anonymous_request_is_a_hit(client, public_event, redis_cache):
    first, second = client.get("/events/"), client.get("/events/")

    assert (first.get("X-Cache"), second["X-Cache"]) == (None, "hit")
    assert redis_cache.client().get(":1:atlas:generation") is not None


def test_while_redis_is_away_pages_are_rendered_afresh(client, public_event, redis_cache):
    redis_cache.stop()

    responses = [client.get("/events/") for _ in range(2)]

    assert [(response.status_code, response.get("X-Cache")) for response in responses] == [(200, None)] * 2
    assert all(b"Public plenary" in response.content for response in responses)
    assert response_cache.generation() is None


def test_caching_resumes_when_redis_answers_again(client, public_event, redis_cache):
    redis_cache.stop()
    client.get("/events/")
    redis_cache.start()

    first, second = client.get("/events/"), client.get("/events/")

    assert (first.get("X-Cache"), second["X-Cache"]) == (None, "hit")


def test_a_hung_redis_costs_no_error_and_no_stale_page(api, public_event, redis_cache):
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]
    redis_cache.hang()

    public_event.name = "Renamed plenary"
    public_event.save()
    during = api.get("/api/v1/events/")
    redis_cache.resume()
    after = api.get("/api/v1/events/")

    assert [(response.get("X-Cache"), names(response)) for response in (during, after)] == [
        (None, ["Renamed plenary"])
    ] * 2


def test_no_page_cached_before_an_outage_is_served_after_a_write_made_during_it(
    api, public_event, redis_cache
):
    assert names(api.get("/api/v1/events/")) == ["Public plenary"]
    assert api.get("/api/v1/events/")["X-Cache"] == "hit"
    redis_cache.snapshot()
    redis_cache.stop()

    public_event.name = "Renamed plenary"
    public_event.save()  # its invalidation cannot reach Redis
    redis_cache.start()  # with the page and the generation it had before the write
    response = api.get("/api/v1/events/")

    assert (response.get("X-Cache"), names(response)) == (None, ["Renamed plenary"])
    assert api.get("/api/v1/events/")["X-Cache"] == "hit"
