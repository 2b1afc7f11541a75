"""The migrations: self-contained, squashed so that older databases still migrate, and complete.

- A migration is frozen: it imports nothing of the project but the field classes Django needs to
  rebuild the models, so changing the code never changes what a migration does.
- Each app's migrations were squashed into one, twice; a database made by the migrations a squash
  replaces (the first development databases, or one kept up until the second squash) migrates
  without running anything, and a new database gets each limited column's CHECK once, under the
  name the replaced migrations gave it.
- What the migrations make besides the tables is there: the extensions, the SQL functions the
  search columns call, the change-log view over every history table, and the groups of the
  workflow with their permissions.
"""

import ast
import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from config.api.models import ApiToken
from config.atlas.models import Change
from config.editorial.history import tracked_models
from config.editorial.workflow import GROUP_ACTIONS, has_workflow, publish_codename
from config.framework.visibility import PARTNER_GROUP
from events.models import Event
from tests.factories import OrganisationFactory, PartnerFactory
from tests.helpers import grant

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
PROJECT_PACKAGES = {"config", "institutions", "dialogues", "projects", "events", "tests"}
# The modules of the project a migration may import: the field classes of its models.
FIELD_MODULES = {"config.framework.fields"}

# What a database made before the squash has recorded in django_migrations for the atlas's apps.
OLD_MIGRATIONS = {
    "institutions": [
        "0001_initial",
        "0002_partner_group",
        "0003_aliases_and_optional_captions",
        "0004_search_functions",
        "0005_search_columns",
        "0006_history_and_publish_date",
    ],
    "dialogues": [
        "0001_initial",
        "0002_field_validation",
        "0003_dialogue_parties",
        "0004_aliases_and_optional_captions",
        "0005_search_columns",
        "0006_history_and_publish_date",
    ],
    "projects": [
        "0001_initial",
        "0002_aliases_and_optional_captions",
        "0003_search_columns",
        "0004_history_and_publish_date",
    ],
    "events": [
        "0001_initial",
        "0002_field_validation",
        "0003_aliases_and_optional_captions",
        "0004_search_columns",
        "0005_history_and_publish_date",
        "0006_editorial_groups",
        "0007_recent_changes_view",
        "0008_event_list_indexes",
        "0009_delete_change",
    ],
    "atlas": ["0001_initial"],
}
FIRST_SQUASH = {
    (label, "0001_squashed_initial") for label in ("institutions", "dialogues", "projects", "events")
}
# The second squash (what `make run`'s first migrate runs) replaces the first and what followed it.
SECOND_SQUASH = {
    "institutions": (
        "0001_squashed_0005_plural_names",
        [
            "0002_text_limits",
            "0003_history_links_and_transactions",
            "0004_search_bigrams",
            "0005_plural_names",
        ],
    ),
    "dialogues": (
        "0001_squashed_0005_plural_names",
        [
            "0002_text_limits",
            "0003_history_links_and_transactions",
            "0004_search_bigrams",
            "0005_plural_names",
        ],
    ),
    "projects": (
        "0001_squashed_0005_plural_names",
        [
            "0002_text_limits",
            "0003_history_links_and_transactions",
            "0004_search_bigrams",
            "0005_plural_names",
        ],
    ),
    "events": (
        "0001_squashed_0006_coordinates_source",
        [
            "0002_text_limits",
            "0003_history_links_and_transactions",
            "0004_search_bigrams",
            "0005_plural_names",
            "0006_coordinates_source",
        ],
    ),
}
SQUASHED = {(label, name) for label, (name, _followers) in SECOND_SQUASH.items()}


def project_migration_files() -> list[Path]:
    files = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "migrations"
        if folder.is_dir() and folder.resolve().is_relative_to(ROOT.resolve()):
            files += sorted(path for path in folder.glob("*.py") if path.name != "__init__.py")
    return files


