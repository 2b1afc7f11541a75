"""Topics, dialogues with their phases, working groups and roles, and publications."""

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
    CountryField,
    LimitedTextField,
    NoneOrAtLeast,
)
from config.framework.links import slug_url
from config.framework.models import (
    Dated,
    Period,
    PublicRecord,
    Row,
    SearchableManager,
    not_itself,
    unique_position,
)
from config.framework.search import search_columns, search_indexes
from config.operations.uploads import check_document, clean_upload
from institutions.models import Organisation, Person

EDITOR_NOTE_HELP = _(
    "What the editors add to the sources, shown on the record's page: where a source looks wrong, "
    "or how a value was derived from it."
)


class Topic(PublicRecord):
    """A subject of cooperation, in a shallow tree ("Carbon markets" › "Emissions trading")."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)

    search_vector, search_names, search_bigrams = search_columns(
        names=("name*",), descriptions=("description*",)
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = search_indexes("topic")
        constraints = [
            not_itself("parent", _("A topic cannot be its own parent.")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("dialogues:topic-detail", self.slug)


class Track(models.TextChoices):
    TRACK_1 = "1", _("Track I (governments)")
    TRACK_1_5 = "1.5", _("Track 1.5 (officials and experts)")
    TRACK_2 = "2", _("Track II (experts, unofficial)")
    NOT_STATED = "", _("track not stated")


class Dialogue(Period, PublicRecord):
    """A standing dialogue between parties (countries or the EU): T2D, the India–US dialogue …"""

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        CONCLUDED = "concluded", _("concluded")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    native_name = models.CharField(_("native name"), max_length=300, blank=True)
    aliases = AliasesField(max_items=MAX_ALIASES)
    track = models.CharField(
        _("track"),
        max_length=3,
        choices=Track,
        blank=True,
        db_index=True,
        help_text=_("Leave it “not stated” where the sources do not say which track the dialogue is."),
    )
    parties = CountriesField(
        verbose_name=_("parties"),
        help_text=_(
            "The countries (or the EU) in dialogue: at least two, or none where no source names them."
        ),
        validators=[NoneOrAtLeast(2, message=_("A dialogue has at least two parties."))],
        blank=True,
    )
    supports = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supported_by",
        verbose_name=_("supports"),
        help_text=_(
            "The dialogue this one exists to support, such as the ministerial dialogue a Track II "
            "dialogue advises."
        ),
    )
    cadence = models.CharField(
        _("cadence"),
        max_length=300,
        blank=True,
        help_text=_("e.g. annual, alternating between the two countries"),
    )
    # Blank when no source says whether the dialogue still meets.
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.ACTIVE, blank=True, db_index=True
    )
    summary = LimitedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="dialogues", verbose_name=_("topics"))

    search_vector, search_names, search_bigrams = search_columns(
        names=("name*", "acronym", "native_name", "[]aliases"),
        summaries=("summary*",),
        descriptions=("description*",),
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        indexes = [
            *search_indexes("dialogue"),
            GinIndex(fields=["parties"], name="dialogue_parties_gin"),
            GinIndex(fields=["aliases"], name="dialogue_aliases_gin"),
        ]
        constraints = [
            *Period.Meta.constraints,
            models.CheckConstraint(
                condition=Q(parties__len__gte=2) | Q(parties__len=0),
                name="%(app_label)s_%(class)s_two_parties",
                violation_error_message=_("A dialogue has at least two parties."),
            ),
            not_itself("supports", _("A dialogue cannot support itself.")),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_url("dialogues:dialogue-detail", self.slug)


class DialogueAim(Row):
    """One of a dialogue's aims, in the order the dialogue states them."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="aims", verbose_name=_("dialogue")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = LimitedTextField(_("aim"), max_length=SUMMARY_LENGTH)

    natural_key_fields = ("dialogue", "order")
    visible_through = ("dialogue",)

    class Meta:
        ordering = ["dialogue", "order"]
        verbose_name = _("aim")
        verbose_name_plural = _("aims")
        constraints = [
            unique_position("dialogue", _("This dialogue already has an aim at this position.")),
        ]

    def __str__(self):
        return self.text


