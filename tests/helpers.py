import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PartnerFactory, StaffFactory


@pytest.fixture(autouse=True)
def clear_throttle_counters():
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def record_permissions():
    """Every permission on the atlas's records (view, add, change, delete, publish)."""
    return Permission.objects.filter(content_type__app_label__in=settings.ATLAS_APPS)


def grant(user, model, *actions):
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label=model._meta.app_label, codename__in=codenames)
    )
    return user


@pytest.fixture
def api(db):
    return APIClient()


@pytest.fixture
def partner_api(partner):
    return token_client(partner)


@pytest.fixture
def staff_api(staff):
    return token_client(staff)


@pytest.fixture
def editor(db):
    """A staff member who may add, change and delete every record, as editors do in the admin."""
    user = StaffFactory()
    user.user_permissions.add(*record_permissions())
    return user


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def writer():
    """A partner account allowed to write every record."""
    user = PartnerFactory()
    user.user_permissions.add(*record_permissions())
    return user


@pytest.fixture
def writer_api(writer):
    return token_client(writer)
