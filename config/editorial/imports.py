"""Bulk import and export of records as CSV or XLSX, through the workflow and the history.

Each app declares one ``RecordResource`` per importable model in its ``resources.py``; the admin
(``RecordImportExportMixin``) and the ``import_records`` command use the same resources, so a file
behaves the same in both. The rules every import follows:

- rows are identified by ``slug``: a new slug creates a record, a known one changes it;
- related records are named by slug, acronym or name, and a name that matches no record or
  several is an error of that row naming the value;
- every written row goes through ``config.editorial.workflow.save_record`` under the importing user, with
  the reason "Imported from <file>", so the workflow decides what the user may write and the
  history keeps one entry per written row;
- rows whose values equal the stored ones are skipped: importing a file twice changes nothing;
- the import is all or nothing: one bad row and nothing is written.
"""

from __future__ import annotations

import datetime
import decimal
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.admin import ImportExportMixin
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.forms import ExportForm, ImportForm
from import_export.instance_loaders import CachedInstanceLoader
from import_export.resources import ModelResource
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from config.editorial import files, workflow
from config.framework.dates import PartialDate, Precision, truncate
from config.framework.fields import country_names_by_code
from config.framework.spreadsheets import is_formula, neutralise, unneutralise

LIST_SEPARATOR = ";"

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
    """One of a field's choices, by value or label (``plenary`` or ``Plenary``)."""

    def __init__(self, choices):
        super().__init__()
        self.choices = [(str(value), str(label)) for value, label in choices]

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        text = str(value).strip().casefold()
        for choice, label in self.choices:
            if text in (choice.casefold(), label.casefold()):
                return choice
        raise ValueError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(choice for choice, _label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


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
    """A date at its precision: ``2024-08-28``, ``2024-08`` or ``2010``."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return PartialDate(value.date(), Precision.DAY)
        if isinstance(value, datetime.date):
            return PartialDate(value, Precision.DAY)
        text = str(int(value)) if isinstance(value, int | float) else str(value).strip()
        try:
            if re.fullmatch(r"\d{4}", text):
                return PartialDate(datetime.date(int(text), 1, 1), Precision.YEAR)
            if re.fullmatch(r"\d{4}-\d{1,2}", text):
                year, month = text.split("-")
                return PartialDate(datetime.date(int(year), int(month), 1), Precision.MONTH)
            if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
                return PartialDate(datetime.date.fromisoformat(text), Precision.DAY)
        except ValueError:
            pass
        raise ValueError(
            _("“%(value)s” is not a date: write 2024-08-28, 2024-08 or 2024.") % {"value": value}
        )

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

    def find(self, value):
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
        if text in self.found:
            return self.found[text]
        manager = self.model._default_manager
        matches = list(manager.filter(slug=text)[:1])
        if not matches:
            condition = Q(*(Q(**{f"{field}__iexact": text}) for field in self.lookups), _connector=Q.OR)
            matches = list(manager.filter(condition).order_by("slug")[:5])
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

    def clean(self, value, row=None, **kwargs):
        return None if value in (None, "") else self.find(value)

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class RecordsWidget(RecordWidget, widgets.ManyToManyWidget):
    """Several related records in one cell, separated by ";"."""

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


OUR_WIDGETS = (TextWidget, ChoiceWidget, CountryWidget, ListWidget, PartialDateWidget, RecordWidget)


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
        instance_loader_class = CachedInstanceLoader
        skip_html_diff = False

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
        self.user = None
        self.file_name = ""
        self.row_errors = {}
        self.changed_columns = []
        self.on_row = None  # called after each row (the command's progress bar)

    @classmethod
    def columns(cls) -> list[str]:
        return list(cls._meta.fields)

    def required_columns(self) -> list[str]:
        return ["slug", *self.required]

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
        for widget in self.record_widgets():
            widget.found = {}

    def record_widgets(self):
        return [field.widget for field in self.fields.values() if isinstance(field.widget, RecordWidget)]

    def before_import_row(self, row, **kwargs):
        self.row_errors = {}
        self.changed_columns = []
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

    def after_init_instance(self, instance, new, row, **kwargs):
        # The stored related records, read once from the loader's prefetch: the copy of the
        # record that the comparison and the diff read would lose it.
        instance._stored_m2m = {
            field.attribute: [] if new else list(getattr(instance, field.attribute).all())
            for field in self.fields.values()
            if isinstance(field, RecordsField)
        }

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
        return not self.changed_columns and not instance._state.adding

    def changes(self, instance, original, row) -> list[str]:
        """The columns of ``row`` whose values differ from the stored record's."""
        changed = []
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                new = {record.pk for record in field.get_value(instance)}
                old = {record.pk for record in field.get_value(original)}
            else:
                new, old = comparable(field.get_value(instance)), comparable(field.get_value(original))
            if new != old:
                changed.append(field.column_name)
        return changed

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The cell errors (by column) come first; the model's own checks add what they find.
        errors = {column: list(messages) for column, messages in (import_validation_errors or {}).items()}
        try:
            instance.full_clean(validate_unique=validate_unique)
        except ValidationError as error:
            for name, messages in error.update_error_dict({}).items():
                errors.setdefault(self.column_of(name), list(messages))
        if not errors:
            try:
                workflow.check_write(self.user, instance)
            except workflow.WorkflowError as error:
                errors["status"] = [error.message]
        if errors:
            raise ValidationError(errors)

    def column_of(self, attribute: str) -> str:
        """The column that sets model field ``attribute`` (errors name columns, not fields)."""
        for field in self.fields.values():
            if attribute in (field.attribute, getattr(field, "precision_attribute", None)):
                return field.column_name
        return attribute

    def save_instance(self, instance, is_create, row, **kwargs):
        reason = _("Imported from %(file)s") % {"file": self.file_name or _("a file")}
        workflow.save_record(record=instance, by=self.user, reason=str(reason))

    def delete_instance(self, instance, row, **kwargs):
        raise ImportFileError(_("An import does not delete records."))

    def save_m2m(self, instance, row, **kwargs):
        for attribute, records in getattr(instance, "_import_m2m", {}).items():
            getattr(instance, attribute).set(records)

    def after_import_row(self, row, row_result, **kwargs):
        row_result.changed_columns = self.changed_columns
        if self.on_row is not None:
            self.on_row()

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

    def filter_export(self, queryset, **kwargs):
        return self.with_relations(super().filter_export(queryset, **kwargs))


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
