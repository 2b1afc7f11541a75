import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0004_search_bigrams"),
        ("institutions", "0004_search_bigrams"),
        ("projects", "0003_history_links_and_transactions"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_bigrams",
            field=models.GeneratedField(
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
        migrations.AddIndex(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_bigrams"], name="project_search_bigrams"
            ),
        ),
    ]
