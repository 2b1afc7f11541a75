"""The API's idempotency keys: one row per account and key, with the first answer to it."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="IdempotencyKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=255, verbose_name="key")),
                (
                    "fingerprint",
                    models.CharField(
                        help_text="SHA-256 of the method, address and body.",
                        max_length=64,
                        verbose_name="fingerprint",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="created at"
                    ),
                ),
                (
                    "response_status",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="response status"),
                ),
                (
                    "response_headers",
                    models.JSONField(blank=True, default=dict, verbose_name="response headers"),
                ),
                ("response_body", models.BinaryField(blank=True, null=True, verbose_name="response body")),
                (
                    "user",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="account",
                    ),
                ),
            ],
            options={
                "verbose_name": "idempotency key",
                "verbose_name_plural": "idempotency keys",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "key"), name="api_idempotency_one_key_per_account"
                    )
                ],
            },
        ),
    ]
