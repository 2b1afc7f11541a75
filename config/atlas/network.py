"""Who meets whom: organisations linked by the events, dialogues and projects they share.

Two organisations are linked when both took part in (or sent a speaker to) the same event, both
hold a role in the same dialogue (or sit in one of its working groups), or both hold a role in the
same project. A link's weight is how many events, dialogues and projects they share, counted
apart so that a page can show one kind or all.

The graph is computed by PostgreSQL in one statement: each kind of membership (organisation, the
thing it shares) is read through the ORM, so the visibility rule (``visible_to``) and the filters
stay the ORM's, and the self-join and ``GROUP BY`` that turn memberships into weighted pairs run on
their SQL. The number of queries is the same for ten events or a hundred thousand; only the
``limit`` most connected organisations and the links among them are returned.

The page (``/network/``) and the endpoint (``/api/v1/network/``) read the same parameters through
``NetworkForm`` and the same ``network()``.
"""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.db import connection
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.parameters import QueryParameters
from config.api.permissions import TokenScope
from config.framework.fallback import shown_language
from dialogues.models import Dialogue, DialogueRole, WorkingGroupMember
from events.models import EventParticipation, EventSpeaker
from institutions.models import Organisation
from projects.models import Project, ProjectRole

LINK_KINDS = ("events", "dialogues", "projects")
DEFAULT_LIMIT, MAX_LIMIT = 100, 500
MIN_YEAR, MAX_YEAR = 1900, 2100


# The parameters: one form for the page and the endpoint


