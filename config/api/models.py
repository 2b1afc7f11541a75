"""API tokens: several per account, named, scoped, expiring, revocable, and stored only as a hash.

A key is a random secret (``secrets.token_urlsafe``) behind a fixed marker, ``dat_``; the database
keeps its SHA-256 digest, by which a request's key is found, and its first characters (``prefix``),
by which people recognise it in lists and logs. The key itself is shown once, when the token is
issued (the admin's success message, or ``manage.py issue_api_token``), and can never be read
back: a lost key is revoked and replaced. A random secret of 256 bits needs no salt or slow hash;
a digest cannot be turned back into a key.

The changes feed's tables are here too (``FeedEntry``, ``FeedState``): the API reads a record's
version (its ETag) from them; ``config.atlas.changes`` writes them and serves the feed.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.api import scopes as token_scopes
from config.operations.replicas import PRIMARY

KEY_MARKER = "dat_"
PREFIX_LENGTH = len(KEY_MARKER) + 8
# A token's last use is written at most this often: a write on every request would cost the
# database a write per read, for a date no one needs to the second.
LAST_USE_INTERVAL = datetime.timedelta(minutes=1)


def digest(key: str) -> str:
    """The SHA-256 of ``key``, as stored: what a presented key is looked up by."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, *, user, name: str, scopes, expires_at=None, by=None) -> tuple["ApiToken", str]:
        """Create a token for ``user`` and return it with its key, which is not stored anywhere."""
        token = self.model(user=user, name=name, scopes=list(scopes), expires_at=expires_at, created_by=by)
        key = token.set_new_key()
        token.full_clean()
        token.save()
        return token, key

    def find(self, key: str) -> "ApiToken | None":
        """The token whose key is ``key`` (with its account), whatever its state; None if there is none."""
        return self.select_related("user").filter(digest=digest(key)).first()

    def active(self):
        """Tokens that authenticate: not revoked and not expired."""
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        )


class ApiToken(models.Model):
    """One key of one account for the API, with what it may do (its scopes) and until when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("account"),
        help_text=_("The account the token acts as: its permissions apply, within the token's scopes."),
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the token is for: the system that uses it, its environment."),
    )
    prefix = models.CharField(
        _("key begins with"),
        max_length=PREFIX_LENGTH,
        editable=False,
        help_text=_("The first characters of the key, to recognise it; the rest is never stored."),
    )
    digest = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True, editable=False)
    scopes = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("scopes"),
        default=list,
        blank=True,
        help_text=_("“read”: read every endpoint; “write:<endpoint>”: create, change and delete that kind."),
    )
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Empty: the token does not expire.")
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("issued by"),
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    last_used_from = models.GenericIPAddressField(_("last used from"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"],
                name="api_apitoken_unique_name",
                violation_error_message=_("This account already has a token of this name."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def clean(self):
        unknown = token_scopes.unknown(self.scopes)
        if unknown:
            raise ValidationError(
                {"scopes": _("Unknown scopes: %(scopes)s.") % {"scopes": ", ".join(unknown)}}
            )

    def set_new_key(self) -> str:
        """Draw a new key for this token, keep its digest and prefix, and return it (to show once)."""
        key = KEY_MARKER + secrets.token_urlsafe(32)
        self.prefix, self.digest = key[:PREFIX_LENGTH], digest(key)
        return key

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired

    def revoke(self) -> None:
        """Refuse the token from now on; it is kept, with its history of use, for the record."""
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_use(self, address: str | None) -> None:
        """Note when and from where the token was last used (at most once a minute per address).

        Written on the primary by name, which is bookkeeping rather than a write the client reads
        back: it must not pin the client's next reads to the primary (``config.operations.replicas``).
        """
        now = timezone.now()
        recent = self.last_used_at is not None and now - self.last_used_at < LAST_USE_INTERVAL
        if recent and self.last_used_from == address:
            return
        self.last_used_at, self.last_used_from = now, address
        type(self).objects.using(PRIMARY).filter(pk=self.pk).update(last_used_at=now, last_used_from=address)


class FeedEntry(models.Model):
    """One record whose representation a committed change may have altered: a line of the changes
    feed (``config.atlas.changes`` writes and serves them; ``config.api.changes`` reads positions).

    Written in the changing transaction itself, so an entry exists exactly when its change
    committed. ``txid`` is that transaction's id (``pg_current_xact_id()``); the feed hands out
    entries in ``(txid, seq)`` order, and only below the oldest transaction still running, so a
    transaction that commits late is never passed over. An entry names the record, not what
    changed: the feed shows the record as it is when read, or its removal if the reader can no
    longer see it. One entry a record per transaction.
    """

    seq = models.BigAutoField(primary_key=True)
    txid = models.BigIntegerField()
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    at = models.DateTimeField(db_default=Now(), db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["txid", "kind", "object_id"], name="api_feedentry_once_per_txn")
        ]
        indexes = [
            models.Index(fields=["txid", "seq"], name="api_feedentry_position"),
            # A record's version (its ETag): its latest entry.
            models.Index(fields=["kind", "object_id", "-txid", "-seq"], name="api_feedentry_version"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} @ {self.txid}.{self.seq}"


class FeedState(models.Model):
    """The changes feed's one row of housekeeping: until when scheduled publications have been
    entered in the feed, and the position up to which entries have been pruned (a cursor before it
    has expired)."""

    due_checked_at = models.DateTimeField(db_default=Now())
    pruned_txid = models.BigIntegerField(default=0)
    pruned_seq = models.BigIntegerField(default=0)

    def __str__(self):
        return f"changes feed: due checked at {self.due_checked_at}"
