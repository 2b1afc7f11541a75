"""The parts of the database that span every app: the change log and the editorial groups.

- ``Change`` is unmanaged: its table, ``atlas_change``, is a view over every history table (the
  admin's "Recent changes"). A migration that adds a tracked model re-creates the view with its
  history table added.
- The editorial groups hold the permissions of the workflow (``config.editorial.workflow``): Viewers
  view, Editors also add, change and delete, Publishers also publish, Partner systems (API writes)
  view, add and change. The publish permissions are created here too, because the groups need them
  before Django creates the other permissions after the last migration; the post_migrate handler of
  ``config.editorial`` creates them again for a database without them (a flushed test database).

The data is written out here as it was when the migration was made, so that the migration does not
change when the code does. Databases made before the migrations were squashed have this migration
applied already: their view and groups were made by ``events`` 0006 and 0007.
"""

from django.db import migrations, models

CHANGE_VIEW = """
CREATE VIEW atlas_change AS
SELECT 'institutions.affiliation:' || history_id AS key, 'institutions.affiliation' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "institutions_historicalaffiliation"
UNION ALL
SELECT 'institutions.organisation:' || history_id AS key, 'institutions.organisation' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "institutions_historicalorganisation"
UNION ALL
SELECT 'institutions.person:' || history_id AS key, 'institutions.person' AS model,
       id AS object_id, coalesce((concat_ws(' ', given_name, family_name))::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "institutions_historicalperson"
UNION ALL
SELECT 'institutions.source:' || history_id AS key, 'institutions.source' AS model,
       id AS object_id, coalesce((title)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "institutions_historicalsource"
UNION ALL
SELECT 'dialogues.dialogue:' || history_id AS key, 'dialogues.dialogue' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicaldialogue"
UNION ALL
SELECT 'dialogues.dialogueaim:' || history_id AS key, 'dialogues.dialogueaim' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicaldialogueaim"
UNION ALL
SELECT 'dialogues.dialoguerole:' || history_id AS key, 'dialogues.dialoguerole' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicaldialoguerole"
UNION ALL
SELECT 'dialogues.phase:' || history_id AS key, 'dialogues.phase' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicalphase"
UNION ALL
SELECT 'dialogues.publication:' || history_id AS key, 'dialogues.publication' AS model,
       id AS object_id, coalesce((title)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicalpublication"
UNION ALL
SELECT 'dialogues.publicationauthor:' || history_id AS key, 'dialogues.publicationauthor' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicalpublicationauthor"
UNION ALL
SELECT 'dialogues.topic:' || history_id AS key, 'dialogues.topic' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicaltopic"
UNION ALL
SELECT 'dialogues.workinggroup:' || history_id AS key, 'dialogues.workinggroup' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicalworkinggroup"
UNION ALL
SELECT 'dialogues.workinggroupmember:' || history_id AS key, 'dialogues.workinggroupmember' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "dialogues_historicalworkinggroupmember"
UNION ALL
SELECT 'projects.programme:' || history_id AS key, 'projects.programme' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprogramme"
UNION ALL
SELECT 'projects.programmefunder:' || history_id AS key, 'projects.programmefunder' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprogrammefunder"
UNION ALL
SELECT 'projects.project:' || history_id AS key, 'projects.project' AS model,
       id AS object_id, coalesce((title)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalproject"
UNION ALL
SELECT 'projects.projectcontact:' || history_id AS key, 'projects.projectcontact' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprojectcontact"
UNION ALL
SELECT 'projects.projectfocusarea:' || history_id AS key, 'projects.projectfocusarea' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprojectfocusarea"
UNION ALL
SELECT 'projects.projectrole:' || history_id AS key, 'projects.projectrole' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprojectrole"
UNION ALL
SELECT 'events.event:' || history_id AS key, 'events.event' AS model,
       id AS object_id, coalesce((name)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicalevent"
UNION ALL
SELECT 'events.eventparticipation:' || history_id AS key, 'events.eventparticipation' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicaleventparticipation"
UNION ALL
SELECT 'events.eventspeaker:' || history_id AS key, 'events.eventspeaker' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicaleventspeaker"
UNION ALL
SELECT 'events.photo:' || history_id AS key, 'events.photo' AS model,
       id AS object_id, coalesce((NULL)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicalphoto"
UNION ALL
SELECT 'events.session:' || history_id AS key, 'events.session' AS model,
       id AS object_id, coalesce((title)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicalsession"
"""

