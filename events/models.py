"""Events (meetings and milestones), their agenda, who took part, who spoke, and photos."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When
from django.db.models.functions import Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from config.framework.dates import Precision
from config.framework.fields import (
    DESCRIPTION_LENGTH,
    NOTE_LENGTH,
    SUMMARY_LENGTH,
    CountryField,
    LimitedTextField,
    country_names_by_code,
)
from config.framework.gazetteer import Located, Unplaced, locate
from config.framework.links import slug_url
from config.framework.models import (
    AtlasManager,
    Period,
    PublicRecord,
    Row,
    not_itself,
    unique_position,
)
from config.framework.search import SearchableQuerySet, search_columns, search_indexes, unaccented
from config.framework.visibility import Status, Visibility
from config.operations.uploads import check_image, clean_upload
from dialogues.models import EDITOR_NOTE_HELP, Dialogue, Publication, Topic, WorkingGroup
from institutions.models import Organisation, Person
from projects.models import Project


def _period_end(date: str, length: str) -> Func:
    """The last day of the month or year that ``date`` (its first day) begins."""
    return Func(
        F(date),
        template=f"(%(expressions)s + interval '{length}' - interval '1 day')::date",
        output_field=models.DateField(),
    )


def last_day(prefix: str) -> Case:
    """The last day a partial date may stand for: "November 2026" lasts until 30 November.

    Dates are stored as the first day of their period, so this is the date itself when known to
    the day, else the end of its month or year.
    """
    date, precision = f"{prefix}_date", f"{prefix}_precision"
    return Case(
        When(**{precision: Precision.MONTH}, then=_period_end(date, "1 month")),
        When(**{precision: Precision.YEAR}, then=_period_end(date, "1 year")),
        default=F(date),
        output_field=models.DateField(),
    )


# The last day an event may still be running: its end's, else its start's. Indexed (event_last_day),
# so that "upcoming" and "past" are an index range with statistics PostgreSQL can estimate.
EVENT_LAST_DAY = Case(
    When(end_date__isnull=False, then=last_day("end")),
    default=last_day("start"),
    output_field=models.DateField(),
)


class IdAmong(Func):
    """``id = ANY(<array>)``: whether a row's id is one of an array's (a condition)."""

    output_field = models.BooleanField()
    conditional = True

    def as_sql(self, compiler, connection, **extra_context):
        column, ids = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        ids_sql, ids_params = compiler.compile(ids)
        return f"{column_sql} = ANY({ids_sql})", (*column_params, *ids_params)


class EventQuerySet(SearchableQuerySet):
    def upcoming(self, today=None):
        """Events not over yet: running, or still to come (also those known only to the month)."""
        return self.alias(last_day=EVENT_LAST_DAY).filter(last_day__gte=today or timezone.localdate())

    def past(self, today=None):
        today = today or timezone.localdate()
        # An event that is over began before today: the bound lets the start-date indexes answer.
        return self.alias(last_day=EVENT_LAST_DAY).filter(start_date__lt=today, last_day__lt=today)

    def soonest(self, count: int, today=None) -> list:
        """The next ``count`` events not over yet, soonest first, as the upcoming list orders them.

        Asked in one query, PostgreSQL walks the start-date index from the oldest event until it
        has found ``count`` that are not over: most of the table. Events that began before today
        and are still running are few, so they are read first by their last day (unordered, which
        lets the last-day index answer), and the rest by the start-date index from today on.
        """
        today = today or timezone.localdate()
        running = sorted(self.upcoming(today).filter(start_date__lt=today).values_list("start_date", "pk"))
        ids = [pk for _start, pk in running[:count]]
        if len(ids) < count:
            later = self.filter(start_date__gte=today).order_by("start_date", "id")
            ids += later.values_list("pk", flat=True)[: count - len(ids)]
        return list(self.filter(pk__in=ids).order_by("start_date", "id"))

    def for_list(self):
        """Everything a list row shows, in a fixed number of queries."""
        return self.select_related("dialogue", "working_group", "parent").prefetch_related("topics")

    def matching_rows(self, names_query) -> Q:
        """Events one of whose public further places is in a city or at a venue the query names
        (or a part of its name, as ``search_names`` is matched): "Cologne" finds the study tour to
        Berlin and Cologne. Only public places: a search shows no more than a visitor sees."""
        places = (
            EventPlace.objects.filter(status=Status.PUBLISHED, visibility=Visibility.PUBLIC)
            .annotate(names=Lower(unaccented(Concat("city", Value(" "), "venue"))))
            .filter(Q(names__contains=names_query) | Q(names__trigram_word_similar=names_query))
        )
        # ``id = ANY(ARRAY(SELECT …))``: the places are read once (an InitPlan), and the event's id
        # stays an index condition beside the search columns' (``IN (SELECT …)`` in an OR is not
        # one, and turned the search into a scan of every event).
        return Q(IdAmong(F("pk"), ArraySubquery(places.values("event_id"))))

    def for_results(self, user):
        """A search result names each place the reader may see."""
        return self.with_places(user)

    def with_places(self, user):
        """Each event's further places that ``user`` may see, as ``further_places``."""
        places = EventPlace.objects.visible_to(user).order_by("event", "order")
        return self.prefetch_related(models.Prefetch("places", places, to_attr="further_places"))


