"""Load the seed data in fixtures/ without ever overwriting an editor's work.

Before anything is written, every value of the seed must be covered by the sources its record
cites (config/editorial/seed_coverage.py): a record that is not is refused, naming the file, record,
field and value, and nothing is loaded.

Records that are missing are created. Records that exist and match the seed are left alone (their
``updated_at`` does not move), so running the command twice changes nothing. Records that exist
but differ from the seed are brought up to the seed (its corrections reach a database an earlier
seed made) when nobody but the seed has written them: their history holds only the seed's entries.
Records an editor has changed since are reported and kept as they are, unless ``--update`` is
given, which writes the seed's values for the fields the seed names.

A translated field is written as its plain name for the English text (``name``) and with a language
suffix for the others (``name_de``, ``name_zh_hans``); any other suffix is refused, naming the field.
"""

import io
from collections import defaultdict
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.core.serializers.python import Deserializer
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from config.editorial.history import record_links
from config.editorial.seed_coverage import Coverage
from config.editorial.workflow import has_workflow, set_history_author
from config.framework.visibility import Status

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
SEED_REASON = "Seed data"


def record_creation(created) -> None:
    """Write the "created" history entry of records loaded from the seed.

    Fixtures are saved raw, which history does not see; the entries are written here, after the
    forward references of the file are resolved, so that they show the records as loaded.
    """
    by_model = defaultdict(list)
    for record in created:
        by_model[type(record)].append(record)
    for model, records in by_model.items():
        if hasattr(model, "history"):
            fresh = model._base_manager.filter(pk__in=[record.pk for record in records])
            model.history.bulk_history_create(list(fresh), default_change_reason=SEED_REASON)
            record_links(model, [record.pk for record in records], bulk=True)


def translated_fields(model) -> dict[str, list[str]]:
    """Each translated field of ``model`` with its per-language fields (``name``: ``name_en`` …)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        name: [build_localized_fieldname(name, code) for code, _ in settings.LANGUAGES]
        for name in options.all_fields
    }


def stored_field(model, name: str) -> str:
    """The field that holds the seed's value for ``name``: a translated field's English column.

    Read or written under its plain name, a translated field would show another language's text
    where the English one is empty, and write it into the English column.
    """
    if name in translated_fields(model):
        return build_localized_fieldname(name, settings.LANGUAGE_CODE)
    return name


def field_problem(model, key: str) -> str | None:
    """Why ``key`` is no field the seed may give for ``model``, or None if it is one."""
    translated = translated_fields(model)
    english = {build_localized_fieldname(name, settings.LANGUAGE_CODE): name for name in translated}
    if key in english:
        return f"{key}: the English text is written as {english[key]}"
    names = {field.name for field in (*model._meta.concrete_fields, *model._meta.many_to_many)}
    if key in names:
        return None
    base = max((name for name in names if key.startswith(f"{name}_")), key=len, default=None)
    if base in translated:
        others = ", ".join(name for name in translated[base] if name not in english)
        return f"{key}: no such language; {base} is written as {base} (English), {others}"
    if base is not None:
        return f"{key}: {base} is not translated"
    return f"{key}: {model._meta.object_name} has no such field"


def check_fields(path: Path, entries: list) -> None:
    """Refuse a field the model does not have, such as a translation into an unknown language."""
    for number, entry in enumerate(entries, 1):
        try:
            model = apps.get_model(entry["model"])
        except (KeyError, LookupError, TypeError, ValueError):
            continue  # the deserializer names a missing or unknown model
        fields = entry.get("fields")
        if not isinstance(fields, dict):
            continue  # as it does an entry without its fields
        for key in fields:
            problem = field_problem(model, str(key))
            if problem:
                record = fields.get("slug") or f"entry {number}"
                raise CommandError(f"{path.name}: {entry['model']} {record}: {problem}.")


def edited_since_seed(record) -> bool:
    """Whether anyone but the seed has written ``record``: a history entry of another origin.

    A record without history cannot tell, and counts as edited: the seed then leaves it alone.
    """
    if not hasattr(type(record), "history"):
        return True
    return record.history.exclude(history_change_reason=SEED_REASON).exists()


def differing_fields(deserialized, fields: dict, existing) -> list[str]:
    """The fields the seed names whose stored value differs from the seed's."""
    new = deserialized.object
    changed = []
    for name in fields:
        field = new._meta.get_field(stored_field(type(new), name))
        if field.many_to_many:
            stored = set(getattr(existing, name).values_list("pk", flat=True))
            if stored != {int(pk) for pk in deserialized.m2m_data.get(name, [])}:
                changed.append(name)
        elif getattr(existing, field.attname) != getattr(new, field.attname):
            changed.append(name)
    return changed


