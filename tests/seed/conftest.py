"""Load the seed data once per test module and roll it back afterwards."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed data from fixtures/, loaded into the test database for one module.

    Yields the output of ``load_seed``. Everything the module's tests see is rolled back at the end,
    so other test modules start from an empty database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_seed", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