class Event(Period, PublicRecord):
    """Anything that happens on a date: a plenary, a side event, a workshop, a policy milestone."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary")
        STEERING_COMMITTEE = "steering_committee", _("steering committee")
        WORKING_GROUP_MEETING = "working_group_meeting", _("working-group meeting")
        SIDE_EVENT = "side_event", _("side event")
        WORKSHOP = "workshop", _("workshop")
        CONFERENCE = "conference", _("conference")
        STUDY_TOUR = "study_tour", _("study tour")
        WEBINAR = "webinar", _("webinar")
        DIALOGUE_MEETING = "dialogue_meeting", _("dialogue meeting")
        LAUNCH = "launch", _("launch")
        POLICY_MILESTONE = "policy_milestone", _("policy milestone")
        OTHER = "other", _("other")
        NOT_STATED = "", _("kind not stated")

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind,
        blank=True,
        db_index=True,
        help_text=_("“Other” for a kind this list lacks; “not stated” where the sources say only “event”."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.HELD, db_index=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinates_source = models.CharField(
        _("coordinates from"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the latitude and longitude come from. Filled in from the GeoNames gazetteer when an "
            "event with a city and a country is saved without coordinates; blank for coordinates an "
            "editor entered."
        ),
    )
    number = models.PositiveSmallIntegerField(
        _("number in its series"),
        null=True,
        blank=True,
        help_text=_("8 for the dialogue's 8th plenary: events of one dialogue and kind form a series."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("The event this one belongs to: a side event at COP29 belongs to COP29."),
    )
    dialogue = models.ForeignKey(
        Dialogue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("dialogue"),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("working group"),
    )
    projects = models.ManyToManyField(Project, blank=True, related_name="events", verbose_name=_("projects"))
    summary = LimitedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    outcomes = LimitedTextField(_("outcomes"), max_length=DESCRIPTION_LENGTH, blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    editor_note = LimitedTextField(
        _("editor's note"), max_length=NOTE_LENGTH, blank=True, help_text=EDITOR_NOTE_HELP
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="events", verbose_name=_("topics"))
    documents = models.ManyToManyField(
        Publication, blank=True, related_name="events", verbose_name=_("documents")
    )

    objects = AtlasManager.from_queryset(EventQuerySet)()

    search_vector, search_names, search_bigrams = search_columns(
        names=("name*", "city"), summaries=("summary*", "venue"), descriptions=("description*", "outcomes*")
    )

    class Meta:
        ordering = ["-start_date", "name", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            *search_indexes("event"),
            models.Index(fields=["dialogue", "start_date"], name="event_dialogue_start"),
            models.Index(fields=["country", "start_date"], name="event_country_start"),
            models.Index(EVENT_LAST_DAY, name="event_last_day"),
            # Lists of published records for visitors and partners, in date order; the included
            # columns answer the counts of such lists (upcoming, past, all) from the index alone.
            models.Index(
                fields=["status", "visibility", "start_date"],
                include=["published_at", "end_date", "start_precision", "end_precision"],
                name="event_visible_start",
            ),
            # The map (config/atlas/geography.py): events by place, each place's latest first; the
            # included columns answer the visibility rule and the place's name from the index.
            models.Index(
                fields=["latitude", "longitude", "-start_date"],
                include=["status", "visibility", "published_at", "mode", "city", "country"],
                condition=Q(latitude__isnull=False),
                name="event_place",
            ),
        ]
        constraints = [
            *Period.Meta.constraints,
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="%(app_label)s_%(class)s_latitude_range",
                violation_error_message=_("Latitude must be between -90 and 90 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="%(app_label)s_%(class)s_longitude_range",
                violation_error_message=_("Longitude must be between -180 and 180 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="%(app_label)s_%(class)s_coordinates_pair",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1),
                name="%(app_label)s_%(class)s_number_positive",
                violation_error_message=_("Events in a series are numbered from 1."),
            ),
            models.UniqueConstraint(
                fields=["dialogue", "kind", "number"],
                condition=Q(dialogue__isnull=False, number__isnull=False),
                name="%(app_label)s_%(class)s_unique_number_in_series",
                violation_error_message=_(
                    "This dialogue already has an event of this kind with this number."
                ),
            ),
            not_itself("parent", _("An event cannot be part of itself.")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:event-detail", self.slug)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both latitude and longitude, or neither.")})
        # Every write checks the record first (the admin, the API, imports, the seed): an event with
        # a city and no coordinates gets the gazetteer's, with their source.
        self.locate()

    def locate(self) -> Located | Unplaced | None:
        """Give the event the gazetteer's coordinates of its city, if it has none yet.

        None when there is nothing to look up: the event has coordinates, is held online, or names
        no city (a country alone is no point). Otherwise the gazetteer's answer: the coordinates it
        set, or why it could not (an unknown or ambiguous name).
        """
        return locate_place(self, online=self.mode == self.Mode.ONLINE)

    @property
    def shown_places(self) -> list:
        """The further places a visitor sees (``EventQuerySet.with_places`` loads them for a
        reader); without that, the public ones."""
        if not hasattr(self, "further_places"):
            self.further_places = list(EventPlace.objects.visible_to(AnonymousUser()).filter(event=self))
        return [self, *self.further_places]

    @property
    def shown_further_places(self) -> list:
        return self.shown_places[1:]

    @property
    def place(self) -> str:
        """Its venue, city and country, then each further place's: "Berlin, Germany; Cologne, Germany"."""
        return "; ".join(filter(None, (place_text(place, venue=True) for place in self.shown_places)))

    @property
    def cities(self) -> str:
        """Its cities and countries, without venues, a country once for the cities in a row within
        it: "Berlin, Cologne, Germany"."""
        return cities_text(self.shown_places)

    @property
    def location(self) -> str:
        """Where a feed or a calendar says it takes place: its place, or "Online"."""
        return self.place or (str(_("Online")) if self.mode == self.Mode.ONLINE else "")


