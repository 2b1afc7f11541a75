"""Links to records: paths from route templates, as ``reverse()`` gives them, made absolute."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, get_script_prefix, reverse, set_script_prefix
from django.utils import translation
from rest_framework.test import APIRequestFactory

from config.framework.links import absolute, record_path, slug_url

ROUTES = [
    ("api:event-detail", "slug", "t2d-plenary-9"),
    ("api:organisation-detail", "slug", "uba"),
    ("api:session-detail", "pk", 42),
    ("events:event-detail", "slug", "t2d-plenary-9"),
    ("dialogues:dialogue-detail", "slug", "sino-german-t2d"),
]


@pytest.mark.parametrize(("viewname", "key", "value"), ROUTES)
@pytest.mark.parametrize("prefix", ["/", "/atlas/"])
def test_record_path_is_what_reverse_gives(viewname, key, value, prefix):
    before = get_script_prefix()
    set_script_prefix(prefix)
    try:
        assert record_path(viewname, key, value) == reverse(viewname, kwargs={key: value})
        assert record_path(viewname, key, value).startswith(prefix)
    finally:
        set_script_prefix(before) if before != "/" else clear_script_prefix()


def test_record_path_refuses_what_the_route_would_refuse():
    assert record_path("api:event-detail", "slug", "not a slug") is None
    assert record_path("api:session-detail", "pk", "twelve") is None
    assert record_path("api:no-such-route", "slug", "uba") is None
    with pytest.raises(NoReverseMatch):
        slug_url("events:event-detail", "not a slug")


def test_absolute_uses_the_requests_origin(settings):
    settings.ALLOWED_HOSTS = ["atlas.example.org"]
    request = APIRequestFactory().get("/", HTTP_HOST="atlas.example.org", secure=True)
    assert absolute(request, "/events/x/") == "https://atlas.example.org/events/x/"
    assert absolute(request, None) is None
    assert absolute(None, "/events/x/") == "/events/x/"


def test_record_path_is_in_the_current_language():
    paths = []
    for language in ("en", "de", "zh-hans", "en"):
        with translation.override(language):
            paths.append(
                (
                    record_path("events:event-detail", "slug", "x"),
                    slug_url("dialogues:dialogue-detail", "t2d"),
                )
            )

    assert paths == [
        ("/events/x/", "/dialogues/t2d/"),
        ("/de/events/x/", "/de/dialogues/t2d/"),
        ("/zh-hans/events/x/", "/zh-hans/dialogues/t2d/"),
        ("/events/x/", "/dialogues/t2d/"),
    ]
    # The API's addresses have no language.
    with translation.override("de"):
        assert record_path("api:event-detail", "slug", "x") == "/api/v1/events/x/"
