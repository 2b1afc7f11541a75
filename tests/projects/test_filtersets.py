"""ProjectFilterSet, tested directly."""

import pytest

from projects.filtersets import ProjectFilterSet
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def test_project_filterset_by_country_programme_and_dialogue():
    iki = factories.ProgrammeFactory(slug="iki")
    t2d = factories.DialogueFactory(slug="t2d")
    clct = factories.ProjectFactory(countries=["CN"], programme=iki)
    clct.dialogues.add(t2d)
    factories.ProjectFactory(countries=["IN"], programme=iki)
    factories.ProjectFactory(countries=["CN"])

    params = {"country": "CN", "programme": "iki", "dialogue": "t2d"}

    assert list(ProjectFilterSet(params, Project.objects.all()).qs) == [clct]
