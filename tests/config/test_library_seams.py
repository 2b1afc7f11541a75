"""The private parts of Django, REST framework and django-filter the atlas reads, each pinned
against what the library itself does, so that an upgrade that changes one fails here first.

Pinned elsewhere already, and not repeated here: the serializers' plain columns against REST
framework's own ``to_representation`` (tests/seed/test_api_read_paths.py), each FilterSet's filters
kept apart per request (tests/config/test_read_paths.py), the workflow form's ``_post_clean``
(tests/config/test_workflow.py, test_admin_form_names_the_missing_permission), inline rows against
a conditional unique constraint (tests/admin/test_admin.py) and drf-spectacular's response hook
(tests/api/test_schema.py).
"""

import copy
import datetime
import inspect
from importlib import import_module

import django_filters
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Subquery
from rest_framework import serializers
from rest_framework.permissions import DjangoModelPermissions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from config.api.permissions import ReadOrModelPermission
from config.api.serializers import ManyReferenceField, ReferenceField
from config.framework.filtersets import (
    CountryFilter,
    RecordFilterSet,
    ShallowCopiedFilters,
    SlugFilter,
    YearFilter,
)
from config.framework.internals import (
    condition_holds,
    explicit_ordering,
    is_own_manager,
    joins_other_tables,
    sql_with_params,
)
from dialogues.models import Dialogue, Topic, WorkingGroup
from events.filtersets import EventFilterSet
from events.models import Event, EventParticipation
from tests import factories

# Django: config/framework/internals.py ------------------------------------------------------------


@pytest.mark.django_db
def test_is_own_manager_tells_a_models_managers_from_related_managers():
    event = factories.EventFactory()
    dialogue = factories.DialogueFactory()

    for model in (Event, Dialogue, Topic, EventParticipation):
        for manager in model._meta.managers:
            assert is_own_manager(manager), (model, manager.name)
    assert is_own_manager(Event._default_manager)
    # Related managers, forward and reverse, many-to-many and one-to-many: each filters by its record.
    for related in (event.topics, event.participations, event.children, dialogue.events, dialogue.topics):
        assert not is_own_manager(related)
        assert related.model._meta.managers_map[related.model._default_manager.name] is not related


def tables_in_sql(queryset) -> int:
    """The tables of the query's own FROM clause: one, and one per JOIN outside any subquery."""
    sql, depth, joins = str(queryset.query), 0, 0
    for index, character in enumerate(sql):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and sql.startswith(" JOIN ", index):
            joins += 1
    return 1 + joins


