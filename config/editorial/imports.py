"""Bulk import and export of records as CSV or XLSX, through the workflow and the history.

Each app declares one ``RecordResource`` per importable model in its ``resources.py``; the admin
(``RecordImportExportMixin``) and the ``import_records`` command use the same resources, so a file
behaves the same in both. The rules every import follows:

- rows are identified by ``slug``: a new slug creates a record, a known one changes it;
- related records are named by slug, acronym or name, and a name that matches no record or
  several is an error of that row naming the value;
- every written row goes through ``config.editorial.workflow.save_records`` (``save_record`` for a
  batch) under the importing user, with the reason "Imported from <file>", so the workflow decides
  what the user may write and the history keeps one entry per written row;
- rows whose values equal the stored ones are skipped: importing a file twice changes nothing;
- the import is all or nothing: one bad row and nothing is written.

Rows are checked one by one as they are read and written ``BATCH_ROWS`` at a time, in one
transaction without a savepoint per row (docs/import.md, "Speed").
"""

from __future__ import annotations

import copy
import datetime
import decimal
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.db.models import Case, Q, Value, When
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.admin import ImportExportMixin
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.forms import ExportForm, ImportForm
from import_export.instance_loaders import BaseInstanceLoader
from import_export.resources import ModelResource
from import_export.results import Result, RowResult
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from config.editorial import files, history, workflow
from config.framework.dates import PartialDate, Precision, parse_partial_date, truncate
from config.framework.fields import country_names_by_code
from config.framework.filtersets import NOT_STATED
from config.framework.spreadsheets import is_formula, neutralise, unneutralise
from config.operations.database import long_statements

LIST_SEPARATOR = ";"
# Rows written in one go (and stored records read in one query). A batch of 500 events inserts
# about 20,000 values in one statement, well below PostgreSQL's 65,535 parameters, and holds
# only 500 records in memory; the queries per batch are a handful, so larger batches save little.
BATCH_ROWS = 500
# A file with more rows is imported without the per-row diff and keeps only the first rows'
# results (and every error): memory stays bounded for 100,000 rows; the admin's preview of a
# file up to this size shows every row as before.
DETAILED_ROWS = 1000

# The importable models by the names the import command accepts ("event", "events" …).
RESOURCES: dict[str, type[RecordResource]] = {}


def importable(resource_class):
    """Register ``resource_class`` for the ``import_records`` command under its model's names."""
    opts = resource_class._meta.model._meta
    RESOURCES[opts.model_name] = resource_class
    RESOURCES[str(opts.verbose_name_plural).lower()] = resource_class
    return resource_class


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def localized(name: str) -> list[str]:
    """The per-language columns of translated field ``name``: name_en, name_de, name_zh_hans."""
    return [build_localized_fieldname(name, code) for code in languages()]


def translated_fields(model) -> tuple[str, ...]:
    """The fields of ``model`` its app's ``translation.py`` registers for translation."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


# Cells -------------------------------------------------------------------------------------------


def restore(value):
    """A cell as imported: surrounding space removed, the "'" ``neutralise`` added taken off."""
    if not isinstance(value, str):
        return value
    return unneutralise(value.strip(" \n"))


class CSVFormat(base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        # Row by row within the import's limits (config/editorial/files.py).
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        return files.read_csv(in_stream)

    def export_data(self, dataset, **kwargs):
        return super().export_data(escaped(dataset), **kwargs)


class XLSXFormat(base_formats.XLSX):
    def create_dataset(self, in_stream):
        # Row by row within the import's limits, the workbook's unpacked size checked first, formulas
        # read as written so that they are refused (config/editorial/files.py).
        return files.read_xlsx(in_stream)

    def export_data(self, dataset, **kwargs):
        return super().export_data(escaped(dataset), **kwargs)


def escaped(dataset):
    copy = dataset.__class__(headers=dataset.headers)
    for row in dataset:
        copy.append([neutralise(value) for value in row])
    return copy


FORMATS = [CSVFormat, XLSXFormat]


# Widgets: one cell ↔ one value ----------------------------------------------------------------------


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    """One of a field's choices, by value or label (``plenary`` or ``Plenary``).

    Where the field may be left unstated (its choices hold "", a track or kind the sources do not
    give), an empty cell, ``not_stated`` and the blank choice's label ("kind not stated") store it;
    a column that must be stated is checked by the model. An export writes ``not_stated`` for it."""

    def __init__(self, choices):
        super().__init__()
        self.choices = [(str(value), str(label)) for value, label in choices]

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        text = str(value).strip().casefold()
        for choice, label in self.choices:
            if text in (choice.casefold(), label.casefold()) or (not choice and text == NOT_STATED):
                return choice
        raise ValueError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {
                "value": value,
                "choices": ", ".join(choice or NOT_STATED for choice, _label in self.choices),
            }
        )

    def render(self, value, obj=None, **kwargs):
        if not value and any(not choice for choice, _label in self.choices):
            return NOT_STATED  # an empty cell would read as a missing value
        return value or ""


def number_in(value) -> decimal.Decimal | None:
    """The number a cell holds (``12``, ``12.5``, ``1,200`` as the locale writes it), or None."""
    try:
        number = decimal.Decimal(str(widgets.sanitize_separators(value)).strip())
    except (decimal.InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


class IntegerWidget(widgets.IntegerWidget):
    """A whole number: ``12.5`` is refused, not cut to 12; text is refused with its column."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        number = number_in(value)
        # Beyond 18 digits no integer column holds it; int() of a huge exponent would be slow.
        if number is None or number != number.to_integral_value() or number.adjusted() >= 18:
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        return int(number)


