"""Who may see what: the one rule every view, endpoint, feed, sitemap, export and search obeys.

Anonymous visitors see published, public records; partner accounts (members of the "Partners"
group) see published records that are public or for partners, once their publish date has come;
staff see everything. An account outside the staff that may change a kind of record (a partner
system's, with the permissions of the "Partner systems" group) also sees the drafts of that kind
*it created*, at the visibilities it is allowed, so that it can edit what it wrote — never another
account's (``AtlasModel.visibility_condition``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PARTNER_GROUP = "Partners"


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    PARTNERS = "partners", _("partners")
    INTERNAL = "internal", _("internal")


def is_partner(user) -> bool:
    """Whether ``user`` is a partner account; remembered on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not hasattr(user, "_atlas_is_partner"):
        user._atlas_is_partner = user.groups.filter(name=PARTNER_GROUP).exists()
    return user._atlas_is_partner


def visibilities_for(user) -> list[str] | None:
    """The visibilities ``user`` may see among published records; ``None`` means everything."""
    if getattr(user, "is_staff", False) and user.is_active:
        return None
    if is_partner(user):
        return [Visibility.PUBLIC, Visibility.PARTNERS]
    return [Visibility.PUBLIC]


class VisibleQuerySet(models.QuerySet):
    """A queryset that knows the visibility rule of its model."""

    def visible_to(self, user):
        visibilities = visibilities_for(user)
        if visibilities is None:
            return self
        return self.filter(self.model.visibility_condition(visibilities, user=user))
