"""The idempotency keys partner systems send with a POST, and the first answer to each."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The longest key a client may send (the IETF draft and Stripe's limit).
MAX_KEY_LENGTH = 255


def lifetime() -> timedelta:
    """How long a key is remembered: ``API_IDEMPOTENCY_KEY_SECONDS`` (24 hours by default)."""
    return timedelta(seconds=settings.API_IDEMPOTENCY_KEY_SECONDS)


class IdempotencyKeyQuerySet(models.QuerySet):
    def expired(self, now=None):
        """The keys older than their lifetime: a retry with one of them counts as a new request."""
        return self.filter(created_at__lt=(now or timezone.now()) - lifetime())


class IdempotencyKey(models.Model):
    """One account's ``Idempotency-Key``: the request it was first sent with, and that request's answer.

    The row is inserted (and committed) before the request is processed and locked while it is:
    the unique constraint makes two requests with the same key share one row, the lock lets only
    one of them create a record. Only a successful answer is stored, in the transaction that
    created the record; a request that failed left nothing behind, so its key may be sent again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        # The unique constraint's index starts with the account.
        db_index=False,
        verbose_name=_("account"),
    )
    key = models.CharField(_("key"), max_length=MAX_KEY_LENGTH)
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, help_text=_("SHA-256 of the method, address and body.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    response_headers = models.JSONField(_("response headers"), default=dict, blank=True)
    response_body = models.BinaryField(_("response body"), null=True, blank=True)

    objects = IdempotencyKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_one_key_per_account"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def answered(self) -> bool:
        return self.response_status is not None

    def is_expired(self, now=None) -> bool:
        return self.created_at < (now or timezone.now()) - lifetime()
