from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Operations as an app: the response cache's invalidation signals, the removal of files that no
    row names any more, the idle clock of staff sessions and the deploy check of the proxy settings,
    the local admin command."""

    name = "config.operations"
    label = "operations"
    verbose_name = _("Dialogue Atlas operations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # Importing security registers its deploy check.
        from config.operations import cache, security, uploads

        cache.connect_signals()
        uploads.connect_signals()
        user_logged_in.connect(security.note_login, dispatch_uid="atlas-staff-idle-clock")
