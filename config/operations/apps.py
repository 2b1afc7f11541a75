from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operations as an app: the response cache's invalidation signals, the local admin command."""

    name = "config.operations"
    label = "operations"
    verbose_name = "Dialogue Atlas operations"

    def ready(self):
        from config.operations.cache import connect_signals

        connect_signals()