class DecimalWidget(widgets.DecimalWidget):
    """A number (``2500000.50``); text, ``NaN`` and infinities are refused with their column."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        number = number_in(value)
        if number is None:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value})
        return number


class CountryWidget(widgets.Widget):
    """A country by ISO 3166 code (``DE``, ``de``) or English name (``Germany``), or EU."""

    def lookup(self, value) -> str:
        text = str(value).strip()
        by_code = country_names_by_code()
        if text.upper() in by_code:
            return text.upper()
        for code, name in by_code.items():
            if name.casefold() == text.casefold():
                return code
        raise ValueError(
            _("“%(value)s” is not a country: use an ISO 3166 code such as DE, or EU.") % {"value": value}
        )

    def clean(self, value, row=None, **kwargs):
        return "" if value in (None, "") else self.lookup(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class CountriesWidget(CountryWidget):
    def clean(self, value, row=None, **kwargs):
        return [self.lookup(item) for item in split(value)]

    def render(self, value, obj=None, **kwargs):
        return f"{LIST_SEPARATOR} ".join(value or [])


class ListWidget(widgets.Widget):
    """Several texts in one cell, separated by ";" (aliases)."""

    def clean(self, value, row=None, **kwargs):
        return split(value)

    def render(self, value, obj=None, **kwargs):
        return f"{LIST_SEPARATOR} ".join(value or [])


def split(value) -> list[str]:
    if value in (None, ""):
        return []
    return [item.strip() for item in str(value).split(LIST_SEPARATOR) if item.strip()]


class PartialDateWidget(widgets.Widget):
    """A date at its precision, as people write it: ``2024-08-28``, ``2024-08``, ``2010``,
    ``August 2024``, ``28. August 2024``, ``2024年8月`` (``config.framework.dates.parse_partial_date``)."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return PartialDate(value.date(), Precision.DAY)
        if isinstance(value, datetime.date):
            return PartialDate(value, Precision.DAY)
        text = str(int(value)) if isinstance(value, int | float) else str(value)
        try:
            return parse_partial_date(text)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        return value.iso if value else ""


class PartialDateField(Field):
    """One column for a date and its precision (``start`` → ``start_date``, ``start_precision``)."""

    def __init__(self, date_attribute: str, precision_attribute: str, column_name: str):
        super().__init__(attribute=date_attribute, column_name=column_name, widget=PartialDateWidget())
        self.precision_attribute = precision_attribute

    def save(self, instance, row, is_m2m=False, **kwargs):
        value = self.clean(row, **kwargs)
        setattr(instance, self.attribute, truncate(value.date, value.precision) if value else None)
        setattr(instance, self.precision_attribute, value.precision if value else Precision.DAY)

    def get_value(self, instance):
        date = getattr(instance, self.attribute)
        return PartialDate(date, getattr(instance, self.precision_attribute)) if date else None


