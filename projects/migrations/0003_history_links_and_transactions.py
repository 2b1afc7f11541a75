"""Every history entry keeps its many-to-many links and the transaction that wrote it.

``history_links`` stays empty (NULL) in the entries written before: their links were not kept.
``history_transaction`` stays empty in them too: they are grouped into versions by author, reason
and time (``config.editorial.versions``).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_text_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalprogramme",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalprogramme",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalprogrammefunder",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalprogrammefunder",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalproject",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalproject",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalprojectcontact",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalprojectcontact",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalprojectfocusarea",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalprojectfocusarea",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
        migrations.AddField(
            model_name="historicalprojectrole",
            name="history_links",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="links"),
        ),
        migrations.AddField(
            model_name="historicalprojectrole",
            name="history_transaction",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="transaction"),
        ),
    ]
