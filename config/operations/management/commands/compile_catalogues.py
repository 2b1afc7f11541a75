"""Compile every `.po` catalogue of the project to its `.mo`, without GNU gettext (polib)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from config.operations.catalogues import catalogues, compile_catalogue, is_current


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (.po → .mo) without the system's gettext tools."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compile nothing; exit with an error if a .mo is missing or not its .po compiled.",
        )

    def handle(self, *args, check=False, **options):
        stale = []
        for po_path in catalogues():
            if is_current(po_path):
                continue
            if check:
                stale.append(po_path)
            else:
                compile_catalogue(po_path)
                mo_path = po_path.with_suffix(".mo")
                shown = (
                    mo_path.relative_to(settings.BASE_DIR)
                    if mo_path.is_relative_to(settings.BASE_DIR)
                    else mo_path
                )
                self.stdout.write(f"compiled {shown}")
        if stale:
            names = ", ".join(str(path) for path in stale)
            raise SystemExit(f"Not compiled from their current .po: {names}. Run `make messages`.")
