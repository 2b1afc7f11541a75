"""Site search: PostgreSQL full-text search plus trigram similarity, across the registered models.

Each searchable model stores two generated columns (``search_columns``):

- ``search_vector``: a weighted ``tsvector`` (A: names and acronyms, B: summaries, C: descriptions),
  English fields stemmed as English, German fields as German, everything else with ``simple``;
  all text passed through ``unaccent``;
- ``search_names``: its names, acronyms and aliases in lower case without accents, for trigram
  matching of acronyms, typos ("Potsdm") and Chinese names.

Both are GIN-indexed. A query matches a record when its full-text query matches the vector or when
it is word-similar to the names or contained in them; results are ranked by the sum of the
full-text rank and the trigram word similarity.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Coalesce, Concat, Lower
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from config.framework.fields import SEARCH_VECTOR_BYTES_PER_CHARACTER, AliasesField
from config.framework.visibility import VisibleQuerySet

MAX_QUERY_LENGTH = 200  # characters searched
MAX_INPUT_LENGTH = 1000  # a longer search text is refused, on the site and in the API
LANGUAGE_CONFIGS = {"en": "english", "de": "german"}
LANGUAGES = ("en", "de", "zh_hans")
_MARK_START, _MARK_END = "\x02", "\x03"


def unaccented(expression):
    return Func(expression, function="atlas_unaccent", output_field=models.TextField())


def _text(name: str):
    """A field as text: arrays (aliases) are joined with spaces."""
    if name.startswith("[]"):
        return Func(F(name[2:]), function="atlas_join", output_field=models.TextField())
    return F(name)


def _expand(names):
    """``name*`` stands for the translations name_en, name_de and name_zh_hans."""
    for name in names:
        if name.endswith("*"):
            yield from (f"{name[:-1]}_{language}" for language in LANGUAGES)
        else:
            yield name


def _config(name: str) -> str:
    return LANGUAGE_CONFIGS.get(name.rsplit("_", 1)[-1], "simple")


def search_columns(*, names, summaries=(), descriptions=()):
    """The two stored search columns of a model, and their GIN indexes' field names.

    ``names`` are weighted A, ``summaries`` B, ``descriptions`` C. A name ending in ``*`` means all
    its translations; a name starting with ``[]`` is an array of text (aliases).
    """
    vector = None
    for weight, group in (("A", names), ("B", summaries), ("C", descriptions)):
        by_config = {}
        for name in _expand(group):
            text = Coalesce(_text(name), Value(""), output_field=models.TextField())
            by_config.setdefault(_config(name), []).append(unaccented(text))
        for config, expressions in by_config.items():
            part = SearchVector(*expressions, config=config, weight=weight)
            vector = part if vector is None else vector + part
    name_expressions = [
        Coalesce(_text(name), Value(""), output_field=models.TextField()) for name in _expand(names)
    ]
    spaced = [item for expression in name_expressions for item in (expression, Value(" "))][:-1]
    return (
        models.GeneratedField(
            expression=vector, output_field=SearchVectorField(), db_persist=True, verbose_name="search vector"
        ),
        models.GeneratedField(
            expression=Lower(unaccented(Concat(*spaced, output_field=models.TextField()))),
            output_field=models.TextField(),
            db_persist=True,
            verbose_name="search names",
        ),
    )


def search_vector_sources(model) -> list[models.Field]:
    """The fields ``model``'s search vector is made of, every translation included."""
    expression = model._meta.get_field("search_vector").expression
    names = {node.name for node in expression.flatten() if isinstance(node, F)}
    return [model._meta.get_field(name) for name in sorted(names)]


def search_vector_bound(model) -> int:
    """The most bytes ``model``'s search vector can take: every source full, in the costliest text.

    Each text counts one character more, for the space that separates it from the next.
    """
    characters = 0
    for source in search_vector_sources(model):
        if isinstance(source, AliasesField):
            characters += source.max_items * (source.base_field.max_length + 1)
        else:
            characters += source.max_length + 1
    return characters * SEARCH_VECTOR_BYTES_PER_CHARACTER


def search_indexes(prefix: str):
    return [
        GinIndex(fields=["search_vector"], name=f"{prefix}_search_vector"),
        GinIndex(fields=["search_names"], name=f"{prefix}_search_names", opclasses=["gin_trgm_ops"]),
    ]