DROP_CHANGE_VIEW = "DROP VIEW IF EXISTS atlas_change"

# The models of each app that have a page or a row of their own (not the history tables).
MODELS = {
    "institutions": ["affiliation", "organisation", "person", "source"],
    "dialogues": [
        "dialogue",
        "dialogueaim",
        "dialoguerole",
        "phase",
        "publication",
        "publicationauthor",
        "topic",
        "workinggroup",
        "workinggroupmember",
    ],
    "projects": [
        "programme",
        "programmefunder",
        "project",
        "projectcontact",
        "projectfocusarea",
        "projectrole",
    ],
    "events": ["event", "eventparticipation", "eventspeaker", "photo", "session"],
}

# The models that go through draft → review → published: they have a publish_<model> permission.
WORKFLOW_MODELS = {
    ("institutions", "organisation"),
    ("institutions", "person"),
    ("dialogues", "dialogue"),
    ("dialogues", "phase"),
    ("dialogues", "publication"),
    ("dialogues", "topic"),
    ("dialogues", "workinggroup"),
    ("projects", "programme"),
    ("projects", "project"),
    ("events", "event"),
}

GROUP_ACTIONS = {
    "Viewers": ("view",),
    "Editors": ("view", "add", "change", "delete"),
    "Publishers": ("view", "add", "change", "delete", "publish"),
    # API writes: new records and changes to unpublished ones; an editor reviews and publishes.
    "Partner systems": ("view", "add", "change"),
}

DEFAULT_ACTIONS = ("add", "change", "delete", "view")


def create_editorial_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Django creates the model permissions after the last migration; the groups need them now.
    permissions = {}
    for app_label, model_names in MODELS.items():
        for model_name in model_names:
            verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name_raw
            content_type, _created = ContentType.objects.using(db).get_or_create(
                app_label=app_label, model=model_name
            )
            names = {f"{action}_{model_name}": f"Can {action} {verbose_name}" for action in DEFAULT_ACTIONS}
            if (app_label, model_name) in WORKFLOW_MODELS:
                names[f"publish_{model_name}"] = f"Can publish and unpublish {verbose_name}"
            for codename, name in names.items():
                permissions[app_label, codename], _created = Permission.objects.using(db).get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": name}
                )

    for group_name, actions in GROUP_ACTIONS.items():
        group, _created = Group.objects.using(db).get_or_create(name=group_name)
        group.permissions.add(
            *(
                permissions[app_label, f"{action}_{model_name}"]
                for app_label, model_names in MODELS.items()
                for model_name in model_names
                for action in actions
                if (app_label, f"{action}_{model_name}") in permissions
            )
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("institutions", "0001_squashed_initial"),
        ("dialogues", "0001_squashed_initial"),
        ("projects", "0001_squashed_initial"),
        ("events", "0001_squashed_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                ("key", models.CharField(max_length=120, primary_key=True, serialize=False)),
                ("model", models.CharField(max_length=100, verbose_name="kind of record")),
                ("object_id", models.BigIntegerField(verbose_name="record id")),
                ("object_repr", models.TextField(blank=True, verbose_name="record")),
                ("history_date", models.DateTimeField(verbose_name="when")),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "created"), ("~", "changed"), ("-", "deleted")],
                        max_length=1,
                        verbose_name="change",
                    ),
                ),
                ("history_change_reason", models.TextField(blank=True, verbose_name="reason")),
            ],
            options={
                "verbose_name": "change",
                "verbose_name_plural": "recent changes",
                "db_table": "atlas_change",
                "ordering": ["-history_date"],
                "managed": False,
            },
        ),
        migrations.RunSQL(CHANGE_VIEW, DROP_CHANGE_VIEW),
        migrations.RunPython(create_editorial_groups, migrations.RunPython.noop),
    ]
