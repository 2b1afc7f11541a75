"""Organisations, people, their affiliations, and the sources the atlas's facts come from."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from config.framework.fields import (
    DESCRIPTION_LENGTH,
    MAX_ALIASES,
    NOTE_LENGTH,
    SUMMARY_LENGTH,
    AliasesField,
    CountryField,
    LimitedTextField,
)
from config.framework.links import slug_url
from config.framework.models import (
    AtlasModel,
    Period,
    PublicRecord,
    Row,
    SearchableManager,
    not_itself,
    unique_position,
)
from config.framework.search import search_columns, search_indexes


class Source(AtlasModel):
    """A document the atlas's facts come from: a web page, a report, a press release."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True, help_text=_("e.g. en, de, zh"))
    seen_on = models.DateField(_("date seen"), null=True, blank=True)
    note = LimitedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


class Organisation(PublicRecord):
    """A ministry, agency, think tank, university, foundation or other body."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        GOVERNMENT_AGENCY = "government_agency", _("government agency")
        RESEARCH_INSTITUTE = "research_institute", _("research institute / think tank")
        UNIVERSITY = "university", _("university")
        FOUNDATION = "foundation", _("foundation")
        NGO = "ngo", _("NGO")
        IMPLEMENTING_AGENCY = "implementing_agency", _("implementing agency")
        INTERNATIONAL_ORGANISATION = "international_organisation", _("international organisation")
        SUBNATIONAL_GOVERNMENT = "subnational_government", _("city or provincial government")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    native_name = models.CharField(
        _("native name"),
        max_length=300,
        blank=True,
        help_text=_("The name in its own language: Umweltbundesamt."),
    )
    aliases = AliasesField(max_items=MAX_ALIASES)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.OTHER, db_index=True)
    country = CountryField(
        _("country"), blank=True, db_index=True, help_text=_("Blank for international bodies.")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
        help_text=_("The body it belongs to (DEHSt within UBA)."),
    )
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("predecessor"),
        help_text=_("The body it replaced, as when a ministry is renamed."),
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)

    search_vector, search_names, search_bigrams = search_columns(
        names=("name*", "acronym", "native_name", "[]aliases"), descriptions=("description*",)
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            *search_indexes("organisation"),
            GinIndex(fields=["aliases"], name="organisation_aliases_gin"),
        ]
        constraints = [
            not_itself("parent", _("An organisation cannot be its own parent.")),
            not_itself("predecessor", _("An organisation cannot be its own predecessor.")),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_url("institutions:organisation-detail", self.slug)


class Person(PublicRecord):
    """Someone who convenes, speaks at, chairs or works on the atlas's dialogues and projects."""

    class NameOrder(models.TextChoices):
        GIVEN_FIRST = "given_first", _("given name first (Jürgen Landgrebe)")
        FAMILY_FIRST = "family_first", _("family name first (Ma Aimin)")

    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    family_name = models.CharField(_("family name"), max_length=100)
    name_order = models.CharField(
        _("name order"), max_length=12, choices=NameOrder, default=NameOrder.GIVEN_FIRST
    )
    honorific = models.CharField(
        _("honorific"), max_length=40, blank=True, help_text=_("Dr, Prof., Mr, Ms …")
    )
    native_name = models.CharField(_("native-script name"), max_length=200, blank=True)
    bio = LimitedTextField(_("short bio"), max_length=SUMMARY_LENGTH, blank=True)

    search_vector, search_names, search_bigrams = search_columns(
        names=("given_name", "family_name", "native_name"), descriptions=("bio*",)
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = search_indexes("person")
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        parts = [self.given_name, self.family_name]
        if self.name_order == self.NameOrder.FAMILY_FIRST:
            parts.reverse()
        return " ".join(part for part in parts if part)

    def get_absolute_url(self):
        return slug_url("institutions:person-detail", self.slug)


class Affiliation(Period, Row):
    """A person's position at an organisation, over a period."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="affiliations", verbose_name=_("organisation")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)

    natural_key_fields = ("person", "organisation", "position")
    visible_through = ("person", "organisation")

    class Meta:
        ordering = ["person", "-start_date", "id"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["person", "organisation", "position"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This person already holds this position at this organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.position or _('affiliated')}, {self.organisation}"


class ContactPoint(Row):
    """How to reach an organisation or a project: a labelled e-mail, postal address or website.

    The two concrete kinds (``OrganisationContactPoint``, ``projects.ProjectContactPoint``) differ
    only in what they hang on. The address is kept as the source writes it, lines and all.
    """

    order = models.PositiveSmallIntegerField(_("order"), default=1)
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("What the contact is for: “Climate Cooperation China”."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = LimitedTextField(
        _("postal address"),
        max_length=NOTE_LENGTH,
        blank=True,
        help_text=_("As the source writes it, line by line."),
    )
    website = models.URLField(_("web address"), max_length=500, blank=True)

    visible_through: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def __str__(self):
        return self.label or self.email or next(iter(self.address_lines), "") or self.website

    @staticmethod
    def reachable(message):
        """A contact point that gives at least one way to reach its record."""
        return models.CheckConstraint(
            condition=~models.Q(email="", postal_address="", website=""),
            name="%(app_label)s_%(class)s_reachable",
            violation_error_message=message,
        )

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]


class OrganisationContactPoint(ContactPoint):
    """A way to reach an organisation, or one of its offices or websites."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contact_points", verbose_name=_("organisation")
    )

    natural_key_fields = ("organisation", "order")
    visible_through = ("organisation",)

    class Meta:
        ordering = ["organisation", "order"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        constraints = [
            unique_position(
                "organisation", _("This organisation already has a contact point at this position.")
            ),
            ContactPoint.reachable(_("Give an e-mail, a postal address or a web address.")),
        ]
