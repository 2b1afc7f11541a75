"""Move REST framework's tokens (``authtoken_token``, keys in clear) into API tokens, hashed.

Each old key keeps working: it becomes a token named "migrated" that never expires, with the scope
``read`` and ``write:<endpoint>`` for every endpoint whose model the account may add, change or
delete (as a superuser, or through its own or its groups' permissions). The old table is then
dropped, so that no key is left in clear. The endpoints are written out as they were when this
migration was made, so that it does the same whatever the code becomes.
"""

import hashlib

from django.conf import settings
from django.db import migrations
from django.db.models import Q

OLD_TABLE = "authtoken_token"
# Endpoint path → (app label, model name) of the model it writes.
ENDPOINTS = {
    "organisations": ("institutions", "organisation"),
    "people": ("institutions", "person"),
    "topics": ("dialogues", "topic"),
    "dialogues": ("dialogues", "dialogue"),
    "phases": ("dialogues", "phase"),
    "working-groups": ("dialogues", "workinggroup"),
    "dialogue-roles": ("dialogues", "dialoguerole"),
    "publications": ("dialogues", "publication"),
    "programmes": ("projects", "programme"),
    "projects": ("projects", "project"),
    "events": ("events", "event"),
    "sessions": ("events", "session"),
}


def scopes_of(user, Permission) -> list[str]:
    """``read``, and the write scope of every endpoint the account's permissions let it write."""
    scopes = ["read"]
    held = Permission.objects.filter(Q(user=user) | Q(group__user=user))
    for kind, (app_label, model_name) in ENDPOINTS.items():
        codenames = [f"{action}_{model_name}" for action in ("add", "change", "delete")]
        if user.is_active and (
            user.is_superuser
            or held.filter(content_type__app_label=app_label, codename__in=codenames).exists()
        ):
            scopes.append(f"write:{kind}")
    return scopes


def move_tokens(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if OLD_TABLE not in connection.introspection.table_names(cursor):
            return
        cursor.execute(f"SELECT key, user_id, created FROM {OLD_TABLE}")
        rows = cursor.fetchall()
    ApiToken = apps.get_model("api", "ApiToken")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Permission = apps.get_model("auth", "Permission")
    for key, user_id, created in rows:
        user = User.objects.get(pk=user_id)
        ApiToken.objects.create(
            user=user,
            name="migrated",
            prefix=key[:8],
            digest=hashlib.sha256(key.encode()).hexdigest(),
            scopes=scopes_of(user, Permission),
            created_at=created,
        )
    schema_editor.execute(f"DROP TABLE {OLD_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # The old table cannot come back: its keys were only kept as digests.
    operations = [migrations.RunPython(move_tokens, migrations.RunPython.noop, elidable=False)]
