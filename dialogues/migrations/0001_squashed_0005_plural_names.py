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
        ("dialogues", "0001_squashed_initial"),
        ("dialogues", "0002_text_limits"),
        ("dialogues", "0003_history_links_and_transactions"),
        ("dialogues", "0004_search_bigrams"),
        ("dialogues", "0005_plural_names"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("institutions", "0001_squashed_initial"),
        ("institutions", "0004_search_bigrams"),
    ]

    operations = [
        migrations.CreateModel(
            name="Dialogue",
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
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
                ),
                ("native_name", models.CharField(blank=True, max_length=300, verbose_name="native name")),
                (
                    "aliases",
                    config.framework.fields.AliasesField(
                        blank=True,
                        default=list,
                        help_text="Other names, spellings and former names, one per line; all are searchable.",
                        verbose_name="aliases",
                    ),
                ),
                (
                    "track",
                    models.CharField(
                        choices=[
                            ("1", "Track I (governments)"),
                            ("1.5", "Track 1.5 (officials and experts)"),
                            ("2", "Track II (experts, unofficial)"),
                        ],
                        db_index=True,
                        max_length=3,
                        verbose_name="track",
                    ),
                ),
                (
                    "parties",
                    config.framework.fields.CountriesField(
                        blank=True,
                        default=list,
                        help_text="The countries (or the EU) in dialogue; at least two.",
                        validators=[
                            django.core.validators.MinLengthValidator(
                                2, message="A dialogue has at least two parties."
                            )
                        ],
                        verbose_name="parties",
                    ),
                ),
                (
                    "cadence",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_en",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_de",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_zh_hans",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("planned", "planned"), ("active", "active"), ("concluded", "concluded")],
                        db_index=True,
                        default="active",
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("summary_en", models.TextField(blank=True, null=True, verbose_name="summary")),
                ("summary_de", models.TextField(blank=True, null=True, verbose_name="summary")),
                ("summary_zh_hans", models.TextField(blank=True, null=True, verbose_name="summary")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("description_en", models.TextField(blank=True, null=True, verbose_name="description")),
                ("description_de", models.TextField(blank=True, null=True, verbose_name="description")),
                ("description_zh_hans", models.TextField(blank=True, null=True, verbose_name="description")),
                ("website", models.URLField(blank=True, max_length=500, verbose_name="website")),
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
                                                                models.F("acronym"),
                                                                models.Value(""),
                                                                output_field=models.TextField(),
                                                            ),
                                                            function="atlas_unaccent",
                                                            output_field=models.TextField(),
                                                        ),
                                                        models.Func(
                                                            django.db.models.functions.comparison.Coalesce(
                                                                models.F("native_name"),
                                                                models.Value(""),
                                                                output_field=models.TextField(),
                                                            ),
                                                            function="atlas_unaccent",
                                                            output_field=models.TextField(),
                                                        ),
                                                        models.Func(
                                                            django.db.models.functions.comparison.Coalesce(
                                                                models.Func(
                                                                    models.F("aliases"),
                                                                    function="atlas_join",
                                                                    output_field=models.TextField(),
                                                                ),
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
                                        models.F("acronym"), models.Value(""), output_field=models.TextField()
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("native_name"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.Func(
                                            models.F("aliases"),
                                            function="atlas_join",
                                            output_field=models.TextField(),
                                        ),
                                        models.Value(""),
                                        output_field=models.TextField(),
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
                "verbose_name": "dialogue",
                "ordering": ["name", "id"],
            },
        ),
        migrations.CreateModel(
            name="Topic",
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
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=200, null=True, verbose_name="name")),
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
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
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
                                            django.contrib.postgres.search.SearchConfig("english"),
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
                                            config="simple",
                                            weight="A",
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
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="dialogues.topic",
                        verbose_name="parent",
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
                    "search_bigrams",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
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
                                config="simple",
                                weight="A",
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
                                config="simple",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                        verbose_name="search bigrams",
                    ),
                ),
            ],
            options={
                "verbose_name": "topic",
                "ordering": ["name", "id"],
                "verbose_name_plural": "topics",
            },
        ),
        migrations.CreateModel(
            name="Phase",
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
                ("number", models.PositiveSmallIntegerField(verbose_name="number")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=200, null=True, verbose_name="name")),
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
                    "dialogue",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="phases",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
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
                        blank=True, related_name="phases", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "phase",
                "ordering": ["dialogue", "number"],
                "verbose_name_plural": "phases",
            },
        ),
        migrations.AddField(
            model_name="dialogue",
            name="topics",
            field=models.ManyToManyField(
                blank=True, related_name="dialogues", to="dialogues.topic", verbose_name="topics"
            ),
        ),
        migrations.CreateModel(
            name="WorkingGroup",
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
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="WG 1, 2 …", null=True, verbose_name="number"
                    ),
                ),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
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
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
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
                                            django.contrib.postgres.search.SearchConfig("english"),
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
                                            config="simple",
                                            weight="A",
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
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="working_groups",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
                    ),
                ),
                (
                    "phase",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="working_groups",
                        to="dialogues.phase",
                        verbose_name="phase",
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
                        blank=True, related_name="working_groups", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
                (
                    "search_bigrams",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
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
                                config="simple",
                                weight="A",
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
                                config="simple",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                        verbose_name="search bigrams",
                    ),
                ),
            ],
            options={
                "verbose_name": "working group",
                "ordering": ["dialogue", "phase__number", "number", "name"],
                "verbose_name_plural": "working groups",
            },
        ),
        migrations.CreateModel(
            name="Publication",
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
                ("date", models.DateField(blank=True, db_index=True, null=True, verbose_name="date")),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="date known to the",
                    ),
                ),
                ("title", models.CharField(max_length=400, verbose_name="title")),
                ("title_en", models.CharField(max_length=400, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=400, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=400, null=True, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("policy_paper", "policy paper"),
                            ("report", "report"),
                            ("recommendation", "recommendation"),
                            ("news", "news"),
                            ("presentation", "presentation"),
                            ("minutes", "minutes"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="URL")),
                ("file", models.FileField(blank=True, upload_to="publications/%Y/", verbose_name="file")),
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
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.CombinedSearchVector(
                                    django.contrib.postgres.search.CombinedSearchVector(
                                        django.contrib.postgres.search.CombinedSearchVector(
                                            django.contrib.postgres.search.SearchVector(
                                                models.Func(
                                                    django.db.models.functions.comparison.Coalesce(
                                                        models.F("title_en"),
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
                                                        models.F("title_de"),
                                                        models.Value(""),
                                                        output_field=models.TextField(),
                                                    ),
                                                    function="atlas_unaccent",
                                                    output_field=models.TextField(),
                                                ),
                                                config="german",
                                                weight="A",
                                            ),
                                            django.contrib.postgres.search.SearchConfig("english"),
                                        ),
                                        "||",
                                        django.contrib.postgres.search.SearchVector(
                                            models.Func(
                                                django.db.models.functions.comparison.Coalesce(
                                                    models.F("title_zh_hans"),
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
                                config="simple",
                                weight="B",
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
                                        models.F("title_en"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("title_de"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("title_zh_hans"),
                                        models.Value(""),
                                        output_field=models.TextField(),
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
                        related_name="publications",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
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
                        blank=True, related_name="publications", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
                (
                    "working_group",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="publications",
                        to="dialogues.workinggroup",
                        verbose_name="working group",
                    ),
                ),
                (
                    "search_bigrams",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("title_zh_hans"),
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
                                config="simple",
                                weight="B",
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                        verbose_name="search bigrams",
                    ),
                ),
            ],
            options={
                "verbose_name": "publication",
                "ordering": ["-date", "title", "id"],
                "verbose_name_plural": "publications",
            },
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="aliases",
            field=config.framework.fields.AliasesField(
                blank=True,
                default=list,
                help_text="Other names, spellings and former names, one per line; all are searchable.",
                max_items=20,
                verbose_name="aliases",
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="description",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="description_de",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="description_en",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="description_zh_hans",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="summary",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=3000, verbose_name="summary"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="summary_de",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=3000, null=True, verbose_name="summary"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="summary_en",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=3000, null=True, verbose_name="summary"
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="summary_zh_hans",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=3000, null=True, verbose_name="summary"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalDialogue",
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
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
                ),
                ("native_name", models.CharField(blank=True, max_length=300, verbose_name="native name")),
                (
                    "aliases",
                    config.framework.fields.AliasesField(
                        blank=True,
                        default=list,
                        help_text="Other names, spellings and former names, one per line; all are searchable.",
                        max_items=20,
                        verbose_name="aliases",
                    ),
                ),
                (
                    "track",
                    models.CharField(
                        choices=[
                            ("1", "Track I (governments)"),
                            ("1.5", "Track 1.5 (officials and experts)"),
                            ("2", "Track II (experts, unofficial)"),
                        ],
                        db_index=True,
                        max_length=3,
                        verbose_name="track",
                    ),
                ),
                (
                    "parties",
                    config.framework.fields.CountriesField(
                        blank=True,
                        default=list,
                        help_text="The countries (or the EU) in dialogue; at least two.",
                        validators=[
                            django.core.validators.MinLengthValidator(
                                2, message="A dialogue has at least two parties."
                            )
                        ],
                        verbose_name="parties",
                    ),
                ),
                (
                    "cadence",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_en",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_de",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "cadence_zh_hans",
                    models.CharField(
                        blank=True,
                        help_text="e.g. annual, alternating between the two countries",
                        max_length=300,
                        null=True,
                        verbose_name="cadence",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("planned", "planned"), ("active", "active"), ("concluded", "concluded")],
                        db_index=True,
                        default="active",
                        max_length=10,
                        verbose_name="state",
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
                ("website", models.URLField(blank=True, max_length=500, verbose_name="website")),
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
                "verbose_name": "historical dialogue",
                "verbose_name_plural": "historical dialogues",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDialogueAim",
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
                ("text", config.framework.fields.LimitedTextField(max_length=3000, verbose_name="aim")),
                (
                    "text_en",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
                ),
                (
                    "text_de",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
                ),
                (
                    "text_zh_hans",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
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
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical aim",
                "verbose_name_plural": "historical aims",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDialogueRole",
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
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead_agency", "lead agency"),
                            ("convenor", "convenor"),
                            ("co_chair", "co-chair"),
                            ("commissioning_body", "commissioning body"),
                            ("funder", "funder"),
                            ("supporter", "supporter"),
                            ("coordinator", "coordinator"),
                            ("contributing_institution", "contributing institution"),
                            ("partner", "partner"),
                        ],
                        db_index=True,
                        max_length=30,
                        verbose_name="role",
                    ),
                ),
                (
                    "side",
                    config.framework.fields.CountryField(
                        blank=True,
                        help_text="The party it acts for (DE, CN …); blank for both.",
                        verbose_name="side",
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
                    "phase",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.phase",
                        verbose_name="phase",
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
                "verbose_name": "historical dialogue role",
                "verbose_name_plural": "historical dialogue roles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPhase",
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
                ("number", models.PositiveSmallIntegerField(verbose_name="number")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=200, null=True, verbose_name="name")),
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
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical phase",
                "verbose_name_plural": "historical phases",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPublication",
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
                ("date", models.DateField(blank=True, db_index=True, null=True, verbose_name="date")),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "day"), ("month", "month"), ("year", "year")],
                        default="day",
                        max_length=5,
                        verbose_name="date known to the",
                    ),
                ),
                ("title", models.CharField(max_length=400, verbose_name="title")),
                ("title_en", models.CharField(max_length=400, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=400, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=400, null=True, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("policy_paper", "policy paper"),
                            ("report", "report"),
                            ("recommendation", "recommendation"),
                            ("news", "news"),
                            ("presentation", "presentation"),
                            ("minutes", "minutes"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="URL")),
                ("file", models.TextField(blank=True, max_length=100, verbose_name="file")),
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
            ],
            options={
                "verbose_name": "historical publication",
                "verbose_name_plural": "historical publications",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPublicationAuthor",
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
                    "publication",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.publication",
                        verbose_name="publication",
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
                "verbose_name": "historical author",
                "verbose_name_plural": "historical authors",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTopic",
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
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("name_en", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=200, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=200, null=True, verbose_name="name")),
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
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.topic",
                        verbose_name="parent",
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
                "verbose_name": "historical topic",
                "verbose_name_plural": "historical topics",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalWorkingGroup",
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
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="WG 1, 2 …", null=True, verbose_name="number"
                    ),
                ),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
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
                    "phase",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dialogues.phase",
                        verbose_name="phase",
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
                "verbose_name": "historical working group",
                "verbose_name_plural": "historical working groups",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalWorkingGroupMember",
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
                            ("chair", "chair"),
                            ("co_chair", "co-chair"),
                            ("member", "member"),
                            ("supporter", "supporter"),
                        ],
                        default="member",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "side",
                    config.framework.fields.CountryField(
                        blank=True, help_text="The party the member belongs to.", verbose_name="side"
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
            ],
            options={
                "verbose_name": "historical working group member",
                "verbose_name_plural": "historical working group members",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="dialogue",
            name="search_bigrams",
            field=models.GeneratedField(
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
                                        models.F("acronym"), models.Value(""), output_field=models.TextField()
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
                                        models.F("native_name"),
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
                                        models.Func(
                                            models.F("aliases"),
                                            function="atlas_join",
                                            output_field=models.TextField(),
                                        ),
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
                        config="simple",
                        weight="C",
                    ),
                    django.contrib.postgres.search.SearchConfig("simple"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                verbose_name="search bigrams",
            ),
        ),
        migrations.AlterModelOptions(
            name="dialogue",
            options={
                "ordering": ["name", "id"],
                "verbose_name": "dialogue",
                "verbose_name_plural": "dialogues",
            },
        ),
        migrations.CreateModel(
            name="DialogueAim",
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
                ("text", config.framework.fields.LimitedTextField(max_length=3000, verbose_name="aim")),
                (
                    "text_en",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
                ),
                (
                    "text_de",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
                ),
                (
                    "text_zh_hans",
                    config.framework.fields.LimitedTextField(max_length=3000, null=True, verbose_name="aim"),
                ),
                (
                    "dialogue",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aims",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
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
                "verbose_name": "aim",
                "ordering": ["dialogue", "order"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("dialogue", "order"),
                        name="dialogues_dialogueaim_unique_order",
                        violation_error_message="This dialogue already has an aim at this position.",
                    )
                ],
                "verbose_name_plural": "aims",
            },
        ),
        migrations.CreateModel(
            name="DialogueRole",
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
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead_agency", "lead agency"),
                            ("convenor", "convenor"),
                            ("co_chair", "co-chair"),
                            ("commissioning_body", "commissioning body"),
                            ("funder", "funder"),
                            ("supporter", "supporter"),
                            ("coordinator", "coordinator"),
                            ("contributing_institution", "contributing institution"),
                            ("partner", "partner"),
                        ],
                        db_index=True,
                        max_length=30,
                        verbose_name="role",
                    ),
                ),
                (
                    "side",
                    config.framework.fields.CountryField(
                        blank=True,
                        help_text="The party it acts for (DE, CN …); blank for both.",
                        verbose_name="side",
                    ),
                ),
                (
                    "note",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=2000, verbose_name="note"
                    ),
                ),
                (
                    "dialogue",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="dialogues.dialogue",
                        verbose_name="dialogue",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="dialogue_roles",
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
                (
                    "phase",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="roles",
                        to="dialogues.phase",
                        verbose_name="phase",
                    ),
                ),
            ],
            options={
                "verbose_name": "dialogue role",
                "ordering": ["dialogue", "phase__number", "role", "side", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("start_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            models.Q(
                                (
                                    "end_date__gte",
                                    django.db.models.functions.datetime.TruncMonth("start_date"),
                                ),
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
                        name="dialogues_dialoguerole_end_after_start",
                        violation_error_message="The end cannot be before the start.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("start_date__isnull", True),
                            ("start_precision", "day"),
                            models.Q(("start_date__day", 1), ("start_precision", "month")),
                            models.Q(
                                ("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")
                            ),
                            _connector="OR",
                        ),
                        name="dialogues_dialoguerole_start_date_aligned",
                        violation_error_message="A date known only to the month or year must be the first day of that month or year.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("end_precision", "day"),
                            models.Q(("end_date__day", 1), ("end_precision", "month")),
                            models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                            _connector="OR",
                        ),
                        name="dialogues_dialoguerole_end_date_aligned",
                        violation_error_message="A date known only to the month or year must be the first day of that month or year.",
                    ),
                    models.UniqueConstraint(
                        fields=("dialogue", "organisation", "role", "phase"),
                        name="dialogues_dialoguerole_unique",
                        nulls_distinct=False,
                        violation_error_message="This organisation already has this role in this dialogue and phase.",
                    ),
                ],
                "verbose_name_plural": "dialogue roles",
            },
        ),
        migrations.CreateModel(
            name="PublicationAuthor",
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
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="authored",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="authored",
                        to="institutions.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "publication",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="authors",
                        to="dialogues.publication",
                        verbose_name="publication",
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
                "verbose_name": "author",
                "ordering": ["publication", "order"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("organisation__isnull", True), ("person__isnull", False)),
                            models.Q(("organisation__isnull", False), ("person__isnull", True)),
                            _connector="OR",
                        ),
                        name="dialogues_publicationauthor_organisation_or_person",
                        violation_error_message="An author is either an organisation or a person.",
                    ),
                    models.UniqueConstraint(
                        fields=("publication", "order"),
                        name="dialogues_publicationauthor_unique_order",
                        violation_error_message="This publication already has an author at this position.",
                    ),
                ],
                "verbose_name_plural": "authors",
            },
        ),
        migrations.CreateModel(
            name="WorkingGroupMember",
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
                            ("chair", "chair"),
                            ("co_chair", "co-chair"),
                            ("member", "member"),
                            ("supporter", "supporter"),
                        ],
                        default="member",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "side",
                    config.framework.fields.CountryField(
                        blank=True, help_text="The party the member belongs to.", verbose_name="side"
                    ),
                ),
                (
                    "note",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=2000, verbose_name="note"
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="working_group_memberships",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="working_group_memberships",
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
                (
                    "working_group",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="members",
                        to="dialogues.workinggroup",
                        verbose_name="working group",
                    ),
                ),
            ],
            options={
                "verbose_name": "working group member",
                "ordering": ["working_group", "role", "id"],
                "verbose_name_plural": "working group members",
            },
        ),
        migrations.AddIndex(
            model_name="topic",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="topic_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="topic",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="topic_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("id")), _negated=True),
                name="dialogues_topic_not_own_parent",
                violation_error_message="A topic cannot be its own parent.",
            ),
        ),
        migrations.AddConstraint(
            model_name="phase",
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
                name="dialogues_phase_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="phase",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_phase_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="phase",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_phase_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="phase",
            constraint=models.UniqueConstraint(
                fields=("dialogue", "number"),
                name="dialogues_phase_unique_number",
                violation_error_message="This dialogue already has a phase with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="phase",
            constraint=models.CheckConstraint(
                condition=models.Q(("number__gte", 1)),
                name="dialogues_phase_number_positive",
                violation_error_message="Phases are numbered from 1.",
            ),
        ),
        migrations.AddIndex(
            model_name="dialogue",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="dialogue_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="dialogue",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="dialogue_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="dialogue",
            index=django.contrib.postgres.indexes.GinIndex(fields=["parties"], name="dialogue_parties_gin"),
        ),
        migrations.AddIndex(
            model_name="dialogue",
            index=django.contrib.postgres.indexes.GinIndex(fields=["aliases"], name="dialogue_aliases_gin"),
        ),
        migrations.AddConstraint(
            model_name="dialogue",
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
                name="dialogues_dialogue_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="dialogue",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_dialogue_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="dialogue",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_dialogue_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="dialogue",
            constraint=models.CheckConstraint(
                condition=models.Q(("parties__len__gte", 2)),
                name="dialogues_dialogue_two_parties",
                violation_error_message="A dialogue has at least two parties.",
            ),
        ),
        migrations.AddIndex(
            model_name="workinggroup",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="working_group_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="workinggroup",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="working_group_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
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
                name="dialogues_workinggroup_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_workinggroup_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_workinggroup_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
            constraint=models.UniqueConstraint(
                fields=("dialogue", "phase", "number"),
                name="dialogues_workinggroup_unique_number_in_phase",
                violation_error_message="This phase already has a working group with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
            constraint=models.UniqueConstraint(
                condition=models.Q(("phase__isnull", True)),
                fields=("dialogue", "number"),
                name="dialogues_workinggroup_unique_number_without_phase",
                violation_error_message="This dialogue already has a working group with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroup",
            constraint=models.CheckConstraint(
                condition=models.Q(("number__isnull", True), ("number__gte", 1), _connector="OR"),
                name="dialogues_workinggroup_number_positive",
                violation_error_message="Working groups are numbered from 1.",
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="publication_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="publication_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddConstraint(
            model_name="publication",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date__isnull", True),
                    ("date_precision", "day"),
                    models.Q(("date__day", 1), ("date_precision", "month")),
                    models.Q(("date__day", 1), ("date__month", 1), ("date_precision", "year")),
                    _connector="OR",
                ),
                name="dialogues_publication_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroupmember",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("organisation__isnull", True), ("person__isnull", False)),
                    models.Q(("organisation__isnull", False), ("person__isnull", True)),
                    _connector="OR",
                ),
                name="dialogues_workinggroupmember_organisation_or_person",
                violation_error_message="A member is either an organisation or a person.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workinggroupmember",
            constraint=models.UniqueConstraint(
                fields=("working_group", "organisation", "person", "role"),
                name="dialogues_workinggroupmember_unique",
                nulls_distinct=False,
                violation_error_message="This member already has this role in this working group.",
            ),
        ),
        migrations.RunSQL(
            sql=[
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_aliases_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_aliases_check" TO "dialogues_dialogue_aliases_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_description_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_description_check" TO "dialogues_dialogue_description_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_description_de_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_description_de_check" TO "dialogues_dialogue_description_de_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_description_en_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_description_en_check" TO "dialogues_dialogue_description_en_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_description_zh_hans_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_description_zh_hans_check" TO "dialogues_dialogue_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_summary_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_summary_check" TO "dialogues_dialogue_summary_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_summary_de_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_summary_de_check" TO "dialogues_dialogue_summary_de_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_summary_en_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_summary_en_check" TO "dialogues_dialogue_summary_en_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogue_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_dialogue" RENAME CONSTRAINT "dialogues_dialogue_summary_zh_hans_check" TO "dialogues_dialogue_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_dialogue" ADD CONSTRAINT "dialogues_dialogue_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogueaim_text_check\') THEN ALTER TABLE "dialogues_dialogueaim" RENAME CONSTRAINT "dialogues_dialogueaim_text_check" TO "dialogues_dialogueaim_text_limit"; ELSE ALTER TABLE "dialogues_dialogueaim" ADD CONSTRAINT "dialogues_dialogueaim_text_limit" CHECK (char_length("text") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogueaim_text_de_check\') THEN ALTER TABLE "dialogues_dialogueaim" RENAME CONSTRAINT "dialogues_dialogueaim_text_de_check" TO "dialogues_dialogueaim_text_de_limit"; ELSE ALTER TABLE "dialogues_dialogueaim" ADD CONSTRAINT "dialogues_dialogueaim_text_de_limit" CHECK (char_length("text_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogueaim_text_en_check\') THEN ALTER TABLE "dialogues_dialogueaim" RENAME CONSTRAINT "dialogues_dialogueaim_text_en_check" TO "dialogues_dialogueaim_text_en_limit"; ELSE ALTER TABLE "dialogues_dialogueaim" ADD CONSTRAINT "dialogues_dialogueaim_text_en_limit" CHECK (char_length("text_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialogueaim_text_zh_hans_check\') THEN ALTER TABLE "dialogues_dialogueaim" RENAME CONSTRAINT "dialogues_dialogueaim_text_zh_hans_check" TO "dialogues_dialogueaim_text_zh_hans_limit"; ELSE ALTER TABLE "dialogues_dialogueaim" ADD CONSTRAINT "dialogues_dialogueaim_text_zh_hans_limit" CHECK (char_length("text_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_dialoguerole_note_check\') THEN ALTER TABLE "dialogues_dialoguerole" RENAME CONSTRAINT "dialogues_dialoguerole_note_check" TO "dialogues_dialoguerole_note_limit"; ELSE ALTER TABLE "dialogues_dialoguerole" ADD CONSTRAINT "dialogues_dialoguerole_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_aliases_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_aliases_check" TO "dialogues_historicaldialogue_aliases_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_description_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_description_check" TO "dialogues_historicaldialogue_description_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_description_de_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_description_de_check" TO "dialogues_historicaldialogue_description_de_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_description_en_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_description_en_check" TO "dialogues_historicaldialogue_description_en_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_description_zh_hans_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_description_zh_hans_check" TO "dialogues_historicaldialogue_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_summary_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_summary_check" TO "dialogues_historicaldialogue_summary_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_summary_de_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_summary_de_check" TO "dialogues_historicaldialogue_summary_de_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_summary_en_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_summary_en_check" TO "dialogues_historicaldialogue_summary_en_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogue_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_historicaldialogue" RENAME CONSTRAINT "dialogues_historicaldialogue_summary_zh_hans_check" TO "dialogues_historicaldialogue_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicaldialogue" ADD CONSTRAINT "dialogues_historicaldialogue_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogueaim_text_check\') THEN ALTER TABLE "dialogues_historicaldialogueaim" RENAME CONSTRAINT "dialogues_historicaldialogueaim_text_check" TO "dialogues_historicaldialogueaim_text_limit"; ELSE ALTER TABLE "dialogues_historicaldialogueaim" ADD CONSTRAINT "dialogues_historicaldialogueaim_text_limit" CHECK (char_length("text") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogueaim_text_de_check\') THEN ALTER TABLE "dialogues_historicaldialogueaim" RENAME CONSTRAINT "dialogues_historicaldialogueaim_text_de_check" TO "dialogues_historicaldialogueaim_text_de_limit"; ELSE ALTER TABLE "dialogues_historicaldialogueaim" ADD CONSTRAINT "dialogues_historicaldialogueaim_text_de_limit" CHECK (char_length("text_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogueaim_text_en_check\') THEN ALTER TABLE "dialogues_historicaldialogueaim" RENAME CONSTRAINT "dialogues_historicaldialogueaim_text_en_check" TO "dialogues_historicaldialogueaim_text_en_limit"; ELSE ALTER TABLE "dialogues_historicaldialogueaim" ADD CONSTRAINT "dialogues_historicaldialogueaim_text_en_limit" CHECK (char_length("text_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialogueaim_text_zh_hans_check\') THEN ALTER TABLE "dialogues_historicaldialogueaim" RENAME CONSTRAINT "dialogues_historicaldialogueaim_text_zh_hans_check" TO "dialogues_historicaldialogueaim_text_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicaldialogueaim" ADD CONSTRAINT "dialogues_historicaldialogueaim_text_zh_hans_limit" CHECK (char_length("text_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaldialoguerole_note_check\') THEN ALTER TABLE "dialogues_historicaldialoguerole" RENAME CONSTRAINT "dialogues_historicaldialoguerole_note_check" TO "dialogues_historicaldialoguerole_note_limit"; ELSE ALTER TABLE "dialogues_historicaldialoguerole" ADD CONSTRAINT "dialogues_historicaldialoguerole_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalphase_summary_check\') THEN ALTER TABLE "dialogues_historicalphase" RENAME CONSTRAINT "dialogues_historicalphase_summary_check" TO "dialogues_historicalphase_summary_limit"; ELSE ALTER TABLE "dialogues_historicalphase" ADD CONSTRAINT "dialogues_historicalphase_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalphase_summary_de_check\') THEN ALTER TABLE "dialogues_historicalphase" RENAME CONSTRAINT "dialogues_historicalphase_summary_de_check" TO "dialogues_historicalphase_summary_de_limit"; ELSE ALTER TABLE "dialogues_historicalphase" ADD CONSTRAINT "dialogues_historicalphase_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalphase_summary_en_check\') THEN ALTER TABLE "dialogues_historicalphase" RENAME CONSTRAINT "dialogues_historicalphase_summary_en_check" TO "dialogues_historicalphase_summary_en_limit"; ELSE ALTER TABLE "dialogues_historicalphase" ADD CONSTRAINT "dialogues_historicalphase_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalphase_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_historicalphase" RENAME CONSTRAINT "dialogues_historicalphase_summary_zh_hans_check" TO "dialogues_historicalphase_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicalphase" ADD CONSTRAINT "dialogues_historicalphase_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalpublication_summary_check\') THEN ALTER TABLE "dialogues_historicalpublication" RENAME CONSTRAINT "dialogues_historicalpublication_summary_check" TO "dialogues_historicalpublication_summary_limit"; ELSE ALTER TABLE "dialogues_historicalpublication" ADD CONSTRAINT "dialogues_historicalpublication_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalpublication_summary_de_check\') THEN ALTER TABLE "dialogues_historicalpublication" RENAME CONSTRAINT "dialogues_historicalpublication_summary_de_check" TO "dialogues_historicalpublication_summary_de_limit"; ELSE ALTER TABLE "dialogues_historicalpublication" ADD CONSTRAINT "dialogues_historicalpublication_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalpublication_summary_en_check\') THEN ALTER TABLE "dialogues_historicalpublication" RENAME CONSTRAINT "dialogues_historicalpublication_summary_en_check" TO "dialogues_historicalpublication_summary_en_limit"; ELSE ALTER TABLE "dialogues_historicalpublication" ADD CONSTRAINT "dialogues_historicalpublication_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalpublication_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_historicalpublication" RENAME CONSTRAINT "dialogues_historicalpublication_summary_zh_hans_check" TO "dialogues_historicalpublication_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicalpublication" ADD CONSTRAINT "dialogues_historicalpublication_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaltopic_description_check\') THEN ALTER TABLE "dialogues_historicaltopic" RENAME CONSTRAINT "dialogues_historicaltopic_description_check" TO "dialogues_historicaltopic_description_limit"; ELSE ALTER TABLE "dialogues_historicaltopic" ADD CONSTRAINT "dialogues_historicaltopic_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaltopic_description_de_check\') THEN ALTER TABLE "dialogues_historicaltopic" RENAME CONSTRAINT "dialogues_historicaltopic_description_de_check" TO "dialogues_historicaltopic_description_de_limit"; ELSE ALTER TABLE "dialogues_historicaltopic" ADD CONSTRAINT "dialogues_historicaltopic_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaltopic_description_en_check\') THEN ALTER TABLE "dialogues_historicaltopic" RENAME CONSTRAINT "dialogues_historicaltopic_description_en_check" TO "dialogues_historicaltopic_description_en_limit"; ELSE ALTER TABLE "dialogues_historicaltopic" ADD CONSTRAINT "dialogues_historicaltopic_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicaltopic_description_zh_hans_check\') THEN ALTER TABLE "dialogues_historicaltopic" RENAME CONSTRAINT "dialogues_historicaltopic_description_zh_hans_check" TO "dialogues_historicaltopic_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicaltopic" ADD CONSTRAINT "dialogues_historicaltopic_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalworkinggroup_description_check\') THEN ALTER TABLE "dialogues_historicalworkinggroup" RENAME CONSTRAINT "dialogues_historicalworkinggroup_description_check" TO "dialogues_historicalworkinggroup_description_limit"; ELSE ALTER TABLE "dialogues_historicalworkinggroup" ADD CONSTRAINT "dialogues_historicalworkinggroup_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalworkinggroup_description_de_check\') THEN ALTER TABLE "dialogues_historicalworkinggroup" RENAME CONSTRAINT "dialogues_historicalworkinggroup_description_de_check" TO "dialogues_historicalworkinggroup_description_de_limit"; ELSE ALTER TABLE "dialogues_historicalworkinggroup" ADD CONSTRAINT "dialogues_historicalworkinggroup_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalworkinggroup_description_en_check\') THEN ALTER TABLE "dialogues_historicalworkinggroup" RENAME CONSTRAINT "dialogues_historicalworkinggroup_description_en_check" TO "dialogues_historicalworkinggroup_description_en_limit"; ELSE ALTER TABLE "dialogues_historicalworkinggroup" ADD CONSTRAINT "dialogues_historicalworkinggroup_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalworkinggroup_description_zh_hans_check\') THEN ALTER TABLE "dialogues_historicalworkinggroup" RENAME CONSTRAINT "dialogues_historicalworkinggroup_description_zh_hans_check" TO "dialogues_historicalworkinggroup_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_historicalworkinggroup" ADD CONSTRAINT "dialogues_historicalworkinggroup_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_historicalworkinggroupmember_note_check\') THEN ALTER TABLE "dialogues_historicalworkinggroupmember" RENAME CONSTRAINT "dialogues_historicalworkinggroupmember_note_check" TO "dialogues_historicalworkinggroupmember_note_limit"; ELSE ALTER TABLE "dialogues_historicalworkinggroupmember" ADD CONSTRAINT "dialogues_historicalworkinggroupmember_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_phase_summary_check\') THEN ALTER TABLE "dialogues_phase" RENAME CONSTRAINT "dialogues_phase_summary_check" TO "dialogues_phase_summary_limit"; ELSE ALTER TABLE "dialogues_phase" ADD CONSTRAINT "dialogues_phase_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_phase_summary_de_check\') THEN ALTER TABLE "dialogues_phase" RENAME CONSTRAINT "dialogues_phase_summary_de_check" TO "dialogues_phase_summary_de_limit"; ELSE ALTER TABLE "dialogues_phase" ADD CONSTRAINT "dialogues_phase_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_phase_summary_en_check\') THEN ALTER TABLE "dialogues_phase" RENAME CONSTRAINT "dialogues_phase_summary_en_check" TO "dialogues_phase_summary_en_limit"; ELSE ALTER TABLE "dialogues_phase" ADD CONSTRAINT "dialogues_phase_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_phase_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_phase" RENAME CONSTRAINT "dialogues_phase_summary_zh_hans_check" TO "dialogues_phase_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_phase" ADD CONSTRAINT "dialogues_phase_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_publication_summary_check\') THEN ALTER TABLE "dialogues_publication" RENAME CONSTRAINT "dialogues_publication_summary_check" TO "dialogues_publication_summary_limit"; ELSE ALTER TABLE "dialogues_publication" ADD CONSTRAINT "dialogues_publication_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_publication_summary_de_check\') THEN ALTER TABLE "dialogues_publication" RENAME CONSTRAINT "dialogues_publication_summary_de_check" TO "dialogues_publication_summary_de_limit"; ELSE ALTER TABLE "dialogues_publication" ADD CONSTRAINT "dialogues_publication_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_publication_summary_en_check\') THEN ALTER TABLE "dialogues_publication" RENAME CONSTRAINT "dialogues_publication_summary_en_check" TO "dialogues_publication_summary_en_limit"; ELSE ALTER TABLE "dialogues_publication" ADD CONSTRAINT "dialogues_publication_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_publication_summary_zh_hans_check\') THEN ALTER TABLE "dialogues_publication" RENAME CONSTRAINT "dialogues_publication_summary_zh_hans_check" TO "dialogues_publication_summary_zh_hans_limit"; ELSE ALTER TABLE "dialogues_publication" ADD CONSTRAINT "dialogues_publication_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_topic_description_check\') THEN ALTER TABLE "dialogues_topic" RENAME CONSTRAINT "dialogues_topic_description_check" TO "dialogues_topic_description_limit"; ELSE ALTER TABLE "dialogues_topic" ADD CONSTRAINT "dialogues_topic_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_topic_description_de_check\') THEN ALTER TABLE "dialogues_topic" RENAME CONSTRAINT "dialogues_topic_description_de_check" TO "dialogues_topic_description_de_limit"; ELSE ALTER TABLE "dialogues_topic" ADD CONSTRAINT "dialogues_topic_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_topic_description_en_check\') THEN ALTER TABLE "dialogues_topic" RENAME CONSTRAINT "dialogues_topic_description_en_check" TO "dialogues_topic_description_en_limit"; ELSE ALTER TABLE "dialogues_topic" ADD CONSTRAINT "dialogues_topic_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_topic_description_zh_hans_check\') THEN ALTER TABLE "dialogues_topic" RENAME CONSTRAINT "dialogues_topic_description_zh_hans_check" TO "dialogues_topic_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_topic" ADD CONSTRAINT "dialogues_topic_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_workinggroup_description_check\') THEN ALTER TABLE "dialogues_workinggroup" RENAME CONSTRAINT "dialogues_workinggroup_description_check" TO "dialogues_workinggroup_description_limit"; ELSE ALTER TABLE "dialogues_workinggroup" ADD CONSTRAINT "dialogues_workinggroup_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_workinggroup_description_de_check\') THEN ALTER TABLE "dialogues_workinggroup" RENAME CONSTRAINT "dialogues_workinggroup_description_de_check" TO "dialogues_workinggroup_description_de_limit"; ELSE ALTER TABLE "dialogues_workinggroup" ADD CONSTRAINT "dialogues_workinggroup_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_workinggroup_description_en_check\') THEN ALTER TABLE "dialogues_workinggroup" RENAME CONSTRAINT "dialogues_workinggroup_description_en_check" TO "dialogues_workinggroup_description_en_limit"; ELSE ALTER TABLE "dialogues_workinggroup" ADD CONSTRAINT "dialogues_workinggroup_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_workinggroup_description_zh_hans_check\') THEN ALTER TABLE "dialogues_workinggroup" RENAME CONSTRAINT "dialogues_workinggroup_description_zh_hans_check" TO "dialogues_workinggroup_description_zh_hans_limit"; ELSE ALTER TABLE "dialogues_workinggroup" ADD CONSTRAINT "dialogues_workinggroup_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'dialogues_workinggroupmember_note_check\') THEN ALTER TABLE "dialogues_workinggroupmember" RENAME CONSTRAINT "dialogues_workinggroupmember_note_check" TO "dialogues_workinggroupmember_note_limit"; ELSE ALTER TABLE "dialogues_workinggroupmember" ADD CONSTRAINT "dialogues_workinggroupmember_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
            ],
            reverse_sql=[
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_aliases_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_description_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_description_de_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_description_en_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_summary_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_summary_de_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_summary_en_limit"',
                'ALTER TABLE "dialogues_dialogue" DROP CONSTRAINT "dialogues_dialogue_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_dialogueaim" DROP CONSTRAINT "dialogues_dialogueaim_text_limit"',
                'ALTER TABLE "dialogues_dialogueaim" DROP CONSTRAINT "dialogues_dialogueaim_text_de_limit"',
                'ALTER TABLE "dialogues_dialogueaim" DROP CONSTRAINT "dialogues_dialogueaim_text_en_limit"',
                'ALTER TABLE "dialogues_dialogueaim" DROP CONSTRAINT "dialogues_dialogueaim_text_zh_hans_limit"',
                'ALTER TABLE "dialogues_dialoguerole" DROP CONSTRAINT "dialogues_dialoguerole_note_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_aliases_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_description_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_description_de_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_description_en_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_summary_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_summary_de_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_summary_en_limit"',
                'ALTER TABLE "dialogues_historicaldialogue" DROP CONSTRAINT "dialogues_historicaldialogue_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicaldialogueaim" DROP CONSTRAINT "dialogues_historicaldialogueaim_text_limit"',
                'ALTER TABLE "dialogues_historicaldialogueaim" DROP CONSTRAINT "dialogues_historicaldialogueaim_text_de_limit"',
                'ALTER TABLE "dialogues_historicaldialogueaim" DROP CONSTRAINT "dialogues_historicaldialogueaim_text_en_limit"',
                'ALTER TABLE "dialogues_historicaldialogueaim" DROP CONSTRAINT "dialogues_historicaldialogueaim_text_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicaldialoguerole" DROP CONSTRAINT "dialogues_historicaldialoguerole_note_limit"',
                'ALTER TABLE "dialogues_historicalphase" DROP CONSTRAINT "dialogues_historicalphase_summary_limit"',
                'ALTER TABLE "dialogues_historicalphase" DROP CONSTRAINT "dialogues_historicalphase_summary_de_limit"',
                'ALTER TABLE "dialogues_historicalphase" DROP CONSTRAINT "dialogues_historicalphase_summary_en_limit"',
                'ALTER TABLE "dialogues_historicalphase" DROP CONSTRAINT "dialogues_historicalphase_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicalpublication" DROP CONSTRAINT "dialogues_historicalpublication_summary_limit"',
                'ALTER TABLE "dialogues_historicalpublication" DROP CONSTRAINT "dialogues_historicalpublication_summary_de_limit"',
                'ALTER TABLE "dialogues_historicalpublication" DROP CONSTRAINT "dialogues_historicalpublication_summary_en_limit"',
                'ALTER TABLE "dialogues_historicalpublication" DROP CONSTRAINT "dialogues_historicalpublication_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicaltopic" DROP CONSTRAINT "dialogues_historicaltopic_description_limit"',
                'ALTER TABLE "dialogues_historicaltopic" DROP CONSTRAINT "dialogues_historicaltopic_description_de_limit"',
                'ALTER TABLE "dialogues_historicaltopic" DROP CONSTRAINT "dialogues_historicaltopic_description_en_limit"',
                'ALTER TABLE "dialogues_historicaltopic" DROP CONSTRAINT "dialogues_historicaltopic_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicalworkinggroup" DROP CONSTRAINT "dialogues_historicalworkinggroup_description_limit"',
                'ALTER TABLE "dialogues_historicalworkinggroup" DROP CONSTRAINT "dialogues_historicalworkinggroup_description_de_limit"',
                'ALTER TABLE "dialogues_historicalworkinggroup" DROP CONSTRAINT "dialogues_historicalworkinggroup_description_en_limit"',
                'ALTER TABLE "dialogues_historicalworkinggroup" DROP CONSTRAINT "dialogues_historicalworkinggroup_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_historicalworkinggroupmember" DROP CONSTRAINT "dialogues_historicalworkinggroupmember_note_limit"',
                'ALTER TABLE "dialogues_phase" DROP CONSTRAINT "dialogues_phase_summary_limit"',
                'ALTER TABLE "dialogues_phase" DROP CONSTRAINT "dialogues_phase_summary_de_limit"',
                'ALTER TABLE "dialogues_phase" DROP CONSTRAINT "dialogues_phase_summary_en_limit"',
                'ALTER TABLE "dialogues_phase" DROP CONSTRAINT "dialogues_phase_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_publication" DROP CONSTRAINT "dialogues_publication_summary_limit"',
                'ALTER TABLE "dialogues_publication" DROP CONSTRAINT "dialogues_publication_summary_de_limit"',
                'ALTER TABLE "dialogues_publication" DROP CONSTRAINT "dialogues_publication_summary_en_limit"',
                'ALTER TABLE "dialogues_publication" DROP CONSTRAINT "dialogues_publication_summary_zh_hans_limit"',
                'ALTER TABLE "dialogues_topic" DROP CONSTRAINT "dialogues_topic_description_limit"',
                'ALTER TABLE "dialogues_topic" DROP CONSTRAINT "dialogues_topic_description_de_limit"',
                'ALTER TABLE "dialogues_topic" DROP CONSTRAINT "dialogues_topic_description_en_limit"',
                'ALTER TABLE "dialogues_topic" DROP CONSTRAINT "dialogues_topic_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_workinggroup" DROP CONSTRAINT "dialogues_workinggroup_description_limit"',
                'ALTER TABLE "dialogues_workinggroup" DROP CONSTRAINT "dialogues_workinggroup_description_de_limit"',
                'ALTER TABLE "dialogues_workinggroup" DROP CONSTRAINT "dialogues_workinggroup_description_en_limit"',
                'ALTER TABLE "dialogues_workinggroup" DROP CONSTRAINT "dialogues_workinggroup_description_zh_hans_limit"',
                'ALTER TABLE "dialogues_workinggroupmember" DROP CONSTRAINT "dialogues_workinggroupmember_note_limit"',
            ],
        ),
        migrations.AddIndex(
            model_name="dialogue",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="dialogue_search_bigrams"
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="publication_search_bigrams"
            ),
        ),
        migrations.AddIndex(
            model_name="topic",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="topic_search_bigrams"
            ),
        ),
        migrations.AddIndex(
            model_name="workinggroup",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="working_group_search_bigrams"
            ),
        ),
    ]
