"""Abstract models every app builds on: timestamps, natural keys, visibility, sources, periods.

The atlas stores two kinds of things, and every layer names them the same way:

- a **record** (``PublicRecord``) has a page of its own: a stable slug, an editorial workflow
  (draft → review → published, with a publish date). Dialogues, phases, working groups, topics,
  publications, programmes, projects, events, organisations, people.
- a **row** (``Row``) hangs on a record by a foreign key and is shown on that record's page: roles,
  participations, speakers, sessions, aims, focus areas, contacts, authors, members, affiliations,
  funders, photos. It has no slug, but its own status and visibility, so that a public meeting can
  have a partners-only participant list.

``Publishable`` is what the two share (status, visibility, sources) and ``AtlasModel`` what every
table of the atlas has, sources included (timestamps, natural keys, the visibility rule, and
``AtlasManager`` as its default manager). The other layers follow: ``RecordSerializer`` and
``RowSerializer`` (``config.api.serializers``), ``RecordViewSet`` and ``RowViewSet``
(``config.api.views``), ``RecordAdmin`` and the ``…RowInline`` classes (``config.editorial.admin``),
``RecordFilterSet`` and ``RowSlugFilter`` (``config.framework.filtersets``).
"""

import functools

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import ExtractYear, Now, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.framework.dates import PartialDate, Precision, aligned_condition, format_period, truncate
from config.framework.internals import is_own_manager
from config.framework.search import SearchableQuerySet
from config.framework.visibility import Status, Visibility, VisibleQuerySet, visibilities_for


def unread_columns(model, shown=()) -> tuple[str, ...]:
    """The columns of ``model`` that a representation showing the fields ``shown`` never reads.

    Its generated search columns, and the long texts (in every language) it does not show: on a
    list they are most of what a row weighs.
    """
    return _unread_columns(model, frozenset(shown))


@functools.cache
def _unread_columns(model, shown: frozenset) -> tuple[str, ...]:
    long_texts = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField) and getattr(field, "translated_field", field).name not in shown
    ]
    return (*sorted(model.generated_field_names()), *long_texts)


# The filtered querysets of visible_to(), built once per kind of reader and copied for each use.
_VISIBLE_QUERYSETS: dict[tuple, models.QuerySet] = {}


class AtlasManager(models.Manager.from_queryset(VisibleQuerySet)):
    """Default manager: the visibility rule plus natural keys for fixtures."""

    def visible_to(self, user):
        """``Model.objects.visible_to(user)``: as the queryset's, but its filter is built only once.

        Building the condition and resolving its lookups cost about a millisecond, and a page of
        the API asks for a dozen (the list, each filter, each relation). The filtered queryset is
        kept per model, database and the inputs of the rule (the visibilities and what the reader
        may change), and each call returns a copy of it. A related manager filters by its instance,
        so only the model's own manager keeps them.
        """
        if not is_own_manager(self):
            return super().visible_to(user)
        visibilities = visibilities_for(user)
        if visibilities is None:
            return self.get_queryset()
        key = (self.model, self._db, tuple(visibilities), self.model.visibility_inputs(user))
        template = _VISIBLE_QUERYSETS.get(key)
        if template is None:
            template = _VISIBLE_QUERYSETS[key] = self.get_queryset().visible_to(user)
        return template.all()

    def get_by_natural_key(self, *key):
        lookups = {}
        for name, value in zip(self.model.natural_key_fields, key, strict=True):
            field = self.model._meta.get_field(name)
            if value is None:
                lookups[f"{name}__isnull"] = True
            elif field.is_relation:
                lookups[name] = field.related_model._default_manager.db_manager(self.db).get_by_natural_key(
                    *value
                )
            else:
                lookups[name] = value
        return self.get(**lookups)


class SearchableManager(AtlasManager.from_queryset(SearchableQuerySet)):
    """Default manager of the models that feed site search."""