class RecordWidget(widgets.Widget):
    """A related record named by its slug, acronym or name (in any language).

    Each name found is remembered for the rest of the import, so a file naming the same dialogue
    in every row looks it up once.
    """

    def __init__(self, model, names=("name",), acronym=True):
        widgets.Widget.__init__(self)
        self.model = model
        self.lookups = [*(field for name in names for field in localized(name))]
        if acronym:
            self.lookups.append("acronym")
        self.found = {}
        # Called when nothing matches, before giving up: an import of this widget's own model
        # writes the rows it holds back, which a later row may name (an event and its parent).
        self.on_miss = None

    @staticmethod
    def text(value) -> str:
        return str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()

    def find(self, value):
        text = self.text(value)
        if text in self.found:
            return self.found[text]
        matches = self.lookup(text)
        if not matches and self.on_miss is not None and self.on_miss():
            matches = self.lookup(text)
        opts = self.model._meta
        if not matches:
            raise ValueError(
                _("No %(model)s is called “%(value)s” (by slug, acronym or name).")
                % {"model": opts.verbose_name, "value": text}
            )
        if len(matches) > 1:
            raise ValueError(
                _("“%(value)s” names several %(models)s (%(slugs)s): use the slug.")
                % {
                    "value": text,
                    "models": opts.verbose_name_plural,
                    "slugs": ", ".join(match.slug for match in matches),
                }
            )
        self.found[text] = matches[0]
        return matches[0]

    def lookup(self, text: str) -> list:
        """The record with slug ``text``, else up to five whose acronym or a name is ``text``
        (any case) — in one query."""
        condition = Q(*(Q(**{f"{field}__iexact": text}) for field in self.lookups), _connector=Q.OR)
        by_slug = Case(When(slug=text, then=Value(0)), default=Value(1))
        matches = list(
            self.model._default_manager.filter(Q(slug=text) | condition).order_by(by_slug, "slug")[:5]
        )
        return matches[:1] if matches and matches[0].slug == text else matches

    def prefetch(self, values) -> None:
        """Remember the records the cells ``values`` name by slug: one query for a whole file."""
        texts = {self.text(item) for value in values for item in self.items(value)}
        texts -= {""}
        if texts:
            for record in self.model._default_manager.filter(slug__in=texts):
                self.found[record.slug] = record

    def items(self, value) -> list:
        return [] if value in (None, "") or is_formula(value) else [restore(value)]

    def clean(self, value, row=None, **kwargs):
        return None if value in (None, "") else self.find(value)

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class RecordsWidget(RecordWidget, widgets.ManyToManyWidget):
    """Several related records in one cell, separated by ";"."""

    def items(self, value) -> list:
        return [] if value in (None, "") or is_formula(value) else split(restore(value))

    def clean(self, value, row=None, **kwargs):
        records = [self.find(item) for item in split(value)]
        return list({record.pk: record for record in records}.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        records = value if isinstance(value, list) else value.all()
        return f"{LIST_SEPARATOR} ".join(record.slug for record in records)


class RecordsField(Field):
    """A many-to-many column: a row's new values are kept aside until the record is saved."""

    def get_value(self, instance):
        for kept in ("_import_m2m", "_stored_m2m"):
            values = getattr(instance, kept, {})
            if self.attribute in values:
                return values[self.attribute]
        return super().get_value(instance)


# Model fields exported as numbers.
NUMERIC_FIELDS = (models.IntegerField, models.DecimalField, models.FloatField)

OUR_WIDGETS = (
    TextWidget,
    ChoiceWidget,
    CountryWidget,
    ListWidget,
    PartialDateWidget,
    RecordWidget,
    IntegerWidget,
    DecimalWidget,
)


# Reading stored records, keeping results ----------------------------------------------------------


class ChunkedInstanceLoader(BaseInstanceLoader):
    """The stored records a file names, read ``BATCH_ROWS`` rows of the file at a time.

    One query (and one per many-to-many relation, ``load_links``) for each batch of rows, like
    import-export's ``CachedInstanceLoader`` for the whole file; but only one batch's records are
    held, so a file of 100,000 rows does not hold 100,000 records with their relations.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.field = resource.fields[resource.get_import_id_fields()[0]]
        headers = list(dataset.headers or []) if dataset is not None else []
        keys = []
        if self.field.column_name in headers:
            column = headers.index(self.field.column_name)
            keys = [self.key(row[column]) for row in dataset]
        self.keys = keys
        self.batch_of = {}
        for index, key in enumerate(keys):
            self.batch_of.setdefault(key, index // BATCH_ROWS)
        self.loaded, self.instances = None, {}

    def key(self, value):
        try:
            return self.field.widget.clean(restore(value))
        except ValueError:
            return None

    def get_instance(self, row):
        key = self.field.clean(row)
        batch = self.batch_of.get(key)
        if batch is None:
            return self.resource.get_queryset().filter(**{self.field.attribute: key}).first()
        if batch != self.loaded:
            # Rows held back are written first: a record named again in a later block of the file
            # is read back with what its earlier row changed, not as it was stored before.
            self.resource.flush()
            keys = self.keys[batch * BATCH_ROWS : (batch + 1) * BATCH_ROWS]
            queryset = self.resource.stored_queryset().filter(**{f"{self.field.attribute}__in": keys})
            self.instances = {self.field.get_value(instance): instance for instance in queryset}
            self.resource.load_links(list(self.instances.values()))
            self.loaded = batch
        return self.instances.get(key)


def sheet_row(number: int) -> int:
    """The row a spreadsheet shows for import-export's row ``number`` (1 = the first row under the
    header): the header is row 1, the first row of data row 2."""
    return number + 1


class ImportResult(Result):
    """import-export's result, keeping the first ``DETAILED_ROWS`` rows' results, every error and
    every row with a warning.

    The totals count every row. Rows are numbered as the spreadsheet shows them (``sheet_row``):
    errors, invalid rows and each row's ``number``.
    """

    def append_row_result(self, row_result):
        if (
            len(self.rows) < DETAILED_ROWS
            or row_result.errors
            or row_result.validation_error
            or getattr(row_result, "warnings", None)
        ):
            super().append_row_result(row_result)

    def append_invalid_row(self, number, row, validation_error):
        super().append_invalid_row(sheet_row(number), row, validation_error)

    def append_error_row(self, number, row, errors):
        super().append_error_row(sheet_row(number), row, errors)

    def row_errors(self):
        return [(row.number, row.errors) for row in self.error_rows]


@dataclass(eq=False)
class Pending:
    """A checked row waiting to be written with the rest of its batch."""

    instance: object
    new: bool
    number: int
    row: dict
    changed: list[str]
    row_result: RowResult | None = None


# Resources -----------------------------------------------------------------------------------------


def field_widget(model, name: str):
    """The widget for model field ``name`` when a resource does not declare one."""
    field = model._meta.get_field(name)
    if field.choices and not name.endswith("country"):
        return ChoiceWidget(field.choices)
    if name.endswith("country"):
        return CountryWidget()
    if field.get_internal_type() in ("CharField", "TextField", "SlugField", "URLField"):
        return TextWidget()
    if isinstance(field, models.IntegerField) and not field.is_relation:
        return IntegerWidget()
    if isinstance(field, models.DecimalField):
        return DecimalWidget()
    return None


class RecordResource(ModelResource):
    """A model's columns for import and export; subclasses list them in ``Meta.fields``.

    A translated field (as ``translation.py`` registers it) has a column per language: ``name`` is
    the English value, ``name_de`` and ``name_zh_hans`` the others. ``required`` names the columns a
    file must have (``slug`` always). ``select_related`` and ``prefetch_related`` load what an
    export shows in a fixed number of queries.
    """

    required: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        instance_loader_class = ChunkedInstanceLoader
        skip_html_diff = False
        # No savepoint per row: rows are checked one by one and written a batch at a time
        # (``flush``); the import is one transaction, rolled back as a whole on any error.
        use_bulk = True
        batch_size = BATCH_ROWS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        model = self._meta.model
        for name in translated_fields(model):
            for code, attribute in zip(languages(), localized(name), strict=True):
                column = name if code == settings.LANGUAGE_CODE else attribute
                if column in self.fields:
                    self.fields[column] = Field(attribute=attribute, column_name=column, widget=TextWidget())
        for column, field in list(self.fields.items()):
            if field.attribute == column and not isinstance(field.widget, OUR_WIDGETS):
                widget = field_widget(model, column)
                if widget is not None:
                    default = model._meta.get_field(column).default
                    blank = model._meta.get_field(column).blank
                    self.fields[column] = Field(
                        attribute=column,
                        column_name=column,
                        widget=widget,
                        default=default if not blank and isinstance(default, str) else field.default,
                    )
        # This import's own options: a large file is imported without the per-row diff.
        self._meta = copy.copy(type(self)._meta)
        self.user = None
        self.file_name = ""
        self.row_errors = {}
        self.changed_columns = []
        self.row_changes: list[dict] = []  # the changed row's columns, old → new (described_changes)
        self.row_warnings: list[str] = []
        self.fields_by_column = {field.column_name: field for field in self.fields.values()}
        self.on_row = None  # called after each row (the command's progress bar)
        self.pending: list[Pending] = []  # checked rows, written by flush()
        self.pending_ids: set[int] = set()
        self.current: Pending | None = None
        self.refused: list[Pending] = []  # rows the database refused when their batch was written
        self.found_relations: set[str] = set()

    @classmethod
    def get_result_class(cls):
        return ImportResult

    @classmethod
    def columns(cls) -> list[str]:
        return list(cls._meta.fields)

    def required_columns(self) -> list[str]:
        return ["slug", *self.required]

    def import_data(self, *args, **kwargs):
        # The import writes one version of each record it changes: rows, links and all.
        with history.one_version():
            return super().import_data(*args, **kwargs)

    # Reading the file ------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user")
        self.file_name = kwargs.get("file_name") or ""
        if self.user is None:
            raise ValueError(_("An import needs the user it is made by."))
        headers = [str(header).strip() if header is not None else "" for header in dataset.headers or []]
        dataset.headers = headers
        known = {field.column_name for field in self.get_import_fields()}
        unknown = [header or _("(a column without a name)") for header in headers if header not in known]
        missing = [column for column in self.required_columns() if column not in headers]
        problems = []
        if missing:
            problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        if unknown:
            problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(map(str, unknown))})
        if problems:
            problems.append(_("The columns are: %(columns)s.") % {"columns": ", ".join(self.columns())})
            raise ImportFileError(" ".join(map(str, problems)))
        for field in self.fields.values():
            if isinstance(field.widget, RecordWidget):
                field.widget.found = {}
                field.widget.on_miss = self.flush if field.widget.model is self._meta.model else None
                if field.column_name in headers:
                    field.widget.prefetch(dataset.get_col(headers.index(field.column_name)))
        # Relations set from a record the widget found: it exists, no query needs to say so again.
        self.found_relations = {
            field.attribute
            for field in self.fields.values()
            if isinstance(field.widget, RecordWidget) and not isinstance(field, RecordsField)
        }
        detailed = len(dataset) <= DETAILED_ROWS
        self._meta.skip_diff = not detailed
        self._meta.report_skipped = detailed
        self.pending, self.pending_ids, self.current, self.refused = [], set(), None, []

    def before_import_row(self, row, **kwargs):
        if len(self.pending) >= BATCH_ROWS:
            self.flush()
        self.row_errors = {}
        self.changed_columns = []
        self.row_changes, self.row_warnings = [], []
        for column, value in row.items():
            if is_formula(value):
                self.row_errors[column] = [
                    _("“%(value)s” is a spreadsheet formula; formulas are not imported.") % {"value": value}
                ]
                row[column] = None
            else:
                row[column] = restore(value)
        for column in self.required:
            if row.get(column) in (None, "") and column not in self.row_errors:
                self.row_errors[column] = [_("This column needs a value.")]

    def stored_queryset(self):
        """The stored records a file names, with their related records but not the many-to-many
        ones, which ``load_links`` reads."""
        queryset = super().get_queryset()
        return queryset.select_related(*self.select_related) if self.select_related else queryset

    def load_links(self, instances) -> None:
        """Note the records each of ``instances`` is linked to (``_stored_m2m``): one query per
        relation, straight from its table. (``prefetch_related`` took 2.4 s for 500 events under
        cProfile, most of it making a related manager class per record.)"""
        by_pk = {instance.pk: instance for instance in instances}
        for instance in instances:
            instance._stored_m2m = {}
        for field in self.fields.values():
            if not isinstance(field, RecordsField):
                continue
            relation = self._meta.model._meta.get_field(field.attribute)
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            for instance in instances:
                instance._stored_m2m[field.attribute] = []
            links = (
                through._base_manager.filter(**{f"{source}__in": list(by_pk)})
                .select_related(target)
                .order_by(f"{target}__slug")
            )
            for link in links:
                stored = by_pk[getattr(link, f"{source}_id")]._stored_m2m[field.attribute]
                stored.append(getattr(link, target))

    def after_init_instance(self, instance, new, row, **kwargs):
        if id(instance) in self.pending_ids:
            self.flush()  # a second row for the same record: the first one is written first
        # The stored related records (``load_links``), kept on the record: the copy of the record
        # that the diff reads would lose them.
        if new or not hasattr(instance, "_stored_m2m"):
            instance._stored_m2m = {
                field.attribute: [] if new else list(getattr(instance, field.attribute).all())
                for field in self.fields.values()
                if isinstance(field, RecordsField)
            }
        # The stored values and status, for the comparison and the workflow (no copy, no query);
        # the values as they are, for the preview's "old → new".
        instance._stored_raw = {
            field.column_name: field.get_value(instance)
            for field in self.get_import_fields()
            if not isinstance(field.widget, widgets.ManyToManyWidget)
        }
        instance._stored_values = {
            column: comparable(value) for column, value in instance._stored_raw.items()
        }
        instance._stored_status = None if new else getattr(instance, "status", None)

    def import_instance(self, instance, row, **kwargs):
        errors = dict(self.row_errors)
        instance._import_m2m = {}
        for field in self.get_import_fields():
            if field.column_name not in row or field.column_name in errors:
                continue
            try:
                if isinstance(field.widget, widgets.ManyToManyWidget):
                    instance._import_m2m[field.attribute] = field.clean(row)
                else:
                    self.import_field(field, instance, row, **kwargs)
            except ValueError as error:
                errors[field.column_name] = [str(error)]
        if errors:
            raise ValidationError(errors)

    # Comparing, checking, saving -----------------------------------------------------------------

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        self.changed_columns = self.changes(instance, original, row)
        if self.changed_columns and not instance._state.adding:
            self.row_changes, self.row_warnings = self.described_changes(instance)
        return not self.changed_columns and not instance._state.adding

    def changes(self, instance, original, row) -> list[str]:
        """The columns of ``row`` whose values differ from the stored record's (as
        ``after_init_instance`` noted them)."""
        changed = []
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                new = {record.pk for record in field.get_value(instance)}
                old = {record.pk for record in instance._stored_m2m.get(field.attribute, [])}
            else:
                new, old = comparable(field.get_value(instance)), instance._stored_values[field.column_name]
            if new != old:
                changed.append(field.column_name)
        return changed

    def described_changes(self, instance) -> tuple[list[dict], list[str]]:
        """The changed columns of ``instance`` as the preview shows them — the field's label, the
        stored value and the imported one, readable (records by name, dates in words) — and the
        warnings of the row: a date whose precision would change."""
        changes, warnings = [], []
        for column in self.changed_columns:
            field = self.fields_by_column[column]
            if isinstance(field.widget, widgets.ManyToManyWidget):
                old = instance._stored_m2m.get(field.attribute, [])
            else:
                old = instance._stored_raw.get(column)
            new = field.get_value(instance)
            label = self.label_of(field)
            changes.append(
                {"column": column, "field": label, "old": readable(field, old), "new": readable(field, new)}
            )
            if isinstance(field, PartialDateField):
                warning = precision_warning(label, old, new)
                if warning:
                    warnings.append(warning)
        return changes, warnings

    def label_of(self, field) -> str:
        """The verbose name of the model field the column names, else of the field it sets
        (``Name``, ``Name [de]``, ``Start``)."""
        for name in (field.column_name, field.attribute):
            try:
                return str(capfirst(self._meta.model._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                continue
        return field.column_name

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The cell errors (by column) come first; the model's own checks add what they find.
        # Uniqueness and the constraints are left to the database when the batch is written
        # (one query per constraint and row was most of an import's time); a batch it refuses
        # is checked again row by row (``flush``), so the error still names the row.
        # A related record the widget found exists: its field is left out of ``full_clean``, which
        # would ask the database once per row and relation (a third of an import's time), and only
        # checked for a missing value.
        errors = {column: list(messages) for column, messages in (import_validation_errors or {}).items()}
        try:
            instance.full_clean(
                exclude=self.found_relations, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            self.add_errors(errors, error)
        for name in self.found_relations:
            relation = instance._meta.get_field(name)
            if not relation.null and getattr(instance, relation.attname) is None:
                errors.setdefault(self.column_of(name), [relation.error_messages["null"]])
        if not errors:
            try:
                workflow.check_write(self.user, instance, before=instance._stored_status)
            except workflow.WorkflowError as error:
                errors["status"] = [error.message]
        if errors:
            raise ValidationError(errors)

    def said_by_a_language(self, name: str, message: ValidationError, found: dict) -> bool:
        """Whether ``message`` about translated field ``name`` is said of one of its languages too.

        The field's own name reads whichever language has a text (the fallback), so a German text
        over its limit is also refused as ``name`` when the English is empty: it is reported once,
        at the column that holds it.
        """
        if name not in translated_fields(self._meta.model):
            return False
        said = {
            text for column in localized(name) for error in found.get(column, ()) for text in error.messages
        }
        return set(message.messages) <= said

    def add_errors(self, errors: dict, error: ValidationError) -> None:
        found = error.update_error_dict({})
        for name, said in found.items():
            own = [message for message in said if not self.said_by_a_language(name, message, found)]
            if own:
                errors.setdefault(self.column_of(name), own)

    def column_of(self, attribute: str) -> str:
        """The column that sets model field ``attribute`` (errors name columns, not fields)."""
        for field in self.fields.values():
            if attribute in (field.attribute, getattr(field, "precision_attribute", None)):
                return field.column_name
        return attribute

    def save_instance(self, instance, is_create, row, **kwargs):
        # Held back and written with its batch (flush); the row's result is completed first.
        self.current = Pending(instance, is_create, kwargs["row_number"], row, self.changed_columns)
        self.pending.append(self.current)
        self.pending_ids.add(id(instance))

    def delete_instance(self, instance, row, **kwargs):
        raise ImportFileError(_("An import does not delete records."))

    def save_m2m(self, instance, row, **kwargs):
        pass  # with the batch: write_links()

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.number = sheet_row(kwargs["row_number"])  # invalid rows too
        return row_result

    def after_import_row(self, row, row_result, **kwargs):
        row_result.changed_columns = self.changed_columns
        row_result.changes, row_result.warnings = self.row_changes, self.row_warnings
        if self.current is not None:
            self.current.row_result = row_result
            self.current = None
        if self.on_row is not None:
            self.on_row()

    # Writing a batch ---------------------------------------------------------------------------

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self.flush()  # import-export's last call after the rows: the rows still held back

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        pass  # flush() writes new and changed rows together

    def bulk_delete(self, using_transactions, dry_run, raise_errors, result=None):
        pass

    def flush(self) -> bool:
        """Write the rows held back: in one go, or — when the database refuses the batch (a
        constraint, a slug twice in the file) — row by row, each checked against every constraint
        first, so that the row at fault is reported with its columns. Whether anything was held."""
        pending, self.pending, self.pending_ids = self.pending, [], set()
        if not pending:
            return False
        try:
            with transaction.atomic():
                self.write(pending)
        except (IntegrityError, DataError):
            for entry in pending:
                if entry.new:  # bulk_create gave it an id the rollback took back
                    entry.instance.pk, entry.instance._state.adding = None, True
            for entry in pending:
                self.write_checked(entry)
        return True

    def write_checked(self, entry: Pending) -> None:
        """Write one row after checking its uniqueness and constraints; note a refusal."""
        errors = {}
        try:
            entry.instance.validate_unique()
            entry.instance.validate_constraints()
        except ValidationError as error:
            self.add_errors(errors, error)
        if not errors:
            try:
                with transaction.atomic():
                    self.write([entry])
                return
            except (IntegrityError, DataError) as error:
                errors[NON_FIELD_ERRORS] = [str(error).splitlines()[0]]
        entry.error = ValidationError(errors)
        self.refused.append(entry)

    def reason(self) -> str:
        return str(_("Imported from %(file)s") % {"file": self.file_name or _("a file")})

    def write(self, entries: list[Pending]) -> None:
        workflow.save_records(
            model=self._meta.model,
            records=[entry.instance for entry in entries],
            by=self.user,
            reason=self.reason(),
            fields=self.written_fields(entries),
        )
        self.write_links(entries)

    def written_fields(self, entries: list[Pending]) -> set[str]:
        """The model fields the changed columns of ``entries`` set (for the bulk update)."""
        by_column = {field.column_name: field for field in self.get_import_fields()}
        originals = {
            attribute: name for name in translated_fields(self._meta.model) for attribute in localized(name)
        }
        fields = set()
        for column in {column for entry in entries for column in entry.changed}:
            field = by_column[column]
            if isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            for attribute in (field.attribute, getattr(field, "precision_attribute", None)):
                if attribute:
                    fields.add(attribute)
                    if attribute in originals:
                        fields.add(originals[attribute])  # the untranslated column follows
        return fields

    def write_links(self, entries: list[Pending]) -> None:
        """The many-to-many links of ``entries``: the removed ones in one query, the added ones
        in one ``bulk_create``, per relation; the changes feed is told through the workflow's
        ``links_changed`` (the cache was dropped by ``save_records``)."""
        model = self._meta.model
        for field in self.fields.values():
            if not isinstance(field, RecordsField):
                continue
            relation = model._meta.get_field(field.attribute)
            through = relation.remote_field.through
            source = relation.m2m_field_name() + "_id"
            target = relation.m2m_reverse_field_name() + "_id"
            added, removed, touched, partners = [], Q(), [], set()
            for entry in entries:
                instance = entry.instance
                if field.attribute not in getattr(instance, "_import_m2m", {}):
                    continue
                new = {record.pk for record in instance._import_m2m[field.attribute]}
                old = {record.pk for record in instance._stored_m2m.get(field.attribute, [])}
                if new == old:
                    continue
                touched.append(instance.pk)
                partners |= new ^ old
                added += [through(**{source: instance.pk, target: pk}) for pk in sorted(new - old)]
                if old - new:
                    removed |= Q(**{source: instance.pk, f"{target}__in": sorted(old - new)})
                instance._stored_m2m[field.attribute] = list(instance._import_m2m[field.attribute])
            if not touched:
                continue
            if removed:
                through._base_manager.filter(removed).delete()
            through._base_manager.bulk_create(added, batch_size=BATCH_ROWS)
            workflow.links_changed.send(
                sender=model, pks=touched, related=relation.related_model, related_pks=sorted(partners)
            )

    def after_import(self, dataset, result, **kwargs):
        # Rows the database refused in a batch written after they were counted: they become the
        # invalid rows they are, and the import is rolled back.
        for entry in self.refused:
            row_result = entry.row_result
            if row_result is not None:
                result.totals[row_result.import_type] -= 1
                row_result.import_type = RowResult.IMPORT_TYPE_INVALID
                row_result.validation_error = entry.error
                row_result.changes, row_result.warnings = [], []  # an error now, not a change
                result.totals[RowResult.IMPORT_TYPE_INVALID] += 1
            result.append_invalid_row(entry.number, entry.row, entry.error)
        self.refused = []
        super().after_import(dataset, result, **kwargs)

    def get_queryset(self):
        # The stored records a file names, with what the comparison and the diff read.
        return self.with_relations(super().get_queryset())

    def with_relations(self, queryset):
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    # Export ------------------------------------------------------------------------------------

    def export_field(self, field, instance, **kwargs):
        # Numbers stay numbers: a numeric cell in a workbook, a plain number in a CSV file (which
        # the formula rule leaves alone, config/framework/spreadsheets.py), never "1,234" as text;
        # a date known to the year is the year, a number.
        if field.column_name in self.numeric_columns:
            value = field.get_value(instance)
            return "" if value is None else value
        if isinstance(field, PartialDateField):
            value = field.get_value(instance)
            if value is not None and value.precision == Precision.YEAR:
                return value.date.year
        return super().export_field(field, instance, **kwargs)

    @cached_property
    def numeric_columns(self) -> set[str]:
        """The columns of numeric model fields (numbers, counts, coordinates, budgets)."""
        model, columns = self._meta.model, set()
        for field in self.fields.values():
            try:
                model_field = model._meta.get_field(field.attribute or "")
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, NUMERIC_FIELDS) and not model_field.is_relation:
                columns.add(field.column_name)
        return columns

    def filter_export(self, queryset, **kwargs):
        return self.with_relations(super().filter_export(queryset, **kwargs))


def readable(field, value) -> str:
    """A value as the import preview shows it: records by name, dates in words, choices by label,
    countries by name, several values separated by ";"."""
    if value is None or value == "":
        return ""
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, list | tuple):
        return f"{LIST_SEPARATOR} ".join(readable(field, item) for item in value)
    if hasattr(value, "_meta"):
        return str(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    widget = field.widget
    if isinstance(widget, ChoiceWidget):
        return dict(widget.choices).get(str(value), str(value))
    if isinstance(widget, CountryWidget):
        return str(country_names_by_code().get(value, value))
    return str(value)


def precision_warning(label: str, old, new) -> str:
    """What the preview says when a date stored at one precision would be written at another:
    "Start: October 2024 would become 1 October 2024 — write 2024-10 to keep the month"."""
    if not isinstance(old, PartialDate) or not isinstance(new, PartialDate) or old.precision == new.precision:
        return ""
    said = gettext("%(field)s: %(old)s would become %(new)s") % {"field": label, "old": old, "new": new}
    if truncate(new.date, old.precision) == old.date:
        said += " — " + gettext("write %(iso)s to keep the %(precision)s") % {
            "iso": old.iso,
            "precision": Precision(old.precision).label,
        }
    return said


def comparable(value):
    """A value as stored, for comparison: no value and an empty text are the same."""
    if value is None:
        return ""
    if isinstance(value, decimal.Decimal):
        return value.normalize()
    if isinstance(value, list):
        return list(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


class ImportFileError(ValueError):
    """A file the import refuses as a whole (missing or unknown columns …)."""


# The admin ---------------------------------------------------------------------------------------


class LimitedImportForm(ImportForm):
    """The upload: refused at once when it is too large, or a workbook that unpacks too large.

    The rows and cells are counted by the job that reads the file (config/editorial/jobs.py), off
    the request.
    """

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            files.check_size(upload.size)
            if zipfile.is_zipfile(upload):
                upload.seek(0)
                files.check_unpacked_size(upload.read())
        except files.FileLimitError as error:
            raise ValidationError(str(error)) from None
        finally:
            upload.seek(0)
        return upload


def read_error(error, format_name: str) -> str:
    """A readable message for a file that cannot be read as ``format_name``."""
    if isinstance(error, files.FileLimitError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return str(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."))
    if isinstance(error, zipfile.BadZipFile | KeyError) or type(error).__name__ == "InvalidFileException":
        return str(_("The file is not an XLSX workbook. Save it as “Excel Workbook (.xlsx)”."))
    return str(
        _("The file could not be read as %(format)s (%(error)s). Choose the format that matches the file.")
        % {"format": format_name, "error": type(error).__name__}
    )


class RecordImportExportMixin(ImportExportMixin):
    """Import and export in a record's admin: CSV and XLSX, all or nothing, filtered exports.

    Import needs the add and change permissions of the model, export the view permission. The
    export takes the change list as filtered and searched, with every import column, so an
    exported file imports again as unchanged. The apps' admins use it through
    ``config.editorial.job_admin.BackgroundImportExportMixin``, which runs the import (dry run,
    then confirm) and large exports as jobs of the worker.
    """

    import_form_class = LimitedImportForm
    export_form_class = ExportForm
    import_error_display = ("message",)

    def get_import_formats(self):
        return FORMATS

    def get_export_formats(self):
        return FORMATS

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # Under the statement timeout of long work: a change list of many thousand records is read
        # in statements that may take longer than a request's may (docs/operations.md).
        with long_statements(queryset.db):
            return super().get_export_data(file_format, request, queryset, **kwargs)

    def has_import_permission(self, request):
        return request.user.has_perms(
            [workflow.permission_name(self.model, "add"), workflow.permission_name(self.model, "change")]
        )

    def add_data_read_fail_error_to_form(self, form, e):
        format_index = form.cleaned_data.get("format") if hasattr(form, "cleaned_data") else None
        format_name = "CSV"
        if format_index not in (None, ""):
            format_name = self.get_import_formats()[int(format_index)]().get_title().upper()
        form.add_error("import_file", read_error(e, format_name))
