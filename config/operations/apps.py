from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operations as an app: the response cache's invalidation signals, the removal of files that no
    row names any more, the local admin command."""

    name = "config.operations"
    label = "operations"
    verbose_name = "Dialogue Atlas operations"

    def ready(self):
        from config.operations import cache, uploads

        cache.connect_signals()
        uploads.connect_signals()
