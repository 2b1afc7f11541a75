"""Views shared by the apps: a faceted, filterable list and a visibility-aware detail page."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.http import Http404, QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from config.framework import downloads
from config.framework.fallback import translated_in_query
from config.framework.filtersets import NOT_STATED, StatedChoiceFilter
from config.framework.internals import explicit_ordering, joins_other_tables, sql_with_params
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
    by_value: bool = False  # offered newest first by value (years), not by count


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    query: str
    language: str = ""  # the label's language where it is not the page's (a fallback)


@dataclass
class Chip:
    """One active filter value above the results, with the address of the list without it."""

    param: str
    label: str  # the filter's name ("Kind")
    value: str  # the value's readable label ("plenary")
    query: str


def query_with(params, param: str, value: str | None, toggle: bool = True) -> str:
    """The query string with ``value`` of ``param`` switched on or off, the page reset, and the
    empty fields a submitted form sends (``when=&ordering=``) left out."""
    query = params.copy()
    query.pop("page", None)
    for key in [key for key, values in query.lists() if not any(values)]:
        query.pop(key)
    values = query.getlist(param)
    if value is None:
        query.pop(param, None)
    elif toggle and value in values:
        query.setlist(param, [item for item in values if item != value])
    else:
        query.setlist(param, [*values, value] if toggle else [value])
    return query.urlencode()


def undated_last(queryset):
    """``queryset`` in its order, but with the records that lack a value of a nullable column last
    whichever the direction: PostgreSQL puts NULLs first when descending, which opened the event
    list with every undated event. The order still ends with the id, so pages stay stable."""
    model = queryset.model
    ordering, changed = [], False
    for term in explicit_ordering(queryset) or tuple(model._meta.ordering):
        name = term.lstrip("-") if isinstance(term, str) else None
        try:
            field = model._meta.get_field(name) if name and "__" not in name else None
        except FieldDoesNotExist:
            field = None
        if field is not None and field.concrete and field.null and not field.is_relation:
            column = F(name)
            ordering.append(
                column.desc(nulls_last=True) if term.startswith("-") else column.asc(nulls_last=True)
            )
            changed = True
        else:
            ordering.append(term)
    return queryset.order_by(*ordering) if changed else queryset


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
    # Related records a row names (``"dialogue"``): shown as ``record.shown_<name>`` only to a
    # visitor who may see them (the list's queryset selects them with the row).
    shown_related: tuple[str, ...] = ()
    # The API's summary serializer of the type: the columns of "Download these results" (downloads.py).
    download_serializer_class = None

    def get(self, request, *args, **kwargs):
        extension = request.GET.get("download")
        if extension is None or self.download_serializer_class is None:
            return super().get(request, *args, **kwargs)
        return self.download(extension)

    def download(self, extension: str):
        """The filtered list, every page of it, as a file; or the page saying why not (400)."""
        self.object_list = self.get_queryset()
        problem = None
        if extension not in downloads.FORMATS:
            problem = _("There is no download as “%(format)s”; choose CSV or XLSX.") % {
                "format": extension[:20]
            }
        elif self.filterset.is_bound and self.filterset.form.errors:
            problem = _("Correct the filters before downloading.")
        else:
            count = self.filterset.qs.count()
            if count > downloads.max_rows():
                problem = _(
                    "These results hold %(count)s records; a download holds at most %(limit)s. "
                    "Narrow the filters, or use the API's export for the whole list."
                ) % {"count": number_format(count), "limit": number_format(downloads.max_rows())}
        if problem is None:
            queryset = undated_last(self.filterset.qs)
            return downloads.download(queryset, self.download_serializer_class, self.request, extension)
        context = self.get_context_data(download_problem=problem)
        return self.render_to_response(context, status=400)

    def get_base_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )
        queryset = undated_last(self.filterset.qs)
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

    def show_visible_related(self, records) -> None:
        """Set ``record.shown_<name>`` for each of ``shown_related``: the related record, or None
        where the visitor may not see it (a draft dialogue must not be named). One query per
        relation for the whole page."""
        for name in self.shown_related:
            related_model = self.model._meta.get_field(name).related_model
            ids = {getattr(record, f"{name}_id") for record in records} - {None}
            visible = (
                set(
                    related_model.objects.visible_to(self.request.user)
                    .filter(pk__in=ids)
                    .values_list("pk", flat=True)
                )
                if ids
                else set()
            )
            for record in records:
                shown = getattr(record, f"{name}_id") in visible
                setattr(record, f"shown_{name}", getattr(record, name) if shown else None)

    def facet_queryset(self, facet: Facet):
        """The records a facet counts among: filtered by every other facet, but not by its own.

        So the other values of a chosen facet keep their counts (choosing one more widens the list:
        values of one facet combine with OR, facets with AND), and no value offered leads to an empty
        list. The form is cleaned once; this only applies its values again, without a query.
        """
        if not self.request.GET.getlist(facet.param):
            return self.filterset.qs
        queryset = self.filterset.queryset.all()
        for name, value in self.filterset.form.cleaned_data.items():
            if name not in (facet.param, "ordering"):
                queryset = self.filterset.filters[name].filter(queryset, value)
        return queryset

    def facet_options(self, facet: Facet, chosen: dict[str, str]) -> list[FacetOption]:
        """A facet's values with their counts; the chosen ones (``chosen``: value → label) first
        and always, even where no record is left to count."""
        label_path = facet.label_path or facet.path
        queryset = self.facet_queryset(facet)
        # A column the sources may leave blank stores "" and is filtered as ``not_stated``: a value
        # offered and counted like the others.
        stated = isinstance(self.filterset.filters[facet.param], StatedChoiceFilter)
        stored = ["" if stated and value == NOT_STATED else value for value in chosen]
        if facet.array:
            rows = self.array_facet_rows(facet, queryset, stored)
        else:
            rows = self.facet_rows(facet, label_path, queryset, stored)
        if stated:
            for row in rows:
                if row["value"] == "":
                    row["value"] = row["label"] = NOT_STATED
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
        rows = [
            row
            for row in rows
            if row["value"] not in ("", None) and (allowed is None or row["value"] in allowed)
        ]
        counted = {str(row["value"]) for row in rows}
        rows += [
            {"value": value, "label": label, "count": 0}
            for value, label in chosen.items()
            if value not in counted
        ]
        page_language = translation.get_language()
        return [
            FacetOption(
                value=str(row["value"]),
                label=str(labels.get(str(row["label"]), row["label"])),
                count=row["count"],
                selected=str(row["value"]) in chosen,
                query=query_with(self.request.GET, facet.param, str(row["value"])),
                language="" if row.get("language") in (None, page_language) else row["language"],
            )
            for row in rows
        ]

    def facet_rows(self, facet: Facet, label_path: str, queryset, chosen: list[str]) -> list[dict]:
        """Counts per value among ``queryset``; through visible rows only, where it applies."""
        queryset, count, path = queryset.order_by(), "pk", facet.path
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
        # The chosen values first, so that the limit never hides one; then by count, or by value.
        first = Case(
            When(**{f"{path}__in": chosen}, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        order = [F(path).desc()] if facet.by_value else ["-count", label_path]
        counted = (
            queryset.exclude(**{f"{path}__isnull": True})
            .values(*paths)
            .annotate(count=Count(count, distinct=True) if repeats else Count("*"))
            .order_by(*([first] if chosen else []), *order)[: facet.limit]
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

    def array_facet_rows(self, facet: Facet, queryset, chosen: list[str]) -> list[dict]:
        """Counts per element of an array column (a dialogue's parties) among ``queryset``; the
        chosen elements first."""
        sql, params = sql_with_params(queryset.order_by().values("pk", facet.path))
        column = connection.ops.quote_name(self.model._meta.get_field(facet.path).column)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT element, COUNT(*) FROM ({sql}) AS filtered, unnest(filtered.{column}) AS element "
                "GROUP BY element ORDER BY element = ANY(%s) DESC, 2 DESC, 1 LIMIT %s",
                (*params, chosen, facet.limit),
            )
            return [{"value": value, "label": value, "count": count} for value, count in cursor.fetchall()]

    def active_filters(self) -> dict[str, dict[str, str]]:
        """The valid values of every filter in use, by parameter: value → readable label.

        Read from the cleaned form, so a related record's name (its slug chosen) costs no query:
        the form loaded the records when it checked the slugs.
        """
        active = {}
        cleaned = self.filterset.form.cleaned_data if self.filterset.is_bound else {}
        for name, value in cleaned.items():
            if name == "ordering" or value in (None, "", [], ()):
                continue
            filter_ = self.filterset.filters[name]
            if hasattr(value, "model") or (
                isinstance(value, list | tuple) and value and hasattr(value[0], "pk")
            ):
                labels = {str(record.slug): str(record) for record in value}
            elif filter_.extra.get("choices"):
                labels = choice_labels(filter_)
            else:
                labels = None
            shown = {}
            for raw in self.request.GET.getlist(name):
                if labels is None:
                    shown[raw] = raw  # a year, a date: as written
                elif raw in labels:
                    shown[raw] = str(labels[raw])
            if shown:
                active[name] = shown
        return active

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["paginator"]:
            # A page of rows names related records; a view of every match at once (the map, the
            # timeline) shows no rows and must not load them all.
            self.show_visible_related(context["object_list"])
        form = self.filterset.form
        context["filterset"] = self.filterset
        context["filter_errors"] = form.errors if self.filterset.is_bound else {}
        active = self.active_filters()
        context["facets"] = [
            (facet, options, any(option.selected for option in options))
            for facet in self.facets
            for options in [self.facet_options(facet, active.get(facet.param, {}))]
        ]
        # Facets with a chosen value start open, and the first two shown.
        shown = [facet.param for facet, options, _ in context["facets"] if options]
        context["open_facets"] = set(shown[:2]) | set(active)
        context["chips"] = [
            Chip(
                param=name,
                label=str(self.filterset.filters[name].label or name),
                value=label,
                query=query_with(self.request.GET, name, value),
            )
            for name, values in active.items()
            for value, label in values.items()
        ]
        kept = QueryDict(mutable=True)  # "Clear all" keeps the order, drops every filter
        if self.request.GET.getlist("ordering"):
            kept.setlist("ordering", self.request.GET.getlist("ordering"))
        context["clear_query"] = kept.urlencode()
        context["extra_fields"] = [form[name] for name in self.extra_filter_fields if name in form.fields]
        context["results_template_name"] = self.results_template_name
        if self.download_serializer_class is not None:
            context["downloads"] = [
                (extension.upper(), query_with(self.request.GET, "download", extension, toggle=False))
                for extension in downloads.FORMATS
            ]
        context["total"] = self.total(context)
        return context

    def total(self, context) -> int | None:
        """How many records match; a view that shows every match at once (the map, the timeline)
        counts them its own way, or not at all."""
        return context["paginator"].count if context["paginator"] else None

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.results_template_name]
        return super().get_template_names()

    def render_to_response(self, context, **response_kwargs):
        if context["filter_errors"] or context.get("download_problem"):
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
