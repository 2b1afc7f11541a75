"""Import and export of publications (CSV, XLSX): the columns are in docs/import.md."""

from import_export.fields import Field

from config.editorial.imports import (
    PartialDateField,
    RecordResource,
    RecordsField,
    RecordsWidget,
    RecordWidget,
    importable,
)
from dialogues.models import Dialogue, Publication, Topic, WorkingGroup


@importable
class PublicationResource(RecordResource):
    date = PartialDateField("date", "date_precision", "date")
    dialogue = Field("dialogue", "dialogue", RecordWidget(Dialogue))
    working_group = Field("working_group", "working_group", RecordWidget(WorkingGroup, acronym=False))
    topics = RecordsField("topics", "topics", RecordsWidget(Topic, acronym=False))

    required = ("title", "kind")
    select_related = ("dialogue", "working_group")
    prefetch_related = ("topics",)

    class Meta(RecordResource.Meta):
        model = Publication
        fields = (
            "slug",
            "title",
            "title_de",
            "title_zh_hans",
            "kind",
            "date",
            "url",
            "dialogue",
            "working_group",
            "topics",
            "summary",
            "summary_de",
            "summary_zh_hans",
            "status",
            "visibility",
        )
