from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The API's conventions as an app: its tokens (model, admin, the command that issues them)."""

    default = True
    name = "config.api"
    label = "api"
    verbose_name = _("API access")
