"""The API's fast read paths give what REST framework's generic ones give, on the seed data."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from config.framework.models import unread_columns
from tests import factories
from tests.helpers import capture_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def serializer_classes():
    for app in settings.ATLAS_APPS:
        for prefix, viewset, _basename in import_module(f"{app}.api.urls").router.registry:
            for serializer_class in {viewset.serializer_class, viewset.summary_serializer_class} - {None}:
                yield prefix, serializer_class


@pytest.mark.parametrize(
    ("prefix", "serializer_class"),
    list(serializer_classes()),
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
@pytest.mark.parametrize("user", ["anonymous", "staff"])
def test_plain_columns_as_is_give_what_rest_framework_gives(prefix, serializer_class, user, staff):
    reader = AnonymousUser() if user == "anonymous" else staff
    request = Request(APIRequestFactory().get(f"/api/v1/{prefix}/"))
    request.user = reader
    model = serializer_class.Meta.model
    if model.__name__ == "ProjectContactPoint" and not model.objects.exists():
        factories.ProjectContactPointFactory()  # the seed names none
    records = serializer_class.eager_load(model.objects.visible_to(reader), reader)
    records = list(records.defer(*unread_columns(model, serializer_class.Meta.fields)))
    assert records, f"the seed data has no {model._meta.verbose_name_plural}"
    serializer = serializer_class(context={"request": request})

    for record in records:
        generic = serializers.Serializer.to_representation(serializer, record)
        assert serializer.to_representation(record) == generic


def test_a_list_reads_neither_long_texts_nor_search_columns(api):
    with capture_queries() as queries:
        response = api.get("/api/v1/events/", {"page_size": 100})
    assert response.status_code == 200
    assert response.json()["results"]
    page = next(sql for sql in queries.sql if 'FROM "events_event"' in sql and "LIMIT" in sql)
    for column in ("description", "summary", "outcomes", "search_vector", "search_names", "search_bigrams"):
        assert f'"events_event"."{column}' not in page
    topics = next(sql for sql in queries.sql if 'FROM "dialogues_topic"' in sql)
    assert '"dialogues_topic"."description' not in topics
    assert '"dialogues_topic"."name_de"' in topics  # a reference shows the name, in every language


def test_a_detail_reads_its_long_texts_but_not_its_search_columns(api):
    with capture_queries() as queries:
        response = api.get("/api/v1/events/t2d-plenary-9-potsdam-2024-10/")
    assert response.status_code == 200
    record = next(sql for sql in queries.sql if 'FROM "events_event"' in sql)
    assert '"events_event"."description_de"' in record
    assert '"events_event"."search_vector"' not in record
