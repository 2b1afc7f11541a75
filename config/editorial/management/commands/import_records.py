"""Import a CSV or XLSX file of records through the same resources as the admin, within the same limits."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from tqdm import tqdm

from config.editorial import files, jobs
from config.editorial.imports import FORMATS, RESOURCES, read_error


class Command(BaseCommand):
    help = (
        "Import a CSV (UTF-8) or XLSX file of organisations, people, projects, events or publications. "
        "All or nothing: one bad row and nothing is written. Rules and columns: docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", help="organisations, people, projects, events or publications")
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file")
        parser.add_argument("--user", required=True, help="the user the import is made by (in history)")
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
        parser.add_argument(
            "--background",
            action="store_true",
            help="enqueue a dry-run job for the worker instead; confirm it on its admin page",
        )

    def handle(self, *args, model, file, user, dry_run, background, **options):
        resource_class = RESOURCES.get(model.lower())
        if resource_class is None:
            names = sorted({str(r._meta.model._meta.verbose_name_plural) for r in RESOURCES.values()})
            raise CommandError(f"Unknown model “{model}”; choose one of: {', '.join(names)}.")
        try:
            by = get_user_model().objects.get(username=user, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No active user “{user}”.") from None
        resource = resource_class()
        opts = resource._meta.model._meta
        if not by.has_perms(
            [f"{opts.app_label}.add_{opts.model_name}", f"{opts.app_label}.change_{opts.model_name}"]
        ):
            raise CommandError(
                f"{user} may not import {opts.verbose_name_plural}: it needs the add and change permissions."
            )
        if background:
            self.enqueue(Path(file), by, resource._meta.model)
            return
        dataset = self.read(Path(file))

        progress = tqdm(total=len(dataset), unit="row", disable=options["verbosity"] < 1, file=self.stderr)
        resource.on_row = progress.update
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            use_transactions=True,
            rollback_on_validation_errors=True,
            user=by,
            file_name=Path(file).name,
        )
        progress.close()
        self.report(result)
        if result.has_errors() or result.has_validation_errors():
            raise CommandError("Nothing was imported: the file has errors (listed above).")
        totals = result.totals
        summary = f"{totals['new']} new, {totals['update']} changed, {totals['skip']} unchanged"
        self.stdout.write(f"Dry run, nothing written: {summary}." if dry_run else f"Imported: {summary}.")

    def read(self, path: Path):
        """The file as a dataset, within the import's limits (config/editorial/files.py)."""
        file_format = self.format_of(path)(encoding="utf-8-sig")
        data = path.read_bytes()
        try:
            if not file_format.is_binary():
                data = data.decode("utf-8-sig")
            return file_format.create_dataset(data)
        except Exception as error:  # a file we cannot read is refused with its reason
            raise CommandError(f"{path.name}: {read_error(error, file_format.get_title().upper())}") from None

    def format_of(self, path: Path):
        """The format of the file at ``path`` by its extension, once its size is within the limit."""
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(
                f"{path.name} is larger than IMPORT_MAX_BYTES ({settings.IMPORT_MAX_BYTES} bytes)."
            )
        by_extension = {f().get_extension(): f for f in FORMATS}
        format_class = by_extension.get(path.suffix.lower().lstrip("."))
        if format_class is None:
            raise CommandError(f"{path.name}: choose a .csv or .xlsx file.")
        return format_class

    def enqueue(self, path: Path, by, model):
        """A dry-run job of the file for the worker; its admin page shows the result and confirms it."""
        format_class = self.format_of(path)
        data = path.read_bytes()
        try:
            files.check_unpacked_size(data)
        except files.FileLimitError as error:
            raise CommandError(f"{path.name}: {error}") from None
        job = jobs.start_dry_run(
            user=by, model=model, file_name=path.name, file_format=format_class().get_extension(), data=data
        )
        self.stdout.write(
            f"Enqueued dry run {job.pk}; the worker (manage.py db_worker) runs it. Its result, and the "
            f"button that imports the file, are on its admin page: "
            f"{reverse('admin:editorial_job_change', args=[job.pk])}"
        )

    def report(self, result):
        for error in result.base_errors:
            self.stderr.write(f"File: {error.error}")
        for number, errors in result.row_errors():
            for error in errors:
                self.stderr.write(f"Row {number}: {error.error}")
        for row in result.invalid_rows:
            for column, messages in row.error_dict.items():
                for message in messages:
                    self.stderr.write(f"Row {row.number}, {column}: {message}")
        for row in result.rows:
            for warning in getattr(row, "warnings", []):
                self.stderr.write(f"Row {row.number}: warning: {warning}")
        if self.verbosity_level >= 2:
            for row in result.rows:
                self.stdout.write(f"Row {row.number}: {row.import_type} {row.object_repr or ''}".rstrip())
                for change in getattr(row, "changes", []):
                    self.stdout.write(f"  {change['field']}: {change['old'] or '–'} → {change['new'] or '–'}")

    def execute(self, *args, **options):
        self.verbosity_level = options.get("verbosity", 1)
        return super().execute(*args, **options)
