"""Chinese text becomes searchable: a third search column, ``search_bigrams``, on every searchable model.

It holds the Chinese translations and the untranslated names, acronyms and aliases, with every run
of Han characters written as its overlapping pairs by ``atlas_han_bigrams()`` ("低碳交通" becomes
"低碳 碳交 交通 通"): PostgreSQL's parser finds no word boundaries in Chinese, so without the pairs a
whole sentence is one lexeme. The ranges of Han characters are those of ``config.framework.search.HAN``.
The other apps' migrations of this name add the column to their models; they run after this one.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.db import migrations, models

# Han runs become their overlapping pairs, each run ending with its last character alone (so that a
# one-character query matches a pair it starts, or that last character); other text is kept.
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
CREATE_BIGRAMS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION atlas_han_bigrams(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
SELECT coalesce(string_agg(
    CASE WHEN run[1] ~ '^{HAN}'
        THEN (SELECT string_agg(substr(run[1], i, 2), ' ' ORDER BY i)
              FROM generate_series(1, char_length(run[1])) AS i)
        ELSE run[1]
    END, ' ' ORDER BY n), '')
FROM regexp_matches($1, '{HAN}+|[^{HAN[1:-1]}]+', 'g') WITH ORDINALITY AS runs(run, n)
$$;
"""
DROP_BIGRAMS_FUNCTION = "DROP FUNCTION IF EXISTS atlas_han_bigrams(text);"


class Migration(migrations.Migration):
    dependencies = [
        ("institutions", "0003_history_links_and_transactions"),
    ]

    operations = [
        migrations.RunSQL(CREATE_BIGRAMS_FUNCTION, DROP_BIGRAMS_FUNCTION),
        migrations.AddField(
            model_name="organisation",
            name="search_bigrams",
            field=models.GeneratedField(
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
                                    models.F("native_name"), models.Value(""), output_field=models.TextField()
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
        migrations.AddField(
            model_name="person",
            name="search_bigrams",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        models.Func(
                            models.Func(
                                django.db.models.functions.comparison.Coalesce(
                                    models.F("given_name"), models.Value(""), output_field=models.TextField()
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
                                    models.F("family_name"), models.Value(""), output_field=models.TextField()
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
                                    models.F("native_name"), models.Value(""), output_field=models.TextField()
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
                                    models.F("bio_zh_hans"), models.Value(""), output_field=models.TextField()
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
