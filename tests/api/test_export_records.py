"""The NDJSON export shows each record exactly as its detail endpoint does, however many it streams."""

import json

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_export_lines_equal_each_records_detail(api):
    t2d = factories.DialogueFactory(slug="t2d")
    topic = factories.TopicFactory(slug="emissions-trading")
    first = factories.EventFactory(slug="plenary", dialogue=t2d, country="DE", city="Berlin")
    first.topics.add(topic)
    second = factories.EventFactory(slug="webinar", kind="webinar", country="CN")
    factories.EventParticipationFactory(event=second)
    factories.SessionFactory(event=first, title="Opening")

    response = api.get("/api/v1/events/export/")
    lines = b"".join(response.streaming_content).decode().splitlines()
    exported = sorted((json.loads(line) for line in lines), key=lambda row: row["slug"])
    details = [api.get(f"/api/v1/events/{slug}/").json() for slug in ("plenary", "webinar")]

    assert exported == details
    assert [row["dialogue"] and row["dialogue"]["slug"] for row in exported] == ["t2d", None]