class AtlasModel(models.Model):
    """Timestamps, natural keys, and the visibility rule shared by every table of the atlas.

    ``natural_key_fields`` names the fields that identify a row across databases (a slug, or the
    parent's natural key plus a role); fixtures refer to rows by them.

    ``visible_through`` names the foreign keys whose targets must be visible too: a role row is
    shown only when its dialogue and its organisation are.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False, db_index=True)

    objects = AtlasManager()

    natural_key_fields: tuple[str, ...] = ("slug",)
    visible_through: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Set here rather than with auto_now, so that reloading unchanged seed data (which saves
        # through save_base) does not touch the timestamp.
        self.updated_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated_at"}
        super().save(*args, **kwargs)

    @classmethod
    def generated_field_names(cls) -> set[str]:
        """The generated columns (search), which no rule reads and no write sets."""
        return {field.name for field in cls._meta.concrete_fields if isinstance(field, models.GeneratedField)}

    def validate_constraints(self, exclude=None):
        # Checking a constraint in Python puts every field of the row into the check query; the
        # generated search columns would each bring their whole expression (a weighted vector of
        # every language's text), which made checking a row ~10x slower. No constraint reads them.
        super().validate_constraints(exclude={*(exclude or ()), *self.generated_field_names()})

    def natural_key(self):
        key = []
        for name in self.natural_key_fields:
            field = self._meta.get_field(name)
            if field.is_relation:
                related = getattr(self, name)
                key.append(related.natural_key() if related is not None else None)
            else:
                value = getattr(self, name)
                key.append(value.isoformat() if hasattr(value, "isoformat") else value)
        return tuple(key)

    @classmethod
    def editable_by(cls, user) -> bool:
        """Whether ``user`` may change this kind of record (and so sees the drafts it wrote)."""
        opts = cls._meta
        return user is not None and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    @classmethod
    def drafts_of(cls, user) -> int | None:
        """The account whose unpublished rows of this kind ``user`` sees besides the published ones:
        its own, when it may change this kind (a partner system's account); None otherwise.

        Staff see every row without this rule (``visibilities_for``); any other account sees only
        what it created, so that one partner system never reads another's drafts.
        """
        if not getattr(user, "is_authenticated", False) or not hasattr(cls, "history"):
            return None
        return user.pk if cls.editable_by(user) else None

    @classmethod
    def visibility_inputs(cls, user) -> tuple[int | None, ...]:
        """What ``visibility_condition`` reads of ``user`` besides the visibilities: whose drafts it
        sees of this kind and of each kind this one is visible through, in order."""
        inputs = [cls.drafts_of(user)]
        for name in cls.visible_through:
            inputs.extend(cls._meta.get_field(name).related_model.visibility_inputs(user))
        return tuple(inputs)

    @classmethod
    def created_by(cls, account: int, prefix: str = "") -> Q:
        """The rows, reached through ``prefix``, that ``account`` created: their history's first
        entry names it (the API, the admin and imports all write it, ``config.editorial.history``)."""
        created = cls.history.model.objects.filter(
            id=OuterRef(f"{prefix}id"), history_type="+", history_user_id=account
        )
        return Q(Exists(created))

    @classmethod
    def visibility_condition(cls, visibilities, prefix: str = "", user=None) -> Q:
        """The rows, reached through ``prefix``, that a user allowed ``visibilities`` may see.

        Published rows at those visibilities, once their publish date has come (a date in the
        future schedules a record: until then it is hidden, and never shown as published). A
        ``user`` who may change this kind of record (a partner system's account) also sees the
        drafts and records in review *it created*, at the visibilities allowed: a record one may
        edit must be one one can read, and another account's drafts stay hidden (a 404).
        """
        condition = Q()
        field_names = {field.name for field in cls._meta.concrete_fields}
        if "status" in field_names:
            condition &= Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}visibility__in": visibilities})
        if "published_at" in field_names:
            due = Q(**{f"{prefix}published_at__lte": Now()})
            condition &= Q(**{f"{prefix}published_at__isnull": True}) | due
        owner = cls.drafts_of(user)
        if owner is not None and "status" in field_names:
            condition |= (
                ~Q(**{f"{prefix}status": Status.PUBLISHED})
                & Q(**{f"{prefix}visibility__in": visibilities})
                & cls.created_by(owner, prefix)
            )
        for name in cls.visible_through:
            field = cls._meta.get_field(name)
            parent = field.related_model.visibility_condition(
                visibilities, prefix=f"{prefix}{name}__", user=user
            )
            condition &= (Q(**{f"{prefix}{name}__isnull": True}) | parent) if field.null else parent
        return condition


class Publishable(AtlasModel):
    """What records and rows share: an editorial status, a visibility, and the sources of the facts."""

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PUBLISHED)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.PUBLIC,
        help_text=_("Public: everyone. Partners: signed-in partner accounts. Internal: staff only."),
    )
    sources = models.ManyToManyField(
        "institutions.Source",
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("sources"),
        help_text=_("Where the facts of this record come from."),
    )

    class Meta:
        abstract = True


class Row(Publishable):
    """A row: it hangs on a record (a role, a participation, a session …) and is shown on its page.

    Published by default: the status of the record it hangs on already gates it.
    """

    class Meta:
        abstract = True


class PublicRecord(Publishable):
    """A record: a page of its own, a stable slug, drafts by default and the editorial workflow."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("The stable key in its URL."))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        _("publish date"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the record is published. A date in the future keeps a published record hidden "
            "from visitors and partners until then."
        ),
    )

    class Meta:
        abstract = True


