"""Views shared by the apps: a faceted, filterable list and a visibility-aware detail page."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView


@dataclass
class Facet:
    """A filter shown with the number of matching records per value.

    ``param`` is the FilterSet's filter (and query parameter); ``path`` the value to count by;
    ``label_path`` where to read a readable label (else the choices of the filter).
    """

    param: str
    label: str
    path: str
    label_path: str | None = None
    limit: int = 15


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    query: str


def query_with(params, param: str, value: str | None, toggle: bool = True) -> str:
    """The query string with ``value`` of ``param`` switched on or off, and the page reset."""
    query = params.copy()
    query.pop("page", None)
    values = query.getlist(param)
    if value is None:
        query.pop(param, None)
    elif toggle and value in values:
        query.setlist(param, [item for item in values if item != value])
    else:
        query.setlist(param, [*values, value] if toggle else [value])
    return query.urlencode()


def choice_labels(filter_) -> dict[str, str]:
    """Readable labels of a choice filter's values (choices may be a callable)."""
    choices = filter_.extra.get("choices") or ()
    if callable(choices):
        choices = choices()
    return {str(value): label for value, label in choices}


class FilteredListView(ListView):
    """A list of visible records filtered by the model's FilterSet, with facet counts.

    Invalid filter values are reported on the page (status 400) and the list is shown without
    them; htmx requests get the results fragment only.
    """

    filterset_class = None
    facets: tuple[Facet, ...] = ()
    paginate_by = 20
    results_template_name = "includes/results.html"

    def get_base_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )
        queryset = self.filterset.qs
        if hasattr(queryset, "for_list"):
            queryset = queryset.for_list()
        return queryset

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        number = self.request.GET.get("page") or 1
        try:
            page = paginator.page(number)
        except PageNotAnInteger as error:
            raise Http404(_("The page number must be a whole number.")) from error
        except EmptyPage as error:
            raise Http404(
                _("There is no page %(number)s; the list has %(pages)d.")
                % {"number": number, "pages": paginator.num_pages}
            ) from error
        return paginator, page, page.object_list, page.has_other_pages()

    def get_paginator(self, queryset, per_page, **kwargs):
        return Paginator(queryset, per_page, **kwargs)

    def facet_options(self, facet: Facet) -> list[FacetOption]:
        selected = set(self.request.GET.getlist(facet.param))
        label_path = facet.label_path or facet.path
        rows = (
            self.filterset.qs.order_by()
            .exclude(**{f"{facet.path}__isnull": True})
            .values(value=F(facet.path), label=F(label_path))
            .annotate(count=Count("pk", distinct=True))
            .order_by("-count", "label")[: facet.limit]
        )
        labels = choice_labels(self.filterset.filters[facet.param])
        return [
            FacetOption(
                value=str(row["value"]),
                label=str(labels.get(str(row["label"]), row["label"])),
                count=row["count"],
                selected=str(row["value"]) in selected,
                query=query_with(self.request.GET, facet.param, str(row["value"])),
            )
            for row in rows
            if row["value"] not in ("", None)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context["filterset"] = self.filterset
        context["filter_errors"] = form.errors if self.filterset.is_bound else {}
        context["facets"] = [(facet, self.facet_options(facet)) for facet in self.facets]
        context["results_template_name"] = self.results_template_name
        context["total"] = context["paginator"].count
        return context

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.results_template_name]
        return super().get_template_names()

    def render_to_response(self, context, **response_kwargs):
        if context["filter_errors"]:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


class RecordDetailView(DetailView):
    """A record's page, found by slug among the records the visitor may see (else 404)."""

    template_name = "record_detail.html"

    def get_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        return self.with_related(queryset)

    def with_related(self, queryset):
        """Load what the page shows in a fixed number of queries (override per page)."""
        return queryset
