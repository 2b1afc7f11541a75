# The migrations before this one in one: a new database builds its tables at once instead of
# rendering the model state again for each of their operations (`make run`'s first migrate).
import django.contrib.postgres.indexes
import django.contrib.postgres.search
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
        ("projects", "0001_squashed_initial"),
        ("projects", "0002_text_limits"),
        ("projects", "0003_history_links_and_transactions"),
        ("projects", "0004_search_bigrams"),
        ("projects", "0005_plural_names"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("dialogues", "0001_squashed_initial"),
        ("dialogues", "0004_search_bigrams"),
        ("institutions", "0001_squashed_initial"),
        ("institutions", "0004_search_bigrams"),
    ]

    operations = [
        migrations.CreateModel(
            name="Programme",
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
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
                (
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("description_en", models.TextField(blank=True, null=True, verbose_name="description")),
                ("description_de", models.TextField(blank=True, null=True, verbose_name="description")),
                ("description_zh_hans", models.TextField(blank=True, null=True, verbose_name="description")),
                ("website", models.URLField(blank=True, max_length=500, verbose_name="website")),
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
                "verbose_name": "programme",
                "ordering": ["name", "id"],
            },
        ),
        migrations.CreateModel(
            name="ProgrammeFunder",
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
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="programme_funder_rows",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "programme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="funder_rows",
                        to="projects.programme",
                        verbose_name="programme",
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
                "verbose_name": "programme funder",
                "ordering": ["programme", "organisation__name"],
                "verbose_name_plural": "programme funders",
            },
        ),
        migrations.AddField(
            model_name="programme",
            name="funders",
            field=models.ManyToManyField(
                blank=True,
                related_name="funded_programmes",
                through="projects.ProgrammeFunder",
                to="institutions.organisation",
                verbose_name="funders",
            ),
        ),
        migrations.CreateModel(
            name="Project",
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
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_en", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=300, null=True, verbose_name="title")),
                (
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
                ),
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
                    "countries",
                    config.framework.fields.CountriesField(
                        blank=True, default=list, verbose_name="countries"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        blank=True,
                        choices=[("planned", "planned"), ("active", "active"), ("completed", "completed")],
                        db_index=True,
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
                (
                    "budget",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="budget"
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        blank=True, help_text="ISO 4217: EUR, USD, CNY", max_length=3, verbose_name="currency"
                    ),
                ),
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
                                                        django.contrib.postgres.search.SearchConfig(
                                                            "english"
                                                        ),
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
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("acronym"), models.Value(""), output_field=models.TextField()
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
                    "dialogues",
                    models.ManyToManyField(
                        blank=True,
                        related_name="supporting_projects",
                        to="dialogues.dialogue",
                        verbose_name="dialogues supported",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The hub programme this project belongs to.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="projects.project",
                        verbose_name="parent project",
                    ),
                ),
                (
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="projects",
                        to="projects.programme",
                        verbose_name="programme",
                    ),
                ),
                (
                    "publications",
                    models.ManyToManyField(
                        blank=True,
                        related_name="projects",
                        to="dialogues.publication",
                        verbose_name="publications",
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
                        blank=True, related_name="projects", to="dialogues.topic", verbose_name="topics"
                    ),
                ),
                (
                    "working_groups",
                    models.ManyToManyField(
                        blank=True,
                        related_name="supporting_projects",
                        to="dialogues.workinggroup",
                        verbose_name="working groups supported",
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
                                    models.Func(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("acronym"),
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
            ],
            options={
                "verbose_name": "project",
                "ordering": ["title", "id"],
                "verbose_name_plural": "projects",
            },
        ),
        migrations.AlterField(
            model_name="programme",
            name="description",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="programme",
            name="description_de",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="programme",
            name="description_en",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="programme",
            name="description_zh_hans",
            field=config.framework.fields.LimitedTextField(
                blank=True, max_length=10000, null=True, verbose_name="description"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalProgramme",
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
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="name")),
                (
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
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
                "verbose_name": "historical programme",
                "verbose_name_plural": "historical programmes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProgrammeFunder",
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
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.programme",
                        verbose_name="programme",
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
                "verbose_name": "historical programme funder",
                "verbose_name_plural": "historical programme funders",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProject",
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
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_en", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_de", models.CharField(max_length=300, null=True, verbose_name="title")),
                ("title_zh_hans", models.CharField(max_length=300, null=True, verbose_name="title")),
                (
                    "acronym",
                    models.CharField(blank=True, db_index=True, max_length=40, verbose_name="acronym"),
                ),
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
                    "countries",
                    config.framework.fields.CountriesField(
                        blank=True, default=list, verbose_name="countries"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        blank=True,
                        choices=[("planned", "planned"), ("active", "active"), ("completed", "completed")],
                        db_index=True,
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
                (
                    "budget",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="budget"
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        blank=True, help_text="ISO 4217: EUR, USD, CNY", max_length=3, verbose_name="currency"
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
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.programme",
                        verbose_name="programme",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The hub programme this project belongs to.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.project",
                        verbose_name="parent project",
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
                "verbose_name": "historical project",
                "verbose_name_plural": "historical projects",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProjectContact",
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
                ("role", models.CharField(blank=True, max_length=200, verbose_name="role")),
                ("role_en", models.CharField(blank=True, max_length=200, null=True, verbose_name="role")),
                ("role_de", models.CharField(blank=True, max_length=200, null=True, verbose_name="role")),
                (
                    "role_zh_hans",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="role"),
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
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "historical project contact",
                "verbose_name_plural": "historical project contacts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProjectFocusArea",
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
                ("name", models.CharField(max_length=300, verbose_name="focus area")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="focus area")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="focus area")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="focus area")),
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
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "historical focus area",
                "verbose_name_plural": "historical focus areas",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProjectRole",
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
                            ("implementer", "implementer"),
                            ("commissioning_ministry", "commissioning ministry"),
                            ("funder", "funder"),
                            ("political_partner", "political partner"),
                            ("partner", "partner"),
                            ("supporter", "supporter"),
                        ],
                        db_index=True,
                        max_length=30,
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
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "historical project role",
                "verbose_name_plural": "historical project roles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterModelOptions(
            name="programme",
            options={
                "ordering": ["name", "id"],
                "verbose_name": "programme",
                "verbose_name_plural": "programmes",
            },
        ),
        migrations.CreateModel(
            name="ProjectContact",
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
                ("role", models.CharField(blank=True, max_length=200, verbose_name="role")),
                ("role_en", models.CharField(blank=True, max_length=200, null=True, verbose_name="role")),
                ("role_de", models.CharField(blank=True, max_length=200, null=True, verbose_name="role")),
                (
                    "role_zh_hans",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="role"),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="project_contacts",
                        to="institutions.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contacts",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "project contact",
                "ordering": ["project", "id"],
                "verbose_name_plural": "project contacts",
            },
        ),
        migrations.CreateModel(
            name="ProjectFocusArea",
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
                ("name", models.CharField(max_length=300, verbose_name="focus area")),
                ("name_en", models.CharField(max_length=300, null=True, verbose_name="focus area")),
                ("name_de", models.CharField(max_length=300, null=True, verbose_name="focus area")),
                ("name_zh_hans", models.CharField(max_length=300, null=True, verbose_name="focus area")),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="focus_areas",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "focus area",
                "ordering": ["project", "order"],
                "verbose_name_plural": "focus areas",
            },
        ),
        migrations.CreateModel(
            name="ProjectRole",
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
                            ("implementer", "implementer"),
                            ("commissioning_ministry", "commissioning ministry"),
                            ("funder", "funder"),
                            ("political_partner", "political partner"),
                            ("partner", "partner"),
                            ("supporter", "supporter"),
                        ],
                        db_index=True,
                        max_length=30,
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
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="project_roles",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="projects.project",
                        verbose_name="project",
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
                "verbose_name": "project role",
                "ordering": ["project", "role", "id"],
                "verbose_name_plural": "project roles",
            },
        ),
        migrations.AddConstraint(
            model_name="programmefunder",
            constraint=models.UniqueConstraint(
                fields=("programme", "organisation"),
                name="projects_programmefunder_unique",
                violation_error_message="This organisation is already a funder of this programme.",
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="project_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="project_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["countries"], name="project_countries_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(fields=["aliases"], name="project_aliases_gin"),
        ),
        migrations.AddConstraint(
            model_name="project",
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
                name="projects_project_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="projects_project_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="projects_project_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(("budget__isnull", True), ("budget__gte", 0), _connector="OR"),
                name="projects_project_budget_not_negative",
                violation_error_message="A budget cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("budget__isnull", True), ("currency__regex", "^[A-Z]{3}$"), _connector="OR"
                ),
                name="projects_project_budget_has_currency",
                violation_error_message="A budget needs its currency as a three-letter ISO code (EUR).",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("id")), _negated=True),
                name="projects_project_not_own_parent",
                violation_error_message="A project cannot be its own parent.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectcontact",
            constraint=models.UniqueConstraint(
                fields=("project", "person"),
                name="projects_projectcontact_unique",
                violation_error_message="This person is already a contact of this project.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectfocusarea",
            constraint=models.UniqueConstraint(
                fields=("project", "order"),
                name="projects_projectfocusarea_unique_order",
                violation_error_message="This project already has a focus area at this position.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectrole",
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
                name="projects_projectrole_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectrole",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="projects_projectrole_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectrole",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="projects_projectrole_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectrole",
            constraint=models.UniqueConstraint(
                fields=("project", "organisation", "role"),
                name="projects_projectrole_unique",
                violation_error_message="This organisation already has this role in this project.",
            ),
        ),
        migrations.RunSQL(
            sql=[
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalprogramme_description_check\') THEN ALTER TABLE "projects_historicalprogramme" RENAME CONSTRAINT "projects_historicalprogramme_description_check" TO "projects_historicalprogramme_description_limit"; ELSE ALTER TABLE "projects_historicalprogramme" ADD CONSTRAINT "projects_historicalprogramme_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalprogramme_description_de_check\') THEN ALTER TABLE "projects_historicalprogramme" RENAME CONSTRAINT "projects_historicalprogramme_description_de_check" TO "projects_historicalprogramme_description_de_limit"; ELSE ALTER TABLE "projects_historicalprogramme" ADD CONSTRAINT "projects_historicalprogramme_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalprogramme_description_en_check\') THEN ALTER TABLE "projects_historicalprogramme" RENAME CONSTRAINT "projects_historicalprogramme_description_en_check" TO "projects_historicalprogramme_description_en_limit"; ELSE ALTER TABLE "projects_historicalprogramme" ADD CONSTRAINT "projects_historicalprogramme_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalprogramme_description_zh_hans_check\') THEN ALTER TABLE "projects_historicalprogramme" RENAME CONSTRAINT "projects_historicalprogramme_description_zh_hans_check" TO "projects_historicalprogramme_description_zh_hans_limit"; ELSE ALTER TABLE "projects_historicalprogramme" ADD CONSTRAINT "projects_historicalprogramme_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_aliases_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_aliases_check" TO "projects_historicalproject_aliases_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_description_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_description_check" TO "projects_historicalproject_description_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_description_de_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_description_de_check" TO "projects_historicalproject_description_de_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_description_en_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_description_en_check" TO "projects_historicalproject_description_en_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_description_zh_hans_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_description_zh_hans_check" TO "projects_historicalproject_description_zh_hans_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_summary_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_summary_check" TO "projects_historicalproject_summary_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_summary_de_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_summary_de_check" TO "projects_historicalproject_summary_de_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_summary_en_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_summary_en_check" TO "projects_historicalproject_summary_en_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalproject_summary_zh_hans_check\') THEN ALTER TABLE "projects_historicalproject" RENAME CONSTRAINT "projects_historicalproject_summary_zh_hans_check" TO "projects_historicalproject_summary_zh_hans_limit"; ELSE ALTER TABLE "projects_historicalproject" ADD CONSTRAINT "projects_historicalproject_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_historicalprojectrole_note_check\') THEN ALTER TABLE "projects_historicalprojectrole" RENAME CONSTRAINT "projects_historicalprojectrole_note_check" TO "projects_historicalprojectrole_note_limit"; ELSE ALTER TABLE "projects_historicalprojectrole" ADD CONSTRAINT "projects_historicalprojectrole_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_programme_description_check\') THEN ALTER TABLE "projects_programme" RENAME CONSTRAINT "projects_programme_description_check" TO "projects_programme_description_limit"; ELSE ALTER TABLE "projects_programme" ADD CONSTRAINT "projects_programme_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_programme_description_de_check\') THEN ALTER TABLE "projects_programme" RENAME CONSTRAINT "projects_programme_description_de_check" TO "projects_programme_description_de_limit"; ELSE ALTER TABLE "projects_programme" ADD CONSTRAINT "projects_programme_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_programme_description_en_check\') THEN ALTER TABLE "projects_programme" RENAME CONSTRAINT "projects_programme_description_en_check" TO "projects_programme_description_en_limit"; ELSE ALTER TABLE "projects_programme" ADD CONSTRAINT "projects_programme_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_programme_description_zh_hans_check\') THEN ALTER TABLE "projects_programme" RENAME CONSTRAINT "projects_programme_description_zh_hans_check" TO "projects_programme_description_zh_hans_limit"; ELSE ALTER TABLE "projects_programme" ADD CONSTRAINT "projects_programme_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_aliases_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_aliases_check" TO "projects_project_aliases_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_description_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_description_check" TO "projects_project_description_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_description_de_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_description_de_check" TO "projects_project_description_de_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_description_en_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_description_en_check" TO "projects_project_description_en_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_description_zh_hans_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_description_zh_hans_check" TO "projects_project_description_zh_hans_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_summary_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_summary_check" TO "projects_project_summary_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_summary_limit" CHECK (char_length("summary") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_summary_de_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_summary_de_check" TO "projects_project_summary_de_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_summary_de_limit" CHECK (char_length("summary_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_summary_en_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_summary_en_check" TO "projects_project_summary_en_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_summary_en_limit" CHECK (char_length("summary_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_project_summary_zh_hans_check\') THEN ALTER TABLE "projects_project" RENAME CONSTRAINT "projects_project_summary_zh_hans_check" TO "projects_project_summary_zh_hans_limit"; ELSE ALTER TABLE "projects_project" ADD CONSTRAINT "projects_project_summary_zh_hans_limit" CHECK (char_length("summary_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'projects_projectrole_note_check\') THEN ALTER TABLE "projects_projectrole" RENAME CONSTRAINT "projects_projectrole_note_check" TO "projects_projectrole_note_limit"; ELSE ALTER TABLE "projects_projectrole" ADD CONSTRAINT "projects_projectrole_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
            ],
            reverse_sql=[
                'ALTER TABLE "projects_historicalprogramme" DROP CONSTRAINT "projects_historicalprogramme_description_limit"',
                'ALTER TABLE "projects_historicalprogramme" DROP CONSTRAINT "projects_historicalprogramme_description_de_limit"',
                'ALTER TABLE "projects_historicalprogramme" DROP CONSTRAINT "projects_historicalprogramme_description_en_limit"',
                'ALTER TABLE "projects_historicalprogramme" DROP CONSTRAINT "projects_historicalprogramme_description_zh_hans_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_aliases_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_description_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_description_de_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_description_en_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_description_zh_hans_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_summary_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_summary_de_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_summary_en_limit"',
                'ALTER TABLE "projects_historicalproject" DROP CONSTRAINT "projects_historicalproject_summary_zh_hans_limit"',
                'ALTER TABLE "projects_historicalprojectrole" DROP CONSTRAINT "projects_historicalprojectrole_note_limit"',
                'ALTER TABLE "projects_programme" DROP CONSTRAINT "projects_programme_description_limit"',
                'ALTER TABLE "projects_programme" DROP CONSTRAINT "projects_programme_description_de_limit"',
                'ALTER TABLE "projects_programme" DROP CONSTRAINT "projects_programme_description_en_limit"',
                'ALTER TABLE "projects_programme" DROP CONSTRAINT "projects_programme_description_zh_hans_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_aliases_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_description_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_description_de_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_description_en_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_description_zh_hans_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_summary_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_summary_de_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_summary_en_limit"',
                'ALTER TABLE "projects_project" DROP CONSTRAINT "projects_project_summary_zh_hans_limit"',
                'ALTER TABLE "projects_projectrole" DROP CONSTRAINT "projects_projectrole_note_limit"',
            ],
        ),
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="project_search_bigrams"
            ),
        ),
    ]
