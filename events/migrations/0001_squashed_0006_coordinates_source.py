# The migrations before this one in one: a new database builds its tables at once instead of
# rendering the model state again for each of their operations (`make run`'s first migrate).
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
import django.db.models.functions.comparison
import django.db.models.functions.datetime
import django.db.models.functions.text
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import config.framework.fields


class Migration(migrations.Migration):
    replaces = [
        ("events", "0001_squashed_initial"),
        ("events", "0002_text_limits"),
        ("events", "0003_history_links_and_transactions"),
        ("events", "0004_search_bigrams"),
        ("events", "0005_plural_names"),
        ("events", "0006_coordinates_source"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("dialogues", "0001_squashed_initial"),
        ("dialogues", "0004_search_bigrams"),
        ("dialogues", "0005_plural_names"),
        ("institutions", "0001_squashed_initial"),
        ("institutions", "0004_search_bigrams"),
        ("institutions", "0005_plural_names"),
        ("projects", "0001_squashed_initial"),
        ("projects", "0004_search_bigrams"),
        ("projects", "0005_plural_names"),
    ]

    operations = [
        migrations.CreateModel(
            name="Event",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="The stable key in its URL.",
                        max_length=120,
                        unique=True,
                        verbose_name="slug",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        db_index=True,
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Set when the record is published. A date in the future keeps a published record hidden from visitors and partners until then.",
                        null=True,
                        verbose_name="publish date",
                    ),
                ),
                ("start_date", models.DateField(blank=True, db_index=True, null=True, verbose_name="start")),
                (
                    "start_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="start known to the",
                    ),
                ),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end")),
                (
                    "end_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="end known to the",
                    ),
                ),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("plenary", "plenary"),
                            ("steering_committee", "steering committee"),
                            ("working_group_meeting", "working-group meeting"),
                            ("side_event", "side event"),
                            ("workshop", "workshop"),
                            ("conference", "conference"),
                            ("study_tour", "study tour"),
                            ("webinar", "webinar"),
                            ("dialogue_meeting", "dialogue meeting"),
                            ("launch", "launch"),
                            ("policy_milestone", "policy milestone"),
                        ],
                        db_index=True,
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("planned", "planned"),
                            ("held", "held"),
                            ("postponed", "postponed"),
                            ("cancelled", "cancelled"),
                        ],
                        db_index=True,
                        default="held",
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
                (
                    "mode",
                    models.CharField(
                        blank=True,
                        choices=[("in_person", "in person"), ("online", "online"), ("hybrid", "hybrid")],
                        max_length=10,
                        verbose_name="mode",
                    ),
                ),
                ("venue", models.CharField(blank=True, max_length=300, verbose_name="venue")),
                ("city", models.CharField(blank=True, max_length=200, verbose_name="city")),
                (
                    "country",
                    config.framework.fields.CountryField(blank=True, db_index=True, verbose_name="country"),
                ),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-90),
                            django.core.validators.MaxValueValidator(90),
                        ],
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-180),
                            django.core.validators.MaxValueValidator(180),
                        ],
                        verbose_name="longitude",
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="8 for the dialogue's 8th plenary: events of one dialogue and kind form a series.",
                        null=True,
                        verbose_name="number in its series",
                    ),
                ),
                (
                    "summary",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, verbose_name="summary"
                    ),
                ),
                (
                    "summary_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "summary_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "summary_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "description",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="description"
                    ),
                ),
                (
                    "description_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "outcomes",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "participant_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="number of participants"),
                ),
                (
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.CombinedSearchVector(
                                    django.contrib.postgres.search.CombinedSearchVector(
                                        django.contrib.postgres.search.CombinedSearchVector(
                                            django.contrib.postgres.search.CombinedSearchVector(
                                                django.contrib.postgres.search.CombinedSearchVector(
                                                    django.contrib.postgres.search.CombinedSearchVector(
                                                        django.contrib.postgres.search.SearchVector(
                                                            models.Func(
                                                                django.db.models.functions.comparison.Coalesce(
                                                                    models.F("name_en"),
                                                                    models.Value(""),
                                                                    output_field=models.TextField(),
                                                                ),
                                                                function="atlas_unaccent",
                                                                output_field=models.TextField(),
                                                            ),
                                                            config="english",
                                                            weight="A",
                                                        ),
                                                        "||",
                                                        django.contrib.postgres.search.SearchVector(
                                                            models.Func(
                                                                django.db.models.functions.comparison.Coalesce(
                                                                    models.F("name_de"),
                                                                    models.Value(""),
                                                                    output_field=models.TextField(),
                                                                ),
                                                                function="atlas_unaccent",
                                                                output_field=models.TextField(),
                                                            ),
                                                            config="german",
                                                            weight="A",
                                                        ),
                                                        django.contrib.postgres.search.SearchConfig(
                                                            "english"
                                                        ),
                                                    ),
                                                    "||",
                                                    django.contrib.postgres.search.SearchVector(
                                                        models.Func(
                                                            django.db.models.functions.comparison.Coalesce(
                                                                models.F("name_zh_hans"),
                                                                models.Value(""),
                                                                output_field=models.TextField(),
                                                            ),
                                                            function="atlas_unaccent",
                                                            output_field=models.TextField(),
                                                        ),
                                                        models.Func(
                                                            django.db.models.functions.comparison.Coalesce(
                                                                models.F("city"),
                                                                models.Value(""),
                                                                output_field=models.TextField(),
                                                            ),
                                                            function="atlas_unaccent",
                                                            output_field=models.TextField(),
                                                        ),
                                                        config="simple",
                                                        weight="A",
                                                    ),
                                                    django.contrib.postgres.search.SearchConfig("english"),
                                                ),
                                                "||",
                                                django.contrib.postgres.search.SearchVector(
                                                    models.Func(
                                                        django.db.models.functions.comparison.Coalesce(
                                                            models.F("summary_en"),
                                                            models.Value(""),
                                                            output_field=models.TextField(),
                                                        ),
                                                        function="atlas_unaccent",
                                                        output_field=models.TextField(),
                                                    ),
                                                    config="english",
                                                    weight="B",
                                                ),
                                                django.contrib.postgres.search.SearchConfig("english"),
                                            ),
                                            "||",
                                            django.contrib.postgres.search.SearchVector(
                                                models.Func(
                                                    django.db.models.functions.comparison.Coalesce(
                                                        models.F("summary_de"),
                                                        models.Value(""),
                                                        output_field=models.TextField(),
                                                    ),
                                                    function="atlas_unaccent",
                                                    output_field=models.TextField(),
                                                ),
                                                config="german",
                                                weight="B",
                                            ),
                                            django.contrib.postgres.search.SearchConfig("english"),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            models.Func(
                                                django.db.models.functions.comparison.Coalesce(
                                                    models.F("summary_zh_hans"),
                                                    models.Value(""),
                                                    output_field=models.TextField(),
                                                ),
                                                function="atlas_unaccent",
                                                output_field=models.TextField(),
                                            ),
                                            models.Func(
                                                django.db.models.functions.comparison.Coalesce(
                                                    models.F("venue"),
                                                    models.Value(""),
                                                    output_field=models.TextField(),
                                                ),
                                                function="atlas_unaccent",
                                                output_field=models.TextField(),
                                            ),
                                            config="simple",
                                            weight="B",
                                        ),
                                        django.contrib.postgres.search.SearchConfig("english"),
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("description_en"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("outcomes_en"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        config="english",
                                        weight="C",
                                    ),
                                    django.contrib.postgres.search.SearchConfig("english"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("description_de"),
                                            models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_unaccent",
                                        output_field=models.TextField(),
                                    ),
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("outcomes_de"),
                                            models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_unaccent",
                                        output_field=models.TextField(),
                                    ),
                                    config="german",
                                    weight="C",
                                ),
                                django.contrib.postgres.search.SearchConfig("english"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("description_zh_hans"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    function="atlas_unaccent",
                                    output_field=models.TextField(),
                                ),
                                models.Func(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("outcomes_zh_hans"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    function="atlas_unaccent",
                                    output_field=models.TextField(),
                                ),
                                config="simple",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("english"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                        verbose_name="search vector",
                    ),
                ),
                (
                    "search_names",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.db.models.functions.text.Lower(
                            models.Func(
                                django.db.models.functions.text.Concat(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("name_en"), models.Value(""), output_field=models.TextField()
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("name_de"), models.Value(""), output_field=models.TextField()
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("name_zh_hans"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("city"), models.Value(""), output_field=models.TextField()
                                    ),
                                    output_field=models.TextField(),
                                ),
                                function="atlas_unaccent",
                                output_field=models.TextField(),
                            )
                        ),
                        output_field=models.TextField(),
                        verbose_name="search names",
                    ),
                ),
                (
                    "dialogue",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
                    ),
                ),
                (
                    "documents",
                    models.ManyToManyField(
                        blank=True,
                        related_name="events",
                        to="dialogues.publication",
                        verbose_name="documents",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The event this one belongs to: a side event at COP29 belongs to COP29.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="events.event",
                        verbose_name="part of",
                    ),
                ),
                (
                    "projects",
                    models.ManyToManyField(
                        blank=True, related_name="events", to="projects.project", verbose_name="projects"
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Where the facts of this record come from.",
                        related_name="%(app_label)s_%(class)s_set",
                        to="institutions.source",
                        verbose_name="sources",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="events", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
                (
                    "working_group",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="dialogues.workinggroup",
                        verbose_name="working group",
                    ),
                ),
                (
                    "search_bigrams",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.SearchVector(
                                    models.Func(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("name_zh_hans"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_han_bigrams",
                                        output_field=models.TextField(),
                                    ),
                                    models.Func(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("city"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_han_bigrams",
                                        output_field=models.TextField(),
                                    ),
                                    config="simple",
                                    weight="A",
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    models.Func(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("summary_zh_hans"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_han_bigrams",
                                        output_field=models.TextField(),
                                    ),
                                    models.Func(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("venue"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_han_bigrams",
                                        output_field=models.TextField(),
                                    ),
                                    config="simple",
                                    weight="B",
                                ),
                                django.contrib.postgres.search.SearchConfig("simple"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("description_zh_hans"),
                                            models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_unaccent",
                                        output_field=models.TextField(),
                                    ),
                                    function="atlas_han_bigrams",
                                    output_field=models.TextField(),
                                ),
                                models.Func(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("outcomes_zh_hans"),
                                            models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_unaccent",
                                        output_field=models.TextField(),
                                    ),
                                    function="atlas_han_bigrams",
                                    output_field=models.TextField(),
                                ),
                                config="simple",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                        verbose_name="search bigrams",
                    ),
                ),
                (
                    "coordinates_source",
                    models.CharField(
                        blank=True,
                        help_text="Where the latitude and longitude come from. Filled in from the GeoNames gazetteer when an event with a city and a country is saved without coordinates; blank for coordinates an editor entered.",
                        max_length=200,
                        verbose_name="coordinates from",
                    ),
                ),
            ],
            options={
                "verbose_name": "event",
                "ordering": ["-start_date", "name", "id"],
                "verbose_name_plural": "events",
            },
        ),
        migrations.CreateModel(
            name="HistoricalEventParticipation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("host", "host"),
                            ("organiser", "organiser"),
                            ("co_organiser", "co-organiser"),
                            ("supporter", "supporter"),
                            ("participant", "participant"),
                            ("funder", "funder"),
                        ],
                        db_index=True,
                        default="participant",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "note",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=2000, verbose_name="note"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical participation",
                "verbose_name_plural": "historical participations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEventSpeaker",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("opening_speech", "opening speech"),
                            ("speaker", "speaker"),
                            ("moderator", "moderator"),
                            ("delegate", "delegate"),
                        ],
                        default="speaker",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=1, verbose_name="order")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="institutions.organisation",
                        verbose_name="for organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="institutions.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical speaker",
                "verbose_name_plural": "historical speakers",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPhoto",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=1, verbose_name="order")),
                (
                    "image",
                    models.TextField(
                        blank=True,
                        help_text="May be left empty while the atlas records only that a credited photo exists.",
                        max_length=100,
                        verbose_name="image",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_en",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_de",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_zh_hans",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                ("alt_text", models.CharField(blank=True, max_length=300, verbose_name="alt text")),
                (
                    "alt_text_en",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "alt_text_de",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "alt_text_zh_hans",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True, help_text="Stephan Thurm (UBA)", max_length=200, verbose_name="credit"
                    ),
                ),
                ("licence", models.CharField(blank=True, max_length=100, verbose_name="licence")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical photo",
                "verbose_name_plural": "historical photos",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSession",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(verbose_name="order")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_en", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("date", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "description",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="description"
                    ),
                ),
                (
                    "description_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical session",
                "verbose_name_plural": "historical sessions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="EventParticipation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("host", "host"),
                            ("organiser", "organiser"),
                            ("co_organiser", "co-organiser"),
                            ("supporter", "supporter"),
                            ("participant", "participant"),
                            ("funder", "funder"),
                        ],
                        db_index=True,
                        default="participant",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "note",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=2000, verbose_name="note"
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="event_participations",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Where the facts of this record come from.",
                        related_name="%(app_label)s_%(class)s_set",
                        to="institutions.source",
                        verbose_name="sources",
                    ),
                ),
            ],
            options={
                "verbose_name": "participation",
                "ordering": ["event", "role", "id"],
                "verbose_name_plural": "participations",
            },
        ),
        migrations.CreateModel(
            name="EventSpeaker",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("opening_speech", "opening speech"),
                            ("speaker", "speaker"),
                            ("moderator", "moderator"),
                            ("delegate", "delegate"),
                        ],
                        default="speaker",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=1, verbose_name="order")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="speakers",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="speaker_appearances",
                        to="institutions.organisation",
                        verbose_name="for organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appearances",
                        to="institutions.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Where the facts of this record come from.",
                        related_name="%(app_label)s_%(class)s_set",
                        to="institutions.source",
                        verbose_name="sources",
                    ),
                ),
            ],
            options={
                "verbose_name": "speaker",
                "ordering": ["event", "order", "id"],
                "verbose_name_plural": "speakers",
            },
        ),
        migrations.CreateModel(
            name="Photo",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=1, verbose_name="order")),
                (
                    "image",
                    models.ImageField(
                        blank=True,
                        help_text="May be left empty while the atlas records only that a credited photo exists.",
                        upload_to="photos/%Y/",
                        verbose_name="image",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_en",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_de",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                (
                    "caption_zh_hans",
                    models.CharField(
                        blank=True,
                        help_text="In the languages the source gives it.",
                        max_length=500,
                        null=True,
                        verbose_name="caption",
                    ),
                ),
                ("alt_text", models.CharField(blank=True, max_length=300, verbose_name="alt text")),
                (
                    "alt_text_en",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "alt_text_de",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "alt_text_zh_hans",
                    models.CharField(blank=True, max_length=300, null=True, verbose_name="alt text"),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True, help_text="Stephan Thurm (UBA)", max_length=200, verbose_name="credit"
                    ),
                ),
                ("licence", models.CharField(blank=True, max_length=100, verbose_name="licence")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="photos",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Where the facts of this record come from.",
                        related_name="%(app_label)s_%(class)s_set",
                        to="institutions.source",
                        verbose_name="sources",
                    ),
                ),
            ],
            options={
                "verbose_name": "photo",
                "ordering": ["event", "order"],
                "verbose_name_plural": "photos",
            },
        ),
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        default="published",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(verbose_name="order")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_en", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("date", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "description",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="description"
                    ),
                ),
                (
                    "description_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to="events.event",
                        verbose_name="event",
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Where the facts of this record come from.",
                        related_name="%(app_label)s_%(class)s_set",
                        to="institutions.source",
                        verbose_name="sources",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="sessions", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "ordering": ["event", "order"],
                "verbose_name_plural": "sessions",
            },
        ),
        migrations.CreateModel(
            name="HistoricalEvent",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="updated",
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("public", "public"), ("partners", "partners"), ("internal", "internal")],
                        default="public",
                        help_text="Public: everyone. Partners: signed-in partner accounts. Internal: staff only.",
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="The stable key in its URL.", max_length=120, verbose_name="slug"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "draft"), ("review", "in review"), ("published", "published")],
                        db_index=True,
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Set when the record is published. A date in the future keeps a published record hidden from visitors and partners until then.",
                        null=True,
                        verbose_name="publish date",
                    ),
                ),
                ("start_date", models.DateField(blank=True, db_index=True, null=True, verbose_name="start")),
                (
                    "start_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="start known to the",
                    ),
                ),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end")),
                (
                    "end_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="end known to the",
                    ),
                ),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("plenary", "plenary"),
                            ("steering_committee", "steering committee"),
                            ("working_group_meeting", "working-group meeting"),
                            ("side_event", "side event"),
                            ("workshop", "workshop"),
                            ("conference", "conference"),
                            ("study_tour", "study tour"),
                            ("webinar", "webinar"),
                            ("dialogue_meeting", "dialogue meeting"),
                            ("launch", "launch"),
                            ("policy_milestone", "policy milestone"),
                        ],
                        db_index=True,
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("planned", "planned"),
                            ("held", "held"),
                            ("postponed", "postponed"),
                            ("cancelled", "cancelled"),
                        ],
                        db_index=True,
                        default="held",
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
                (
                    "mode",
                    models.CharField(
                        blank=True,
                        choices=[("in_person", "in person"), ("online", "online"), ("hybrid", "hybrid")],
                        max_length=10,
                        verbose_name="mode",
                    ),
                ),
                ("venue", models.CharField(blank=True, max_length=300, verbose_name="venue")),
                ("city", models.CharField(blank=True, max_length=200, verbose_name="city")),
                (
                    "country",
                    config.framework.fields.CountryField(blank=True, db_index=True, verbose_name="country"),
                ),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-90),
                            django.core.validators.MaxValueValidator(90),
                        ],
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-180),
                            django.core.validators.MaxValueValidator(180),
                        ],
                        verbose_name="longitude",
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="8 for the dialogue's 8th plenary: events of one dialogue and kind form a series.",
                        null=True,
                        verbose_name="number in its series",
                    ),
                ),
                (
                    "summary",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, verbose_name="summary"
                    ),
                ),
                (
                    "summary_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "summary_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "summary_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="summary"
                    ),
                ),
                (
                    "description",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="description"
                    ),
                ),
                (
                    "description_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "description_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="description"
                    ),
                ),
                (
                    "outcomes",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "outcomes_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=10000, null=True, verbose_name="outcomes"
                    ),
                ),
                (
                    "participant_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="number of participants"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "dialogue",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The event this one belongs to: a side event at COP29 belongs to COP29.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                        verbose_name="part of",
                    ),
                ),
                (
                    "working_group",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.workinggroup",
                        verbose_name="working group",
                    ),
                ),
                (
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
                (
                    "coordinates_source",
                    models.CharField(
                        blank=True,
                        help_text="Where the latitude and longitude come from. Filled in from the GeoNames gazetteer when an event with a city and a country is saved without coordinates; blank for coordinates an editor entered.",
                        max_length=200,
                        verbose_name="coordinates from",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical event",
                "verbose_name_plural": "historical events",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="event_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="event_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["dialogue", "start_date"], name="event_dialogue_start"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["country", "start_date"], name="event_country_start"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.Case(
                    models.When(
                        end_date__isnull=False,
                        then=models.Case(
                            models.When(
                                end_precision="month",
                                then=models.Func(
                                    models.F("end_date"),
                                    output_field=models.DateField(),
                                    template="(%(expressions)s + interval '1 month' - interval '1 day')::date",
                                ),
                            ),
                            models.When(
                                end_precision="year",
                                then=models.Func(
                                    models.F("end_date"),
                                    output_field=models.DateField(),
                                    template="(%(expressions)s + interval '1 year' - interval '1 day')::date",
                                ),
                            ),
                            default=models.F("end_date"),
                            output_field=models.DateField(),
                        ),
                    ),
                    default=models.Case(
                        models.When(
                            start_precision="month",
                            then=models.Func(
                                models.F("start_date"),
                                output_field=models.DateField(),
                                template="(%(expressions)s + interval '1 month' - interval '1 day')::date",
                            ),
                        ),
                        models.When(
                            start_precision="year",
                            then=models.Func(
                                models.F("start_date"),
                                output_field=models.DateField(),
                                template="(%(expressions)s + interval '1 year' - interval '1 day')::date",
                            ),
                        ),
                        default=models.F("start_date"),
                        output_field=models.DateField(),
                    ),
                    output_field=models.DateField(),
                ),
                name="event_last_day",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["status", "visibility", "start_date"],
                include=("published_at", "end_date", "start_precision", "end_precision"),
                name="event_visible_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("start_date__isnull", True),
                    ("end_date__gte", models.F("start_date")),
                    models.Q(
                        ("end_date__gte", django.db.models.functions.datetime.TruncMonth("start_date")),
                        ("end_precision", "month"),
                    ),
                    models.Q(
                        (
                            "end_date__year__gte",
                            django.db.models.functions.datetime.ExtractYear("start_date"),
                        ),
                        ("end_precision", "year"),
                    ),
                    _connector="OR",
                ),
                name="events_event_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="events_event_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="events_event_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("latitude__isnull", True),
                    models.Q(("latitude__gte", -90), ("latitude__lte", 90)),
                    _connector="OR",
                ),
                name="events_event_latitude_range",
                violation_error_message="Latitude must be between -90 and 90 degrees.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("longitude__isnull", True),
                    models.Q(("longitude__gte", -180), ("longitude__lte", 180)),
                    _connector="OR",
                ),
                name="events_event_longitude_range",
                violation_error_message="Longitude must be between -180 and 180 degrees.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__isnull", True), ("longitude__isnull", True)),
                    models.Q(("latitude__isnull", False), ("longitude__isnull", False)),
                    _connector="OR",
                ),
                name="events_event_coordinates_pair",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(("number__isnull", True), ("number__gte", 1), _connector="OR"),
                name="events_event_number_positive",
                violation_error_message="Events in a series are numbered from 1.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(
                condition=models.Q(("dialogue__isnull", False), ("number__isnull", False)),
                fields=("dialogue", "kind", "number"),
                name="events_event_unique_number_in_series",
                violation_error_message="This dialogue already has an event of this kind with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("id")), _negated=True),
                name="events_event_not_own_parent",
                violation_error_message="An event cannot be part of itself.",
            ),
        ),
        migrations.AddConstraint(
            model_name="eventparticipation",
            constraint=models.UniqueConstraint(
                fields=("event", "organisation", "role"),
                name="events_eventparticipation_unique",
                violation_error_message="This organisation already has this role at this event.",
            ),
        ),
        migrations.AddConstraint(
            model_name="eventspeaker",
            constraint=models.UniqueConstraint(
                fields=("event", "person", "role"),
                name="events_eventspeaker_unique",
                violation_error_message="This person already has this role at this event.",
            ),
        ),
        migrations.AddConstraint(
            model_name="photo",
            constraint=models.UniqueConstraint(
                fields=("event", "order"),
                name="events_photo_unique_order",
                violation_error_message="This event already has a photo at this position.",
            ),
        ),
        migrations.AddConstraint(
            model_name="session",
            constraint=models.UniqueConstraint(
                fields=("event", "order"),
                name="events_session_unique_order",
                violation_error_message="This event already has a session at this position.",
            ),
        ),
        migrations.RunSQL(
            sql=[
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_description_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_description_check" TO "events_event_description_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_description_de_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_description_de_check" TO "events_event_description_de_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_description_en_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_description_en_check" TO "events_event_description_en_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_description_zh_hans_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_description_zh_hans_check" TO "events_event_description_zh_hans_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_outcomes_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_outcomes_check" TO "events_event_outcomes_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_outcomes_limit" CHECK (char_length("outcomes") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_outcomes_de_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_outcomes_de_check" TO "events_event_outcomes_de_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_outcomes_de_limit" CHECK (char_length("outcomes_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_outcomes_en_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_outcomes_en_check" TO "events_event_outcomes_en_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_outcomes_en_limit" CHECK (char_length("outcomes_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_outcomes_zh_hans_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_outcomes_zh_hans_check" TO "events_event_outcomes_zh_hans_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_outcomes_zh_hans_limit" CHECK (char_length("outcomes_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_summary_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_summary_check" TO "events_event_summary_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_summary_de_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_summary_de_check" TO "events_event_summary_de_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_summary_en_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_summary_en_check" TO "events_event_summary_en_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_event_summary_zh_hans_check\') THEN ALTER TABLE "events_event" RENAME CONSTRAINT "events_event_summary_zh_hans_check" TO "events_event_summary_zh_hans_limit"; ELSE ALTER TABLE "events_event" ADD CONSTRAINT "events_event_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_eventparticipation_note_check\') THEN ALTER TABLE "events_eventparticipation" RENAME CONSTRAINT "events_eventparticipation_note_check" TO "events_eventparticipation_note_limit"; ELSE ALTER TABLE "events_eventparticipation" ADD CONSTRAINT "events_eventparticipation_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_description_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_description_check" TO "events_historicalevent_description_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_description_de_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_description_de_check" TO "events_historicalevent_description_de_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_description_en_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_description_en_check" TO "events_historicalevent_description_en_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_description_zh_hans_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_description_zh_hans_check" TO "events_historicalevent_description_zh_hans_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_outcomes_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_outcomes_check" TO "events_historicalevent_outcomes_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_outcomes_limit" CHECK (char_length("outcomes") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_outcomes_de_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_outcomes_de_check" TO "events_historicalevent_outcomes_de_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_outcomes_de_limit" CHECK (char_length("outcomes_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_outcomes_en_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_outcomes_en_check" TO "events_historicalevent_outcomes_en_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_outcomes_en_limit" CHECK (char_length("outcomes_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_outcomes_zh_hans_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_outcomes_zh_hans_check" TO "events_historicalevent_outcomes_zh_hans_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_outcomes_zh_hans_limit" CHECK (char_length("outcomes_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_summary_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_summary_check" TO "events_historicalevent_summary_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_summary_de_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_summary_de_check" TO "events_historicalevent_summary_de_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_summary_en_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_summary_en_check" TO "events_historicalevent_summary_en_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalevent_summary_zh_hans_check\') THEN ALTER TABLE "events_historicalevent" RENAME CONSTRAINT "events_historicalevent_summary_zh_hans_check" TO "events_historicalevent_summary_zh_hans_limit"; ELSE ALTER TABLE "events_historicalevent" ADD CONSTRAINT "events_historicalevent_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicaleventparticipation_note_check\') THEN ALTER TABLE "events_historicaleventparticipation" RENAME CONSTRAINT "events_historicaleventparticipation_note_check" TO "events_historicaleventparticipation_note_limit"; ELSE ALTER TABLE "events_historicaleventparticipation" ADD CONSTRAINT "events_historicaleventparticipation_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalsession_description_check\') THEN ALTER TABLE "events_historicalsession" RENAME CONSTRAINT "events_historicalsession_description_check" TO "events_historicalsession_description_limit"; ELSE ALTER TABLE "events_historicalsession" ADD CONSTRAINT "events_historicalsession_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalsession_description_de_check\') THEN ALTER TABLE "events_historicalsession" RENAME CONSTRAINT "events_historicalsession_description_de_check" TO "events_historicalsession_description_de_limit"; ELSE ALTER TABLE "events_historicalsession" ADD CONSTRAINT "events_historicalsession_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalsession_description_en_check\') THEN ALTER TABLE "events_historicalsession" RENAME CONSTRAINT "events_historicalsession_description_en_check" TO "events_historicalsession_description_en_limit"; ELSE ALTER TABLE "events_historicalsession" ADD CONSTRAINT "events_historicalsession_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_historicalsession_description_zh_hans_check\') THEN ALTER TABLE "events_historicalsession" RENAME CONSTRAINT "events_historicalsession_description_zh_hans_check" TO "events_historicalsession_description_zh_hans_limit"; ELSE ALTER TABLE "events_historicalsession" ADD CONSTRAINT "events_historicalsession_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_session_description_check\') THEN ALTER TABLE "events_session" RENAME CONSTRAINT "events_session_description_check" TO "events_session_description_limit"; ELSE ALTER TABLE "events_session" ADD CONSTRAINT "events_session_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_session_description_de_check\') THEN ALTER TABLE "events_session" RENAME CONSTRAINT "events_session_description_de_check" TO "events_session_description_de_limit"; ELSE ALTER TABLE "events_session" ADD CONSTRAINT "events_session_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_session_description_en_check\') THEN ALTER TABLE "events_session" RENAME CONSTRAINT "events_session_description_en_check" TO "events_session_description_en_limit"; ELSE ALTER TABLE "events_session" ADD CONSTRAINT "events_session_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'events_session_description_zh_hans_check\') THEN ALTER TABLE "events_session" RENAME CONSTRAINT "events_session_description_zh_hans_check" TO "events_session_description_zh_hans_limit"; ELSE ALTER TABLE "events_session" ADD CONSTRAINT "events_session_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
            ],
            reverse_sql=[
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_description_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_description_de_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_description_en_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_description_zh_hans_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_outcomes_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_outcomes_de_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_outcomes_en_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_outcomes_zh_hans_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_summary_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_summary_de_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_summary_en_limit"',
                'ALTER TABLE "events_event" DROP CONSTRAINT "events_event_summary_zh_hans_limit"',
                'ALTER TABLE "events_eventparticipation" DROP CONSTRAINT "events_eventparticipation_note_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_description_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_description_de_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_description_en_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_description_zh_hans_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_outcomes_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_outcomes_de_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_outcomes_en_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_outcomes_zh_hans_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_summary_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_summary_de_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_summary_en_limit"',
                'ALTER TABLE "events_historicalevent" DROP CONSTRAINT "events_historicalevent_summary_zh_hans_limit"',
                'ALTER TABLE "events_historicaleventparticipation" DROP CONSTRAINT "events_historicaleventparticipation_note_limit"',
                'ALTER TABLE "events_historicalsession" DROP CONSTRAINT "events_historicalsession_description_limit"',
                'ALTER TABLE "events_historicalsession" DROP CONSTRAINT "events_historicalsession_description_de_limit"',
                'ALTER TABLE "events_historicalsession" DROP CONSTRAINT "events_historicalsession_description_en_limit"',
                'ALTER TABLE "events_historicalsession" DROP CONSTRAINT "events_historicalsession_description_zh_hans_limit"',
                'ALTER TABLE "events_session" DROP CONSTRAINT "events_session_description_limit"',
                'ALTER TABLE "events_session" DROP CONSTRAINT "events_session_description_de_limit"',
                'ALTER TABLE "events_session" DROP CONSTRAINT "events_session_description_en_limit"',
                'ALTER TABLE "events_session" DROP CONSTRAINT "events_session_description_zh_hans_limit"',
            ],
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="event_search_bigrams"
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("latitude__isnull", False)),
                fields=["latitude", "longitude", "-start_date"],
                include=("status", "visibility", "published_at", "mode", "city", "country"),
                name="event_place",
            ),
        ),
    ]
