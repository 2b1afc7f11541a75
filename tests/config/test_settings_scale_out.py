"""Settings that scale out are chosen from the environment: media storage and the shared cache."""

import os

from tests.settings_probe import configured

UNSET = ("AWS_STORAGE_BUCKET_NAME", "S3_ENDPOINT_URL", "REDIS_URL", "RESPONSE_CACHE_SECONDS", "DJANGO_ENV")


def settings_with(**variables) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    environment.setdefault("DATABASE_URL", "postgres://atlas@db.internal:5432/atlas")
    return configured(
        environment | variables,
        storage="type(storages['default']).__module__ + '.' + type(storages['default']).__name__",
        bucket="getattr(storages['default'], 'bucket_name', None)",
        endpoint="getattr(storages['default'], 'endpoint_url', None)",
        cache="type(caches['default']).__name__",
        response_cache_seconds="settings.RESPONSE_CACHE_SECONDS",
    )


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
