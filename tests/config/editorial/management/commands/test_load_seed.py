"""``load_seed``: records by natural key, loaded twice without change, an editor's correction kept,
the seed's corrections applied where nobody else wrote, each language in its own column, and every
value covered by the sources its record cites."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from dialogues.models import Topic
from events.models import Event, Photo
from institutions.models import Organisation, Source

pytestmark = pytest.mark.django_db

# The text of the test source, kept beside the seed files as fixtures/sources/ keeps the real ones'.
DOCUMENT = """
The German Environment Agency (UBA), Umweltbundesamt, also written Umwelt Bundesamt, in Germany,
works on emissions trading and holds a test dialogue. Its 9th Plenary Meeting (9. Plenartreffen)
took place in Potsdam.
"""

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
  citations:
    country: {source: test-source, quote: "The German Environment Agency (UBA)"}
- model: dialogues.topic
  fields:
    slug: emissions-trading
    name: Emissions trading
    name_de: Emissionshandel
    status: published
    sources: [[test-source]]
"""


@pytest.fixture(autouse=True)
def document(tmp_path):
    """The test source's text, where load_seed looks for it: sources/ beside the seed file."""
    (tmp_path / "sources").mkdir()
    path = tmp_path / "sources" / "test-source.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


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
        SEED
        + "- model: dialogues.dialogue\n"
        + '  fields: {slug: x, name: Test dialogue, track: "2", parties: ["DE"], sources: [[test-source]]}\n'
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
    """An English caption the seed drops is cleared; the German one is not copied into it."""
    path = tmp_path / "languages.yaml"
    path.write_text(LANGUAGES_SEED.replace("caption: null", "caption: 9th Plenary Meeting"))
    load(str(path))
    path.write_text(LANGUAGES_SEED)

    out, err = load(str(path))

    photo = Photo.objects.get()
    assert (out, err) == ("Seed data: 0 created, 1 updated, 2 unchanged, 0 kept as edited.", "")
    assert (photo.caption_en, photo.caption_de) == (None, "9. Plenartreffen")
    assert load(str(path))[0] == "Seed data: 0 created, 0 updated, 3 unchanged, 0 kept as edited."


# --- Reloading a corrected seed ---------------------------------------------------------------


def test_load_seed_applies_corrections_where_only_the_seed_wrote_and_lists_edited_records(seed_file):
    load(str(seed_file))
    topic = Topic.objects.get(slug="emissions-trading")
    topic.description = "Added by an editor."
    topic.save()
    corrected = SEED.replace("aliases: [Umwelt Bundesamt]", "aliases: []").replace(
        "name_de: Emissionshandel", "name_de: null"
    )
    seed_file.write_text(corrected, encoding="utf-8")

    out, err = load(str(seed_file))

    uba, topic = Organisation.objects.get(slug="uba"), Topic.objects.get(slug="emissions-trading")
    assert out == "Seed data: 0 created, 1 updated, 1 unchanged, 1 kept as edited."
    assert err == "seed.yaml: Topic Emissions trading differs in name_de"
    assert (uba.aliases, topic.name_de, topic.description) == ([], "Emissionshandel", "Added by an editor.")
    assert list(uba.history.values_list("history_type", "history_change_reason")) == [
        ("~", "Seed data"),
        ("+", "Seed data"),
    ]


# --- Every value covered by its record's sources -----------------------------------------------


def test_load_seed_refuses_an_uncovered_value_naming_file_record_field_and_value(seed_file):
    seed_file.write_text(SEED.replace("acronym: UBA", "acronym: UBA-X"), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load(str(seed_file))

    assert str(error.value) == (
        "Values no cited source covers; nothing was loaded:\n"
        "  seed.yaml: institutions.organisation uba: acronym 'UBA-X' is in no cited text: ['UBA-X'] "
        "(cited: test-source)"
    )
    assert (Source.objects.count(), Organisation.objects.count(), Topic.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize(
    ("citation", "why"),
    [
        ('{source: test-source, quote: "in France"}', "quotes 'in France', which is not in test-source"),
        (
            '{source: other-source, quote: "in Germany"}',
            "cites other-source, which the record does not list among its sources",
        ),
        ('{quote: "in Germany"}', "has a citation without a source and a quote"),
    ],
)
def test_load_seed_refuses_a_citation_that_does_not_hold(seed_file, citation, why):
    seed_file.write_text(
        SEED.replace('{source: test-source, quote: "The German Environment Agency (UBA)"}', citation),
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as error:
        load(str(seed_file))

    assert str(error.value).splitlines()[1:] == [
        f"  seed.yaml: institutions.organisation uba: country 'DE' {why}"
    ]
    assert Organisation.objects.count() == 0


def test_load_seed_refuses_a_country_without_a_citation(seed_file):
    seed_file.write_text(
        SEED.split("  citations:")[0] + SEED.split('The German Environment Agency (UBA)"}\n')[1]
    )

    with pytest.raises(CommandError) as error:
        load(str(seed_file))

    assert str(error.value).splitlines()[1:] == [
        "  seed.yaml: institutions.organisation uba: country 'DE' needs a field-level citation "
        "(cited: test-source)"
    ]


PUBLIC_SOURCE = """
- model: institutions.source
  fields:
    slug: agency-website
    title: About us
    publisher: German Environment Agency
    url: https://www.umweltbundesamt.de/en/the-uba
    {seen_on}
"""


@pytest.mark.parametrize(("seen_on", "accepted"), [("seen_on: 2026-11-30", True), ("", False)])
def test_load_seed_takes_a_public_sources_quote_as_given_when_the_source_is_named_exactly(
    seed_file, seen_on, accepted
):
    """A source outside the seed cannot be read offline: it must name title, publisher, URL, date seen."""
    seed = PUBLIC_SOURCE.format(seen_on=seen_on) + SEED.replace(
        "    sources: [[test-source]]\n  citations:\n    country: {source: test-source,",
        "    sources: [[test-source], [agency-website]]\n  citations:\n    country: {source: agency-website,",
    ).replace('quote: "The German Environment Agency (UBA)"}', 'quote: "Dessau-Roßlau, Germany"}')
    seed_file.write_text(seed, encoding="utf-8")

    if accepted:
        load(str(seed_file))
        assert Organisation.objects.get(slug="uba").country == "DE"
    else:
        with pytest.raises(CommandError) as error:
            load(str(seed_file))
        assert str(error.value).splitlines()[1:] == [
            "  seed.yaml: institutions.organisation uba: country 'DE' cites agency-website, a public source "
            "without its seen_on"
        ]
