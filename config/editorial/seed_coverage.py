"""Whether the seed's sources cover each of its values: the check ``load_seed`` makes before it loads.

A record of the seed cites its sources (``sources: [[slug]]``). The text of each source the seed was
written from is kept beside the fixture files, in ``sources/<slug>.txt``. A value of the kinds below
is covered when that text supports it by the rule of its kind, or when the entry cites it field by
field::

    - model: institutions.organisation
      fields: {slug: ncsc, country: "CN", sources: [[uba-sino-german-track-ii-dialogue]], ...}
      citations:
        country:
          source: uba-sino-german-track-ii-dialogue
          quote: "the National Center for … (NCSC) in China"

A field-level citation names one of the record's sources and quotes it. When the source's text is
kept (a seed document) the quote must occur in it; a source whose text is not kept is a public
source outside the seed, which the loader cannot read: its entry must give a title, publisher, URL
and date seen, and its quote is taken as given (a reviewer checks it at the URL).

The rules by kind (texts compared case-insensitively, whitespace, typographic quotes and dashes
normalised):

- verbatim: names of organisations and people, acronyms, native names, aliases, titles of
  publications and projects, cities, venues, photo captions and credits, honorifics, positions,
  URLs and e-mail addresses occur in a cited text as they are stored;
- descriptive names (of dialogues, events, working groups, phases, topics, sessions, focus areas,
  which the atlas needs where a source names none) use only words of the cited texts: a name cannot
  call an event a "conference" that no source calls one;
- numbers (an event's number in its series, participants, meetings) occur in a cited text as
  digits, an ordinal ("8th") or a word ("Twelve", "second");
- dates at their precision: the year for a year; the month's name next to the year ("December
  2020", "Mai 2024") for a month; the day next to the month's name ("25 March", "June 4", "16. June",
  "28 to 29 August") and the year in the same text for a day;
- an organisation's country needs a field-level citation: a text that says it ("… (NCSC) in China",
  "the German Emissions Trading Authority"); contributing to one side of a dialogue is no proof;
- an event's country is covered by its city when the GeoNames gazetteer
  (config/framework/gazetteer.py) finds that city in that country, and otherwise needs a citation;
- the parties of a dialogue, a role's side and a project's
  countries are covered when a cited text names the country ("China", "Chinese", "Germany" …).

Classifications (kinds, roles, tracks, states, modes) and prose (summaries, descriptions, notes) are
not matched word by word: they are the editors' reading of the cited texts, and docs/editorial.md
says how each is chosen, with "not stated" where a source is silent.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from config.framework.gazetteer import Located, locate

MONTHS = (
    ("january", "januar"),
    ("february", "februar"),
    ("march", "märz"),
    ("april", "april"),
    ("may", "mai"),
    ("june", "juni"),
    ("july", "juli"),
    ("august", "august"),
    ("september", "september"),
    ("october", "oktober"),
    ("november", "november"),
    ("december", "dezember"),
)
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
ORDINAL_WORDS = (
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
# How the texts name each country the seed records (for parties, sides and project countries).
COUNTRY_WORDS = {
    "AE": ("uae", "united arab emirates"),
    "AZ": ("azerbaijan", "aserbaidschan"),
    "BR": ("brazil",),
    "CN": ("china", "chinese", "chin."),
    "DE": ("germany", "german", "deutsch", "dt."),
    "EG": ("egypt",),
    "EU": ("european union", "eu", "europe"),
    "GB": ("united kingdom",),
    "IN": ("india",),
    "US": ("united states", "u.s."),
}

VERBATIM = {
    "acronym",
    "native_name",
    "aliases",
    "city",
    "venue",
    "caption",
    "caption_de",
    "credit",
    "honorific",
    "given_name",
    "family_name",
    "position",
    "url",
    "website",
    "email",
    "postal_address",
}
VERBATIM_BY_MODEL = {
    "institutions.organisation": {"name", "name_de"},
    "dialogues.dialogue": {"name_de"},
    "events.event": {"name_de"},
    "dialogues.publication": {"title"},
    "projects.project": {"title"},
    "projects.projectcontact": {"role"},
    "institutions.organisationcontactpoint": {"label"},
    "projects.projectcontactpoint": {"label"},
}
DESCRIPTIVE = {"name", "title"}
NUMBERS = {"number", "participant_count", "steering_committee_meetings"}
DATES = {"start_date": "start_precision", "end_date": "end_precision", "date": "date_precision"}
COUNTRY_LISTS = {"parties", "countries", "side"}
UNCHECKED_MODELS = {"institutions.source"}


def normalise(text: str) -> str:
    """Text as the rules compare it: case-folded, one space for any run of whitespace, plain quotes."""
    text = unicodedata.normalize("NFC", str(text))
    for typographic, plain in (("“”„«»", '"'), ("‘’‚", "'"), ("–—‑", "-")):
        for mark in typographic:
            text = text.replace(mark, plain)
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Problem:
    """A value no cited source covers."""

    file: str
    model: str
    record: str
    field: str
    value: object
    why: str

    def __str__(self):
        return f"{self.file}: {self.model} {self.record}: {self.field} {self.value!r} {self.why}"


class Coverage:
    """The check over the entries of the seed's files, given the texts of its sources."""

    def __init__(self, documents: Path, sources: dict[str, dict]):
        self.documents = documents
        self.sources = sources  # slug: the Source entry's fields, from every file of the seed
        self._texts: dict[str, str | None] = {}

    @classmethod
    def for_files(cls, entries_by_file: dict[Path, list]) -> "Coverage":
        sources = {
            entry["fields"].get("slug"): entry["fields"]
            for entries in entries_by_file.values()
            for entry in entries
            if isinstance(entry, dict) and entry.get("model") == "institutions.source"
        }
        directory = next(iter(entries_by_file), Path(".")).parent
        return cls(directory / "sources", sources)

    def text(self, slug: str) -> str | None:
        """The normalised text of the source ``slug``, or None when the seed does not keep it."""
        if slug not in self._texts:
            path = self.documents / f"{slug}.txt"
            self._texts[slug] = normalise(path.read_text(encoding="utf-8")) if path.is_file() else None
        return self._texts[slug]

    def problems(self, entries_by_file: dict[Path, list]) -> list[Problem]:
        found = []
        for path, entries in entries_by_file.items():
            for number, entry in enumerate(entries, 1):
                if isinstance(entry, dict) and isinstance(entry.get("fields"), dict):
                    found += self.entry_problems(path.name, number, entry)
        return found

    def entry_problems(self, file: str, number: int, entry: dict) -> list[Problem]:
        model = str(entry.get("model", "")).lower()
        if model in UNCHECKED_MODELS:
            return []
        fields = entry["fields"]
        record = record_label(fields, number)
        cited = [key[0] if isinstance(key, list) else key for key in fields.get("sources") or []]
        citations = entry.get("citations") or {}
        found = []

        def problem(field, value, why):
            found.append(Problem(file, model, record, field, value, why))

        for field, citation in citations.items():
            if field not in fields:
                problem(field, None, "is cited but not given")
            for why in self.citation_problems(citation, cited):
                problem(field, fields.get(field), why)
        texts = [text for text in (self.text(slug) for slug in cited) if text is not None]
        if fields.get("acronym"):  # "Deutsche Gesellschaft für … (GIZ) GmbH" names "… GmbH"
            texts += [text.replace(f" ({normalise(fields['acronym'])})", "") for text in texts]
        for field, value in fields.items():
            if field in citations or value in (None, "", []):
                continue
            why = self.uncovered(model, field, value, fields, texts)
            if why:
                problem(field, value, f"{why} (cited: {', '.join(cited) or 'nothing'})")
        return found

    def citation_problems(self, citation, cited: list[str]) -> list[str]:
        """Why a field-level citation does not hold, if it does not."""
        problems = []
        for item in citation if isinstance(citation, list) else [citation]:
            if not isinstance(item, dict) or not item.get("source") or not item.get("quote"):
                problems.append("has a citation without a source and a quote")
                continue
            slug, quote = item["source"], item["quote"]
            if slug not in cited:
                problems.append(f"cites {slug}, which the record does not list among its sources")
                continue
            text = self.text(slug)
            if text is not None:
                if normalise(quote) not in text:
                    problems.append(f"quotes {quote!r}, which is not in {slug}")
                continue
            source = self.sources.get(slug) or {}
            missing = [key for key in ("title", "publisher", "url", "seen_on") if not source.get(key)]
            if missing:
                problems.append(f"cites {slug}, a public source without its {', '.join(missing)}")
        return problems

    def uncovered(self, model: str, field: str, value, fields: dict, texts: list[str]) -> str | None:
        """Why the cited texts do not cover ``value``, or None when they do (or it is not checked)."""
        if field in VERBATIM or field in VERBATIM_BY_MODEL.get(model, ()):
            values = value if isinstance(value, list) else [value]
            missing = [item for item in values if not any(normalise(item) in text for text in texts)]
            return f"is in no cited text: {missing}" if missing else None
        if field in DESCRIPTIVE:
            words = [word for word in re.findall(r"\w+", normalise(value)) if not word.isdigit()]
            missing = [word for word in words if not any(word_in(word, text) for text in texts)]
            return f"uses words no cited text has: {missing}" if missing else None
        if field in NUMBERS:
            return None if any(number_in(int(value), text) for text in texts) else "is in no cited text"
        if field in DATES:
            precision = fields.get(DATES[field]) or "day"
            if any(date_in(str(value), precision, text) for text in texts):
                return None
            return f"at {precision} precision is in no cited text"
        if field == "country":
            if model == "institutions.organisation":
                return "needs a field-level citation"
            if fields.get("city") and isinstance(locate(fields["city"], value), Located):
                return None
            return "needs a field-level citation (no gazetteer city places it)"
        if field in COUNTRY_LISTS:
            codes = value if isinstance(value, list) else [value]
            missing = [code for code in codes if not any(country_in(code, text) for text in texts)]
            return f"no cited text names {missing}" if missing else None
        return None


