from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_publish_permissions(sender, using="default", apps=global_apps, **kwargs):
    # The publish permissions need every atlas model: the handler listens to every app's
    # post_migrate and acts on the last of the atlas's (this app's own, for its job table, comes
    # earlier). After ``migrate`` ``apps`` is the
    # migrated state; ``flush`` (which empties a test database between transactional tests) sends
    # none, so the models are the project's own, as for Django's own permissions.
    from config.editorial.workflow import ensure_publish_permissions

    if sender.label == settings.ATLAS_APPS[-1]:
        ensure_publish_permissions(apps, using)


class EditorialConfig(AppConfig):
    """The editorial subsystem as an app: the workflow's permissions, import and export jobs, import and
    seed commands."""

    default = True
    name = "config.editorial"
    label = "editorial"
    verbose_name = _("Dialogue Atlas editorial workflow")

    def ready(self):
        # Like Django's own model permissions, the publish permissions exist after every migrate
        # (and after a test database is flushed).
        post_migrate.connect(create_publish_permissions, dispatch_uid="atlas-publish-permissions")
        # Links the import writes in bulk are kept in the history entries of their records.
        from config.editorial import history, workflow

        workflow.links_changed.connect(history.links_written, dispatch_uid="atlas-history-links")


class AtlasAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site that asks for a second factor (config/editorial/admin_site.py)."""

    default = False  # named in INSTALLED_APPS by its path; config.editorial itself is EditorialConfig
    default_site = "config.editorial.admin_site.AtlasAdminSite"
