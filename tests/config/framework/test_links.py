"""Links from route templates, the visibility filter built once, filters copied per FilterSet."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import NoReverseMatch, clear_script_prefix, get_script_prefix, reverse, set_script_prefix
from rest_framework.test import APIRequestFactory

from config.framework.links import absolute, record_path, slug_url
from config.framework.visibility import Status, Visibility
from dialogues.models import Dialogue
from events.filtersets import EventFilterSet
from events.models import Event
from tests import factories
from tests.helpers import grant

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


@pytest.mark.django_db
def test_visible_to_gives_each_kind_of_reader_its_own_records(partner):
    public = factories.EventFactory(slug="public")
    factories.EventFactory(slug="for-partners", visibility=Visibility.PARTNERS)
    factories.EventFactory(slug="draft", status=Status.DRAFT)
    anonymous = AnonymousUser()

    first = Event.objects.visible_to(anonymous)
    assert {event.slug for event in first} == {"public"}
    # A copy each time: evaluating one leaves the next unevaluated and unfiltered by it.
    assert Event.objects.visible_to(anonymous) is not first
    assert Event.objects.visible_to(anonymous).filter(slug="draft").count() == 0
    assert {event.slug for event in Event.objects.visible_to(partner)} == {"public", "for-partners"}
    grant(partner, Event, "change")
    editor = type(partner).objects.get(pk=partner.pk)  # permissions are read once per user object
    assert {event.slug for event in Event.objects.visible_to(editor)} == {"public", "for-partners", "draft"}
    assert {event.slug for event in Event.objects.visible_to(anonymous)} == {"public"}

    topic = factories.TopicFactory()
    other = factories.EventFactory(slug="other")
    other.topics.add(topic)
    # A related manager filters by its record as well: it is never served from the shared copies.
    assert list(public.topics.visible_to(anonymous)) == []
    assert list(other.topics.visible_to(anonymous)) == [topic]


@pytest.mark.django_db
def test_each_filterset_has_filters_of_its_own(partner):
    factories.DialogueFactory(slug="open")
    factories.DialogueFactory(slug="partners-only", visibility=Visibility.PARTNERS)
    factory = APIRequestFactory()
    anonymous_request, partner_request = factory.get("/"), factory.get("/")
    anonymous_request.user, partner_request.user = AnonymousUser(), partner

    seen_by_partner = EventFilterSet({"dialogue": "partners-only"}, request=partner_request)
    seen_by_anonymous = EventFilterSet({"dialogue": "partners-only"}, request=anonymous_request)
    assert seen_by_partner.is_valid()
    assert not seen_by_anonymous.is_valid()  # the partners' dialogue is no choice for a visitor
    assert seen_by_partner.filters["dialogue"] is not seen_by_anonymous.filters["dialogue"]
    assert seen_by_partner.filters["dialogue"].extra is not EventFilterSet.base_filters["dialogue"].extra
    assert set(seen_by_partner.filters["dialogue"].field.queryset) == set(Dialogue.objects.all())
    assert [d.slug for d in seen_by_anonymous.filters["dialogue"].field.queryset] == ["open"]

    # A filter with method= calls the method of its own FilterSet.
    upcoming = EventFilterSet({"when": "upcoming"}, request=anonymous_request)
    assert upcoming.is_valid()
    assert upcoming.filters["when"].filter.f is upcoming.filters["when"]
    assert upcoming.filters["when"].parent is upcoming
    list(upcoming.qs)