def project_imports(path: Path) -> set[str]:
    """The project modules that the file at ``path`` imports, anywhere in it."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            module = node.module or ""
            # ``from config.framework import fields`` imports the module config.framework.fields.
            names = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in FIELD_MODULES else module
                for alias in node.names
            ]
        else:
            continue
        imported.update(name for name in names if name.split(".")[0] in PROJECT_PACKAGES)
    return imported


def test_migrations_import_no_project_code_but_field_classes():
    found = {str(path.relative_to(ROOT)): project_imports(path) for path in project_migration_files()}

    assert found  # the migrations were found at all
    assert {path: names - FIELD_MODULES for path, names in found.items() if names - FIELD_MODULES} == {}
    # The app migrations do need the field classes, and the check sees their imports.
    assert found["institutions/migrations/0001_squashed_initial.py"] == FIELD_MODULES


def test_each_squashed_migration_replaces_the_old_migrations_of_its_app():
    replacements = MigrationLoader(None, ignore_no_migrations=True).replacements

    assert set(replacements) == FIRST_SQUASH | SQUASHED
    for (label, name), migration in replacements.items():
        if (label, name) in FIRST_SQUASH:
            assert migration.replaces == [(label, old) for old in OLD_MIGRATIONS[label]]
        else:
            followers = SECOND_SQUASH[label][1]
            assert migration.replaces == [(label, "0001_squashed_initial"), *((label, f) for f in followers)]


def test_a_database_made_by_the_old_migrations_migrates_without_running_any():
    """On a database whose history names the migrations the squash replaced, nothing is applied:
    Django counts the squashed migrations as applied and records them."""
    recorder = MigrationRecorder(connection)
    # The squashed migrations and the atlas's first give way to the old ones; the migrations made
    # after the squash (atlas 0002 …) stay applied, as on an old database that has been kept up.
    replaced = [*SQUASHED, *FIRST_SQUASH, ("atlas", "0001_initial")]
    for label, name in replaced:
        recorder.migration_qs.filter(app=label, name=name).delete()
    for label, names in OLD_MIGRATIONS.items():
        for name in names:
            recorder.record_applied(label, name)
    for label, (_name, followers) in SECOND_SQUASH.items():
        for name in followers:
            recorder.record_applied(label, name)
    assert not (SQUASHED | FIRST_SQUASH) & set(recorder.applied_migrations())

    executor = MigrationExecutor(connection)
    executor.loader.check_consistent_history(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", interactive=False, verbosity=0)

    assert plan == []
    applied = set(recorder.applied_migrations())
    assert applied >= SQUASHED | FIRST_SQUASH
    assert ("atlas", "0001_initial") in applied
    assert MigrationExecutor(connection).migration_plan(executor.loader.graph.leaf_nodes()) == []


def rows(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_each_limited_column_has_one_check_named_as_the_replaced_migrations_named_it():
    """The squash creates a limited column with its CHECK (Django's ``<table>_<column>_check``) and
    renames it to the ``_limit`` the text-limit migrations gave the columns they altered; a column
    the squash creates without one gets it added. One CHECK per limited column either way."""
    limited = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            check = field.db_check(connection) or ""
            if check.startswith(("char_length(", "cardinality(")):  # the limits of config.framework.fields
                limited.append((model._meta.db_table, field.column, check))
    assert len(limited) > 100  # every translation and history table of the limited texts

    checks = {}
    for table, name, definition in rows(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'c' AND connamespace = 'public'::regnamespace"
    ):
        checks.setdefault(table, []).append((name, definition))
    for table, column, check in limited:
        measure = "cardinality" if "cardinality" in check else "char_length"
        on_column = [
            (name, definition)
            for name, definition in checks.get(table, [])
            if f"{measure}({column})" in definition
        ]
        assert len(on_column) == 1, f"{table}.{column}: {on_column}"
        name, definition = on_column[0]
        assert check.split("<=")[1].strip() in definition, (table, column, definition)
        # Named as the replaced migrations named it, or as PostgreSQL names a column's CHECK on a
        # column made after the squash (the table's part cut to fit 63 characters).
        assert name == f"{table}_{column}_limit" or name.endswith(f"_{column}_check"), (table, name)


def test_the_extensions_and_immutable_search_functions_exist():
    extensions = {name for (name,) in rows("SELECT extname FROM pg_extension")}
    functions = dict(
        rows(
            "SELECT oid::regprocedure::text, provolatile FROM pg_proc "
            "WHERE pronamespace = 'public'::regnamespace AND proname LIKE 'atlas%%'"
        )
    )

    assert {"pg_trgm", "unaccent", "btree_gin"} <= extensions
    assert functions == {
        "atlas_unaccent(text)": "i",
        "atlas_join(text[])": "i",
        "atlas_han_bigrams(text)": "i",
    }
    assert rows(
        "SELECT atlas_unaccent('Zürich Café'), atlas_join(ARRAY['UBA', 'DEHSt']), atlas_join(NULL), "
        "atlas_han_bigrams('中德低碳交通合作项目（CLCT）'), atlas_han_bigrams('')"
    ) == [("Zurich Cafe", "UBA DEHSt", "", "中德 德低 低碳 碳交 交通 通合 合作 作项 项目 目 （CLCT）", "")]


def test_the_search_columns_are_generated_and_gin_indexed():
    for model in apps.get_models():
        generated = [
            field for field in model._meta.concrete_fields if isinstance(field, models.GeneratedField)
        ]
        for field in generated:
            table = model._meta.db_table
            assert rows(
                "SELECT attgenerated FROM pg_attribute WHERE attrelid = %s::regclass AND attname = %s",
                [table, field.column],
            ) == [("s",)], f"{table}.{field.column}"
            assert rows(
                "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am am ON am.oid = c.relam JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = %s::regclass AND a.attname = %s AND am.amname = 'gin'",
                [table, field.column],
            ), f"{table}.{field.column} has no GIN index"


def test_the_change_view_reads_every_history_table_with_the_columns_of_the_model():
    history_tables = {model.history.model._meta.db_table for model in tracked_models()}
    read = {
        name
        for (name,) in rows(
            "SELECT table_name FROM information_schema.view_table_usage WHERE view_name = 'atlas_change'"
        )
    }
    columns = [
        name
        for (name,) in rows(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'atlas_change' ORDER BY ordinal_position"
        )
    ]

    assert {"institutions_historicalorganisation", "events_historicalsession"} <= history_tables
    assert read == history_tables
    assert columns == [field.column for field in Change._meta.concrete_fields]


def test_the_change_view_lists_a_new_record():
    organisation = OrganisationFactory(name="Umweltbundesamt")

    change = Change.objects.get(model="institutions.organisation", object_id=organisation.pk)
    assert (change.object_repr, change.history_type) == ("Umweltbundesamt", "+")


def test_the_groups_hold_the_permissions_of_the_workflow_for_every_model():
    atlas_models = [
        model
        for label in settings.ATLAS_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]
    expected = {
        name: {
            (
                model._meta.app_label,
                publish_codename(model) if action == "publish" else f"{action}_{model._meta.model_name}",
            )
            for model in atlas_models
            for action in actions
            if action != "publish" or has_workflow(model)
        }
        for name, actions in GROUP_ACTIONS.items()
    }
    held = {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.prefetch_related("permissions")
    }

    assert held == {**expected, PARTNER_GROUP: set()}
    assert ("events", "publish_event") in expected["Publishers"]
    assert ("institutions", "view_source") in expected["Viewers"]


def test_rest_frameworks_tokens_become_hashed_api_tokens_with_the_scopes_the_account_may_use():
    """``api/0002``: each key of the old ``authtoken_token`` table keeps working, as a digest."""
    writer, reader = grant(PartnerFactory(), Event, "change"), PartnerFactory()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40), user_id int, created timestamptz)")
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, now()), (%s, %s, now())",
            ["a" * 40, writer.pk, "b" * 40, reader.pk],
        )
    executor = MigrationExecutor(connection)
    migration = executor.loader.get_migration("api", "0002_authtoken_tokens")
    state = executor.loader.project_state(("api", "0002_authtoken_tokens"), at_end=False)
    with connection.schema_editor() as schema_editor:
        migration.operations[0].code(state.apps, schema_editor)

    tokens = {token.user: token for token in ApiToken.objects.all()}
    assert tokens[writer].digest == hashlib.sha256(b"a" * 40).hexdigest()
    assert (tokens[writer].name, tokens[writer].scopes) == ("migrated", ["read", "write:events"])
    assert tokens[reader].scopes == ["read"]
    assert ApiToken.objects.find("b" * 40) == tokens[reader]
    assert "authtoken_token" not in connection.introspection.table_names()
