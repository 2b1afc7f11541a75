"""Give events the gazetteer's coordinates of the city their sources name (``config/framework/gazetteer.py``).

Idempotent: only events with a city, a country and no coordinates are looked up, and an event held
online is never a point. ``load_seed`` runs it after loading; run it by hand after an import.
Names the gazetteer does not know, or knows twice, are listed and the events stay unplaced.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from config.framework.gazetteer import Located
from config.operations.cache import invalidate
from events.models import Event

REASON = "Placed from the gazetteer"


class Command(BaseCommand):
    help = "Give events with a city and a country but no coordinates the gazetteer's coordinates."

    def handle(self, *args, **options):
        placed, unplaced = [], {}
        for event in unlocated():
            found = event.locate()
            if isinstance(found, Located):
                placed.append(event)
            elif found is not None:
                unplaced.setdefault(found.reason, []).append(event.slug)
        with transaction.atomic():
            Event.objects.bulk_update(
                placed, ["latitude", "longitude", "coordinates_source"], batch_size=1000
            )
            Event.history.bulk_history_create(placed, default_change_reason=REASON)
        if placed:
            invalidate()
        for reason, slugs in sorted(unplaced.items()):
            shown = ", ".join(slugs[:5]) + (f" and {len(slugs) - 5} more" if len(slugs) > 5 else "")
            self.stderr.write(f"Unplaced: {reason} ({shown})")
        self.stdout.write(
            f"Places: {len(placed)} events placed, {sum(map(len, unplaced.values()))} unplaced."
        )


def unlocated():
    """Events a source names a city for that have no coordinates yet, by id (a stable report)."""
    return (
        Event.objects.filter(latitude__isnull=True)
        .exclude(Q(city="") | Q(country="") | Q(mode=Event.Mode.ONLINE))
        .order_by("pk")
        .iterator(chunk_size=2000)
    )
