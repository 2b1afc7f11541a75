"""Funding programmes, the cooperation projects they fund, and who does what in them."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.framework.fields import (
    DESCRIPTION_LENGTH,
    MAX_ALIASES,
    NOTE_LENGTH,
    SUMMARY_LENGTH,
    AliasesField,
    CountriesField,
    LimitedTextField,
)
from config.framework.links import slug_url
from config.framework.models import (
    Period,
    PublicRecord,
    Row,
    SearchableManager,
    not_itself,
    unique_position,
)
from config.framework.search import search_columns, search_indexes
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from institutions.models import ContactPoint, Organisation, Person


class Programme(PublicRecord):
    """A funding programme, such as the International Climate Initiative (IKI)."""

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    funders = models.ManyToManyField(
        Organisation,
        through="ProgrammeFunder",
        blank=True,
        related_name="funded_programmes",
        verbose_name=_("funders"),
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_url("projects:programme-detail", self.slug)


class ProgrammeFunder(Row):
    """An organisation that funds a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="funder_rows", verbose_name=_("programme")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programme_funder_rows",
        verbose_name=_("organisation"),
    )

    natural_key_fields = ("programme", "organisation")
    visible_through = ("programme", "organisation")

    class Meta:
        ordering = ["programme", "organisation__name"]
        verbose_name = _("programme funder")
        verbose_name_plural = _("programme funders")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This organisation is already a funder of this programme."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} funds {self.programme}"


class Project(Period, PublicRecord):
    """A cooperation project, such as GIZ's Sino-German Cooperation on Low Carbon Transport."""

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")

    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    aliases = AliasesField(max_items=MAX_ALIASES)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("programme"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent project"),
        help_text=_("The hub programme this project belongs to."),
    )
    countries = CountriesField(verbose_name=_("countries"))
    state = models.CharField(_("state"), max_length=10, choices=State, blank=True, db_index=True)
    summary = LimitedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217: EUR, USD, CNY")
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="projects", verbose_name=_("topics"))
    dialogues = models.ManyToManyField(
        Dialogue, blank=True, related_name="supporting_projects", verbose_name=_("dialogues supported")
    )
    working_groups = models.ManyToManyField(
        WorkingGroup,
        blank=True,
        related_name="supporting_projects",
        verbose_name=_("working groups supported"),
    )
    publications = models.ManyToManyField(
        Publication, blank=True, related_name="projects", verbose_name=_("publications")
    )

    search_vector, search_names, search_bigrams = search_columns(
        names=("title*", "acronym", "[]aliases"), summaries=("summary*",), descriptions=("description*",)
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            *search_indexes("project"),
            GinIndex(fields=["countries"], name="project_countries_gin"),
            GinIndex(fields=["aliases"], name="project_aliases_gin"),
        ]
        constraints = [
            *Period.Meta.constraints,
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="%(app_label)s_%(class)s_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(currency__regex=r"^[A-Z]{3}$"),
                name="%(app_label)s_%(class)s_budget_has_currency",
                violation_error_message=_("A budget needs its currency as a three-letter ISO code (EUR)."),
            ),
            not_itself("parent", _("A project cannot be its own parent.")),
        ]

    def __str__(self):
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def get_absolute_url(self):
        return slug_url("projects:project-detail", self.slug)


class ProjectFocusArea(Row):
    """One of a project's focus areas, in the project's order."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("project")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("focus area"), max_length=300)

    natural_key_fields = ("project", "order")
    visible_through = ("project",)

    class Meta:
        ordering = ["project", "order"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            unique_position("project", _("This project already has a focus area at this position.")),
        ]

    def __str__(self):
        return self.name


class ProjectRole(Period, Row):
    """The part an organisation plays in a project."""

    class Role(models.TextChoices):
        IMPLEMENTER = "implementer", _("implementer")
        COMMISSIONING_MINISTRY = "commissioning_ministry", _("commissioning ministry")
        FUNDER = "funder", _("funder")
        POLITICAL_PARTNER = "political_partner", _("political partner")
        PARTNER = "partner", _("partner")
        SUPPORTER = "supporter", _("supporter")
        NOT_STATED = "", _("role not stated")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="roles", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="project_roles", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, blank=True, db_index=True)
    note = LimitedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    natural_key_fields = ("project", "organisation", "role")
    visible_through = ("project", "organisation")

    class Meta:
        ordering = ["project", "role", "id"]
        verbose_name = _("project role")
        verbose_name_plural = _("project roles")
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["project", "organisation", "role"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This organisation already has this role in this project."),
            ),
        ]

    def __str__(self):
        if not self.role:
            return f"{self.organisation} in {self.project} (role not stated)"
        return f"{self.organisation}: {self.get_role_display()} of {self.project}"


class ProjectContact(Row):
    """A person to contact about a project, with their role in it ("Project Director")."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("project")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="project_contacts", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=200, blank=True)

    natural_key_fields = ("project", "person")
    visible_through = ("project", "person")

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("project contact")
        verbose_name_plural = _("project contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "person"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This person is already a contact of this project."),
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.role}" if self.role else str(self.person)


class ProjectContactPoint(ContactPoint):
    """A way to reach a project: its office's e-mail and postal address, its website."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="contact_points", verbose_name=_("project")
    )

    natural_key_fields = ("project", "order")
    visible_through = ("project",)

    class Meta:
        ordering = ["project", "order"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        constraints = [
            unique_position("project", _("This project already has a contact point at this position.")),
            ContactPoint.reachable(_("Give an e-mail, a postal address or a web address.")),
        ]
