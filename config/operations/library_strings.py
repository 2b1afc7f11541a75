"""Strings the atlas shows from the libraries it uses whose own catalogues lack them in German or
Chinese (Django's admin, django-filter, django-import-export, django-tasks-db, django-axes).

Listed here so that `make messages` puts them into the atlas's catalogues (config/operations/locale/),
which Django reads before the libraries' own. tests/config/atlas/test_translated_pages.py finds any
string a page looks up that no catalogue has in the page's language.
"""

from django.utils.translation import gettext_noop

LIBRARY_STRINGS = (
    # Django's admin (new in Django 6.x, not yet in every language's catalogue)
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    # django-import-export's forms
    gettext_noop("- Select an option -"),
    gettext_noop("Run"),
    # django-filter names a filter's lookup while labelling it
    gettext_noop("exact"),
    # django-tasks-db's admin
    gettext_noop("Task Results"),
    # django-axes' admin (Chinese)
    gettext_noop("access attempts"),
    gettext_noop("access failures"),
    gettext_noop("access logs"),
)