class NetworkForm(forms.Form):
    """The choice of a network: a period in years, a dialogue, a project, kinds of link, a minimum
    weight and how many organisations. Every field may be left out."""

    dialogue = forms.ModelChoiceField(
        label=_("Dialogue"), queryset=Dialogue.objects.none(), to_field_name="slug", required=False
    )
    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), to_field_name="slug", required=False
    )
    link = forms.MultipleChoiceField(
        label=_("Linked by"),
        choices=[
            ("events", _("shared events")),
            ("dialogues", _("roles in the same dialogue")),
            ("projects", _("roles in the same project")),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    min_weight = forms.IntegerField(label=_("At least"), min_value=1, max_value=10_000, required=False)
    limit = forms.IntegerField(
        label=_("Organisations shown"), min_value=1, max_value=MAX_LIMIT, required=False
    )

    def __init__(self, data, *, user, **kwargs):
        super().__init__(data, **kwargs)
        # "from" and "to" are Python keywords: declared here, under the names the address uses.
        years = {"min_value": MIN_YEAR, "max_value": MAX_YEAR, "required": False}
        self.fields = {
            "from": forms.IntegerField(label=_("From year"), **years),
            "to": forms.IntegerField(label=_("To year"), **years),
            **self.fields,
        }
        self.fields["dialogue"].queryset = Dialogue.objects.visible_to(user).order_by("name", "id")
        self.fields["project"].queryset = Project.objects.visible_to(user).order_by("title", "id")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start is not None and end is not None and start > end:
            self.add_error("to", gettext("The end year cannot be before the start year."))
        return cleaned

    def choice(self) -> "NetworkChoice":
        data = self.cleaned_data
        return NetworkChoice(
            year_from=data.get("from"),
            year_to=data.get("to"),
            dialogue=data.get("dialogue"),
            project=data.get("project"),
            links=tuple(kind for kind in LINK_KINDS if kind in data.get("link", ())) or LINK_KINDS,
            min_weight=data.get("min_weight") or 1,
            limit=data.get("limit") or DEFAULT_LIMIT,
        )


def form_data(query: QueryDict) -> QueryDict:
    """The query with ``link`` also read as a comma-separated list (``?link=events,projects``)."""
    data = query.copy()
    if "link" in data:
        data.setlist("link", [part for value in query.getlist("link") for part in value.split(",") if part])
    return data


@dataclass(frozen=True)
class NetworkChoice:
    year_from: int | None = None
    year_to: int | None = None
    dialogue: Dialogue | None = None
    project: Project | None = None
    links: tuple[str, ...] = LINK_KINDS
    min_weight: int = 1
    limit: int = DEFAULT_LIMIT


# Memberships: who shares what, each read through the visibility rule


def overlaps(choice: NetworkChoice, prefix: str = "", *, ongoing: bool) -> Q:
    """Rows whose period (at ``prefix``) meets the chosen years. An unknown start or end is open; an
    event without an end is a day (``ongoing=False``), a role without one goes on."""
    condition = Q()
    if choice.year_to is not None:
        last = date(choice.year_to, 12, 31)
        condition &= Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": last})
    if choice.year_from is not None:
        first = date(choice.year_from, 1, 1)
        open_end = Q(**{f"{prefix}end_date__isnull": True})
        if not ongoing:
            open_end &= Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__gte": first})
        condition &= open_end | Q(**{f"{prefix}end_date__gte": first})
    return condition


def event_memberships(user, choice: NetworkChoice) -> list:
    """(organisation, event) for participations and speakers' organisations."""
    condition = overlaps(choice, "event__", ongoing=False)
    if choice.dialogue:
        condition &= Q(event__dialogue=choice.dialogue)
    if choice.project:
        condition &= Q(event__projects=choice.project)
    participations = EventParticipation.objects.visible_to(user).filter(condition)
    speakers = EventSpeaker.objects.visible_to(user).filter(condition, organisation__isnull=False)
    return [rows.values_list("organisation_id", "event_id") for rows in (participations, speakers)]


def dialogue_memberships(user, choice: NetworkChoice) -> list:
    """(organisation, dialogue) for dialogue roles and working-group members."""
    roles = DialogueRole.objects.visible_to(user).filter(overlaps(choice, ongoing=True))
    members = WorkingGroupMember.objects.visible_to(user).filter(
        overlaps(choice, "working_group__", ongoing=True), organisation__isnull=False
    )
    if choice.dialogue:
        roles = roles.filter(dialogue=choice.dialogue)
        members = members.filter(working_group__dialogue=choice.dialogue)
    if choice.project:
        roles = roles.filter(dialogue__supporting_projects=choice.project)
        members = members.filter(working_group__dialogue__supporting_projects=choice.project)
    return [
        roles.values_list("organisation_id", "dialogue_id"),
        members.values_list("organisation_id", "working_group__dialogue_id"),
    ]


def project_memberships(user, choice: NetworkChoice) -> list:
    """(organisation, project) for project roles."""
    roles = ProjectRole.objects.visible_to(user).filter(overlaps(choice, ongoing=True))
    if choice.dialogue:
        roles = roles.filter(project__dialogues=choice.dialogue)
    if choice.project:
        roles = roles.filter(project=choice.project)
    return [roles.values_list("organisation_id", "project_id")]


MEMBERSHIPS = {
    "events": event_memberships,
    "dialogues": dialogue_memberships,
    "projects": project_memberships,
}


# The graph, in one statement

GRAPH_SQL = """
WITH membership AS MATERIALIZED (
    SELECT DISTINCT kind, org, grp FROM ({memberships}) AS m (kind, org, grp)
),
pair AS MATERIALIZED (
    SELECT a.org AS source, b.org AS target,
           count(*) FILTER (WHERE a.kind = 'events') AS events,
           count(*) FILTER (WHERE a.kind = 'dialogues') AS dialogues,
           count(*) FILTER (WHERE a.kind = 'projects') AS projects,
           count(*) AS weight
    FROM membership a JOIN membership b ON a.kind = b.kind AND a.grp = b.grp AND a.org < b.org
    GROUP BY a.org, b.org
    HAVING count(*) >= %s
),
degree AS (
    SELECT org, count(*) AS degree, sum(weight) AS strength
    FROM (SELECT source AS org, weight FROM pair UNION ALL SELECT target, weight FROM pair) AS ends
    GROUP BY org
),
top AS MATERIALIZED (
    SELECT org, degree, strength FROM degree ORDER BY degree DESC, strength DESC, org LIMIT %s
),
crowded AS (
    SELECT kind, grp FROM membership GROUP BY kind, grp HAVING count(*) > 1
),
shared AS (
    SELECT m.org,
           count(*) FILTER (WHERE m.kind = 'events') AS events,
           count(*) FILTER (WHERE m.kind = 'dialogues') AS dialogues,
           count(*) FILTER (WHERE m.kind = 'projects') AS projects
    FROM membership m
    JOIN top ON top.org = m.org
    JOIN crowded ON crowded.kind = m.kind AND crowded.grp = m.grp
    GROUP BY m.org
)
SELECT
    (SELECT count(*) FROM degree),
    (SELECT count(*) FROM pair),
    (SELECT coalesce(json_agg(json_build_array(
        top.org, top.degree, shared.events, shared.dialogues, shared.projects)), '[]')
     FROM top JOIN shared ON shared.org = top.org),
    (SELECT coalesce(json_agg(json_build_array(
        pair.source, pair.target, pair.weight, pair.events, pair.dialogues, pair.projects)), '[]')
     FROM pair
     WHERE pair.source IN (SELECT org FROM top) AND pair.target IN (SELECT org FROM top))
"""


@dataclass
class Node:
    organisation: Organisation
    degree: int
    events: int
    dialogues: int
    projects: int
    neighbours: list = field(default_factory=list)  # (Node, Edge), heaviest first

    @property
    def label(self) -> str:
        """The acronym, else the name in the page's language."""
        return self.organisation.acronym or self.organisation.name

    @property
    def label_language(self) -> str | None:
        if self.organisation.acronym:
            return None
        return shown_language(self.organisation, "name")

    @property
    def accessible_name(self) -> str:
        """ "UBA: 12 shared events, 1 project with 8 organisations" in the page's language."""
        shared = [
            ngettext("%(count)s shared event", "%(count)s shared events", self.events)
            % {"count": self.events}
            if self.events
            else "",
            ngettext("%(count)s dialogue", "%(count)s dialogues", self.dialogues) % {"count": self.dialogues}
            if self.dialogues
            else "",
            ngettext("%(count)s project", "%(count)s projects", self.projects) % {"count": self.projects}
            if self.projects
            else "",
        ]
        return ngettext(
            "%(name)s: %(shared)s with %(count)s organisation",
            "%(name)s: %(shared)s with %(count)s organisations",
            self.degree,
        ) % {
            "name": self.label,
            "shared": gettext(", ").join(part for part in shared if part),
            "count": self.degree,
        }


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int
    events: int
    dialogues: int
    projects: int


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    organisations: int  # in the whole chosen network, before the limit
    links: int

    @property
    def most_connected(self) -> list[Node]:
        return self.nodes[:3]


def graph_statement(user, choice: NetworkChoice) -> tuple[str, list]:
    """The SQL of the graph and its parameters: the chosen kinds' memberships, self-joined."""
    parts, params = [], []
    for kind in choice.links:
        for rows in MEMBERSHIPS[kind](user, choice):
            sql, part_params = rows.order_by().query.sql_with_params()
            parts.append(f"SELECT %s::text, * FROM ({sql}) AS {kind}_{len(parts)}")
            params += [kind, *part_params]
    return GRAPH_SQL.format(memberships=" UNION ALL ".join(parts)), [*params, choice.min_weight, choice.limit]


def network(user, choice: NetworkChoice) -> Network:
    """The ``choice.limit`` most connected organisations ``user`` may see and the links among them.

    Two queries whatever the size: the graph, then the organisations it names.
    """
    sql, params = graph_statement(user, choice)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        organisation_count, link_count, node_rows, edge_rows = cursor.fetchone()
    organisations = Organisation.objects.in_bulk([row[0] for row in node_rows])
    nodes = {
        pk: Node(organisations[pk], degree, events, dialogues, projects)
        for pk, degree, events, dialogues, projects in node_rows
        if pk in organisations
    }
    edges = [
        Edge(nodes[source], nodes[target], *counts)
        for source, target, *counts in edge_rows
        if source in nodes and target in nodes
    ]
    for edge in sorted(edges, key=lambda edge: (-edge.weight, edge.source.label, edge.target.label)):
        edge.source.neighbours.append((edge.target, edge))
        edge.target.neighbours.append((edge.source, edge))
    ordered = sorted(
        nodes.values(), key=lambda node: (-node.degree, -len(node.neighbours), node.label.lower())
    )
    return Network(ordered, edges, organisation_count, link_count)


# The page


class NetworkView(TemplateView):
    """``/network/``: the network as a drawing (d3) over its table, the same data without JavaScript."""

    template_name = "visuals/network.html"

    def get(self, request, *args, **kwargs):
        form = NetworkForm(form_data(request.GET), user=request.user)
        context = self.get_context_data(
            form=form,
            fields=[form[name] for name in ("from", "to", "dialogue", "project", "min_weight", "limit")],
            network=None,
            focus=request.GET.get("focus", ""),
        )
        if not form.is_valid():
            return self.render_to_response(context, status=400)
        result = network(request.user, form.choice())
        query = request.GET.copy()
        query.pop("focus", None)
        query["lang"] = translation.get_language()
        context.update(
            network=result,
            api_url=f"{reverse('api:network')}?{query.urlencode()}",
            labels={node.organisation.pk: node.accessible_name for node in result.nodes},
        )
        return self.render_to_response(context)


# The endpoint


class NetworkNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    label = serializers.CharField(help_text="The acronym, else the name in the language asked for.")
    html_url = serializers.URLField(help_text="The organisation's page.")
    degree = serializers.IntegerField(
        help_text="How many organisations it is linked to in the chosen network."
    )
    events = serializers.IntegerField(help_text="Events it shares with another organisation.")
    dialogues = serializers.IntegerField(help_text="Dialogues in which it shares a role.")
    projects = serializers.IntegerField(help_text="Projects in which it shares a role.")


class NetworkEdgeSerializer(serializers.Serializer):
    source = serializers.IntegerField(help_text="A node's id.")
    target = serializers.IntegerField(help_text="A node's id.")
    weight = serializers.IntegerField(help_text="events + dialogues + projects.")
    events = serializers.IntegerField(help_text="Events both took part in.")
    dialogues = serializers.IntegerField(help_text="Dialogues in which both hold a role.")
    projects = serializers.IntegerField(help_text="Projects in which both hold a role.")


class NetworkSerializer(serializers.Serializer):
    organisations = serializers.IntegerField(help_text="Organisations in the chosen network, before `limit`.")
    links = serializers.IntegerField(help_text="Links in the chosen network, before `limit`.")
    nodes = NetworkNodeSerializer(many=True, help_text="The `limit` most connected, most connected first.")
    edges = NetworkEdgeSerializer(many=True, help_text="The links among the nodes.")


PARAMETERS = [
    OpenApiParameter("dialogue", OpenApiTypes.STR, description="A dialogue's slug: its events and roles."),
    OpenApiParameter("project", OpenApiTypes.STR, description="A project's slug: its events and roles."),
    OpenApiParameter("from", OpenApiTypes.INT, description=f"First year ({MIN_YEAR}–{MAX_YEAR})."),
    OpenApiParameter("to", OpenApiTypes.INT, description=f"Last year ({MIN_YEAR}–{MAX_YEAR})."),
    OpenApiParameter(
        "link",
        OpenApiTypes.STR,
        enum=LINK_KINDS,
        many=True,
        explode=True,
        description="Kinds of link (repeat, or separate by commas); all by default.",
    ),
    OpenApiParameter("min_weight", OpenApiTypes.INT, description="Only links of at least this weight."),
    OpenApiParameter(
        "limit",
        OpenApiTypes.INT,
        description=f"The most connected organisations, 1–{MAX_LIMIT} (default {DEFAULT_LIMIT}).",
    ),
]


def node_data(node: Node, request) -> dict:
    organisation = node.organisation
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "label": node.label,
        "html_url": request.build_absolute_uri(organisation.get_absolute_url()),
        "degree": node.degree,
        "events": node.events,
        "dialogues": node.dialogues,
        "projects": node.projects,
    }


class NetworkAPIView(QueryParameters, APIView):
    """Who meets whom: organisations, linked by the events, dialogues and projects they share."""

    # Read-only; network() reads every row through the visibility rule.
    permission_classes = [TokenScope]
    http_method_names = ["get", "head", "options"]

    def query_parameters(self) -> set[str]:
        return super().query_parameters() | {parameter.name for parameter in PARAMETERS}

    @extend_schema(operation_id="network", parameters=PARAMETERS, responses={200: NetworkSerializer})
    def get(self, request, *args, **kwargs):
        form = NetworkForm(form_data(request.query_params), user=request.user)
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        result = network(request.user, form.choice())
        data = {
            "organisations": result.organisations,
            "links": result.links,
            "nodes": [node_data(node, request) for node in result.nodes],
            "edges": [
                {
                    "source": edge.source.organisation.pk,
                    "target": edge.target.organisation.pk,
                    "weight": edge.weight,
                    "events": edge.events,
                    "dialogues": edge.dialogues,
                    "projects": edge.projects,
                }
                for edge in result.edges
            ],
        }
        return Response(data)
