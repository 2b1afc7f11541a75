"""Import and export of projects (CSV, XLSX): the columns are in docs/import.md."""

from import_export.fields import Field

from config.editorial.imports import (
    CountriesWidget,
    ListWidget,
    PartialDateField,
    RecordResource,
    RecordsField,
    RecordsWidget,
    RecordWidget,
    importable,
)
from dialogues.models import Dialogue, Topic, WorkingGroup
from projects.models import Programme, Project


@importable
class ProjectResource(RecordResource):
    aliases = Field("aliases", "aliases", ListWidget())
    programme = Field("programme", "programme", RecordWidget(Programme))
    parent = Field("parent", "parent", RecordWidget(Project, names=("title",)))
    countries = Field("countries", "countries", CountriesWidget())
    start = PartialDateField("start_date", "start_precision", "start")
    end = PartialDateField("end_date", "end_precision", "end")
    topics = RecordsField("topics", "topics", RecordsWidget(Topic, acronym=False))
    dialogues = RecordsField("dialogues", "dialogues", RecordsWidget(Dialogue))
    working_groups = RecordsField(
        "working_groups", "working_groups", RecordsWidget(WorkingGroup, acronym=False)
    )

    required = ("title",)
    select_related = ("programme", "parent")
    prefetch_related = ("topics", "dialogues", "working_groups")

    class Meta(RecordResource.Meta):
        model = Project
        fields = (
            "slug",
            "title",
            "title_de",
            "title_zh_hans",
            "acronym",
            "aliases",
            "programme",
            "parent",
            "countries",
            "state",
            "start",
            "end",
            "budget",
            "currency",
            "website",
            "topics",
            "dialogues",
            "working_groups",
            "summary",
            "summary_de",
            "summary_zh_hans",
            "description",
            "description_de",
            "description_zh_hans",
            "status",
            "visibility",
        )
