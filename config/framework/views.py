"""Views shared by the apps: a faceted, filterable list and a visibility-aware detail page."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Count
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from config.framework.fallback import translated_in_query
from config.framework.internals import joins_other_tables, sql_with_params
from config.framework.visibility import Status, Visibility


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
    related_model: type | None = None
    limit: int = 15
    single: bool = False  # the filter takes one value (a year): offered as radio buttons
    array: bool = False  # the path is an array column (parties): counted per element
    through: str | None = None  # the path runs through rows with their own visibility ("roles")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    query: str
    language: str = ""  # the label's language where it is not the page's (a fallback)


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
    extra_filter_fields: tuple[str, ...] = ("ordering",)
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
        rows = self.array_facet_rows(facet) if facet.array else self.facet_rows(facet, label_path)
        labels = choice_labels(self.filterset.filters[facet.param])
        # Values of related records (a dialogue, a topic) are offered only if the visitor may see them.
        allowed = None
        if facet.related_model is not None:
            values = [row["value"] for row in rows if row["value"] not in ("", None)]
            allowed = set(
                facet.related_model.objects.visible_to(self.request.user)
                .filter(slug__in=values)
                .values_list("slug", flat=True)
            )
        page_language = translation.get_language()
        return [
            FacetOption(
                value=str(row["value"]),
                label=str(labels.get(str(row["label"]), row["label"])),
                count=row["count"],
                selected=str(row["value"]) in selected,
                query=query_with(self.request.GET, facet.param, str(row["value"])),
                language="" if row.get("language") in (None, page_language) else row["language"],
            )
            for row in rows
            if row["value"] not in ("", None) and (allowed is None or row["value"] in allowed)
        ]

    def facet_rows(self, facet: Facet, label_path: str) -> list[dict]:
        """Counts per value among the filtered records; through visible rows only, where it applies."""
        queryset, count, path = self.filterset.qs.order_by(), "pk", facet.path
        if facet.through:
            # Count the rows the visitor may see (roles, participations), not every joined row.
            relation = self.model._meta.get_field(facet.through)
            prefix = f"{facet.through}__"
            queryset = relation.related_model.objects.visible_to(self.request.user).filter(
                **{f"{relation.field.name}__in": queryset.values("pk")}
            )
            count, path, label_path = (
                relation.field.name,
                path.removeprefix(prefix),
                label_path.removeprefix(prefix),
            )
        # A related record's translated name in the page's language (or its fallback), with its language.
        translated = translated_in_query(queryset.model, label_path) if label_path != path else None
        if translated is not None:
            queryset = queryset.annotate(facet_label=translated[0], facet_language=translated[1])
            label_path = "facet_label"
        # Positional paths: modeltranslation's values() ignores keyword-only expressions.
        paths = [path] if label_path == path else [path, label_path]
        if translated is not None:
            paths.append("facet_language")
        # Grouped by one value, a record is one row, and a record and a related record one row of
        # their link table: COUNT(*) is exact (and much cheaper than COUNT(DISTINCT)) unless rows
        # reached through (an organisation may take part twice) or a join made by a filter repeat it.
        repeats = facet.through is not None or joins_other_tables(queryset)
        counted = (
            queryset.exclude(**{f"{path}__isnull": True})
            .values(*paths)
            .annotate(count=Count(count, distinct=True) if repeats else Count("*"))
            .order_by("-count", label_path)[: facet.limit]
        )
        return [
            {
                "value": row[path],
                "label": row[label_path],
                "count": row["count"],
                "language": row.get("facet_language"),
            }
            for row in counted
        ]

    def array_facet_rows(self, facet: Facet) -> list[dict]:
        """Counts per element of an array column (a dialogue's parties) among the filtered rows."""
        sql, params = sql_with_params(self.filterset.qs.order_by().values("pk", facet.path))
        column = connection.ops.quote_name(self.model._meta.get_field(facet.path).column)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT element, COUNT(*) FROM ({sql}) AS filtered, unnest(filtered.{column}) AS element "
                "GROUP BY element ORDER BY 2 DESC, 1 LIMIT %s",
                (*params, facet.limit),
            )
            return [{"value": value, "label": value, "count": count} for value, count in cursor.fetchall()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context["filterset"] = self.filterset
        context["filter_errors"] = form.errors if self.filterset.is_bound else {}
        context["facets"] = [
            (facet, options, any(option.selected for option in options))
            for facet in self.facets
            for options in [self.facet_options(facet)]
        ]
        context["extra_fields"] = [form[name] for name in self.extra_filter_fields if name in form.fields]
        context["results_template_name"] = self.results_template_name
        # A view that shows every match at once (the map: paginate_by None) counts them itself.
        context["total"] = context["paginator"].count if context["paginator"] else None
        return context

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.results_template_name]
        return super().get_template_names()

    def render_to_response(self, context, **response_kwargs):
        if context["filter_errors"]:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


def visible_or_none(user, record):
    """``record`` if ``user`` may see it, else None: for a related record shown on a page."""
    if record is None or not type(record).objects.visible_to(user).filter(pk=record.pk).exists():
        return None
    return record


def visible_queryset(model, user, *related):
    """The visible records of ``model``, for a Prefetch.

    ``model`` may be ``(Model, "relation")``: the model at the other end of a reverse relation, so
    that an app shows the records of apps to its right without importing them.
    """
    if isinstance(model, tuple):
        owner, name = model
        model = owner._meta.get_field(name).related_model
    queryset = model.objects.visible_to(user)
    return queryset.select_related(*related) if related else queryset


class RecordDetailView(DetailView):
    """A record's page, found by slug among the records the visitor may see (else 404)."""

    def get_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        return self.with_related(queryset)

    def with_related(self, queryset):
        """Load what the page shows in a fixed number of queries (override per page)."""
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = preview_of(self.object)
        return context


def preview_of(record) -> dict | None:
    """Why the public does not see ``record`` (shown to the staff who do), or None if it does.

    Staff see drafts, records in review, scheduled and internal records on their public page, as a
    preview of what it will look like.
    """
    status = getattr(record, "status", Status.PUBLISHED)
    published_at = getattr(record, "published_at", None)
    if status != Status.PUBLISHED:
        reason = _("this %(model)s is %(status)s and not public.") % {
            "model": record._meta.verbose_name,
            "status": Status(status).label,
        }
    elif published_at is not None and published_at > timezone.now():
        reason = _("this %(model)s is scheduled to be published on %(date)s.") % {
            "model": record._meta.verbose_name,
            "date": date_format(timezone.localtime(published_at), "DATETIME_FORMAT"),
        }
    elif getattr(record, "visibility", Visibility.PUBLIC) != Visibility.PUBLIC:
        reason = _("this %(model)s is visible to %(visibility)s only.") % {
            "model": record._meta.verbose_name,
            "visibility": Visibility(record.visibility).label,
        }
    else:
        return None
    opts = record._meta
    try:
        admin_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        admin_url = None
    return {"reason": reason, "admin_url": admin_url}
