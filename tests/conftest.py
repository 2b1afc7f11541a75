import copy

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from tests.factories import PartnerFactory, StaffFactory, UserFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the transactional tests (the browser tests) last, after every other plugin's ordering.

    A transactional test empties every table when it ends, including the rows the data migrations
    wrote (the editorial groups and their permissions), so no test that relies on them may run
    after it. pytest-django orders them last, but pytest's own reordering, which keeps together
    the tests that share a parametrized session fixture (pytest-playwright's ``browser_name``),
    runs after it and moved the Chromium tests back among the others.
    """

    def transactional(item) -> bool:
        marker = item.get_closest_marker("django_db")
        return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(
            item, "fixturenames", ()
        )

    items.sort(key=transactional)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached responses and throttle counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A read-replica alias that mirrors the test database, as DATABASE_REPLICA_URLS would add."""
    from django.conf import settings
    from django.db import connections

    replica = copy.deepcopy(connections["default"].settings_dict)
    replica["TEST"]["MIRROR"] = "default"
    settings.DATABASES.setdefault("replica_1", replica)
    connections.settings.setdefault("replica_1", replica)


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