def place_text(place, *, venue: bool = False) -> str:
    """An event's or a further place's venue (if asked), city and country, in the page's language."""
    country = country_names_by_code().get(place.country, place.country)
    return ", ".join(part for part in (place.venue if venue else "", place.city, country) if part)


def cities_text(places) -> str:
    """Cities and countries, a country named once after the cities in a row within it."""
    names = country_names_by_code()
    groups: list[tuple[str, list[str]]] = []
    for place in places:
        if not (place.city or place.country):
            continue
        if groups and groups[-1][0] == place.country and place.city:
            groups[-1][1].append(place.city)
        else:
            groups.append((place.country, [place.city] if place.city else []))
    return "; ".join(
        ", ".join([*cities, names.get(country, country)] if country else cities) for country, cities in groups
    )


def locate_place(place, *, online: bool = False) -> Located | Unplaced | None:
    """Give an event or a further place the gazetteer's coordinates of its city, if it has none.

    None when there is nothing to look up: the place has coordinates, the event is held online, or
    it names no city (a country alone is no point). Otherwise the gazetteer's answer: the
    coordinates it set, or why it could not (an unknown or ambiguous name).
    """
    if place.latitude is not None or online or not (place.city and place.country):
        return None
    found = locate(place.city, place.country)
    if isinstance(found, Located):
        place.latitude, place.longitude, place.coordinates_source = (
            found.latitude,
            found.longitude,
            found.source,
        )
    return found


