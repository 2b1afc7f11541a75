"""Dialogues, working groups, publications and topics in site search."""

from django.utils.translation import gettext_lazy as _

from config.framework.search import register
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup

register(Dialogue, key="dialogues", label=_("Dialogues"), order=10)
register(
    WorkingGroup,
    key="working_groups",
    label=_("Working groups"),
    order=20,
    passage_fields=("description",),
    select_related=("dialogue",),  # its name starts with its dialogue's
)
register(Publication, key="publications", label=_("Publications"), order=70, passage_fields=("summary",))
register(Topic, key="topics", label=_("Topics"), order=80, passage_fields=("description",))
