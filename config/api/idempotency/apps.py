from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    """The API's idempotency keys, an app for its model and its pruning command.

    Its own small app rather than part of ``config.api``, so that its table and migrations stay
    independent of whatever else the API keeps in the database.
    """

    name = "config.api.idempotency"
    label = "api_idempotency"
    verbose_name = "API idempotency keys"
