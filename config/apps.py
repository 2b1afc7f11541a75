from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project package as an app: shared management commands and templates."""

    name = "config"
    verbose_name = "Dialogue Atlas"