def partial_date_constraint(date_field: str, precision_field: str) -> models.CheckConstraint:
    """The date is the first day of its period when only the month or the year is known."""
    return models.CheckConstraint(
        condition=aligned_condition(date_field, precision_field),
        name=f"%(app_label)s_%(class)s_{date_field}_aligned",
        violation_error_message=_(
            "A date known only to the month or year must be the first day of that month or year."
        ),
    )


def not_itself(field: str, message) -> models.CheckConstraint:
    """A record cannot point at itself through ``field`` (be its own parent, its own predecessor)."""
    return models.CheckConstraint(
        condition=~Q(**{field: F("id")}),
        name=f"%(app_label)s_%(class)s_not_own_{field}",
        violation_error_message=message,
    )


def unique_position(parent: str, message) -> models.UniqueConstraint:
    """One row per position (``order``) among the rows of the same ``parent``."""
    return models.UniqueConstraint(
        fields=[parent, "order"],
        name="%(app_label)s_%(class)s_unique_order",
        violation_error_message=message,
    )


class Period(models.Model):
    """A start and an end, each a partial date ("since 2010", "2020–2023", "28–29 August 2024")."""

    start_date = models.DateField(_("start"), null=True, blank=True, db_index=True)
    start_precision = models.CharField(
        _("start known to the"), max_length=5, choices=Precision, default=Precision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end known to the"), max_length=5, choices=Precision, default=Precision.DAY
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                # An end known only to the month or year may share that month or year with the start.
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date"))
                | Q(end_precision=Precision.MONTH, end_date__gte=TruncMonth("start_date"))
                | Q(end_precision=Precision.YEAR, end_date__year__gte=ExtractYear("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
            partial_date_constraint("start_date", "start_precision"),
            partial_date_constraint("end_date", "end_precision"),
        ]

    @property
    def start(self) -> PartialDate | None:
        return PartialDate(self.start_date, self.start_precision) if self.start_date else None

    @property
    def end(self) -> PartialDate | None:
        return PartialDate(self.end_date, self.end_precision) if self.end_date else None

    @property
    def period(self) -> str:
        return format_period(self.start, self.end)

    def clean(self):
        super().clean()
        # An editor who types 15 December 2020 and says "month" means December 2020.
        if self.start_date:
            self.start_date = truncate(self.start_date, self.start_precision)
        if self.end_date:
            self.end_date = truncate(self.end_date, self.end_precision)
        if self.start and self.end and self.end.last_day < self.start.date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class Dated(models.Model):
    """A single partial date (a publication's)."""

    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("date known to the"), max_length=5, choices=Precision, default=Precision.DAY
    )

    class Meta:
        abstract = True
        constraints = [partial_date_constraint("date", "date_precision")]

    @property
    def partial_date(self) -> PartialDate | None:
        return PartialDate(self.date, self.date_precision) if self.date else None

    def clean(self):
        super().clean()
        if self.date:
            self.date = truncate(self.date, self.date_precision)
