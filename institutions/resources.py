"""Import and export of organisations and people (CSV, XLSX): the columns are in docs/import.md."""

from import_export.fields import Field

from config.editorial.imports import CountryWidget, ListWidget, RecordResource, RecordWidget, importable
from institutions.models import Organisation, Person


@importable
class OrganisationResource(RecordResource):
    aliases = Field("aliases", "aliases", ListWidget())
    country = Field("country", "country", CountryWidget())
    parent = Field("parent", "parent", RecordWidget(Organisation))
    predecessor = Field("predecessor", "predecessor", RecordWidget(Organisation))

    required = ("name",)
    select_related = ("parent", "predecessor")

    class Meta(RecordResource.Meta):
        model = Organisation
        fields = (
            "slug",
            "name",
            "name_de",
            "name_zh_hans",
            "acronym",
            "native_name",
            "aliases",
            "kind",
            "country",
            "parent",
            "predecessor",
            "website",
            "description",
            "description_de",
            "description_zh_hans",
            "status",
            "visibility",
        )


@importable
class PersonResource(RecordResource):
    required = ("family_name",)

    class Meta(RecordResource.Meta):
        model = Person
        fields = (
            "slug",
            "honorific",
            "given_name",
            "family_name",
            "name_order",
            "native_name",
            "bio",
            "bio_de",
            "bio_zh_hans",
            "status",
            "visibility",
        )
