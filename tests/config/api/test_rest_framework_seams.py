"""The parts of REST framework the API's conventions lean on (config/api/permissions.py and
config/api/serializers.py), pinned against what REST framework itself does. Pinned elsewhere: the
serializers' plain columns (tests/config/api/test_serializers.py) and drf-spectacular's response
hook (tests/config/api/test_schema.py).
"""

import inspect
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from rest_framework import serializers
from rest_framework.permissions import DjangoModelPermissions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from config.api.permissions import ReadOrModelPermission
from config.api.serializers import ManyReferenceField, ReferenceField

# REST framework: config/api/permissions.py and config/api/serializers.py --------------------------


def viewsets():
    for app in settings.ATLAS_APPS:
        for _prefix, viewset, _basename in import_module(f"{app}.api.urls").router.registry:
            yield viewset


def a_view(viewset, method="post"):
    request = Request(getattr(APIRequestFactory(), method)("/"))
    # As REST framework's authentication leaves it: no token, so no scopes to check.
    request.user, request.auth = AnonymousUser(), None
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
