"""The seed's values that its sources do not give, corrected in a database the earlier seed made.

The seed once recorded a track, two kinds of event and five roles that the source documents do not
state (issue 17). Most of them are fields ``load_seed`` compares; but a participation's or a
speaker's role is part of the row's natural key, so a corrected role in the seed would be a new row
beside the old one. This moves each of those values to what the seed now says, only where the
record is exactly as the seed wrote it: its value still the old one and every entry of its history
the seed's. A record an editor has changed since keeps its value (``load_seed`` then reports it).
Each correction is entered in the record's history as the seed's, like ``load_seed --update``.
"""

from django.db import migrations
from django.utils import timezone

SEED_REASON = "Seed data"

# (app, model, lookup of the record, field, the seed's old value, its value now)
CORRECTIONS = [
    ("dialogues", "Dialogue", {"slug": "sino-german-transport-policy-dialogue"}, "track", "1", ""),
    ("events", "Event", {"slug": "t2d-hertie-school-event"}, "kind", "conference", ""),
    ("events", "Event", {"slug": "bmvi-mot-mobility-fuel-strategy-event"}, "kind", "conference", ""),
    (
        "events",
        "EventSpeaker",
        {"event__slug": "t2d-hertie-school-event", "person__slug": "jennifer-morgan"},
        "role",
        "speaker",
        "",
    ),
    (
        "events",
        "EventParticipation",
        {
            "event__slug": "state-council-beautiful-china-pioneer-demonstrations-2025-01",
            "organisation__slug": "state-council-china",
        },
        "role",
        "organiser",
        "approver",
    ),
    (
        "events",
        "EventParticipation",
        {
            "event__slug": "state-council-territorial-spatial-master-plans-2025",
            "organisation__slug": "state-council-china",
        },
        "role",
        "organiser",
        "approver",
    ),
    (
        "events",
        "EventParticipation",
        {
            "event__slug": "ndrc-nea-feed-in-tariff-marketisation-notice-2025-01-27",
            "organisation__slug": "ndrc",
        },
        "role",
        "organiser",
        "issuer",
    ),
    (
        "events",
        "EventParticipation",
        {
            "event__slug": "ndrc-nea-feed-in-tariff-marketisation-notice-2025-01-27",
            "organisation__slug": "nea",
        },
        "role",
        "organiser",
        "issuer",
    ),
]


def as_seeded(historical, pk) -> bool:
    """Whether every entry of the record's history is the seed's (no editor has touched it)."""
    entries = historical.objects.filter(id=pk)
    return entries.exists() and not entries.exclude(history_change_reason=SEED_REASON).exists()


def correct(apps, schema_editor):
    now = timezone.now()
    for app, name, lookup, field, old, new in CORRECTIONS:
        model = apps.get_model(app, name)
        historical = apps.get_model(app, f"Historical{name}")
        for record in model._base_manager.filter(**lookup, **{field: old}):
            if not as_seeded(historical, record.pk):
                continue
            model._base_manager.filter(pk=record.pk).update(**{field: new}, updated_at=now)
            latest = historical.objects.filter(id=record.pk).order_by("-history_date", "-history_id").first()
            values = {
                column.attname: getattr(latest, column.attname)
                for column in historical._meta.concrete_fields
                if column.attname != "history_id"
            }
            values.update(
                {field: new},
                updated_at=now,
                history_date=now,
                history_type="~",
                history_change_reason=SEED_REASON,
                history_user_id=None,
            )
            historical.objects.create(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_unstated_kind_and_roles"),
        ("dialogues", "0006_unstated_track_and_roles"),
    ]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
