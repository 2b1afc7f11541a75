"""The editorial app's post-migrate handler: the publish permissions exist after every migrate and
after every flush (which empties the database between transactional tests)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from config.editorial.workflow import has_workflow, publish_codename
from events.models import Event
from institutions.models import Organisation


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_has_the_publish_permissions_again():
    call_command("flush", interactive=False, verbosity=0)

    codenames = set(
        Permission.objects.filter(codename__startswith="publish_").values_list("codename", flat=True)
    )

    assert all(has_workflow(model) for model in (Event, Organisation))
    assert {publish_codename(Event), publish_codename(Organisation)} <= codenames
