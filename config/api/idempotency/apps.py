from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdempotencyConfig(AppConfig):
    """The API's idempotency keys, an app for its model and its pruning command.

    Its own small app rather than part of ``config.api``, so that its table and migrations stay
    independent of whatever else the API keeps in the database.
    """

    name = "config.api.idempotency"
    label = "api_idempotency"
    verbose_name = _("API idempotency keys")
