"""Public pages of organisations and people."""

from itertools import groupby

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from config.framework.views import (
    Facet,
    FilteredListView,
    RecordDetailView,
    visible_or_none,
    visible_queryset,
)
from institutions.api.serializers import OrganisationSummarySerializer, PersonSummarySerializer
from institutions.filtersets import OrganisationFilterSet, PersonFilterSet
from institutions.models import Affiliation, Organisation, OrganisationContactPoint, Person


def by_year(rows, date_of):
    """Rows grouped by the year of ``date_of(row)``, newest first; undated rows last."""
    ordered = sorted(
        rows, key=lambda row: (date_of(row) is None, -(date_of(row).year if date_of(row) else 0))
    )
    return [
        (year, list(group))
        for year, group in groupby(ordered, key=lambda row: date_of(row) and date_of(row).year)
    ]


class OrganisationListView(FilteredListView):
    model = Organisation
    filterset_class = OrganisationFilterSet
    template_name = "institutions/organisation_list.html"
    results_template_name = "institutions/_organisation_results.html"
    download_serializer_class = OrganisationSummarySerializer
    paginate_by = 30
    facets = (
        Facet("kind", _("Kind"), "kind"),
        Facet("country", _("Country"), "country"),
    )


class OrganisationDetailView(RecordDetailView):
    model = Organisation
    template_name = "institutions/organisation_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        dialogue_roles = visible_queryset((Organisation, "dialogue_roles"), user, "dialogue", "phase")
        project_roles = visible_queryset((Organisation, "project_roles"), user, "project")
        participations = visible_queryset((Organisation, "event_participations"), user, "event")
        return queryset.select_related("parent", "predecessor").prefetch_related(
            Prefetch("children", visible_queryset(Organisation, user)),
            Prefetch("successors", visible_queryset(Organisation, user)),
            Prefetch("dialogue_roles", dialogue_roles.order_by("-start_date", "id")),
            Prefetch("project_roles", project_roles.order_by("-start_date", "id")),
            Prefetch("event_participations", participations.order_by("-event__start_date", "id")),
            Prefetch("affiliations", visible_queryset(Affiliation, user, "person")),
            Prefetch("contact_points", visible_queryset(OrganisationContactPoint, user)),
            "sources",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context["parent"] = visible_or_none(self.request.user, organisation.parent)
        context["predecessor"] = visible_or_none(self.request.user, organisation.predecessor)
        context["participations_by_year"] = by_year(
            organisation.event_participations.all(), lambda row: row.event.start_date
        )
        context["structured_data"] = organisation_structured_data(organisation, self.request)
        return context


def organisation_structured_data(organisation, request) -> dict:
    """schema.org Organization for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
    other_names = [name for name in (organisation.native_name, *organisation.aliases) if name]
    if organisation.acronym:
        data["alternateName"] = [organisation.acronym, *other_names]
    elif other_names:
        data["alternateName"] = other_names
    if organisation.website:
        data["sameAs"] = organisation.website
    if organisation.country:
        data["address"] = {"@type": "PostalAddress", "addressCountry": organisation.country}
    if organisation.description:
        data["description"] = organisation.description
    return data


class PersonListView(FilteredListView):
    model = Person
    filterset_class = PersonFilterSet
    template_name = "institutions/person_list.html"
    results_template_name = "institutions/_person_results.html"
    download_serializer_class = PersonSummarySerializer
    paginate_by = 30
    facets = (
        Facet(
            "organisation",
            _("Organisation"),
            "affiliations__organisation__slug",
            "affiliations__organisation__name",
            related_model=Organisation,
            through="affiliations",
        ),
    )

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("affiliations", visible_queryset(Affiliation, user, "organisation")))
        )


class PersonDetailView(RecordDetailView):
    model = Person
    template_name = "institutions/person_detail.html"

    def with_related(self, queryset):
        user = self.request.user
        appearances = visible_queryset((Person, "appearances"), user, "event", "organisation")
        return queryset.prefetch_related(
            Prefetch("affiliations", visible_queryset(Affiliation, user, "organisation")),
            Prefetch("appearances", appearances.order_by("-event__start_date", "id")),
            Prefetch("project_contacts", visible_queryset((Person, "project_contacts"), user, "project")),
            Prefetch(
                "working_group_memberships",
                visible_queryset((Person, "working_group_memberships"), user, "working_group"),
            ),
            "sources",
        )