class Phase(Period, PublicRecord):
    """A numbered phase of a dialogue (T2D phase two, 2023–2026)."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="phases", verbose_name=_("dialogue")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    summary = LimitedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    steering_committee_meetings = models.PositiveSmallIntegerField(
        _("steering committee meetings"),
        null=True,
        blank=True,
        help_text=_("How many steering committee meetings the phase held, as a source counts them."),
    )
    cadence = models.CharField(
        _("cadence"),
        max_length=300,
        blank=True,
        help_text=_("How often the dialogue met in this phase, e.g. twice each year in 2023 and 2024"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="phases", verbose_name=_("topics"))

    visible_through = ("dialogue",)

    class Meta:
        ordering = ["dialogue", "number"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["dialogue", "number"],
                name="%(app_label)s_%(class)s_unique_number",
                violation_error_message=_("This dialogue already has a phase with this number."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="%(app_label)s_%(class)s_number_positive",
                violation_error_message=_("Phases are numbered from 1."),
            ),
        ]

    def __str__(self):
        return f"{self.dialogue.acronym or self.dialogue.name} – {self.name}"

    def get_absolute_url(self):
        return f"{self.dialogue.get_absolute_url()}#phase-{self.number}"


class WorkingGroup(Period, PublicRecord):
    """A working group of a dialogue, optionally within a phase (T2D WG 2: emissions trading)."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="working_groups", verbose_name=_("dialogue")
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("phase"),
    )
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True, help_text=_("WG 1, 2 …"))
    name = models.CharField(_("name"), max_length=300)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="working_groups", verbose_name=_("topics")
    )

    visible_through = ("dialogue", "phase")

    search_vector, search_names, search_bigrams = search_columns(
        names=("name*",), descriptions=("description*",)
    )

    objects = SearchableManager()

    class Meta:
        ordering = ["dialogue", "phase__number", "number", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        indexes = search_indexes("working_group")
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["dialogue", "phase", "number"],
                name="%(app_label)s_%(class)s_unique_number_in_phase",
                violation_error_message=_("This phase already has a working group with this number."),
            ),
            models.UniqueConstraint(
                fields=["dialogue", "number"],
                condition=Q(phase__isnull=True),
                name="%(app_label)s_%(class)s_unique_number_without_phase",
                violation_error_message=_("This dialogue already has a working group with this number."),
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1),
                name="%(app_label)s_%(class)s_number_positive",
                violation_error_message=_("Working groups are numbered from 1."),
            ),
        ]

    def __str__(self):
        label = f"WG {self.number}: {self.name}" if self.number else self.name
        return f"{self.dialogue.acronym or self.dialogue.name} {label}"

    def get_absolute_url(self):
        return slug_url("dialogues:working-group-detail", self.slug)


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    CO_CHAIR = "co_chair", _("co-chair")
    MEMBER = "member", _("member")
    SUPPORTER = "supporter", _("supporter")


