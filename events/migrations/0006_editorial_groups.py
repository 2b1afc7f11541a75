from django.db import migrations

from config.editorial.workflow import ensure_editorial_groups


def create_groups(apps, schema_editor):
    ensure_editorial_groups(apps, schema_editor.connection.alias)


class Migration(migrations.Migration):
    """Editors, Publishers, Partner systems and Viewers, with the permissions of the workflow."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("institutions", "0006_history_and_publish_date"),
        ("dialogues", "0006_history_and_publish_date"),
        ("projects", "0004_history_and_publish_date"),
        ("events", "0005_history_and_publish_date"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
