"""Settings that scale out are chosen from the environment: media storage and the shared cache."""

import json
import os
import subprocess
import sys

SHOW = (
    "import django, json; django.setup(); from django.conf import settings;"
    "from django.core.cache import caches; from django.core.files.storage import storages;"
    "default_storage, cache = storages['default'], caches['default'];"
    "print(json.dumps({'storage': type(default_storage).__module__ + '.' + type(default_storage).__name__,"
    " 'bucket': getattr(default_storage, 'bucket_name', None),"
    " 'endpoint': getattr(default_storage, 'endpoint_url', None),"
    " 'cache': type(cache).__name__, 'response_cache_seconds': settings.RESPONSE_CACHE_SECONDS}))"
)
UNSET = ("AWS_STORAGE_BUCKET_NAME", "S3_ENDPOINT_URL", "REDIS_URL", "RESPONSE_CACHE_SECONDS", "DJANGO_ENV")


def settings_with(**variables) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    environment |= {"DJANGO_SETTINGS_MODULE": "config.settings", **variables}
    environment.setdefault("DATABASE_URL", "postgres://atlas@db.internal:5432/atlas")
    result = subprocess.run(
        [sys.executable, "-c", SHOW], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_media_on_s3_compatible_storage_when_a_bucket_is_named():
    shown = settings_with(AWS_STORAGE_BUCKET_NAME="atlas-media", S3_ENDPOINT_URL="https://s3.example.org")

    assert (shown["storage"], shown["bucket"], shown["endpoint"]) == (
        "storages.backends.s3.S3Storage",
        "atlas-media",
        "https://s3.example.org",
    )


def test_media_on_the_local_disk_without_a_bucket():
    shown = settings_with()

    assert (shown["storage"], shown["bucket"]) == (
        "django.core.files.storage.filesystem.FileSystemStorage",
        None,
    )


def test_redis_is_the_shared_cache_when_configured():
    assert settings_with(REDIS_URL="redis://127.0.0.1:6379/0")["cache"] == "RedisCache"
    assert settings_with()["cache"] == "LocMemCache"


def test_production_caches_responses_only_in_a_shared_cache():
    production = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50}

    assert settings_with(**production)["response_cache_seconds"] == 0
    assert settings_with(**production, REDIS_URL="redis://127.0.0.1:6379/0")["response_cache_seconds"] == 300