FILTERED = {
    "all": lambda: Event.objects.all(),
    "own column": lambda: Event.objects.filter(country="DE"),
    "foreign key's column": lambda: Event.objects.filter(dialogue__slug="t2d"),
    "null foreign key (join trimmed)": lambda: Event.objects.filter(dialogue__isnull=True),
    "foreign key's id (join trimmed)": lambda: Event.objects.filter(dialogue__id=1),
    "many-to-many": lambda: Event.objects.filter(topics__slug="carbon-markets"),
    "subquery": lambda: Event.objects.filter(
        pk__in=Subquery(Event.objects.filter(topics__slug="carbon-markets").values("pk"))
    ),
    "visible rows, through their records": lambda: EventParticipation.objects.visible_to(AnonymousUser()),
    "visible records": lambda: Event.objects.visible_to(AnonymousUser()),
    "a FilterSet's joins": lambda: (
        EventFilterSet(
            {"dialogue": "t2d", "topic": "carbon-markets"}, queryset=Event.objects.visible_to(AnonymousUser())
        ).qs
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(FILTERED))
def test_joins_other_tables_agrees_with_the_joins_of_the_sql(name):
    factories.DialogueFactory(slug="t2d")
    factories.TopicFactory(slug="carbon-markets")
    queryset = FILTERED[name]()

    assert joins_other_tables(queryset) is (tables_in_sql(queryset) > 1)


@pytest.mark.django_db
def test_joins_other_tables_only_when_a_filter_joined():
    assert not joins_other_tables(Event.objects.all())
    assert not joins_other_tables(Event.objects.filter(country="DE"))
    assert not joins_other_tables(Event.objects.filter(dialogue__isnull=True))
    assert joins_other_tables(Event.objects.filter(dialogue__slug="t2d"))
    assert joins_other_tables(Event.objects.filter(topics__slug="t"))


@pytest.mark.django_db
def test_explicit_ordering_is_what_order_by_was_given():
    by_name = Event.objects.order_by("country", "-id")
    by_expression = Event.objects.order_by(F("start_date").desc(nulls_last=True))

    assert explicit_ordering(by_name) == ("country", "-id")
    # A model's Meta.ordering is not "given" (modeltranslation gives a translated model's its own way).
    assert explicit_ordering(EventParticipation.objects.all()) == ()
    assert EventParticipation.objects.all().ordered and not Event.objects.order_by().ordered
    assert explicit_ordering(Event.objects.order_by()) == ()
    for queryset in (by_name, by_expression):
        # Given back to order_by(), it orders as before.
        assert str(Event.objects.order_by(*explicit_ordering(queryset)).query) == str(queryset.query)


@pytest.mark.django_db
def test_sql_with_params_runs_as_the_queryset_does():
    factories.DialogueFactory(slug="de-cn", parties=["DE", "CN"])
    factories.DialogueFactory(slug="eu-us", parties=["EU", "US"])
    queryset = Dialogue.objects.filter(parties__overlap=["DE"]).order_by().values("id", "parties")

    sql, params = sql_with_params(queryset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    assert rows == list(queryset) == [{"id": rows[0]["id"], "parties": ["DE", "CN"]}]


@pytest.mark.django_db
def test_condition_holds_where_django_applies_a_conditional_unique_constraint():
    dialogue = factories.DialogueFactory()
    phase = factories.PhaseFactory(dialogue=dialogue)
    factories.WorkingGroupFactory(dialogue=dialogue, phase=None, number=2)
    factories.WorkingGroupFactory(dialogue=dialogue, phase=phase, number=2)
    factories.EventFactory(dialogue=dialogue, kind=Event.Kind.PLENARY, number=8)
    candidates = [
        WorkingGroup(dialogue=dialogue, phase=None, number=2),
        WorkingGroup(dialogue=dialogue, phase=phase, number=2),
        Event(dialogue=dialogue, kind=Event.Kind.PLENARY, number=8),
        Event(dialogue=None, kind=Event.Kind.PLENARY, number=8),
        Event(dialogue=dialogue, kind=Event.Kind.PLENARY, number=None),
    ]
    checked = 0
    for instance in candidates:
        model = type(instance)
        for constraint in model._meta.constraints:
            if not isinstance(constraint, models.UniqueConstraint) or constraint.condition is None:
                continue
            # Each candidate duplicates a stored row, so Django refuses it exactly where the
            # constraint's condition holds for it.
            try:
                constraint.validate(model, instance)
            except ValidationError:
                django_applies = True
            else:
                django_applies = False
            assert condition_holds(constraint.condition, instance) is django_applies, constraint.name
            checked += 1
    assert checked == 5


# REST framework: config/api/permissions.py and config/api/serializers.py --------------------------


def viewsets():
    for app in settings.ATLAS_APPS:
        for _prefix, viewset, _basename in import_module(f"{app}.api.urls").router.registry:
            yield viewset


def a_view(viewset, method="post"):
    request = Request(getattr(APIRequestFactory(), method)("/"))
    request.user = AnonymousUser()
    view = viewset(
        action="create" if method == "post" else "list", request=request, kwargs={}, format_kwarg=None
    )
    return request, view


@pytest.mark.django_db
@pytest.mark.parametrize("viewset", list(viewsets()), ids=lambda viewset: viewset.__name__)
def test_permissions_name_the_model_rest_framework_would_name(viewset):
    _request, view = a_view(viewset, "get")

    assert ReadOrModelPermission()._queryset(view).model is DjangoModelPermissions()._queryset(view).model


@pytest.mark.django_db
def test_rest_framework_asks_the_permission_for_its_queryset_and_gets_it_unbuilt(admin_user):
    asked = []

    class Recording(ReadOrModelPermission):
        def _queryset(self, view):
            asked.append(view)
            return super()._queryset(view)

    class Unbuilt(viewsets_by_name()["EventViewSet"]):
        def get_queryset(self):
            raise AssertionError("the permission built the view's queryset")

    request, view = a_view(Unbuilt)
    request.user = admin_user

    assert Recording().has_permission(request, view) is True
    assert asked == [view]
    assert list(inspect.signature(DjangoModelPermissions._queryset).parameters) == ["self", "view"]


def viewsets_by_name():
    return {viewset.__name__: viewset for viewset in viewsets()}


REFERENCE_OPTIONS = {
    "read_only": True,
    "source": "topics",
    "label": "Topics",
    "help_text": "The topics.",
    "allow_empty": False,
    "style": {"base_template": "select_multiple.html"},
}


def test_many_references_take_the_options_rest_framework_gives_a_list():
    ours = ReferenceField(many=True, **REFERENCE_OPTIONS)
    theirs = serializers.RelatedField.many_init.__func__(ReferenceField, **REFERENCE_OPTIONS)

    assert type(ours) is ManyReferenceField and type(theirs) is serializers.ManyRelatedField
    assert {**ours._kwargs, "child_relation": None} == {**theirs._kwargs, "child_relation": None}
    assert type(ours.child_relation) is type(theirs.child_relation) is ReferenceField
    assert ours.child_relation._kwargs == theirs.child_relation._kwargs


# django-filter: config/framework/filtersets.py ------------------------------------------------------


def filterset_classes():
    classes = []
    for app in settings.ATLAS_APPS:
        module = import_module(f"{app}.filtersets")
        classes += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, RecordFilterSet)
            and value.__module__ == module.__name__
        ]
    return classes


