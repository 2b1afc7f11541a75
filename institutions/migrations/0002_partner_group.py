"""Create the group whose members are partner accounts (see config.framework.visibility)."""

from django.db import migrations

PARTNER_GROUP = "Partners"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PARTNER_GROUP)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PARTNER_GROUP, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("institutions", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, delete_group)]
