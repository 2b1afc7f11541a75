from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    """The shared framework every app builds on, as an app: its template tags and static files."""

    name = "config.framework"
    label = "framework"
    verbose_name = _("Dialogue Atlas framework")
