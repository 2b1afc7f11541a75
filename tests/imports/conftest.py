import csv
import io

import pytest
from django.contrib.auth.models import Group

from config.services import EDITORS, PUBLISHERS
from tests import factories


def csv_bytes(rows: list[dict]) -> bytes:
    """A CSV file (UTF-8) with the keys of the first row as its header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def member_of(group: str):
    user = factories.UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def publisher(db):
    return member_of(PUBLISHERS)


@pytest.fixture
def editor(db):
    return member_of(EDITORS)
