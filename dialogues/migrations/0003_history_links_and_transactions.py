"""Every history entry keeps its many-to-many links and the transaction that wrote it.

``history_links`` stays empty (NULL) in the entries written before: their links were not kept.
``history_transaction`` stays empty in them too: they are grouped into versions by author, reason
and time (``config.editorial.versions``).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0002_text_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaldialogue",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicaldialogue",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicaldialogueaim",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicaldialogueaim",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicaldialoguerole",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicaldialoguerole",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalphase",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalphase",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalpublication",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalpublication",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalpublicationauthor",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalpublicationauthor",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicaltopic",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicaltopic",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalworkinggroup",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalworkinggroup",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalworkinggroupmember",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalworkinggroupmember",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
    ]
