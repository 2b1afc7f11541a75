"""The weight of the T2D change form, with the seed loaded (its own module: the seed is per module)."""

import pytest

from dialogues.models import Dialogue
from tests.helpers import admin_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

# Measured on the seed: 495,665 bytes with every country in each role's side menu, 328,625 with the
# dialogue's parties only, 350,529 once the form gained the dialogue it supports, the phases' counts
# and cadence and "role not stated". The bound leaves room for what the form gains, not for the
# menus' return.
T2D_CHANGE_FORM_BUDGET = 380_000


def test_t2d_change_form_stays_within_its_weight(admin_client):
    t2d = Dialogue.objects.get(acronym="T2D")

    response = admin_client.get(admin_url(Dialogue, "change", t2d.pk))

    roles = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    assert [len(roles.forms), len(roles.empty_form.fields["side"].choices)] == [t2d.roles.count(), 3]
    assert len(response.content) < T2D_CHANGE_FORM_BUDGET
