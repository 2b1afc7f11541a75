"""Immutable SQL helpers that stored (generated) search columns may call.

``unaccent()`` and ``array_to_string()`` are not IMMUTABLE, so a generated column cannot use them
directly; these wrappers pin the dictionary and are safe to declare immutable.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION atlas_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE OR REPLACE FUNCTION atlas_join(text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
"""

DROP = """
DROP FUNCTION IF EXISTS atlas_unaccent(text);
DROP FUNCTION IF EXISTS atlas_join(text[]);
"""


class Migration(migrations.Migration):
    dependencies = [("institutions", "0003_aliases_and_optional_captions")]

    operations = [migrations.RunSQL(CREATE, DROP)]
