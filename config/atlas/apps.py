from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    """The top layer: the site's pages across apps, the atlas-wide change log, the demo data."""

    name = "config.atlas"
    label = "atlas"
    verbose_name = _("Dialogue Atlas")

    def ready(self):
        # The changes feed records each write in the writing transaction (config.atlas.changes).
        from config.atlas.changes import connect_signals

        connect_signals()
