"""Every interface string goes through the catalogues: none is written as a bare literal.

tests/config/atlas/test_translated_pages.py reads the pages as a German or Chinese reader gets them;
these tests read the sources, so that a string on a page no test renders is found too.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.utils.functional import Promise

from config.framework.filtersets import RecordFilterSet

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "institutions", "dialogues", "projects", "events")
# Words that read the same in every language: the atlas's own name.
PROPER_NAMES = {"Dialogue Atlas"}
SEEN_BY_READERS = ("aria-label", "title", "placeholder", "alt")


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def admins():
    for model_admin in admin.site._registry.values():
        yield model_admin
        for inline in model_admin.inlines:
            yield inline(model_admin.model, admin.site)


def untranslated_text(template: str) -> list[str]:
    """The text of a template a reader sees that no translate tag wraps."""
    text = re.sub(r"\{#.*?#\}", " ", template, flags=re.S)
    text = re.sub(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", " ", text, flags=re.S)
    text = re.sub(r"\{%\s*blocktrans(late)?\b.*?\{%\s*endblocktrans(late)?\s*%\}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    # A block's content that is markup, not text: the body's classes, the page's Open Graph type.
    text = re.sub(r"\{%\s*block (bodyclass|og_type)\s*%\}.*?\{%\s*endblock\s*%\}", " ", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "\x00", text, flags=re.S)
    found = [
        value
        for value in re.findall(rf'\b(?:{"|".join(SEEN_BY_READERS)})="([^"]*)"', text)
        if re.search(r"[A-Za-z]{2,}", value)
    ]
    text = re.sub(r"<[^>]*>", "\x00", text, flags=re.S)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    for piece in text.split("\x00"):
        piece = " ".join(piece.split())
        if re.search(r"[A-Za-z]{2,}", piece) and piece.strip("–·| ") not in PROPER_NAMES:
            found.append(piece)
    return found


TEMPLATES = sorted(
    path
    for pattern in ("templates/**/*.html", "config/*/templates/**/*.html", "*/templates/**/*.html")
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts
)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_template_has_no_text_outside_a_translate_tag(template):
    assert untranslated_text(template.read_text()) == []


def test_the_template_check_finds_bare_text_and_labels():
    template = '<p title="Close">{% translate "Events" %} WG {{ n }}: <b>{{ name }}</b> Dialogue Atlas</p>'

    assert untranslated_text(template) == ["Close", "WG"]


def test_every_admin_fieldset_title_and_column_is_translatable():
    bare = []
    for model_admin in admins():
        for title, _options in getattr(model_admin, "fieldsets", None) or ():
            if title is not None and not isinstance(title, Promise):
                bare.append((type(model_admin).__name__, title))
        for column in getattr(model_admin, "list_display", ()):
            method = column if callable(column) else getattr(model_admin, column, None)
            description = getattr(method, "short_description", None)
            if description is not None and not isinstance(description, Promise):
                bare.append((type(model_admin).__name__, description))

    assert bare == []


def test_every_app_of_the_atlas_is_named_in_the_readers_language():
    bare = [
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith(PACKAGES) and not isinstance(config.verbose_name, Promise)
    ]

    assert bare == []


def test_every_record_type_is_named_in_the_singular_and_plural_in_the_readers_language():
    # Without its own plural Django adds an "s" to the translated singular ("Organisations").
    bare = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ("institutions", "dialogues", "projects", "events")
        and not model.__name__.startswith("Historical")
        and not (
            isinstance(model._meta.original_attrs.get("verbose_name"), Promise)
            and isinstance(model._meta.original_attrs.get("verbose_name_plural"), Promise)
        )
    ]

    assert bare == []


def test_every_facet_is_labelled_in_the_readers_language():
    from config.framework.views import FilteredListView

    bare = [
        (view.__name__, facet.label)
        for view in subclasses(FilteredListView)
        for facet in getattr(view, "facets", ())
        if not isinstance(facet.label, Promise)
    ]

    assert bare == []


def test_every_filter_label_is_translatable():
    # The label a filter was given (reading `label` would derive and keep an English one on the
    # class's own filter, which every form copies; the derived one is made per form, translated).
    bare = [
        (filterset.__name__, name, vars(filter_)["_label"])
        for filterset in subclasses(RecordFilterSet)
        for name, filter_ in filterset.base_filters.items()
        if isinstance(vars(filter_).get("_label"), str)
    ]

    assert bare == []
