"""``load_seed``: records by natural key, loaded twice without change, an editor's correction kept,
each language in its own column."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from dialogues.models import Topic
from events.models import Event, Photo
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


# --- Languages -------------------------------------------------------------------------------

LANGUAGES_SEED = """
- model: institutions.source
  fields: {slug: test-source, title: A test source}
- model: events.event
  fields:
    slug: plenary
    name: 9th Plenary Meeting
    kind: plenary
    status: published
    sources: [[test-source]]
- model: events.photo
  fields:
    event: [plenary]
    order: 1
    caption: null
    caption_de: 9. Plenartreffen
    status: published
    sources: [[test-source]]
"""


def test_load_seed_writes_each_language_in_its_own_column(tmp_path):
    path = tmp_path / "languages.yaml"
    path.write_text(
        LANGUAGES_SEED.replace("    name: 9th", "    name_zh_hans: 第九次全体会议\n    name: 9th")
    )

    out, _ = load(str(path))

    plenary = Event.objects.get(slug="plenary")
    photo = plenary.photos.get()
    assert out == "Seed data: 3 created, 0 updated, 0 unchanged, 0 kept as edited."
    assert (plenary.name_en, plenary.name_de, plenary.name_zh_hans) == (
        "9th Plenary Meeting",
        None,
        "第九次全体会议",
    )
    assert (photo.caption_en, photo.caption_de, photo.caption_zh_hans) == (None, "9. Plenartreffen", None)
    with translation.override("zh-hans"):
        assert plenary.name == "第九次全体会议"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("name_fr", "name_fr: no such language; name is written as name (English), name_de, name_zh_hans."),
        ("name_zh", "name_zh: no such language; name is written as name (English), name_de, name_zh_hans."),
        ("name_en", "name_en: the English text is written as name."),
        ("slug_de", "slug_de: slug is not translated."),
        ("nmae", "nmae: Topic has no such field."),
    ],
)
def test_load_seed_refuses_a_field_in_an_unknown_language(seed_file, key, message):
    seed_file.write_text(
        SEED.replace("name_de: Emissionshandel", f"{key}: Emissionshandel"), encoding="utf-8"
    )

    with pytest.raises(CommandError) as error:
        load(str(seed_file))

    assert str(error.value) == f"seed.yaml: dialogues.topic emissions-trading: {message}"
    assert Organisation.objects.count() == 0


def test_load_seed_compares_and_updates_the_english_column_without_fallback(tmp_path):
    """An English caption the seed drops is reported and cleared; the German one is not copied into it."""
    path = tmp_path / "languages.yaml"
    path.write_text(LANGUAGES_SEED.replace("caption: null", "caption: 9th Plenary Meeting"))
    load(str(path))
    path.write_text(LANGUAGES_SEED)

    _, err = load(str(path))
    out, _ = load(str(path), "--update")

    photo = Photo.objects.get()
    assert err == "languages.yaml: Photo 9th Plenary Meeting differs in caption"
    assert out == "Seed data: 0 created, 1 updated, 2 unchanged, 0 kept as edited."
    assert (photo.caption_en, photo.caption_de) == (None, "9. Plenartreffen")
    assert load(str(path))[0] == "Seed data: 0 created, 0 updated, 3 unchanged, 0 kept as edited."
