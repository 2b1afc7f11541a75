"""Organisations and people in site search."""

from django.utils.translation import gettext_lazy as _

from config.framework.search import register
from institutions.models import Organisation, Person

register(
    Organisation, key="organisations", label=_("Organisations"), order=50, passage_fields=("description",)
)
register(Person, key="people", label=_("People"), order=60, passage_fields=("bio",))
