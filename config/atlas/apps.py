from django.apps import AppConfig


class AtlasConfig(AppConfig):
    """The top layer: the site's pages across apps, the atlas-wide change log, the demo data."""

    name = "config.atlas"
    label = "atlas"
    verbose_name = "Dialogue Atlas"

    def ready(self):
        # The changes feed records each write in the writing transaction (config.atlas.changes).
        from config.atlas.changes import connect_signals

        connect_signals()
