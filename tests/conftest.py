import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PartnerFactory, StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def signed_in_user(db):
    return UserFactory()


@pytest.fixture
def partner(db):
    return PartnerFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()
