# The migrations before this one in one: a new database builds its tables at once instead of
# rendering the model state again for each of their operations (`make run`'s first migrate).
import django.contrib.postgres.indexes
import django.contrib.postgres.operations
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

# The group whose members are partner accounts (config.framework.visibility.PARTNER_GROUP).
PARTNER_GROUP = "Partners"


def create_partner_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).get_or_create(name=PARTNER_GROUP)


def delete_partner_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=PARTNER_GROUP, user__isnull=True).delete()


class Migration(migrations.Migration):
    replaces = [
        ("institutions", "0001_squashed_initial"),
        ("institutions", "0002_text_limits"),
        ("institutions", "0003_history_links_and_transactions"),
        ("institutions", "0004_search_bigrams"),
        ("institutions", "0005_plural_names"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("auth", "__first__"),
    ]

    operations = [
        django.contrib.postgres.operations.TrigramExtension(),
        django.contrib.postgres.operations.UnaccentExtension(),
        django.contrib.postgres.operations.BtreeGinExtension(),
        migrations.RunSQL(
            sql="\nCREATE OR REPLACE FUNCTION atlas_unaccent(text) RETURNS text\n    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT\n    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;\nCREATE OR REPLACE FUNCTION atlas_join(text[]) RETURNS text\n    LANGUAGE sql IMMUTABLE PARALLEL SAFE\n    AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;\n",
            reverse_sql="\nDROP FUNCTION IF EXISTS atlas_unaccent(text);\nDROP FUNCTION IF EXISTS atlas_join(text[]);\n",
        ),
        migrations.RunSQL(
            sql="\nCREATE OR REPLACE FUNCTION atlas_han_bigrams(text) RETURNS text\n    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT\n    AS $$\nSELECT coalesce(string_agg(\n    CASE WHEN run[1] ~ '^[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0003134f]'\n        THEN (SELECT string_agg(substr(run[1], i, 2), ' ' ORDER BY i)\n              FROM generate_series(1, char_length(run[1])) AS i)\n        ELSE run[1]\n    END, ' ' ORDER BY n), '')\nFROM regexp_matches($1, '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0003134f]+|[^\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0003134f]+', 'g') WITH ORDINALITY AS runs(run, n)\n$$;\n",
            reverse_sql="DROP FUNCTION IF EXISTS atlas_han_bigrams(text);",
        ),
        migrations.CreateModel(
            name="Source",
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
                ("slug", models.SlugField(max_length=120, unique=True, verbose_name="slug")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("publisher", models.CharField(blank=True, max_length=200, verbose_name="publisher")),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="URL")),
                (
                    "language",
                    models.CharField(
                        blank=True, help_text="e.g. en, de, zh", max_length=10, verbose_name="language"
                    ),
                ),
                ("seen_on", models.DateField(blank=True, null=True, verbose_name="date seen")),
                (
                    "note",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=2000, verbose_name="note"
                    ),
                ),
            ],
            options={
                "verbose_name": "source",
                "ordering": ["title"],
                "verbose_name_plural": "sources",
            },
        ),
        migrations.CreateModel(
            name="Organisation",
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
                (
                    "native_name",
                    models.CharField(
                        blank=True,
                        help_text="The name in its own language: Umweltbundesamt.",
                        max_length=300,
                        verbose_name="native name",
                    ),
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("ministry", "ministry"),
                            ("government_agency", "government agency"),
                            ("research_institute", "research institute / think tank"),
                            ("university", "university"),
                            ("foundation", "foundation"),
                            ("ngo", "NGO"),
                            ("implementing_agency", "implementing agency"),
                            ("international_organisation", "international organisation"),
                            ("subnational_government", "city or provincial government"),
                            ("company", "company"),
                            ("other", "other"),
                        ],
                        db_index=True,
                        default="other",
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "country",
                    config.framework.fields.CountryField(
                        blank=True,
                        db_index=True,
                        help_text="Blank for international bodies.",
                        verbose_name="country",
                    ),
                ),
                ("website", models.URLField(blank=True, max_length=500, verbose_name="website")),
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
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The body it belongs to (DEHSt within UBA).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="institutions.organisation",
                        verbose_name="parent",
                    ),
                ),
                (
                    "predecessor",
                    models.ForeignKey(
                        blank=True,
                        help_text="The body it replaced, as when a ministry is renamed.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="successors",
                        to="institutions.organisation",
                        verbose_name="predecessor",
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
                "verbose_name": "organisation",
                "ordering": ["name", "id"],
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.CreateModel(
            name="Person",
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
                ("given_name", models.CharField(blank=True, max_length=100, verbose_name="given name")),
                ("family_name", models.CharField(max_length=100, verbose_name="family name")),
                (
                    "name_order",
                    models.CharField(
                        choices=[
                            ("given_first", "given name first (Jürgen Landgrebe)"),
                            ("family_first", "family name first (Ma Aimin)"),
                        ],
                        default="given_first",
                        max_length=12,
                        verbose_name="name order",
                    ),
                ),
                (
                    "honorific",
                    models.CharField(
                        blank=True, help_text="Dr, Prof., Mr, Ms …", max_length=40, verbose_name="honorific"
                    ),
                ),
                (
                    "native_name",
                    models.CharField(blank=True, max_length=200, verbose_name="native-script name"),
                ),
                (
                    "bio",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
                    ),
                ),
                (
                    "search_vector",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.CombinedSearchVector(
                                django.contrib.postgres.search.CombinedSearchVector(
                                    django.contrib.postgres.search.SearchVector(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("given_name"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("family_name"),
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
                                        config="simple",
                                        weight="A",
                                    ),
                                    "||",
                                    django.contrib.postgres.search.SearchVector(
                                        models.Func(
                                            django.db.models.functions.comparison.Coalesce(
                                                models.F("bio_en"),
                                                models.Value(""),
                                                output_field=models.TextField(),
                                            ),
                                            function="atlas_unaccent",
                                            output_field=models.TextField(),
                                        ),
                                        config="english",
                                        weight="C",
                                    ),
                                    django.contrib.postgres.search.SearchConfig("simple"),
                                ),
                                "||",
                                django.contrib.postgres.search.SearchVector(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("bio_de"),
                                            models.Value(""),
                                            output_field=models.TextField(),
                                        ),
                                        function="atlas_unaccent",
                                        output_field=models.TextField(),
                                    ),
                                    config="german",
                                    weight="C",
                                ),
                                django.contrib.postgres.search.SearchConfig("simple"),
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("bio_zh_hans"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    function="atlas_unaccent",
                                    output_field=models.TextField(),
                                ),
                                config="simple",
                                weight="C",
                            ),
                            django.contrib.postgres.search.SearchConfig("simple"),
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
                                        models.F("given_name"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("family_name"),
                                        models.Value(""),
                                        output_field=models.TextField(),
                                    ),
                                    models.Value(" "),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("native_name"),
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
                (
                    "search_bigrams",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("given_name"),
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
                                            models.F("family_name"),
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
                                config="simple",
                                weight="A",
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                models.Func(
                                    models.Func(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("bio_zh_hans"),
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
                "verbose_name": "person",
                "verbose_name_plural": "people",
                "ordering": ["family_name", "given_name", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAffiliation",
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
                ("position", models.CharField(blank=True, max_length=200, verbose_name="position")),
                (
                    "position_en",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
                ),
                (
                    "position_de",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
                ),
                (
                    "position_zh_hans",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
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
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical affiliation",
                "verbose_name_plural": "historical affiliations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrganisation",
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
                    "native_name",
                    models.CharField(
                        blank=True,
                        help_text="The name in its own language: Umweltbundesamt.",
                        max_length=300,
                        verbose_name="native name",
                    ),
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("ministry", "ministry"),
                            ("government_agency", "government agency"),
                            ("research_institute", "research institute / think tank"),
                            ("university", "university"),
                            ("foundation", "foundation"),
                            ("ngo", "NGO"),
                            ("implementing_agency", "implementing agency"),
                            ("international_organisation", "international organisation"),
                            ("subnational_government", "city or provincial government"),
                            ("company", "company"),
                            ("other", "other"),
                        ],
                        db_index=True,
                        default="other",
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "country",
                    config.framework.fields.CountryField(
                        blank=True,
                        db_index=True,
                        help_text="Blank for international bodies.",
                        verbose_name="country",
                    ),
                ),
                ("website", models.URLField(blank=True, max_length=500, verbose_name="website")),
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
                        help_text="The body it belongs to (DEHSt within UBA).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="institutions.organisation",
                        verbose_name="parent",
                    ),
                ),
                (
                    "predecessor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The body it replaced, as when a ministry is renamed.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="institutions.organisation",
                        verbose_name="predecessor",
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
                "verbose_name": "historical organisation",
                "verbose_name_plural": "historical organisations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPerson",
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
                ("given_name", models.CharField(blank=True, max_length=100, verbose_name="given name")),
                ("family_name", models.CharField(max_length=100, verbose_name="family name")),
                (
                    "name_order",
                    models.CharField(
                        choices=[
                            ("given_first", "given name first (Jürgen Landgrebe)"),
                            ("family_first", "family name first (Ma Aimin)"),
                        ],
                        default="given_first",
                        max_length=12,
                        verbose_name="name order",
                    ),
                ),
                (
                    "honorific",
                    models.CharField(
                        blank=True, help_text="Dr, Prof., Mr, Ms …", max_length=40, verbose_name="honorific"
                    ),
                ),
                (
                    "native_name",
                    models.CharField(blank=True, max_length=200, verbose_name="native-script name"),
                ),
                (
                    "bio",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_en",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_de",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
                    ),
                ),
                (
                    "bio_zh_hans",
                    config.framework.fields.LimitedTextField(
                        blank=True, max_length=3000, null=True, verbose_name="short bio"
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
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical person",
                "verbose_name_plural": "historical people",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSource",
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
                ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("publisher", models.CharField(blank=True, max_length=200, verbose_name="publisher")),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="URL")),
                (
                    "language",
                    models.CharField(
                        blank=True, help_text="e.g. en, de, zh", max_length=10, verbose_name="language"
                    ),
                ),
                ("seen_on", models.DateField(blank=True, null=True, verbose_name="date seen")),
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
                    "history_links",
                    models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
                ),
                (
                    "history_transaction",
                    models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
                ),
            ],
            options={
                "verbose_name": "historical source",
                "verbose_name_plural": "historical sources",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Affiliation",
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
                ("position", models.CharField(blank=True, max_length=200, verbose_name="position")),
                (
                    "position_en",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
                ),
                (
                    "position_de",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
                ),
                (
                    "position_zh_hans",
                    models.CharField(blank=True, max_length=200, null=True, verbose_name="position"),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="affiliations",
                        to="institutions.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="affiliations",
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
                "verbose_name": "affiliation",
                "ordering": ["person", "-start_date", "id"],
                "verbose_name_plural": "affiliations",
            },
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="person_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="person_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="organisation_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="organisation_search_names", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["aliases"], name="organisation_aliases_gin"
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("id")), _negated=True),
                name="institutions_organisation_not_own_parent",
                violation_error_message="An organisation cannot be its own parent.",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("predecessor", models.F("id")), _negated=True),
                name="institutions_organisation_not_own_predecessor",
                violation_error_message="An organisation cannot be its own predecessor.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
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
                name="institutions_affiliation_end_after_start",
                violation_error_message="The end cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("start_precision", "day"),
                    models.Q(("start_date__day", 1), ("start_precision", "month")),
                    models.Q(("start_date__day", 1), ("start_date__month", 1), ("start_precision", "year")),
                    _connector="OR",
                ),
                name="institutions_affiliation_start_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("end_precision", "day"),
                    models.Q(("end_date__day", 1), ("end_precision", "month")),
                    models.Q(("end_date__day", 1), ("end_date__month", 1), ("end_precision", "year")),
                    _connector="OR",
                ),
                name="institutions_affiliation_end_date_aligned",
                violation_error_message="A date known only to the month or year must be the first day of that month or year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.UniqueConstraint(
                fields=("person", "organisation", "position"),
                name="institutions_affiliation_unique",
                violation_error_message="This person already holds this position at this organisation.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.UniqueConstraint(
                fields=("person", "organisation", "position_en"),
                name="institutions_affiliation_unique-en",
                violation_error_message="This person already holds this position at this organisation.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.UniqueConstraint(
                fields=("person", "organisation", "position_de"),
                name="institutions_affiliation_unique-de",
                violation_error_message="This person already holds this position at this organisation.",
            ),
        ),
        migrations.AddConstraint(
            model_name="affiliation",
            constraint=models.UniqueConstraint(
                fields=("person", "organisation", "position_zh_hans"),
                name="institutions_affiliation_unique-zh-hans",
                violation_error_message="This person already holds this position at this organisation.",
            ),
        ),
        migrations.RunPython(
            code=create_partner_group,
            reverse_code=delete_partner_group,
        ),
        migrations.RunSQL(
            sql=[
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalorganisation_aliases_check\') THEN ALTER TABLE "institutions_historicalorganisation" RENAME CONSTRAINT "institutions_historicalorganisation_aliases_check" TO "institutions_historicalorganisation_aliases_limit"; ELSE ALTER TABLE "institutions_historicalorganisation" ADD CONSTRAINT "institutions_historicalorganisation_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalorganisation_description_check\') THEN ALTER TABLE "institutions_historicalorganisation" RENAME CONSTRAINT "institutions_historicalorganisation_description_check" TO "institutions_historicalorganisation_description_limit"; ELSE ALTER TABLE "institutions_historicalorganisation" ADD CONSTRAINT "institutions_historicalorganisation_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalorganisation_description_de_check\') THEN ALTER TABLE "institutions_historicalorganisation" RENAME CONSTRAINT "institutions_historicalorganisation_description_de_check" TO "institutions_historicalorganisation_description_de_limit"; ELSE ALTER TABLE "institutions_historicalorganisation" ADD CONSTRAINT "institutions_historicalorganisation_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalorganisation_description_en_check\') THEN ALTER TABLE "institutions_historicalorganisation" RENAME CONSTRAINT "institutions_historicalorganisation_description_en_check" TO "institutions_historicalorganisation_description_en_limit"; ELSE ALTER TABLE "institutions_historicalorganisation" ADD CONSTRAINT "institutions_historicalorganisation_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalorganisation_description_zh_hans_check\') THEN ALTER TABLE "institutions_historicalorganisation" RENAME CONSTRAINT "institutions_historicalorganisation_description_zh_hans_check" TO "institutions_historicalorganisation_description_zh_hans_limit"; ELSE ALTER TABLE "institutions_historicalorganisation" ADD CONSTRAINT "institutions_historicalorganisation_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalperson_bio_check\') THEN ALTER TABLE "institutions_historicalperson" RENAME CONSTRAINT "institutions_historicalperson_bio_check" TO "institutions_historicalperson_bio_limit"; ELSE ALTER TABLE "institutions_historicalperson" ADD CONSTRAINT "institutions_historicalperson_bio_limit" CHECK (char_length("bio") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalperson_bio_de_check\') THEN ALTER TABLE "institutions_historicalperson" RENAME CONSTRAINT "institutions_historicalperson_bio_de_check" TO "institutions_historicalperson_bio_de_limit"; ELSE ALTER TABLE "institutions_historicalperson" ADD CONSTRAINT "institutions_historicalperson_bio_de_limit" CHECK (char_length("bio_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalperson_bio_en_check\') THEN ALTER TABLE "institutions_historicalperson" RENAME CONSTRAINT "institutions_historicalperson_bio_en_check" TO "institutions_historicalperson_bio_en_limit"; ELSE ALTER TABLE "institutions_historicalperson" ADD CONSTRAINT "institutions_historicalperson_bio_en_limit" CHECK (char_length("bio_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalperson_bio_zh_hans_check\') THEN ALTER TABLE "institutions_historicalperson" RENAME CONSTRAINT "institutions_historicalperson_bio_zh_hans_check" TO "institutions_historicalperson_bio_zh_hans_limit"; ELSE ALTER TABLE "institutions_historicalperson" ADD CONSTRAINT "institutions_historicalperson_bio_zh_hans_limit" CHECK (char_length("bio_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_historicalsource_note_check\') THEN ALTER TABLE "institutions_historicalsource" RENAME CONSTRAINT "institutions_historicalsource_note_check" TO "institutions_historicalsource_note_limit"; ELSE ALTER TABLE "institutions_historicalsource" ADD CONSTRAINT "institutions_historicalsource_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_organisation_aliases_check\') THEN ALTER TABLE "institutions_organisation" RENAME CONSTRAINT "institutions_organisation_aliases_check" TO "institutions_organisation_aliases_limit"; ELSE ALTER TABLE "institutions_organisation" ADD CONSTRAINT "institutions_organisation_aliases_limit" CHECK (cardinality("aliases") <= 20); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_organisation_description_check\') THEN ALTER TABLE "institutions_organisation" RENAME CONSTRAINT "institutions_organisation_description_check" TO "institutions_organisation_description_limit"; ELSE ALTER TABLE "institutions_organisation" ADD CONSTRAINT "institutions_organisation_description_limit" CHECK (char_length("description") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_organisation_description_de_check\') THEN ALTER TABLE "institutions_organisation" RENAME CONSTRAINT "institutions_organisation_description_de_check" TO "institutions_organisation_description_de_limit"; ELSE ALTER TABLE "institutions_organisation" ADD CONSTRAINT "institutions_organisation_description_de_limit" CHECK (char_length("description_de") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_organisation_description_en_check\') THEN ALTER TABLE "institutions_organisation" RENAME CONSTRAINT "institutions_organisation_description_en_check" TO "institutions_organisation_description_en_limit"; ELSE ALTER TABLE "institutions_organisation" ADD CONSTRAINT "institutions_organisation_description_en_limit" CHECK (char_length("description_en") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_organisation_description_zh_hans_check\') THEN ALTER TABLE "institutions_organisation" RENAME CONSTRAINT "institutions_organisation_description_zh_hans_check" TO "institutions_organisation_description_zh_hans_limit"; ELSE ALTER TABLE "institutions_organisation" ADD CONSTRAINT "institutions_organisation_description_zh_hans_limit" CHECK (char_length("description_zh_hans") <= 10000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_person_bio_check\') THEN ALTER TABLE "institutions_person" RENAME CONSTRAINT "institutions_person_bio_check" TO "institutions_person_bio_limit"; ELSE ALTER TABLE "institutions_person" ADD CONSTRAINT "institutions_person_bio_limit" CHECK (char_length("bio") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_person_bio_de_check\') THEN ALTER TABLE "institutions_person" RENAME CONSTRAINT "institutions_person_bio_de_check" TO "institutions_person_bio_de_limit"; ELSE ALTER TABLE "institutions_person" ADD CONSTRAINT "institutions_person_bio_de_limit" CHECK (char_length("bio_de") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_person_bio_en_check\') THEN ALTER TABLE "institutions_person" RENAME CONSTRAINT "institutions_person_bio_en_check" TO "institutions_person_bio_en_limit"; ELSE ALTER TABLE "institutions_person" ADD CONSTRAINT "institutions_person_bio_en_limit" CHECK (char_length("bio_en") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_person_bio_zh_hans_check\') THEN ALTER TABLE "institutions_person" RENAME CONSTRAINT "institutions_person_bio_zh_hans_check" TO "institutions_person_bio_zh_hans_limit"; ELSE ALTER TABLE "institutions_person" ADD CONSTRAINT "institutions_person_bio_zh_hans_limit" CHECK (char_length("bio_zh_hans") <= 3000); END IF; END $$',
                'DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = \'institutions_source_note_check\') THEN ALTER TABLE "institutions_source" RENAME CONSTRAINT "institutions_source_note_check" TO "institutions_source_note_limit"; ELSE ALTER TABLE "institutions_source" ADD CONSTRAINT "institutions_source_note_limit" CHECK (char_length("note") <= 2000); END IF; END $$',
            ],
            reverse_sql=[
                'ALTER TABLE "institutions_historicalorganisation" DROP CONSTRAINT "institutions_historicalorganisation_aliases_limit"',
                'ALTER TABLE "institutions_historicalorganisation" DROP CONSTRAINT "institutions_historicalorganisation_description_limit"',
                'ALTER TABLE "institutions_historicalorganisation" DROP CONSTRAINT "institutions_historicalorganisation_description_de_limit"',
                'ALTER TABLE "institutions_historicalorganisation" DROP CONSTRAINT "institutions_historicalorganisation_description_en_limit"',
                'ALTER TABLE "institutions_historicalorganisation" DROP CONSTRAINT "institutions_historicalorganisation_description_zh_hans_limit"',
                'ALTER TABLE "institutions_historicalperson" DROP CONSTRAINT "institutions_historicalperson_bio_limit"',
                'ALTER TABLE "institutions_historicalperson" DROP CONSTRAINT "institutions_historicalperson_bio_de_limit"',
                'ALTER TABLE "institutions_historicalperson" DROP CONSTRAINT "institutions_historicalperson_bio_en_limit"',
                'ALTER TABLE "institutions_historicalperson" DROP CONSTRAINT "institutions_historicalperson_bio_zh_hans_limit"',
                'ALTER TABLE "institutions_historicalsource" DROP CONSTRAINT "institutions_historicalsource_note_limit"',
                'ALTER TABLE "institutions_organisation" DROP CONSTRAINT "institutions_organisation_aliases_limit"',
                'ALTER TABLE "institutions_organisation" DROP CONSTRAINT "institutions_organisation_description_limit"',
                'ALTER TABLE "institutions_organisation" DROP CONSTRAINT "institutions_organisation_description_de_limit"',
                'ALTER TABLE "institutions_organisation" DROP CONSTRAINT "institutions_organisation_description_en_limit"',
                'ALTER TABLE "institutions_organisation" DROP CONSTRAINT "institutions_organisation_description_zh_hans_limit"',
                'ALTER TABLE "institutions_person" DROP CONSTRAINT "institutions_person_bio_limit"',
                'ALTER TABLE "institutions_person" DROP CONSTRAINT "institutions_person_bio_de_limit"',
                'ALTER TABLE "institutions_person" DROP CONSTRAINT "institutions_person_bio_en_limit"',
                'ALTER TABLE "institutions_person" DROP CONSTRAINT "institutions_person_bio_zh_hans_limit"',
                'ALTER TABLE "institutions_source" DROP CONSTRAINT "institutions_source_note_limit"',
            ],
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="organisation_search_bigrams"
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="person_search_bigrams"
            ),
        ),
    ]
