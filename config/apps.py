from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate

# The apps that hold the atlas's records, in the order they may import one another.
ATLAS_APPS = ("institutions", "dialogues", "projects", "events")


def create_publish_permissions(sender, using="default", apps=None, **kwargs):
    from config.services import ensure_publish_permissions

    if apps is not None:
        ensure_publish_permissions(apps, using)


class ConfigConfig(AppConfig):
    """The project package as an app: shared management commands and templates."""

    name = "config"
    verbose_name = "Dialogue Atlas"

    def ready(self):
        # Like Django's own model permissions, the publish permissions exist after every migrate
        # (and after a test database is flushed).
        post_migrate.connect(create_publish_permissions, sender=self)

        from config.cache import connect_signals

        connect_signals()


class AtlasAdminConfig(AdminConfig):
    """Django's admin, with the site that asks for a second factor (config/admin_site.py)."""

    default_site = "config.admin_site.AtlasAdminSite"
