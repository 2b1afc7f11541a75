"""The changes feed: its entries and its one row of housekeeping (``config.atlas.changes``)."""

import django.db.models.functions.datetime
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_authtoken_tokens"),
    ]

    operations = [
        migrations.CreateModel(
            name="FeedState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "due_checked_at",
                    models.DateTimeField(db_default=django.db.models.functions.datetime.Now()),
                ),
                ("pruned_txid", models.BigIntegerField(default=0)),
                ("pruned_seq", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="FeedEntry",
            fields=[
                ("seq", models.BigAutoField(primary_key=True, serialize=False)),
                ("txid", models.BigIntegerField()),
                ("kind", models.CharField(max_length=40)),
                ("object_id", models.BigIntegerField()),
                (
                    "at",
                    models.DateTimeField(db_default=django.db.models.functions.datetime.Now(), db_index=True),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["txid", "seq"], name="api_feedentry_position"),
                    models.Index(fields=["kind", "object_id", "-txid", "-seq"], name="api_feedentry_version"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("txid", "kind", "object_id"), name="api_feedentry_once_per_txn"
                    )
                ],
            },
        ),
        # The housekeeping row, so that scheduled publications are entered from now on.
        migrations.RunSQL(
            "INSERT INTO api_feedstate (due_checked_at, pruned_txid, pruned_seq) VALUES (now(), 0, 0)",
            migrations.RunSQL.noop,
        ),
    ]
