"""The translation catalogues: where they are, and compiling them without the system's gettext tools.

Each package keeps its own catalogues in its `locale/` folder (the site's templates and the wiring in
`config/locale/`, LOCALE_PATHS). `make messages` extracts the strings (Django's makemessages, which
needs GNU gettext: a translator's tool, never needed to run or test the atlas) and compiles them with
`manage.py compile_catalogues`, which needs only polib. The compiled `.mo` files are committed, and
tests/config/operations/test_catalogues.py fails when one is not the compilation of its `.po`.
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings

DOMAINS = ("django", "djangojs")


def locale_folders() -> list[Path]:
    """Every locale folder of the project's own packages (not of installed libraries)."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(path).resolve() for path in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        folder = Path(config.path).resolve() / "locale"
        if folder.is_dir() and folder.is_relative_to(base) and ".venv" not in folder.parts:
            folders.append(folder)
    return sorted(set(folders))


def catalogues() -> list[Path]:
    """Every `.po` file of the project, in a stable order."""
    return sorted(
        po
        for folder in locale_folders()
        for domain in DOMAINS
        for po in folder.glob(f"*/LC_MESSAGES/{domain}.po")
    )


def compiled(po_path: Path) -> polib.MOFile:
    """The `.mo` a `.po` compiles to: its translated entries (fuzzy ones left out, as msgfmt does)."""
    po = polib.pofile(str(po_path))
    mo = polib.MOFile(fpath=None)
    mo.metadata = po.metadata
    for entry in po.translated_entries():
        mo.append(entry)
    return mo


def compile_catalogue(po_path: Path) -> Path:
    mo_path = po_path.with_suffix(".mo")
    compiled(po_path).save(str(mo_path))
    return mo_path


def entries(catalogue: polib._BaseFile) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """A catalogue's translations by (context, message), for comparing a `.mo` with its `.po`."""
    found = {}
    for entry in catalogue:
        if not entry.msgid:
            continue
        if entry.msgid_plural:
            found[(entry.msgctxt, entry.msgid)] = tuple(
                entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)
            )
        else:
            found[(entry.msgctxt, entry.msgid)] = (entry.msgstr,)
    return found


def is_current(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    return mo_path.exists() and entries(polib.mofile(str(mo_path))) == entries(compiled(po_path))
