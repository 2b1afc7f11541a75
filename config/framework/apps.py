from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    """The shared framework every app builds on, as an app: its template tags and static files."""

    name = "config.framework"
    label = "framework"
    verbose_name = "Dialogue Atlas framework"
