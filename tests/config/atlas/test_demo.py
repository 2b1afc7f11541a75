import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from config.atlas import demo
from config.framework.visibility import Status
from dialogues.models import Dialogue, DialogueRole, Phase, Publication, Topic
from events.models import Event, EventParticipation, EventSpeaker, Session
from institutions.models import Affiliation, Organisation, Person, Source
from projects.models import Project, ProjectRole
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def generate(events=200, seed=1, **options):
    call_command("generate_demo_data", events=events, seed=seed, verbosity=0, **options)


def test_generate_demo_data_in_proportion():
    generate(events=200)

    counts = {
        model.__name__: model.objects.count()
        for model in (Event, Organisation, Person, Dialogue, Project, Publication)
    }
    assert counts == {
        "Event": 200,
        "Organisation": 20,
        "Person": 20,
        "Dialogue": 2,
        "Project": 2,
        "Publication": 20,
    }
    assert Topic.objects.count() == len(demo.THEMES) + len(demo.THEME_LIST)
    for model in (Phase, DialogueRole, EventParticipation, EventSpeaker, Session, Affiliation, ProjectRole):
        assert model.objects.exists(), model.__name__
    assert Event.topics.through.objects.filter(event__slug__startswith="demo-").count() >= 200
    assert demo.dataset("default") == {"seed": 1, "events": 200}


def test_generate_demo_data_mixes_statuses_and_languages():
    generate(events=200)

    published = Event.objects.filter(status=Status.PUBLISHED).count()
    assert 150 <= published < 200
    assert Event.objects.exclude(visibility="public").exists()
    assert Event.objects.exclude(start_precision="day").exists()
    assert not Event.objects.filter(name_de__isnull=True).exists()
    assert not Event.objects.filter(name_zh_hans__isnull=True).exists()
    event = Event.objects.order_by("id").first()
    assert (event.name, event.name_en) == (event.name_en, event.name_en)
    assert event.name_de != event.name_en


def test_generate_demo_data_rows_are_valid():
    generate(events=200)

    checked = 0
    for model in demo.atlas_models(include_history=False):
        if model._meta.auto_created:
            continue
        for record in model.objects.order_by("pk")[::7]:
            record.full_clean()
            checked += 1
    assert checked > 250


def test_generate_demo_data_search_columns_are_filled():
    generate(events=200)

    event = Event.objects.get(pk=Event.objects.order_by("id").values_list("id", flat=True)[0])
    assert list(Event.objects.search(event.name_en).values_list("id", flat=True)[:1]) == [event.id]


def test_generate_demo_data_same_seed_same_rows():
    generate(events=200, seed=7)
    first = demo.content_hash("default")
    demo.clear("default")
    generate(events=200, seed=7)
    again = demo.content_hash("default")
    demo.clear("default")
    generate(events=200, seed=8)
    other = demo.content_hash("default")

    assert first == again
    assert first != other


def test_generate_demo_data_refuses_a_database_with_other_records():
    OrganisationFactory(slug="umweltbundesamt")

    with pytest.raises(CommandError, match="holds 1 records that are not demo data"):
        generate(events=200)

    assert Event.objects.count() == 0
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["umweltbundesamt"]


def test_generate_demo_data_with_force_keeps_other_records():
    OrganisationFactory(slug="umweltbundesamt")

    generate(events=200, force=True)

    assert Event.objects.count() == 200
    assert Organisation.objects.filter(slug="umweltbundesamt").count() == 1
    assert Organisation.objects.count() == 21


def test_generate_demo_data_refuses_a_second_dataset_unless_replaced():
    generate(events=200, seed=1)

    with pytest.raises(CommandError, match="already holds demo data"):
        generate(events=300, seed=2)
    assert Event.objects.count() == 200

    generate(events=300, seed=2, replace=True)
    assert Event.objects.count() == 300
    assert demo.dataset("default") == {"seed": 2, "events": 300}
    assert Source.objects.filter(slug=demo.DATASET_SLUG).count() == 1


def test_generate_demo_data_refuses_no_events():
    with pytest.raises(CommandError, match="--events must be a positive number"):
        generate(events=0)

    assert Event.objects.count() == 0


def test_clear_refuses_a_database_with_other_records():
    generate(events=200)
    OrganisationFactory(slug="umweltbundesamt")

    with pytest.raises(demo.DemoDataError, match="not demo data"):
        demo.clear("default")

    assert Event.objects.count() == 200


def test_generate_demo_data_records_each_rows_creation_in_history():
    generate(events=200)

    tracked = [model for model in demo.atlas_models(include_history=False) if hasattr(model, "history")]
    assert {model.__name__ for model in (Event, Organisation, DialogueRole, Session)} <= {
        model.__name__ for model in tracked
    }
    for model in tracked:
        history = model.history.model
        rows = sorted(model.objects.values_list("id", "created_at"))
        entries = sorted(history.objects.filter(history_type="+").values_list("id", "history_date"))
        assert entries == rows, model.__name__
        assert history.objects.count() == len(rows), model.__name__


def test_generate_demo_data_dates_published_records():
    generate(events=200)

    published = Event.objects.filter(status=Status.PUBLISHED)
    assert not published.filter(published_at__isnull=True).exists()
    assert list(published.exclude(published_at=F("updated_at"))) == []
    assert not Event.objects.exclude(status=Status.PUBLISHED).filter(published_at__isnull=False).exists()