class WorkingGroupMember(Row):
    """An organisation or a person in a working group, with a role such as chair."""

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("working group")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_group_memberships",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_group_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole, default=MemberRole.MEMBER)
    side = CountryField(_("side"), blank=True, help_text=_("The party the member belongs to."))
    note = LimitedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    natural_key_fields = ("working_group", "organisation", "person", "role")
    visible_through = ("working_group", "organisation", "person")

    class Meta:
        ordering = ["working_group", "role", "id"]
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True, person__isnull=False)
                | Q(organisation__isnull=False, person__isnull=True),
                name="%(app_label)s_%(class)s_organisation_or_person",
                violation_error_message=_("A member is either an organisation or a person."),
            ),
            models.UniqueConstraint(
                fields=["working_group", "organisation", "person", "role"],
                nulls_distinct=False,
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This member already has this role in this working group."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation or self.person} ({self.get_role_display()})"


class DialogueRole(Period, Row):
    """The part an organisation plays in a dialogue, for one side and optionally one phase."""

    class Role(models.TextChoices):
        LEAD_AGENCY = "lead_agency", _("lead agency")
        CONVENOR = "convenor", _("convenor")
        CO_CHAIR = "co_chair", _("co-chair")
        COMMISSIONING_BODY = "commissioning_body", _("commissioning body")
        FUNDER = "funder", _("funder")
        SUPPORTER = "supporter", _("supporter")
        COORDINATOR = "coordinator", _("coordinator")
        CONTRIBUTING_INSTITUTION = "contributing_institution", _("contributing institution")
        PARTNER = "partner", _("partner")
        NOT_STATED = "", _("role not stated")

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="roles", verbose_name=_("dialogue")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="dialogue_roles", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, blank=True, db_index=True)
    side = CountryField(
        _("side"), blank=True, help_text=_("The party it acts for (DE, CN …); blank for both.")
    )
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, null=True, blank=True, related_name="roles", verbose_name=_("phase")
    )
    note = LimitedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    natural_key_fields = ("dialogue", "organisation", "role", "phase")
    visible_through = ("dialogue", "organisation", "phase")

    class Meta:
        ordering = ["dialogue", "phase__number", "role", "side", "id"]
        verbose_name = _("dialogue role")
        verbose_name_plural = _("dialogue roles")
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["dialogue", "organisation", "role", "phase"],
                nulls_distinct=False,
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_(
                    "This organisation already has this role in this dialogue and phase."
                ),
            ),
        ]

    def __str__(self):
        if not self.role:
            return f"{self.organisation} in {self.dialogue} (role not stated)"
        return f"{self.organisation}: {self.get_role_display()} of {self.dialogue}"


class Publication(Dated, PublicRecord):
    """A policy paper, report, recommendation, news item, presentation or minutes."""

    class Kind(models.TextChoices):
        POLICY_PAPER = "policy_paper", _("policy paper")
        REPORT = "report", _("report")
        RECOMMENDATION = "recommendation", _("recommendation")
        NEWS = "news", _("news")
        PRESENTATION = "presentation", _("presentation")
        MINUTES = "minutes", _("minutes")

    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="publications/%Y/", blank=True)
    summary = LimitedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    dialogue = models.ForeignKey(
        Dialogue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("dialogue"),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("working group"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="publications", verbose_name=_("topics"))
    editor_note = LimitedTextField(
        _("editor's note"), max_length=NOTE_LENGTH, blank=True, help_text=EDITOR_NOTE_HELP
    )

    search_vector, search_names, search_bigrams = search_columns(names=("title*",), summaries=("summary*",))

    objects = SearchableManager()

    class Meta:
        ordering = ["-date", "title", "id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = search_indexes("publication")
        constraints = [*Dated.Meta.constraints]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        clean_upload(self, "file", check_document)

    def get_absolute_url(self):
        return slug_url("dialogues:publication-detail", self.slug)


class PublicationAuthor(Row):
    """An author of a publication: an organisation or a person, in order."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authors", verbose_name=_("publication")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authored",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authored",
        verbose_name=_("person"),
    )

    natural_key_fields = ("publication", "order")
    visible_through = ("publication", "organisation", "person")

    class Meta:
        ordering = ["publication", "order"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True, person__isnull=False)
                | Q(organisation__isnull=False, person__isnull=True),
                name="%(app_label)s_%(class)s_organisation_or_person",
                violation_error_message=_("An author is either an organisation or a person."),
            ),
            unique_position("publication", _("This publication already has an author at this position.")),
        ]

    def __str__(self):
        return str(self.organisation or self.person)
