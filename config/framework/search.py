"""Site search: PostgreSQL full-text search plus trigram similarity, across the registered models.

Each searchable model stores three generated columns (``search_columns``):

- ``search_vector``: a weighted ``tsvector`` (A: names and acronyms, B: summaries, C: descriptions),
  English fields stemmed as English, German fields as German, everything else with ``simple``;
  all text passed through ``unaccent``;
- ``search_bigrams``: the same weights over the texts a Chinese reader searches (the Chinese
  translations and the untranslated names, acronyms and aliases), with every run of Han characters
  written as its overlapping pairs ("低碳交通" as "低碳 碳交 交通 通"), since Chinese has no spaces for
  a parser to find words by;
- ``search_names``: its names, acronyms and aliases in lower case without accents, for trigram
  matching of acronyms, typos ("Potsdm") and Chinese names.

All three are GIN-indexed. Every query is searched in every language, whatever the page's language:
as English, as German (its words of four letters or more also as the start of a longer word, so
"Klima" finds "Klimaschutz") and as written (``simple``). A query with Han characters is also
searched in ``search_bigrams`` as the phrase of its pairs, so "气候" finds "应对气候变化"; a single
character matches any pair it starts. A record matches when a full-text query matches, or when the
query is word-similar to its names or contained in them; results are ranked by the sum of the
full-text ranks and the trigram word similarity. English queries rank as before: the bigram column
is read only for a query with Han characters.
"""

import re
import unicodedata
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
from django.db.models import Case, Count, F, Func, Q, Value, When, Window
from django.db.models.functions import Coalesce, Concat, Lower
from django.db.models.lookups import Exact
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from config.framework.dates import format_date
from config.framework.fields import SEARCH_VECTOR_BYTES_PER_CHARACTER, AliasesField, country_names_by_code
from config.framework.visibility import VisibleQuerySet

MAX_QUERY_LENGTH = 200  # characters searched
MAX_INPUT_LENGTH = 1000  # a longer search text is refused, on the site and in the API
LANGUAGE_CONFIGS = {"en": "english", "de": "german"}
LANGUAGES = ("en", "de", "zh_hans")
# Han characters: the CJK unified ideographs, extension A, the compatibility ideographs and the
# supplementary planes' extensions. The same ranges are in the migration that creates
# atlas_han_bigrams(); tests/config/framework/test_search.py checks that the two agree.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
# A German stem this long also matches as the start of a compound ("klima" in "klimaschutz").
GERMAN_PREFIX_LENGTH = 4
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


def _read_in_chinese(name: str) -> bool:
    """Whether a source feeds ``search_bigrams``: a Chinese translation or an untranslated text."""
    return not name.endswith(tuple(f"_{language}" for language in LANGUAGES if language != "zh_hans"))


def han_bigrams(expression):
    return Func(expression, function="atlas_han_bigrams", output_field=models.TextField())


def search_columns(*, names, summaries=(), descriptions=()):
    """The three stored search columns of a model: ``search_vector, search_names, search_bigrams``.

    ``names`` are weighted A, ``summaries`` B, ``descriptions`` C. A name ending in ``*`` means all
    its translations; a name starting with ``[]`` is an array of text (aliases). ``search_indexes``
    gives their GIN indexes.
    """
    vector = bigrams = None
    for weight, group in (("A", names), ("B", summaries), ("C", descriptions)):
        by_config, in_chinese = {}, []
        for name in _expand(group):
            text = Coalesce(_text(name), Value(""), output_field=models.TextField())
            by_config.setdefault(_config(name), []).append(unaccented(text))
            if _read_in_chinese(name):
                in_chinese.append(han_bigrams(unaccented(text)))
        for config, expressions in by_config.items():
            part = SearchVector(*expressions, config=config, weight=weight)
            vector = part if vector is None else vector + part
        if in_chinese:
            part = SearchVector(*in_chinese, config="simple", weight=weight)
            bigrams = part if bigrams is None else bigrams + part
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
        models.GeneratedField(
            expression=bigrams,
            output_field=SearchVectorField(),
            db_persist=True,
            verbose_name="search bigrams",
        ),
    )


