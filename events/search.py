"""Events in site search."""

from django.utils.translation import gettext_lazy as _

from config.framework.search import register
from events.models import Event

register(
    Event, key="events", label=_("Events"), order=40, passage_fields=("summary", "description", "outcomes")
)
