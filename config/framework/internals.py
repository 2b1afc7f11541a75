"""The private parts of Django the atlas reads, each behind one function.

Django documents none of what these functions read. Each is read because it was measured to matter
or because Django offers no public way to ask; every function says which, and what breaks if a
Django release changes what it reads. ``tests/config/framework/test_internals.py`` pins each one against
Django's own behaviour, and pyproject.toml pins Django to the release they were checked on, so an
upgrade fails those tests first: the fix then belongs here, not in the callers.

(REST framework's and django-filter's private parts are read beside their only users:
``PlainColumnsAsIsMixin`` and ``ReferenceField.many_init`` in ``config.api.serializers``,
``ReadOrModelPermission`` in ``config.api.permissions``, ``ShallowCopiedFilters`` in
``config.framework.filtersets``.)
"""

from django.db.models import Q


def is_own_manager(manager) -> bool:
    """Whether ``manager`` is one of its model's own managers (``Event.objects``), rather than a
    related manager (``event.topics``), which also filters by its instance.

    Reads ``Options.managers_map``. Why: ``AtlasManager.visible_to`` keeps one filtered queryset
    per model and kind of reader and hands out copies, because building the visibility condition
    and resolving its lookups took about a millisecond, a dozen times per API page (docs/scaling.md,
    "The read path"); a related manager must never be handed those copies. If Django dropped
    ``managers_map``, every ``visible_to()`` would raise ``AttributeError``; if a related manager
    were ever found in it, related lists would lose their instance's filter.
    """
    return manager.model._meta.managers_map.get(manager.name) is manager


def joins_other_tables(queryset) -> bool:
    """Whether the SQL of ``queryset`` joins another table to its own (a filter on a related
    record's column, say). A subquery (``pk__in=…``) is no join.

    Reads ``Query.alias_refcount`` (each table alias of the query, with how many of its parts use
    it: a join Django trimmed away stays with a count of 0, and the query's own table appears only
    once something refers to it). Why: a facet is counted with ``COUNT(*)``, which is exact and
    much cheaper than ``COUNT(DISTINCT …)``, when no join can repeat a record, and facet counts are
    the heaviest part of an unfiltered list page (docs/scaling.md, "Indexes" and "What limits the
    design next"). A wrong "no" would count a record once per joined row (wrong facet numbers); a
    wrong "yes" only costs the ``DISTINCT``.
    """
    return sum(1 for uses in queryset.query.alias_refcount.values() if uses) > 1


def explicit_ordering(queryset) -> tuple:
    """The ``order_by()`` given to ``queryset`` (names or expressions), or ``()`` when it has none
    and keeps its model's default ordering. (modeltranslation gives a translated model's default
    ordering as an ``order_by()``, with the names of the language's columns.)

    Reads ``Query.order_by``: a queryset says only whether it is ordered (``QuerySet.ordered``),
    not by what. Why: a list's order must end with the id to page stably, and search must keep an
    ``?ordering=`` the client asked for. If Django renamed it, every ordered list would raise
    ``AttributeError``.
    """
    return tuple(queryset.query.order_by)


def sql_with_params(queryset) -> tuple[str, tuple]:
    """The SQL of ``queryset`` and its parameters, apart, to be run inside a raw query.

    Reads ``Query.sql_with_params()`` (``str(queryset.query)`` puts the parameters into the text
    unquoted). Why: an array facet counts the elements of an array column of the filtered records
    with ``unnest()``, which the ORM cannot express. If Django changed it, the list pages with an
    array facet (dialogues by party) would fail.
    """
    return queryset.query.sql_with_params()


def condition_holds(condition: Q, instance) -> bool:
    """Whether the unsaved values of ``instance`` meet ``condition``, a conditional unique
    constraint's, decided as Django decides it when it validates that constraint: by the database,
    on the instance's values, an unknown (NULL) result counting as not met.

    Reads ``Model._get_field_expression_map()`` and ``Q.check()``. Why: the rows of one inline
    formset must be refused when together they break a conditional unique constraint, before any of
    them is saved; Django's formset checks only unconditional ones. If Django changed either, the
    admin would fail on saving such a formset (``AttributeError`` or ``TypeError``).
    """
    return condition.check(instance._get_field_expression_map(meta=instance._meta))