# What one character can cost in ``search_bigrams``, in bytes. Each Han character starts one
# lexeme (a pair, or the last character of its run alone) of at most 8 bytes (two characters of 4;
# unaccent changes no Han character), a byte of alignment if that is odd, then its count of
# positions and its position, 2 bytes each: 12, and one more to spare. Any other character costs
# what it costs in ``search_vector``, at most SEARCH_VECTOR_BYTES_PER_CHARACTER.
SEARCH_BIGRAM_BYTES_PER_CHARACTER = 13
# What one character can cost in each stored tsvector.
BYTES_PER_CHARACTER = {
    "search_vector": SEARCH_VECTOR_BYTES_PER_CHARACTER,
    "search_bigrams": SEARCH_BIGRAM_BYTES_PER_CHARACTER,
}


def search_vector_sources(model, column: str = "search_vector") -> list[models.Field]:
    """The fields ``model``'s search vector (or ``column``) is made of, every translation included."""
    expression = model._meta.get_field(column).expression
    names = {node.name for node in expression.flatten() if isinstance(node, F)}
    return [model._meta.get_field(name) for name in sorted(names)]


def search_vector_bound(model, column: str = "search_vector") -> int:
    """The most bytes ``model``'s search vector (or ``column``) can take: every source full, in the
    costliest text.

    Each text counts one character more, for the space that separates it from the next.
    """
    characters = 0
    for source in search_vector_sources(model, column):
        if isinstance(source, AliasesField):
            characters += source.max_items * (source.base_field.max_length + 1)
        else:
            characters += source.max_length + 1
    return characters * BYTES_PER_CHARACTER[column]


def search_indexes(prefix: str):
    return [
        GinIndex(fields=["search_vector"], name=f"{prefix}_search_vector"),
        GinIndex(fields=["search_names"], name=f"{prefix}_search_names", opclasses=["gin_trgm_ops"]),
        GinIndex(fields=["search_bigrams"], name=f"{prefix}_search_bigrams"),
    ]


def clean_query(query: str) -> str:
    """The query as searched: without NUL bytes or surrounding space, and at most 200 characters."""
    return " ".join(query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


class PrefixSearchQuery(SearchQuery):
    """A web-search query whose lexemes that match ``lexeme`` (a regular expression over the lexeme
    as a tsquery writes it, quotes doubled) also match as prefixes (``'x':*``)."""

    def __init__(self, value, *, config, lexeme: str):
        super().__init__(value, config=config, search_type="websearch")
        # A tsquery's text quotes each lexeme and doubles a quote inside one ("x.de/it's" is a URL
        # lexeme); the lookarounds keep a match from starting or ending at a doubled quote.
        self.pattern = f"(?<!')'({lexeme})'(?!')"

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection, function, template)
        return f"regexp_replace(({sql})::text, %s, %s, 'g')::tsquery", (*params, self.pattern, r"'\1':*")


def full_text_query(query: str):
    """``query`` as English, as German (long stems also as prefixes of compounds) and as written."""
    value = unaccented(Value(query))
    return (
        SearchQuery(value, config="english", search_type="websearch")
        | PrefixSearchQuery(value, config="german", lexeme=f"(?:[^' ]|''){{{GERMAN_PREFIX_LENGTH},}}")
        | SearchQuery(value, config="simple", search_type="websearch")
    )