class EventPlace(Row):
    """A further place an event is held at: the study tour to "Berlin and Cologne" is in Berlin
    (the event's own venue, city and country, its place 1) and in Cologne (its place 2).

    The event's own fields stay its first place, so that every event, list, filter and index that
    reads them keeps working, and an event held in one place needs no row.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="places", verbose_name=_("event"))
    order = models.PositiveSmallIntegerField(
        _("place number"), default=2, help_text=_("The event's own venue and city are its place 1.")
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=200)
    country = CountryField(_("country"), blank=True, db_index=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinates_source = models.CharField(
        _("coordinates from"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the latitude and longitude come from: the GeoNames gazetteer for the city, filled in "
            "on save; blank for coordinates an editor entered."
        ),
    )

    natural_key_fields = ("event", "order")
    visible_through = ("event",)

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("further place")
        verbose_name_plural = _("further places")
        indexes = [
            models.Index(
                fields=["latitude", "longitude"],
                include=["event", "status", "visibility", "city", "country"],
                condition=Q(latitude__isnull=False),
                name="event_further_place",
            ),
        ]
        constraints = [
            unique_position("event", _("This event already has a place with this number.")),
            models.CheckConstraint(
                condition=Q(order__gte=2),
                name="%(app_label)s_%(class)s_after_the_first",
                violation_error_message=_("Further places are numbered from 2: the event's own is place 1."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="%(app_label)s_%(class)s_latitude_range",
                violation_error_message=_("Latitude must be between -90 and 90 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="%(app_label)s_%(class)s_longitude_range",
                violation_error_message=_("Longitude must be between -180 and 180 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="%(app_label)s_%(class)s_coordinates_pair",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
        ]

    def __str__(self):
        return place_text(self, venue=True)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both latitude and longitude, or neither.")})
        self.locate()

    def locate(self) -> Located | Unplaced | None:
        """The gazetteer's coordinates of its city, if it has none yet (``locate_place``)."""
        return locate_place(self, online=self.event_id is not None and self.event.mode == Event.Mode.ONLINE)


class Session(Row):
    """An item of an event's agenda ("Day 1: exchange among IKI projects")."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    description = LimitedTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="sessions", verbose_name=_("topics"))

    natural_key_fields = ("event", "order")
    visible_through = ("event",)

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            unique_position("event", _("This event already has a session at this position.")),
        ]

    def __str__(self):
        return self.title


class EventParticipation(Row):
    """An organisation's part in an event: host, organiser, participant …"""

    class Role(models.TextChoices):
        HOST = "host", _("host")
        ORGANISER = "organiser", _("organiser")
        CO_ORGANISER = "co_organiser", _("co-organiser")
        SUPPORTER = "supporter", _("supporter")
        PARTICIPANT = "participant", _("participant")
        FUNDER = "funder", _("funder")
        APPROVER = "approver", pgettext_lazy("role at a policy milestone", "approved by")
        ISSUER = "issuer", pgettext_lazy("role at a policy milestone", "issued by")
        NOT_STATED = "", _("role not stated")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="event_participations",
        verbose_name=_("organisation"),
    )
    # Not stated unless chosen: a participant is a claim the sources must make too.
    role = models.CharField(
        _("role"), max_length=20, choices=Role, blank=True, default=Role.NOT_STATED, db_index=True
    )
    note = LimitedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    natural_key_fields = ("event", "organisation", "role")
    visible_through = ("event", "organisation")

    class Meta:
        ordering = ["event", "role", "id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This organisation already has this role at this event."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class EventSpeaker(Row):
    """A person who spoke, moderated or attended as a delegate, and for which organisation."""

    class Role(models.TextChoices):
        OPENING_SPEECH = "opening_speech", _("opening speech")
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")
        DELEGATE = "delegate", _("delegate")
        NOT_STATED = "", _("role not stated")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="appearances", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, blank=True, default=Role.NOT_STATED)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speaker_appearances",
        verbose_name=_("for organisation"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    natural_key_fields = ("event", "person", "role")
    visible_through = ("event", "person", "organisation")

    class Meta:
        ordering = ["event", "order", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This person already has this role at this event."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class Photo(Row):
    """A photo of an event, with its caption, credit and licence."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/",
        blank=True,
        help_text=_("May be left empty while the atlas records only that a credited photo exists."),
    )
    caption = models.CharField(
        _("caption"), max_length=500, blank=True, help_text=_("In the languages the source gives it.")
    )
    alt_text = models.CharField(_("alt text"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Stephan Thurm (UBA)"))
    licence = models.CharField(_("licence"), max_length=100, blank=True)

    natural_key_fields = ("event", "order")
    visible_through = ("event",)

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            unique_position("event", _("This event already has a photo at this position.")),
        ]

    def __str__(self):
        return self.caption

    def clean(self):
        super().clean()
        clean_upload(self, "image", check_image)
