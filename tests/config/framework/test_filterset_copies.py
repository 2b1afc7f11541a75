"""config/framework/filtersets.py's shallow copies of the filters, pinned against django-filter's
own deep copies. That each FilterSet keeps its filters apart per request is tested in
tests/config/framework/test_filtersets.py.
"""

import copy
import datetime
from importlib import import_module

import django_filters
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIRequestFactory

from config.framework.filtersets import (
    CountryFilter,
    RecordFilterSet,
    ShallowCopiedFilters,
    SlugFilter,
    YearFilter,
)
from events.filtersets import EventFilterSet
from tests import factories

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
    factories.EventPlaceFactory(event=event, country="DE")
    factories.OrganisationContactPointFactory(organisation=uba)
    factories.ProjectContactPointFactory(project=project)
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
