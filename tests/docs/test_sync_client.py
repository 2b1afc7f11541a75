"""The sync recipe of docs/api.md, run as a partner would: the example client in docs/examples,
over real HTTP, against a server whose records a writer changes while the client syncs.

After every round the copy must equal a fresh export, record for record, for an anonymous
reader and for a partner account.
"""

import datetime
import importlib.util
import random
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from config.editorial import workflow
from config.framework.visibility import Status, Visibility
from dialogues.models import Topic
from events.models import Event, EventParticipation, Session
from institutions.models import Organisation
from tests.factories import (
    DialogueRoleFactory,
    EventFactory,
    EventParticipationFactory,
    OrganisationFactory,
    PartnerFactory,
    SessionFactory,
    StaffFactory,
    TopicFactory,
)
from tests.helpers import issue_token

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS, CHANGES_PER_ROUND = 8, 20


def example_client():
    path = Path(settings.BASE_DIR) / "docs" / "examples" / "sync_client.py"
    spec = importlib.util.spec_from_file_location("sync_client", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def differences(copy: dict, fresh: dict) -> list[str]:
    found = []
    for kind in sorted(set(copy) | set(fresh)):
        mine, theirs = copy.get(kind, {}), fresh.get(kind, {})
        found += [f"{kind} {key}: missing" for key in theirs.keys() - mine.keys()]
        found += [f"{kind} {key}: should be gone" for key in mine.keys() - theirs.keys()]
        found += [f"{kind} {key}: stale" for key in theirs.keys() & mine.keys() if mine[key] != theirs[key]]
    return found


class Writer:
    """An editorial team at work: every kind of change the feed must carry, chosen at random."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.publisher = StaffFactory(is_superuser=True)
        self.scheduled_until = timezone.now()

    def pick(self, model, *conditions, **filters):
        ids = list(model._base_manager.filter(*conditions, **filters).values_list("pk", flat=True))
        return model._base_manager.get(pk=self.random.choice(ids)) if ids else None

    def change(self) -> None:
        operation = self.random.choice(
            [
                self.create_event,
                self.rename_organisation,
                self.delete_event,
                self.unpublish_or_publish,
                self.schedule,
                self.change_visibility,
                self.edit_rows,
                self.move_participation,
                self.change_topics,
            ]
        )
        with transaction.atomic():
            operation()

    def create_event(self):
        event = EventFactory(visibility=self.random.choice(list(Visibility)))
        EventParticipationFactory(event=event, organisation=self.pick(Organisation))
        SessionFactory(event=event)

    def rename_organisation(self):
        organisation = self.pick(Organisation)
        organisation.name = f"Organisation renamed {self.random.randrange(10**6)}"
        organisation.save()

    def delete_event(self):
        event = self.pick(Event, children__isnull=True)
        if event is not None:
            workflow.delete_record(record=event, by=self.publisher)

    def unpublish_or_publish(self):
        event = self.pick(Event)
        to = Status.DRAFT if event.status == Status.PUBLISHED else Status.PUBLISHED
        workflow.transition(record=event, to=to, by=self.publisher)

    def schedule(self):
        event = self.pick(Event)
        when = timezone.now() + datetime.timedelta(seconds=self.random.uniform(0.2, 1.5))
        workflow.transition(record=event, to=Status.PUBLISHED, by=self.publisher, publish_at=when)
        self.scheduled_until = max(self.scheduled_until, when)

    def change_visibility(self):
        record = self.pick(self.random.choice([Event, Organisation]))
        record.visibility = self.random.choice(list(Visibility))
        record.save()

    def edit_rows(self):
        session = self.pick(Session)
        if session is None:
            return
        if self.random.random() < 0.5:
            session.title = f"Session {self.random.randrange(10**6)}"
            session.save()
        else:
            session.delete()

    def move_participation(self):
        participation = self.pick(EventParticipation)
        if participation is None:
            return
        # To an event the organisation does not take part in yet (one participation each).
        target = self.pick(Event, ~Q(participations__organisation=participation.organisation_id))
        if target is not None:
            participation.event = target
            participation.save()

    def change_topics(self):
        event, topic = self.pick(Event), self.pick(Topic) or TopicFactory()
        if event.topics.filter(pk=topic.pk).exists():
            event.topics.remove(topic)
        else:
            event.topics.add(topic)


def test_a_copy_kept_by_the_example_client_equals_a_fresh_export_after_every_round(
    live_server, record_property
):
    sync_client = example_client()
    api = f"{live_server.url}/api/v1/"
    for _ in range(10):
        participation = EventParticipationFactory(organisation=OrganisationFactory())
        SessionFactory(event=participation.event)
        DialogueRoleFactory(organisation=participation.organisation)
        participation.event.topics.add(TopicFactory())
    EventFactory(visibility=Visibility.PARTNERS)
    partner_key = issue_token(PartnerFactory(), "read")
    copies = {"anonymous": sync_client.AtlasCopy(api), "partner": sync_client.AtlasCopy(api, partner_key)}
    for copy in copies.values():
        copy.sync()  # the first copy, from the exports
        copy.sync()  # and the feed, from the first export's cursor
    writer = Writer(seed=12)
    report, failures = [], []

    for round_number in range(ROUNDS):
        done = threading.Event()

        def write(done=done):
            try:
                for _ in range(CHANGES_PER_ROUND):
                    writer.change()
                    time.sleep(0.02)
            except Exception as error:
                failures.append(error)  # the round is void: the test fails below
            finally:
                done.set()
                connection.close()

        thread = threading.Thread(target=write)
        thread.start()
        while not done.is_set():  # the partners sync while the writer writes
            for copy in copies.values():
                copy.sync()
        thread.join()
        assert failures == [], f"round {round_number}: a change of the writer failed: {failures}"
        time.sleep(max(0.0, (writer.scheduled_until - timezone.now()).total_seconds()) + 0.1)
        for reader, copy in copies.items():
            copy.sync()
            fresh = sync_client.AtlasCopy(api, copy.token)
            fresh.first_copy()
            found = differences(copy.records, fresh.records)
            report.append((round_number, reader, sum(map(len, fresh.records.values())), len(found)))
            assert found == [], f"round {round_number}, {reader}: {found}"
    # Reported in the JUnit XML (--junitxml): round, reader, records in the copy, differences.
    record_property("sync_rounds", report)
    assert len(report) == ROUNDS * 2 and all(differences == 0 for *_, differences in report)
