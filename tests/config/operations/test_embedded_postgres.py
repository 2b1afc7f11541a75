"""Where the embedded server keeps its data: ``.data/postgres`` at the top of the checkout."""

from pathlib import Path

from django.conf import settings

from config.operations import embedded_postgres


def test_data_directory_is_at_the_top_of_the_checkout():
    # README and .gitignore name this folder; `make clean` removes it.
    assert Path(settings.BASE_DIR).resolve() / ".data" / "postgres" == embedded_postgres.DATA_DIR
