import csv
import io

import pytest

from config.editorial.workflow import EDITORS, PUBLISHERS
from tests.factories import member_of


def csv_bytes(rows: list[dict]) -> bytes:
    """A CSV file (UTF-8) with the keys of the first row as its header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def publisher(db):
    return member_of(PUBLISHERS)


@pytest.fixture
def editor(db):
    return member_of(EDITORS)
