"""The shared model fields: every text has a limit, and every search vector fits at the limits.

PostgreSQL refuses a ``tsvector`` of more than 1 MB; the limits of ``config.framework.fields`` keep
every record's vector well below it, which the worst case below shows on every searchable model.
"""

import itertools

import pytest
from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction

from config.framework.fields import (
    DESCRIPTION_LENGTH,
    MAX_ALIASES,
    SEARCH_VECTOR_LIMIT,
    AliasesField,
    CountriesField,
    LimitedTextField,
)
from config.framework.search import REGISTRY, search_vector_bound, search_vector_sources
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup
from events.models import Event
from institutions.models import Organisation, Person
from projects.models import Project
from tests import factories

ATLAS_APPS = ("institutions", "dialogues", "projects", "events")
SEARCHABLE = (Organisation, Person, Topic, Dialogue, WorkingGroup, Publication, Project, Event)


def atlas_models(include_history=False):
    for label in ATLAS_APPS:
        for model in apps.get_app_config(label).get_models():
            if include_history or not model.__name__.startswith("Historical"):
                yield model


def test_every_text_of_every_atlas_model_has_a_limit():
    unlimited = []
    for model in atlas_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.GeneratedField):
                continue
            if isinstance(field, (models.CharField, models.TextField)) and field.max_length is None:
                unlimited.append(f"{model.__name__}.{field.name}")
            # Countries are a closed list, each at most once; any other list is counted.
            counted = isinstance(field, AliasesField) and field.max_items is not None
            if isinstance(field, ArrayField) and not isinstance(field, CountriesField) and not counted:
                unlimited.append(f"{model.__name__}.{field.name}")

    assert unlimited == []


def test_the_searchable_models_are_the_registered_ones():
    assert {searchable.model for searchable in REGISTRY} == set(SEARCHABLE)


@pytest.mark.parametrize("column", ["search_vector", "search_bigrams"])
@pytest.mark.parametrize("model", SEARCHABLE, ids=lambda model: model.__name__)
def test_every_search_vector_is_bounded_at_half_of_postgresqls_limit(model, column):
    assert search_vector_bound(model, column) < SEARCH_VECTOR_LIMIT / 2


def distinct_words():
    """Words that cost their vector the most: no two alike, of characters of 4 bytes.

    Three characters of CJK Extension B count the words and eight more fill them; a Cyrillic, Greek,
    Chinese or accented Latin letter closes each. (A character that unaccent expands, such as "㎮"
    into "rad/s", splits its word at the "/", so it costs less.)
    """
    closing = "ЖΩ中éß"
    filler = "".join(chr(0x21000 + offset) for offset in range(8))
    for number in itertools.count():
        counter = "".join(chr(0x20000 + (number >> shift) % 4096) for shift in (0, 12, 24))
        yield counter + filler + closing[number % len(closing)]


def worst_case_text(length: int, words) -> tuple[str, int]:
    """``length`` characters of distinct words, and how many whole words they hold."""
    parts, size = [], -1
    while size < length:
        word = next(words)
        parts.append(word)
        size += len(word) + 1
    text = " ".join(parts)
    whole = len(parts) if len(text) == length else len(parts) - 1
    return text[:length], whole


def fill_to_the_limits(record, words) -> int:
    """Every source of ``record``'s search vector at its maximum; the number of whole words written."""
    written = 0
    for source in search_vector_sources(type(record)):
        if isinstance(source, AliasesField):
            values = []
            for _ in range(source.max_items):
                text, count = worst_case_text(source.base_field.max_length, words)
                values.append(text)
                written += count
            setattr(record, source.attname, values)
        else:
            text, count = worst_case_text(source.max_length, words)
            setattr(record, source.attname, text)
            written += count
    return written


@pytest.mark.django_db
@pytest.mark.parametrize("model", SEARCHABLE, ids=lambda model: model.__name__)
def test_a_record_with_every_text_at_its_maximum_has_its_whole_search_vector(model):
    record = getattr(factories, f"{model.__name__}Factory")()
    words = distinct_words()
    written = fill_to_the_limits(record, words)
    record.full_clean()

    record.save()

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), sum(octet_length(lexeme)) FROM {model._meta.db_table}, "
            "unnest(search_vector) WHERE id = %s",
            [record.pk],
        )
        lexemes, lexeme_bytes = cursor.fetchone()
        cursor.execute(
            f"SELECT sum(octet_length(lexeme)) FROM {model._meta.db_table}, "
            "unnest(search_bigrams) WHERE id = %s",
            [record.pk],
        )
        (bigram_bytes,) = cursor.fetchone()
    # Every whole word is a lexeme of its own (a cut word and the factory's other texts add a few).
    assert lexemes >= written
    # The text indexed is close to what the bound allows for, and far from PostgreSQL's limit.
    assert lexeme_bytes <= search_vector_bound(model) < SEARCH_VECTOR_LIMIT / 2
    assert 0 < bigram_bytes <= search_vector_bound(model, "search_bigrams") < SEARCH_VECTOR_LIMIT / 2
    first_word = "".join(itertools.islice(distinct_words(), 1))
    assert list(model.objects.search(first_word)) == [record]


@pytest.mark.django_db
def test_a_text_over_its_limit_is_refused_by_the_model_and_the_database():
    organisation = factories.OrganisationFactory()
    organisation.description_de = "x" * (DESCRIPTION_LENGTH + 1)

    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert refused.value.message_dict["description_de"] == [
        "Ensure this value has at most 10000 characters (it has 10001)."
    ]
    with (
        pytest.raises(IntegrityError, match="institutions_organisation_description_de_limit"),
        transaction.atomic(),
    ):
        Organisation.objects.filter(pk=organisation.pk).update(description_de="x" * (DESCRIPTION_LENGTH + 1))
    with pytest.raises(IntegrityError, match="institutions_organisation_aliases_limit"), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(aliases=["x"] * (MAX_ALIASES + 1))


@pytest.mark.django_db
def test_every_limited_column_has_its_check_in_the_database():
    """The migrations' CHECKs match the fields' limits, on the records' tables and their history."""
    expected, found = set(), set()
    for model in atlas_models(include_history=True):
        table = model._meta.db_table
        for field in model._meta.concrete_fields:
            if isinstance(field, LimitedTextField):
                expected.add((table, f"CHECK ((char_length({field.column}) <= {field.max_length}))"))
            elif isinstance(field, AliasesField) and field.max_items is not None:
                expected.add((table, f"CHECK ((cardinality({field.column}) <= {field.max_items}))"))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'c' "
                "AND pg_get_constraintdef(oid) ~ '^CHECK \\(\\((char_length|cardinality)\\('",
                [table],
            )
            found |= {(table, definition) for (definition,) in cursor.fetchall()}

    assert len(expected) == 164
    assert found == expected
