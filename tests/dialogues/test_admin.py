"""The dialogue admin: finding a dialogue by the other names sources use."""

import pytest

from dialogues.models import Dialogue
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db


def test_admin_search_finds_dialogue_by_alias(admin_client):
    t2d = factories.DialogueFactory(name="Sino-German Track II Dialogue", aliases=["Track-2-Dialogue"])
    factories.DialogueFactory(name="India-U.S. Track II Dialogue")

    response = admin_client.get(admin_url(Dialogue, "changelist"), {"q": "track-2"})

    assert list(response.context["cl"].result_list) == [t2d]
