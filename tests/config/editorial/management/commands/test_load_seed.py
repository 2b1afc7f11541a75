"""``load_seed``: records by natural key, loaded twice without change, an editor's correction kept."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dialogues.models import Topic
from institutions.models import Organisation

pytestmark = pytest.mark.django_db

SEED = """
- model: institutions.source
  fields: {slug: test-source, title: A test source}
- model: institutions.organisation
  fields:
    slug: uba
    name: German Environment Agency
    acronym: UBA
    native_name: Umweltbundesamt
    aliases: [Umwelt Bundesamt]
    kind: government_agency
    country: "DE"
    status: published
    sources: [[test-source]]
- model: dialogues.topic
  fields: {slug: emissions-trading, name: Emissions trading, name_de: Emissionshandel, status: published}
"""


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "seed.yaml"
    path.write_text(SEED, encoding="utf-8")
    return path


def load(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_seed", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_load_seed_creates_records_with_natural_keys(seed_file):
    out, _ = load(str(seed_file))

    uba = Organisation.objects.get(slug="uba")
    assert out == "Seed data: 3 created, 0 updated, 0 unchanged, 0 kept as edited."
    assert (uba.acronym, uba.native_name, uba.aliases, uba.country) == (
        "UBA",
        "Umweltbundesamt",
        ["Umwelt Bundesamt"],
        "DE",
    )
    assert [source.slug for source in uba.sources.all()] == ["test-source"]
    assert Topic.objects.get(slug="emissions-trading").name_de == "Emissionshandel"


def test_load_seed_twice_changes_nothing(seed_file):
    load(str(seed_file))
    stamps = list(Organisation.objects.values_list("updated_at", flat=True))

    out, _ = load(str(seed_file))

    assert out == "Seed data: 0 created, 0 updated, 3 unchanged, 0 kept as edited."
    assert list(Organisation.objects.values_list("updated_at", flat=True)) == stamps


def test_load_seed_keeps_an_editors_correction(seed_file):
    load(str(seed_file))
    uba = Organisation.objects.get(slug="uba")
    uba.name = "Umweltbundesamt (German Environment Agency)"
    uba.description = "Added by an editor."
    uba.save()

    out, err = load(str(seed_file))

    uba.refresh_from_db()
    assert out == "Seed data: 0 created, 0 updated, 2 unchanged, 1 kept as edited."
    assert err == "seed.yaml: Organisation Umweltbundesamt (German Environment Agency) (UBA) differs in name"
    assert (uba.name, uba.description) == (
        "Umweltbundesamt (German Environment Agency)",
        "Added by an editor.",
    )


def test_load_seed_update_writes_only_the_seeds_fields(seed_file):
    load(str(seed_file))
    uba = Organisation.objects.get(slug="uba")
    uba.name = "Renamed"
    uba.description = "Added by an editor."
    uba.save()

    out, _ = load(str(seed_file), "--update")

    uba.refresh_from_db()
    assert out == "Seed data: 0 created, 1 updated, 2 unchanged, 0 kept as edited."
    assert (uba.name, uba.description) == ("German Environment Agency", "Added by an editor.")


def test_load_seed_refuses_invalid_record_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        SEED + '- model: dialogues.dialogue\n  fields: {slug: x, name: X, track: "2", parties: ["DE"]}\n'
    )

    with pytest.raises(CommandError) as error:
        load(str(path))

    assert "A dialogue has at least two parties." in str(error.value)
    assert Organisation.objects.count() == 0


def test_load_seed_names_a_broken_yaml_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("- model: [unclosed\n")

    with pytest.raises(CommandError) as error:
        load(str(path))

    assert str(error.value).startswith(f"{path}: not valid YAML")
