"""Contact points of organisations and projects, and the further places of events, in the change
log and the editorial groups (as ``0001_initial`` does for the models before them).

The view and the models are written out as they were when the migration was made, so that it does
not change when the code does.
"""

from django.db import migrations

CHANGE_VIEW = """
CREATE OR REPLACE VIEW atlas_change AS
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
UNION ALL
SELECT 'institutions.organisationcontactpoint:' || history_id AS key, 'institutions.organisationcontactpoint' AS model,
       id AS object_id, coalesce((label)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "institutions_historicalorganisationcontactpoint"
UNION ALL
SELECT 'projects.projectcontactpoint:' || history_id AS key, 'projects.projectcontactpoint' AS model,
       id AS object_id, coalesce((label)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "projects_historicalprojectcontactpoint"
UNION ALL
SELECT 'events.eventplace:' || history_id AS key, 'events.eventplace' AS model,
       id AS object_id, coalesce((city)::text, '') AS object_repr,
       history_date, history_type, coalesce(history_change_reason::text, '') AS history_change_reason, history_user_id
  FROM "events_historicaleventplace"
"""

# The view as 0001_initial made it: what reversing this migration restores.
PREVIOUS_CHANGE_VIEW = """
CREATE OR REPLACE VIEW atlas_change AS
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

MODELS = {
    "institutions": ["organisationcontactpoint"],
    "projects": ["projectcontactpoint"],
    "events": ["eventplace"],
}

GROUP_ACTIONS = {
    "Viewers": ("view",),
    "Editors": ("view", "add", "change", "delete"),
    "Publishers": ("view", "add", "change", "delete"),
    "Partner systems": ("view", "add", "change"),
}

DEFAULT_ACTIONS = ("add", "change", "delete", "view")


def grant_editorial_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    permissions = {}
    for app_label, model_names in MODELS.items():
        for model_name in model_names:
            verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name_raw
            content_type, _created = ContentType.objects.using(db).get_or_create(
                app_label=app_label, model=model_name
            )
            for action in DEFAULT_ACTIONS:
                permissions[app_label, f"{action}_{model_name}"], _created = Permission.objects.using(
                    db
                ).get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model_name}",
                    defaults={"name": f"Can {action} {verbose_name}"},
                )

    for group_name, actions in GROUP_ACTIONS.items():
        group, _created = Group.objects.using(db).get_or_create(name=group_name)
        group.permissions.add(
            *(
                permissions[app_label, f"{action}_{model_name}"]
                for app_label, model_names in MODELS.items()
                for model_name in model_names
                for action in actions
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0001_initial"),
        ("dialogues", "0007_dialogue_supports_phase_counts_editor_note"),
        ("institutions", "0006_organisation_contact_points"),
        ("projects", "0007_project_contact_points"),
        ("events", "0010_event_further_places"),
    ]

    operations = [
        migrations.RunSQL(CHANGE_VIEW, PREVIOUS_CHANGE_VIEW),
        migrations.RunPython(grant_editorial_groups, migrations.RunPython.noop),
    ]