def bigram_text(query: str) -> str:
    """``query`` with each run of Han characters written as the quoted phrase of its pairs.

    Inside a phrase the user quoted, the pairs are left unquoted (they join that phrase). One
    character stays as it is: ``bigram_query`` lets it match as the start of a pair.
    """
    parts, quoted, position = [], False, 0
    for run in HAN_RUN.finditer(query):
        before = query[position : run.start()]
        quoted ^= before.count('"') % 2 == 1
        text = run.group()
        pairs = " ".join(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else text
        parts += [before, f" {pairs} " if quoted or len(text) == 1 else f' "{pairs}" ']
        position = run.end()
    return "".join([*parts, query[position:]])


def bigram_query(query: str):
    """The tsquery of ``query`` over ``search_bigrams``, or None when it has no Han character."""
    if not HAN_RUN.search(query):
        return None
    return PrefixSearchQuery(unaccented(Value(bigram_text(query))), config="simple", lexeme=f"[{HAN}]")


class SearchableQuerySet(VisibleQuerySet):
    def matching_rows(self, names_query) -> Q | None:
        """The records whose rows' names match (an event's further places), beside their own
        columns; None for a model whose rows are not searched. ``names_query`` is the query in
        lower case without accents, as ``search_names`` is compared with it."""
        return None

    def for_results(self, user):
        """What a search result shows besides the record's own columns, loaded for ``user`` in a
        fixed number of queries (an event's further places); nothing more by default."""
        return self

    def search(self, query: str):
        """The records matching ``query``, annotated with ``rank`` and ordered by it."""
        query = clean_query(query)
        if not query:
            return self.none()
        tsquery = full_text_query(query)
        names_query = Lower(unaccented(Value(query)))
        rank = SearchRank(F("search_vector"), tsquery) + TrigramWordSimilarity(names_query, "search_names")
        # Substring match too: a name in Chinese is one unsegmented "word" to trigram matching.
        matches = (
            Q(search_vector=tsquery)
            | Q(search_names__trigram_word_similar=names_query)
            | Q(search_names__contains=names_query)
        )
        if (in_chinese := bigram_query(query)) is not None:
            rank += SearchRank(F("search_bigrams"), in_chinese)
            matches |= Q(search_bigrams=in_chinese)
        if (in_rows := self.matching_rows(names_query)) is not None:
            matches |= in_rows
        exact = Case(When(exact_name(self.model, names_query), then=True), default=False)
        return self.annotate(rank=rank, exact=exact).filter(matches).order_by("-exact", "-rank", "id")


class AliasIs(Func):
    """Whether one of an array of aliases is ``query`` (compared in lower case, without accents)."""

    output_field = models.BooleanField()
    conditional = True

    def as_sql(self, compiler, connection, **extra_context):
        aliases, query = self.get_source_expressions()
        aliases_sql, aliases_params = compiler.compile(aliases)
        query_sql, query_params = compiler.compile(query)
        sql = (
            f"EXISTS (SELECT FROM unnest({aliases_sql}) AS alias"
            f" WHERE lower(atlas_unaccent(alias)) = {query_sql})"
        )
        return sql, (*aliases_params, *query_params)


# The names a query may be exactly (``name_en`` is ``name``); a city or a person's given name is not.
EXACT_NAMES = {"name", "title", "acronym", "aliases", "native_name"}
TRANSLATION_SUFFIX = re.compile(f"_(?:{'|'.join(LANGUAGES)})$")


def exact_name(model, names_query) -> Q:
    """The records one of whose names, acronyms or aliases *is* the query (case and accents aside).

    Such a record comes first whatever its rank: "UBA" is the agency's acronym, while an event whose
    description mentions the agency three times may rank higher by full text.
    """
    condition = Q(pk__in=[])
    for source in search_vector_sources(model, "search_names"):
        if TRANSLATION_SUFFIX.sub("", source.name) not in EXACT_NAMES:
            continue  # an event's city is searched with its names, but is not its name
        if isinstance(source, AliasesField):
            condition |= Q(AliasIs(F(source.name), names_query))
        else:
            condition |= Q(Exact(Lower(unaccented(F(source.name))), names_query))
    return condition


@dataclass
class Searchable:
    """A model that feeds site search, with the text its result snippets are drawn from."""

    key: str
    label: str
    model: type
    passage_fields: tuple[str, ...] = ("summary", "description")
    order: int = 0
    select_related: tuple[str, ...] = ()  # what the record's name needs (a working group's dialogue)

    @property
    def date_field(self) -> str | None:
        """The date results are sorted by: a period's start, a publication's date; None if undated."""
        names = {model_field.name for model_field in self.model._meta.get_fields()}
        return next((name for name in ("start_date", "date") if name in names), None)

    @property
    def singular(self) -> str:
        """What one result is, for its line: "Event", "Organisation"."""
        return capfirst(self.model._meta.verbose_name)


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


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` in lower case without accents, and for each of its characters the index of the
    original character it comes from ("Belém" → "belem"; "Roßlau" → "rosslau", both s from ß)."""
    folded, origins = [], []
    for index, character in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", character)
        for part in "".join(c for c in decomposed if not unicodedata.combining(c)).casefold():
            folded.append(part)
            origins.append(index)
    return "".join(folded), origins


def _query_words(query: str):
    """A pattern for the query's words as they are marked: each Han run anywhere, any other word of
    two characters or more at the start of a word ("Klima" in "Klimaschutz"), folded; or None."""
    words = set(re.findall(r"\w{2,}", _folded(query)[0])) | set(HAN_RUN.findall(query))
    if not words:
        return None
    alternatives = [
        re.escape(word) if HAN_RUN.fullmatch(word) else rf"(?<!\w){re.escape(word)}"
        for word in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives))


def _matches(text: str, pattern, *, accented_only: bool = False) -> list[tuple[int, int]]:
    """The spans of ``text`` where the query's words are, compared without case or accents.

    With ``accented_only``, only the spans written otherwise than the query (accents, ß, Han), for
    a text PostgreSQL has marked already: its marks follow stemming, ours only what it cannot see.
    """
    folded, origins = _folded(text)
    spans = []
    for match in pattern.finditer(folded):
        start, end = origins[match.start()], origins[match.end() - 1] + 1
        original = text[start:end]
        if accented_only and original.lower() == match.group() and not HAN_RUN.search(original):
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _mark(text: str, spans) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], _MARK_START, text[start:end], _MARK_END]
        position = end
    return "".join([*parts, text[position:]])


def _mark_unmarked(passage: str, query: str) -> str:
    """``passage`` with the query's words marked where PostgreSQL's headline could not see them:
    Chinese (to its parser a Chinese sentence is one word) and words whose accents the query lacks
    ("Belem" in "Belém"); already marked text is left as it is."""
    pattern = _query_words(query)
    if pattern is None:
        return passage
    parts = re.split(f"({_MARK_START}.*?{_MARK_END})", passage)
    return "".join(
        part if part.startswith(_MARK_START) else _mark(part, _matches(part, pattern, accented_only=True))
        for part in parts
    )


def _as_html(marked: str) -> str:
    return mark_safe(escape(marked).replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>"))


def highlighted(passage: str, query: str = "") -> str:
    """The passage escaped as HTML, with the matched words (and the query's Chinese words, and words
    matched without their accents) in <mark>."""
    return _as_html(_mark_unmarked(passage, query))


def marked(text: str, query: str) -> str:
    """A short text (a name, a place) escaped as HTML, with every word of the query in <mark>,
    compared without case or accents: "Belem" marks "Belém", "Rosslau" marks "Roßlau"."""
    pattern = _query_words(clean_query(query or ""))
    text = str(text).replace(_MARK_START, "").replace(_MARK_END, "")
    return _as_html(_mark(text, _matches(text, pattern)) if pattern else text)


# The orders of the search page, by ``?sort=``; undated records come last in both orders by date.
SORTS = {"relevance": _("Relevance"), "newest": _("Newest first"), "oldest": _("Oldest first")}


def searchable(key: str) -> Searchable | None:
    return next((item for item in REGISTRY if item.key == key), None)


def search_records(model, query: str, user, sort: str = "relevance"):
    """The records of ``model`` that ``user`` may see and that match ``query``, best first (or newest
    or oldest first, undated last, by ``sort``).

    Each carries ``rank``, ``exact`` (the query is one of its names) and ``headline`` (the matching
    passage, HTML-safe, matches in <mark>).
    """
    searchable = next((item for item in REGISTRY if item.model is model), Searchable("", "", model))
    query = clean_query(query)
    # The search columns are matched and ranked in the query; no result shows them.
    records = model.objects.visible_to(user).defer(*model.generated_field_names())
    if searchable.select_related:
        records = records.select_related(*searchable.select_related)
    records = (
        records.for_results(user)
        .search(query)
        .annotate(headline=_passage(searchable, full_text_query(query)) if query else Value(""))
    )
    if sort != "relevance" and searchable.date_field:
        date = F(searchable.date_field)
        by_date = date.desc(nulls_last=True) if sort == "newest" else date.asc(nulls_last=True)
        records = records.order_by(by_date, "-exact", "-rank", "id")
    return records


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
            record.headline = highlighted(record.headline, query)
        groups.append(SearchGroup(searchable.key, searchable.label, searchable.model, results, total))
    return groups


@dataclass
class SearchResult:
    """One line of the search page: the record, what it is, when and where, with the query marked."""

    record: object
    searchable: Searchable
    headline: str
    date: str = ""
    place: str = ""

    @property
    def sort_date(self):
        return getattr(self.record, self.searchable.date_field, None) if self.searchable.date_field else None


@dataclass
class SearchPage:
    """The search page's results (of one type or all) and how many of each type match."""

    results: list[SearchResult]
    counts: list[tuple[Searchable, int]]
    kind: str | None = None

    @property
    def total(self) -> int:
        """How many records match, of the type shown or of all."""
        return sum(count for item, count in self.counts if self.kind in (None, item.key))

    @property
    def all_types(self) -> int:
        return sum(count for _item, count in self.counts)


def _date(record) -> str:
    """When a record was, in the page's language: a period ("28–29 August 2024"), a date, or ""."""
    if hasattr(record, "partial_date"):
        return format_date(record.partial_date) if record.partial_date else ""
    if getattr(record, "start_date", None):
        return record.period
    return ""


def _place(record) -> str:
    """Where a record is: an event's venue, city and country; a record's country; or ""."""
    if isinstance(getattr(type(record), "place", None), property):
        return record.place
    country = getattr(record, "country", "")
    return country_names_by_code().get(country, country) if isinstance(country, str) else ""


def _sort_key(sort: str):
    def key(result: SearchResult):
        best = (not result.record.exact, -result.record.rank, result.searchable.order, result.record.pk)
        if sort == "relevance":
            return best
        day = result.sort_date.toordinal() if result.sort_date else 0
        return (result.sort_date is None, -day if sort == "newest" else day, *best)

    return key


def search_page(query: str, user, *, kind: str | None = None, sort: str = "relevance", limit: int = 20):
    """The search page: the best ``limit`` results of type ``kind`` (a registry key) or of every
    type at once, in the order ``sort`` names, and how many of each type match.

    Every type takes one query: the results with their total (a window count) for the types shown,
    the count alone for the others. A query's exact name or acronym comes first across types too.
    """
    results, counts = [], []
    for item in REGISTRY:
        records = search_records(item.model, query, user, sort)
        if kind not in (None, item.key):
            counts.append((item, item.model.objects.visible_to(user).search(query).count()))
            continue
        rows = list(records.annotate(total=Window(Count("*")))[:limit])
        counts.append((item, rows[0].total if rows else 0))
        results += [
            SearchResult(
                record,
                item,
                highlighted(record.headline, query),
                _date(record),
                marked(_place(record), query),
            )
            for record in rows
        ]
    results.sort(key=_sort_key(sort))
    return SearchPage(results[:limit], counts, kind)
