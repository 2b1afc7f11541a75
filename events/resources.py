"""Import and export of events (CSV, XLSX): the columns are in docs/import.md."""

from import_export.fields import Field

from config.editorial.imports import (
    CountryWidget,
    PartialDateField,
    RecordResource,
    RecordsField,
    RecordsWidget,
    RecordWidget,
    importable,
)
from dialogues.models import Dialogue, Topic, WorkingGroup
from events.models import Event
from projects.models import Project


@importable
class EventResource(RecordResource):
    parent = Field("parent", "parent", RecordWidget(Event, acronym=False))
    start = PartialDateField("start_date", "start_precision", "start")
    end = PartialDateField("end_date", "end_precision", "end")
    country = Field("country", "country", CountryWidget())
    dialogue = Field("dialogue", "dialogue", RecordWidget(Dialogue))
    working_group = Field("working_group", "working_group", RecordWidget(WorkingGroup, acronym=False))
    projects = RecordsField("projects", "projects", RecordsWidget(Project, names=("title",)))
    topics = RecordsField("topics", "topics", RecordsWidget(Topic, acronym=False))

    required = ("name",)  # an empty kind is one the sources do not state
    select_related = ("parent", "dialogue", "working_group")
    prefetch_related = ("projects", "topics")

    class Meta(RecordResource.Meta):
        model = Event
        fields = (
            "slug",
            "name",
            "name_de",
            "name_zh_hans",
            "kind",
            "state",
            "number",
            "parent",
            "start",
            "end",
            "mode",
            "venue",
            "city",
            "country",
            "latitude",
            "longitude",
            "dialogue",
            "working_group",
            "projects",
            "topics",
            "summary",
            "summary_de",
            "summary_zh_hans",
            "description",
            "description_de",
            "description_zh_hans",
            "outcomes",
            "outcomes_de",
            "outcomes_zh_hans",
            "participant_count",
            "status",
            "visibility",
        )
