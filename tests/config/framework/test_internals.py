"""config/framework/internals.py: each seam onto Django's private internals, pinned against what
Django itself does, so that an upgrade that changes one fails here first (the pins are in
pyproject.toml). The workflow form's ``_post_clean`` is pinned in tests/config/editorial/test_workflow.py
(test_admin_form_names_the_missing_permission).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Subquery

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