def deep_copying(filterset_class):
    """``filterset_class`` with the ``base_filters`` django-filter itself copies: deeply."""
    twin = type(f"DeepCopying{filterset_class.__name__}", (filterset_class,), {})
    twin.base_filters = dict(filterset_class.base_filters)
    return twin


def sample_value(filter_, request, records) -> str:
    if isinstance(filter_, SlugFilter):
        return records[filter_.extra["queryset"](request).model].slug
    if isinstance(filter_, CountryFilter):
        return "DE"
    if isinstance(filter_, YearFilter):
        return "2024"
    if isinstance(filter_, django_filters.IsoDateTimeFilter):
        return "2024-01-01T00:00:00+00:00"
    if isinstance(filter_, django_filters.DateFilter):
        return "2024-01-01"
    choices = filter_.extra.get("choices")
    assert choices and not callable(choices), f"no sample value for {type(filter_).__name__}"
    return str(list(choices)[-1][0])


@pytest.fixture
def records():
    uba = factories.OrganisationFactory(slug="uba")
    topic = factories.TopicFactory(slug="carbon-markets")
    dialogue = factories.DialogueFactory(slug="t2d", start_date=datetime.date(2020, 12, 1))
    dialogue.topics.add(topic)
    phase = factories.PhaseFactory(dialogue=dialogue, slug="t2d-phase-1")
    factories.DialogueRoleFactory(dialogue=dialogue, organisation=uba, phase=phase)
    working_group = factories.WorkingGroupFactory(dialogue=dialogue, phase=phase, slug="t2d-wg-1")
    programme = factories.ProgrammeFactory(slug="iki")
    project = factories.ProjectFactory(slug="clct", programme=programme, countries=["DE", "CN"])
    project.dialogues.add(dialogue)
    factories.ProjectRoleFactory(project=project, organisation=uba)
    event = factories.EventFactory(
        slug="plenary", dialogue=dialogue, working_group=working_group, country="DE"
    )
    event.topics.add(topic)
    event.projects.add(project)
    factories.EventParticipationFactory(event=event, organisation=uba)
    factories.SessionFactory(event=event)
    factories.PublicationFactory(dialogue=dialogue, date=datetime.date(2024, 5, 1))
    factories.AffiliationFactory(organisation=uba)
    return {
        type(record): record
        for record in (uba, topic, dialogue, phase, working_group, programme, project, event)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("filterset_class", filterset_classes(), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("reader", ["anonymous", "staff"])
def test_shallow_copies_filter_as_django_filters_deep_copies(filterset_class, reader, records, staff):
    assert isinstance(filterset_class.base_filters, ShallowCopiedFilters)
    request = APIRequestFactory().get("/")
    request.user = AnonymousUser() if reader == "anonymous" else staff
    values = {name: sample_value(f, request, records) for name, f in filterset_class.base_filters.items()}
    model = filterset_class._meta.model
    matched = 0

    for data in [*({name: value} for name, value in values.items()), values, {"year": "twenty"}]:
        queryset = model.objects.visible_to(request.user)
        shallow = filterset_class(data, queryset=queryset, request=request)
        deep = deep_copying(filterset_class)(data, queryset=queryset, request=request)

        assert shallow.is_valid() == deep.is_valid(), data
        assert shallow.errors == deep.errors, data
        assert str(shallow.qs.query) == str(deep.qs.query), data
        found = list(shallow.qs.values_list("pk", flat=True))
        assert found == list(deep.qs.values_list("pk", flat=True)), data
        matched += bool(found)
    assert matched  # the sample values find records, so the filters were applied


@pytest.mark.django_db
def test_each_copy_builds_its_own_form_field_as_a_deep_copy_would(records):
    # The schema generator reads the form field of a base filter, which keeps it in ``_field``.
    base = EventFilterSet.base_filters["kind"]
    base_field = base.field
    request = APIRequestFactory().get("/")
    request.user = AnonymousUser()

    shallow = EventFilterSet({"kind": "plenary"}, request=request)
    deep = deep_copying(EventFilterSet)({"kind": "plenary"}, request=request)

    assert shallow.filters["kind"].field is not base_field
    assert deep.filters["kind"].field is not base_field
    assert shallow.filters["kind"].field.choices == deep.filters["kind"].field.choices == base_field.choices
    assert copy.copy(base).__dict__.get("_field") is base_field  # what a bare shallow copy would share