def record_label(fields: dict, number: int) -> str:
    """The record as a message names it: its slug, or the keys it hangs on, or its place in the file."""
    if fields.get("slug"):
        return str(fields["slug"])
    keys = [
        f"{name}={value[0] if isinstance(value, list) and value else value}"
        for name, value in fields.items()
        if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], list)
    ]
    for name in ("order", "number"):
        if name in fields:
            keys.append(f"{name}={fields[name]}")
    return ", ".join(keys) or f"entry {number}"


def word_in(word: str, text: str) -> bool:
    """Whether a word of ``text`` starts with ``word`` ("group" in "groups", "close" in "closed")."""
    return bool(re.search(rf"\b{re.escape(word)}", text))


def number_in(number: int, text: str) -> bool:
    if re.search(rf"(?<![\d.,]){number}(?:st|nd|rd|th|\.)?(?![\d,])", text):
        return True
    words = []
    if number < len(NUMBER_WORDS):
        words += [NUMBER_WORDS[number], ORDINAL_WORDS[number]]
    return any(re.search(rf"\b{word}\b", text) for word in words)


def date_in(value: str, precision: str, text: str) -> bool:
    year, month, day = (int(part) for part in value.split("-"))
    if not re.search(rf"(?<!\d){year}(?!\d)", text):
        return False
    if precision == "year":
        return True
    names = "|".join(MONTHS[month - 1])
    if precision == "month":
        return bool(re.search(rf"\b(?:{names}),? {year}(?!\d)", text))
    ordinal = r"(?:st|nd|rd|th|\.)?"
    patterns = (
        rf"(?<!\d){day}{ordinal}\s+(?:{names})\b",  # 25 March, 10th November, 16. June
        rf"\b(?:{names})\s+{day}(?!\d)",  # June 4
        rf"(?<!\d){day}{ordinal}\s*(?:to|-|and)\s*\d{{1,2}}{ordinal}\s+(?:{names})\b",  # 28 to 29 August
        rf"\d{{1,2}}{ordinal}\s*(?:to|-)\s*{day}{ordinal}\s+(?:{names})\b",  # the end of such a range
    )
    return any(re.search(pattern, text) for pattern in patterns)


def country_in(code: str, text: str) -> bool:
    words = COUNTRY_WORDS.get(code.upper(), ())
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)
