"""Fixtures for the whole suite: test settings, the seed data, and one user and client per role."""

import copy
import io

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from rest_framework.test import APIClient

from config.editorial.workflow import EDITORS, PARTNER_SYSTEMS, PUBLISHERS, VIEWERS
from config.operations import resilient_cache
from tests.factories import PartnerFactory, StaffFactory, UserFactory, member_of
from tests.helpers import record_permissions, token_client
from tests.redis_server import RedisServer


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


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English: a request leaves its language active in the thread (Django's
    LocaleMiddleware activates it and never resets it), and a factory's `name=` would be written
    into that language's column."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def redis_server(tmp_path):
    """A Redis server of this test's own (tests/redis_server.py): stop it, hang it, start it again."""
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server, settings, monkeypatch):
    """The shared cache as production configures it, on this test's own Redis server (retried at
    once after a failure, not after REDIS_RETRY_SECONDS)."""
    monkeypatch.setattr(resilient_cache, "_circuits", {})  # a later test may get the same free port
    settings.CACHES = {
        "default": {
            "BACKEND": "config.operations.resilient_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            "RETRY_SECONDS": 0,
            "SHARED_ONLY_PREFIXES": ["atlas:"],
        }
    }
    return redis_server


@pytest.fixture(scope="session")
def job_files(tmp_path_factory):
    """The folder of the jobs' files (uploads to import, exports made) for the whole run."""
    return tmp_path_factory.mktemp("jobs")


@pytest.fixture(autouse=True)
def jobs_run_at_once(settings, job_files):
    """Background jobs run as they are enqueued, their files in ``job_files``.

    The database backend and a real worker are what tests/config/editorial/test_jobs.py runs.
    """
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "jobs": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": job_files},
        },
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The test process's connections without the requests' timeouts, and a read-replica alias that
    mirrors the test database, as DATABASE_REPLICA_URLS would add."""
    from django.conf import settings
    from django.db import connections

    from config.operations.database import connection_options

    # The test process runs like a command: without the requests' statement and idle timeouts. Its
    # set-up migrates and its teardown drops the test database, and on a busy machine DROP DATABASE
    # was cancelled at the 10 s of a request. The timeouts of requests are tested in fresh processes
    # (tests/config/operations/test_database.py, tests/operations/test_database_faults.py).
    primary = connections["default"].settings_dict
    primary["OPTIONS"] = {
        **primary.get("OPTIONS", {}),
        **connection_options(
            connect_timeout=settings.DATABASE_CONNECT_TIMEOUT,
            statement_timeout_ms=0,
            lock_timeout_ms=0,
            idle_in_transaction_timeout_ms=0,
        ),
    }
    replica = copy.deepcopy(primary)
    replica["TEST"]["MIRROR"] = "default"
    settings.DATABASES.setdefault("replica_1", replica)
    connections.settings.setdefault("replica_1", replica)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed data from fixtures/, loaded into the test database for one module.

    Yields the output of ``load_seed``. Everything the module's tests see is rolled back at the end,
    so other test modules start from an empty database. A module that uses it uses it for every test
    (``pytestmark``): a test of the same module that runs after the first seeded one sees the seed too.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_seed", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


# Users, one per role. Every factory user's password is factories.PASSWORD. -------------------------
# The superuser is pytest-django's ``admin_user`` (``admin_client`` signed in as it).


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def signed_in_user(db):
    """An account outside every group: it sees what anonymous visitors see."""
    return UserFactory()


@pytest.fixture
def partner(db):
    """A partner account (the Partners group): also sees published records for partners."""
    return PartnerFactory()


@pytest.fixture
def staff(db):
    """A staff member without permissions: sees every record, may change none."""
    return StaffFactory()


@pytest.fixture
def viewer(db):
    """A staff member in the Viewers group: reads everything in the admin, writes nothing."""
    return member_of(VIEWERS, username="viewer")


@pytest.fixture
def editor(db):
    """A staff member in the Editors group: writes drafts and records in review, publishes nothing."""
    return member_of(EDITORS, username="editor")


@pytest.fixture
def publisher(db):
    """A staff member in the Publishers group: an editor who may also publish and unpublish."""
    return member_of(PUBLISHERS, username="publisher")


@pytest.fixture
def writer(db):
    """A staff account that may write every record, published ones included, through the API (the
    write contract's tests). A partner system's account never publishes: see ``partner_system``."""
    user = StaffFactory()
    user.user_permissions.add(*record_permissions())
    return user


@pytest.fixture
def partner_system(db):
    """A partner system's account: a partner in the group *Partner systems* (add and change on
    every record), not staff: it writes drafts and records in review, and reads its own drafts."""
    user = member_of(PARTNER_SYSTEMS, username="partner-system")
    user.groups.add(*PartnerFactory().groups.all())
    return user


# API clients: anonymous, and signed in with a token as each role ----------------------------------


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
def publisher_api(publisher):
    return token_client(publisher)


@pytest.fixture
def writer_api(writer):
    return token_client(writer)


@pytest.fixture
def partner_system_api(partner_system):
    return token_client(partner_system)
