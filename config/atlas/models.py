"""The atlas-wide change log: one list of every history entry of every record and row."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """One entry of any record's history: the audit log of the whole atlas (a database view)."""

    class Kind(models.TextChoices):
        CREATED = "+", _("created")
        CHANGED = "~", _("changed")
        DELETED = "-", _("deleted")

    key = models.CharField(primary_key=True, max_length=120)
    model = models.CharField(_("kind of record"), max_length=100)
    object_id = models.BigIntegerField(_("record id"))
    object_repr = models.TextField(_("record"), blank=True)
    history_date = models.DateTimeField(_("when"))
    history_type = models.CharField(_("change"), max_length=1, choices=Kind)
    history_change_reason = models.TextField(_("reason"), blank=True)
    history_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        managed = False
        db_table = "atlas_change"
        ordering = ["-history_date"]
        verbose_name = _("change")
        verbose_name_plural = _("recent changes")

    def __str__(self):
        when = f"{self.history_date:%Y-%m-%d %H:%M}"
        return f"{self.get_history_type_display()} {self.object_repr or self.model}, {when}"


class FeedEntry(models.Model):
    """One record whose representation a committed change may have altered: a line of the changes
    feed (``config.atlas.changes``).

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
            models.UniqueConstraint(fields=["txid", "kind", "object_id"], name="atlas_feedentry_once_per_txn")
        ]
        indexes = [models.Index(fields=["txid", "seq"], name="atlas_feedentry_position")]

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
