"""Give events, and their further places, the gazetteer's coordinates of the city their sources
name (``config/framework/gazetteer.py``).

Idempotent: only events and further places with a city, a country and no coordinates are looked
up, and an event held online is never a point. ``load_seed`` runs it after loading; run it by
hand after an import. Names the gazetteer does not know, or knows twice, are listed and the
events stay unplaced.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from config.framework.gazetteer import Located
from config.operations.cache import invalidate
from events.models import Event, EventPlace

REASON = "Placed from the gazetteer"


class Command(BaseCommand):
    help = "Give events with a city and a country but no coordinates the gazetteer's coordinates."

    def handle(self, *args, **options):
        placed, unplaced = {Event: [], EventPlace: []}, {}
        for place in (*unlocated(), *unlocated_further_places()):
            found = place.locate()
            if isinstance(found, Located):
                placed[type(place)].append(place)
            elif found is not None:
                event = place if isinstance(place, Event) else place.event
                unplaced.setdefault(found.reason, []).append(event.slug)
        with transaction.atomic():
            for model, rows in placed.items():
                model.objects.bulk_update(
                    rows, ["latitude", "longitude", "coordinates_source"], batch_size=1000
                )
                model.history.bulk_history_create(rows, default_change_reason=REASON)
        if placed[Event] or placed[EventPlace]:
            invalidate()
        for reason, slugs in sorted(unplaced.items()):
            shown = ", ".join(slugs[:5]) + (f" and {len(slugs) - 5} more" if len(slugs) > 5 else "")
            self.stderr.write(f"Unplaced: {reason} ({shown})")
        self.stdout.write(
            f"Places: {len(placed[Event])} events placed, {sum(map(len, unplaced.values()))} unplaced."
            + (f" Further places: {len(placed[EventPlace])} placed." if placed[EventPlace] else "")
        )


def unlocated():
    """Events a source names a city for that have no coordinates yet, by id (a stable report)."""
    return (
        Event.objects.filter(latitude__isnull=True)
        .exclude(Q(city="") | Q(country="") | Q(mode=Event.Mode.ONLINE))
        .order_by("pk")
        .iterator(chunk_size=2000)
    )


def unlocated_further_places():
    """Further places with a city and a country but no coordinates, of events not held online."""
    return (
        EventPlace.objects.filter(latitude__isnull=True)
        .exclude(Q(country="") | Q(event__mode=Event.Mode.ONLINE))
        .select_related("event")
        .order_by("pk")
        .iterator(chunk_size=2000)
    )
