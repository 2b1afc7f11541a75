"""The translation catalogues: complete, consistent, and compiled from what they say."""

import re
from collections import defaultdict

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from config.operations.catalogues import catalogues, compile_catalogue, entries, is_current

LANGUAGES = {"de", "zh_Hans"}
# Python's %-placeholders, named or not, and str.format's; Django's templates use the former.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfr]|%[sdfr]|\{(\w*)\}")


def placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


def test_every_package_keeps_a_catalogue_in_each_language():
    found = {(po.parents[3].relative_to(settings.BASE_DIR), po.parents[1].name) for po in catalogues()}
    packages = {package for package, _language in found}

    assert {str(package) for package in packages} >= {
        "config",
        "config/api",
        "config/atlas",
        "config/editorial",
        "config/framework",
        "institutions",
        "dialogues",
        "projects",
        "events",
    }
    assert found == {(package, language) for package in packages for language in LANGUAGES}


@pytest.mark.parametrize("po_path", catalogues(), ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_a_catalogue_has_no_untranslated_or_fuzzy_entry_and_keeps_its_placeholders(po_path):
    po = polib.pofile(str(po_path))

    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == po_path.parents[1].name
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for translation in entry.msgstr_plural.values():
                assert placeholders(translation) == placeholders(entry.msgid_plural), entry.msgid
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid


@pytest.mark.parametrize("po_path", catalogues(), ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_each_compiled_catalogue_is_its_catalogue_compiled(po_path):
    assert is_current(po_path), f"{po_path.with_suffix('.mo')} is stale: run `make messages`"


def test_a_message_is_translated_the_same_way_in_every_package():
    translations = defaultdict(set)
    for po_path in catalogues():
        language = po_path.parents[1].name
        for key, translated in entries(polib.pofile(str(po_path))).items():
            translations[(language, *key)].add(translated)

    assert {key: found for key, found in translations.items() if len(found) > 1} == {}


def test_the_check_fails_on_a_stale_compiled_catalogue_and_compiling_mends_it(tmp_path, settings):
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Events", msgstr="Veranstaltungen"))
    po.save(str(folder / "django.po"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    compile_catalogue(folder / "django.po")
    po.append(polib.POEntry(msgid="People", msgstr="Personen"))
    po.save(str(folder / "django.po"))

    with pytest.raises(SystemExit, match=r"django\.po"):
        call_command("compile_catalogues", "--check")
    call_command("compile_catalogues")
    call_command("compile_catalogues", "--check")
    assert polib.mofile(str(folder / "django.mo")).find("People").msgstr == "Personen"