def clean_query(query: str) -> str:
    """The query as searched: without NUL bytes or surrounding space, and at most 200 characters."""
    return " ".join(query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def full_text_query(query: str):
    value = unaccented(Value(query))
    return (
        SearchQuery(value, config="english", search_type="websearch")
        | SearchQuery(value, config="german", search_type="websearch")
        | SearchQuery(value, config="simple", search_type="websearch")
    )


class SearchableQuerySet(VisibleQuerySet):
    def search(self, query: str):
        """The records matching ``query``, annotated with ``rank`` and ordered by it."""
        query = clean_query(query)
        if not query:
            return self.none()
        tsquery = full_text_query(query)
        names_query = Lower(unaccented(Value(query)))
        return (
            self.annotate(
                rank=SearchRank(F("search_vector"), tsquery)
                + TrigramWordSimilarity(names_query, "search_names")
            )
            # Substring match too: Chinese names are one unsegmented "word" to both parsers.
            .filter(
                Q(search_vector=tsquery)
                | Q(search_names__trigram_word_similar=names_query)
                | Q(search_names__contains=names_query)
            )
            .order_by("-rank", "id")
        )


@dataclass
class Searchable:
    """A model that feeds site search, with the text its result snippets are drawn from."""

    key: str
    label: str
    model: type
    passage_fields: tuple[str, ...] = ("summary", "description")
    order: int = 0
    select_related: tuple[str, ...] = ()  # what the record's name needs (a working group's dialogue)


@dataclass
class SearchGroup:
    key: str
    label: str
    model: type
    results: list = field(default_factory=list)
    total: int = 0


REGISTRY: list[Searchable] = []


def register(
    model, *, key: str, label: str, order: int, passage_fields=("summary", "description"), select_related=()
) -> None:
    """Called from each app's ``search.py``; result groups are shown by ``order``."""
    if not any(searchable.model is model for searchable in REGISTRY):
        REGISTRY.append(Searchable(key, label, model, tuple(passage_fields), order, tuple(select_related)))
        REGISTRY.sort(key=lambda searchable: searchable.order)


def _passage(searchable: Searchable, tsquery):
    language = (get_language() or "en").replace("-", "_")
    texts = []
    for name in searchable.passage_fields:
        translated = f"{name}_{language}"
        fields = {field.name for field in searchable.model._meta.get_fields()}
        current = F(translated) if translated in fields else F(name)
        fallback = F(f"{name}_en") if f"{name}_en" in fields else F(name)
        texts += [Coalesce(current, fallback, Value(""), output_field=models.TextField()), Value(" ")]
    return SearchHeadline(
        Concat(*texts, output_field=models.TextField()),
        tsquery,
        start_sel=_MARK_START,
        stop_sel=_MARK_END,
        max_words=30,
        min_words=12,
        short_word=2,
        highlight_all=False,
    )


def highlighted(passage: str) -> str:
    """The passage escaped as HTML, with the matched words in <mark>."""
    return mark_safe(escape(passage).replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>"))


def search_records(model, query: str, user):
    """The records of ``model`` that ``user`` may see and that match ``query``, best first.

    Each carries ``rank`` and ``headline`` (the matching passage, HTML-safe, matches in <mark>).
    """
    searchable = next((item for item in REGISTRY if item.model is model), Searchable("", "", model))
    query = clean_query(query)
    # The search columns are matched and ranked in the query; no result shows them.
    records = model.objects.visible_to(user).defer(*model.generated_field_names())
    if searchable.select_related:
        records = records.select_related(*searchable.select_related)
    return records.search(query).annotate(
        headline=_passage(searchable, full_text_query(query)) if query else Value("")
    )


def search_all(query: str, user, per_type: int = 5) -> list[SearchGroup]:
    """The best ``per_type`` results of every registered type that has any, in registry order."""
    groups = []
    for searchable in REGISTRY:
        records = search_records(searchable.model, query, user)
        results = list(records[:per_type])
        if not results:
            continue
        total = len(results) if len(results) < per_type else records.count()
        for record in results:
            record.headline = highlighted(record.headline)
        groups.append(SearchGroup(searchable.key, searchable.label, searchable.model, results, total))
    return groups