class Command(BaseCommand):
    help = "Load the seed data (fixtures/*.yaml): create what is missing, report what editors changed."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="Fixture files (default: fixtures/*.yaml).")
        parser.add_argument(
            "--update", action="store_true", help="Overwrite records that differ with the seed's values."
        )

    def handle(self, *args, files, update, **options):
        paths = files or sorted(FIXTURES_DIR.glob("*.yaml"))
        if not paths:
            raise CommandError(f"No fixture files in {FIXTURES_DIR}.")
        counts = {"created": 0, "updated": 0, "unchanged": 0, "differs": 0}
        entries_by_file = {path: self.read_file(path) for path in paths}
        problems = Coverage.for_files(entries_by_file).problems(entries_by_file)
        if problems:
            lines = "\n".join(f"  {problem}" for problem in problems)
            raise CommandError(f"Values no cited source covers; nothing was loaded:\n{lines}")
        # Untranslated field names (name, summary …) hold the English text.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            for path, entries in entries_by_file.items():
                self.load_file(path, entries, update, counts)
            # Then the places the seed names get their coordinates (events/…/locate_places.py),
            # reported after the seed's own summary when there was a place to find.
            places = io.StringIO()
            if "locate_places" in get_commands():
                call_command("locate_places", stdout=places, stderr=self.stderr)
        self.stdout.write(
            "Seed data: {created} created, {updated} updated, {unchanged} unchanged, "
            "{differs} kept as edited.".format(**counts)
        )
        if places.getvalue() and not places.getvalue().startswith("Places: 0 events placed, 0 unplaced."):
            self.stdout.write(places.getvalue(), ending="")

    def read_file(self, path: Path) -> list:
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as error:
            raise CommandError(f"{path}: not valid YAML: {error}") from error
        check_fields(path, entries)
        return entries

    def load_file(self, path: Path, entries: list, update: bool, counts: dict) -> None:
        deferred = []
        created = []
        try:
            objects = Deserializer(entries, handle_forward_references=True)
            for entry, deserialized in zip(entries, objects, strict=True):
                if self.load_object(path, entry, deserialized, update, counts):
                    created.append(deserialized.object)
                if deserialized.deferred_fields:
                    deferred.append(deserialized)
            for deserialized in deferred:
                deserialized.save_deferred_fields()
            record_creation(created)
        except (DeserializationError, ValidationError, IntegrityError, ObjectDoesNotExist) as error:
            raise CommandError(f"{path.name}: {error}") from error

    def load_object(self, path: Path, entry: dict, deserialized, update: bool, counts: dict) -> bool:
        """Load one record; True if it was created."""
        new = deserialized.object
        existing = type(new)._default_manager.filter(pk=new.pk).first() if new.pk else None
        if existing is None:
            new.full_clean(validate_unique=False, validate_constraints=False)
            if has_workflow(type(new)) and new.status == Status.PUBLISHED and new.published_at is None:
                new.published_at = timezone.now()
            deserialized.save()
            counts["created"] += 1
            return True
        changed = differing_fields(deserialized, entry.get("fields", {}), existing)
        if not changed:
            counts["unchanged"] += 1
        elif not update and edited_since_seed(existing):
            counts["differs"] += 1
            self.stderr.write(f"{path.name}: {type(new).__name__} {existing} differs in {', '.join(changed)}")
        else:
            # Only the fields the seed names are written; whatever else an editor added stays.
            plain = []
            for name in changed:
                field = new._meta.get_field(stored_field(type(new), name))
                if field.many_to_many:
                    getattr(existing, name).set(deserialized.m2m_data[name])
                else:
                    setattr(existing, field.attname, getattr(new, field.attname))
                    plain.append(field.attname)
            existing.full_clean(validate_unique=False, validate_constraints=False)
            set_history_author(existing, None, SEED_REASON)
            existing.save(update_fields=plain)
            counts["updated"] += 1
        return False
