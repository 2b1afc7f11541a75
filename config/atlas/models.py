"""The atlas-wide change log: one list of every history entry of every record and row."""

from django.conf import settings
from django.db import models
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
