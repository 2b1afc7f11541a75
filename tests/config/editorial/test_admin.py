"""The admin every app's admin builds on: every model's pages, forms refusing invalid input with a
field error, rows unique within an inline, the publish actions, view on site, the language tabs."""

import pytest
from django.contrib import admin

from config.framework.fields import DESCRIPTION_LENGTH, MAX_ALIASES
from config.framework.visibility import Status
from dialogues.models import Dialogue, Publication, WorkingGroup
from events.models import Event
from institutions.models import Organisation
from tests import factories
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db

FACTORIES = {
    factory._meta.model: factory
    for factory in vars(factories).values()
    if isinstance(factory, type)
    and issubclass(factory, factories.factory.django.DjangoModelFactory)
    and not factory._meta.abstract
}
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


def test_every_domain_model_is_registered():
    domain = {model for model in FACTORIES if model._meta.app_label != "auth"}
    assert domain - set(REGISTERED) == set()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_admin_pages_render(admin_client, admin_user, rf, model):
    factory = FACTORIES.get(model)
    record = factory() if factory else None
    request = rf.get("/")
    request.user = admin_user
    # Some admins are read-only by design (django-axes' login records): adding is refused there.
    add_status = 200 if admin.site._registry[model].has_add_permission(request) else 403

    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == add_status
    if record is not None:
        response = admin_client.get(admin_url(model, "change", record.pk))
        assert response.status_code == 200
        assert admin_client.get(admin_url(model, "changelist"), {"q": "example"}).status_code == 200


def management(*prefixes):
    return {
        key: value
        for prefix in prefixes
        for key, value in {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}.items()
    }


EVENT_INLINES = ("places", "sessions", "participations", "speakers", "photos")
DIALOGUE_INLINES = ("aims", "phases", "working_groups", "roles")


def event_form(**overrides):
    return {
        "name_en": "8th Plenary Meeting",
        "slug": "eighth-plenary",
        "kind": "plenary",
        "state": "held",
        "start_date": "2024-05-01",
        "start_precision": "month",
        "end_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management(*EVENT_INLINES),
        **overrides,
    }


def dialogue_form(**overrides):
    return {
        "name_en": "Sino-German Track II Dialogue",
        "slug": "t2d",
        "track": "2",
        "parties": ["DE", "CN"],
        "state": "active",
        "start_precision": "month",
        "end_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management(*DIALOGUE_INLINES),
        **overrides,
    }


def test_admin_add_event_saves_valid_input(admin_client):
    response = admin_client.post(admin_url(Event, "add"), event_form(start_date="May 2024"))

    assert response.status_code == 302
    event = Event.objects.get(slug="eighth-plenary")
    assert (event.start_date.isoformat(), event.period) == ("2024-05-01", "May 2024")


@pytest.mark.parametrize(
    ("model", "form", "field", "message"),
    [
        (
            Event,
            event_form(start_date="2024-08-29", start_precision="day", end_date="2024-08-28"),
            "end_date",
            "The end cannot be before the start.",
        ),
        (
            Event,
            event_form(latitude="200", longitude="10"),
            "latitude",
            "Ensure this value is less than or equal to 90.",
        ),
        (Event, event_form(latitude="52.4"), "longitude", "Give both latitude and longitude, or neither."),
        (
            Event,
            event_form(start_date="28/08/2024"),
            "start_date",
            "“28/08/2024” is read differently in different countries (day or month first): "
            "write 2024-08-28 or 28 August 2024.",
        ),
        (
            Event,
            event_form(kind="gala"),
            "kind",
            "Select a valid choice. gala is not one of the available choices.",
        ),
        (Dialogue, dialogue_form(parties=["DE"]), "parties", "A dialogue has at least two parties."),
        (
            Event,
            event_form(description_de="x" * (DESCRIPTION_LENGTH + 1)),
            "description_de",
            "Ensure this value has at most 10000 characters (it has 10001).",
        ),
        (
            Dialogue,
            dialogue_form(aliases="\n".join(f"Name {number}" for number in range(MAX_ALIASES + 1))),
            "aliases",
            "List contains 21 items, it should contain no more than 20.",
        ),
        (
            Dialogue,
            dialogue_form(parties=["DE", "XX"]),
            "parties",
            "Select a valid choice. XX is not one of the available choices.",
        ),
    ],
)
def test_admin_refuses_invalid_input_with_a_field_error(admin_client, model, form, field, message):
    before = model.objects.count()

    response = admin_client.post(admin_url(model, "add"), form)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [message]
    assert model.objects.count() == before


def test_admin_refuses_duplicate_working_group_number(admin_client):
    existing = factories.WorkingGroupFactory(number=2, phase=None)
    form = {
        "dialogue": existing.dialogue.pk,
        "number": "2",
        "name_en": "Emissions trading",
        "slug": "wg-2-again",
        "start_precision": "day",
        "end_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management("members"),
    }

    response = admin_client.post(admin_url(WorkingGroup, "add"), form)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["__all__"] == [
        "This dialogue already has a working group with this number."
    ]
    assert WorkingGroup.objects.count() == 1


def test_admin_refuses_two_inline_working_groups_with_one_number(admin_client):
    wg = {
        "number": "2",
        "start_precision": "day",
        "end_precision": "day",
        "status": "published",
        "visibility": "public",
    }
    form = dialogue_form(
        **{
            "working_groups-TOTAL_FORMS": "2",
            **{f"working_groups-0-{key}": value for key, value in wg.items()},
            "working_groups-0-name_en": "Emissions trading",
            "working_groups-0-slug": "wg-2",
            **{f"working_groups-1-{key}": value for key, value in wg.items()},
            "working_groups-1-name_en": "Market mechanisms",
            "working_groups-1-slug": "wg-2-bis",
        }
    )

    response = admin_client.post(admin_url(Dialogue, "add"), form)

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "working_groups"
    )
    assert formset.errors[1]["__all__"] == ["This dialogue already has a working group with this number."]
    assert Dialogue.objects.count() == 0


def test_admin_refuses_two_inline_roles_with_one_key(admin_client):
    uba = factories.OrganisationFactory(acronym="UBA")
    role = {
        "organisation": str(uba.pk),
        "role": "lead_agency",
        "side": "DE",
        "status": "published",
        "visibility": "public",
    }
    form = dialogue_form(
        **{
            "roles-TOTAL_FORMS": "2",
            **{f"roles-0-{key}": value for key, value in role.items()},
            **{f"roles-1-{key}": value for key, value in role.items()},
        }
    )

    response = admin_client.post(admin_url(Dialogue, "add"), form)

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles"
    )
    assert formset.errors[1]["__all__"] == [
        "This organisation already has this role in this dialogue and phase."
    ]
    assert Dialogue.objects.count() == 0


def test_admin_publish_and_unpublish_actions(admin_client):
    drafts = factories.OrganisationFactory.create_batch(2, status=Status.DRAFT)
    ids = [str(record.pk) for record in drafts]

    admin_client.post(admin_url(Organisation, "changelist"), {"action": "publish", "_selected_action": ids})
    published = set(Organisation.objects.filter(pk__in=ids).values_list("status", flat=True))
    admin_client.post(admin_url(Organisation, "changelist"), {"action": "unpublish", "_selected_action": ids})
    unpublished = set(Organisation.objects.filter(pk__in=ids).values_list("status", flat=True))

    assert (published, unpublished) == ({"published"}, {"draft"})


def test_admin_view_on_site_leads_to_the_public_page(admin_client, client):
    event = factories.EventFactory(name="IKI China Interface Workshop 2024")

    response = admin_client.get(admin_url(Event, "change", event.pk))
    page = client.get(event.get_absolute_url())

    assert response.context["has_absolute_url"] is True
    assert page.status_code == 200
    assert page.context["object"] == event


def test_admin_change_form_has_language_tabs_assets(admin_client):
    organisation = factories.OrganisationFactory()

    response = admin_client.get(admin_url(Organisation, "change", organisation.pk))
    html = response.content.decode()

    assert "editorial/translation_tabs.js" in html
    assert 'name="name_de"' in html and 'name="name_zh_hans"' in html


# Dates typed as people write them (config/framework/forms.py) ------------------------------------


@pytest.mark.parametrize(
    ("typed", "start", "precision", "period"),
    [
        ("2025-10", "2025-10-01", "month", "October 2025"),
        ("October 2025", "2025-10-01", "month", "October 2025"),
        ("Oktober 2025", "2025-10-01", "month", "October 2025"),
        ("2025年10月", "2025-10-01", "month", "October 2025"),
        ("2025", "2025-01-01", "year", "2025"),
        ("28.10.2025", "2025-10-28", "day", "28 October 2025"),
    ],
)
def test_admin_form_takes_a_date_as_people_write_it_with_its_precision(
    admin_client, typed, start, precision, period
):
    response = admin_client.post(admin_url(Event, "add"), event_form(start_date=typed, start_precision="day"))

    assert response.status_code == 302
    event = Event.objects.get(slug="eighth-plenary")
    assert (event.start_date.isoformat(), event.start_precision, event.period) == (start, precision, period)


def test_admin_form_refuses_an_ambiguous_date_with_the_hint_and_keeps_it(admin_client):
    response = admin_client.post(admin_url(Event, "add"), event_form(start_date="10/01/2025", name_en="Kept"))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["start_date"] == [
        "“10/01/2025” could be 1 October 2025 or 10 January 2025: "
        "write 2025-10-01 or 1 October 2025, or 2025-01-10 or 10 January 2025."
    ]
    assert 'value="10/01/2025"' in response.text
    assert 'value="Kept"' in response.text
    assert not Event.objects.exists()


def test_admin_form_takes_a_period_in_the_start_and_fills_the_end(admin_client):
    response = admin_client.post(
        admin_url(Event, "add"), event_form(start_date="28–29 August 2024", end_date="")
    )

    assert response.status_code == 302
    event = Event.objects.get(slug="eighth-plenary")
    assert (event.start_date.isoformat(), event.end_date.isoformat(), event.period) == (
        "2024-08-28",
        "2024-08-29",
        "28–29 August 2024",
    )


def test_admin_change_form_shows_the_date_at_its_precision(admin_client):
    event = factories.EventFactory(
        start_date="2025-10-01", start_precision="month", end_date="2026-01-01", end_precision="year"
    )

    response = admin_client.get(admin_url(Event, "change", event.pk))

    assert 'name="start_date" value="October 2025"' in response.text
    assert 'name="end_date" value="2026"' in response.text
    assert 'name="start_precision"' in response.text  # hidden: what is typed sets it
    assert 'type="hidden" name="start_precision"' in response.text


def test_admin_inline_rows_take_dates_as_people_write_them(admin_client):
    response = admin_client.post(
        admin_url(Dialogue, "add"),
        dialogue_form(
            **{
                "phases-TOTAL_FORMS": "1",
                "phases-0-number": "1",
                "phases-0-name_en": "Pilot",
                "phases-0-slug": "pilot",
                "phases-0-start_date": "2020–2023",
                "phases-0-status": "published",
                "phases-0-visibility": "public",
            }
        ),
    )

    assert response.status_code == 302
    phase = Dialogue.objects.get().phases.get()
    assert (phase.start_precision, phase.end_precision, phase.period) == ("year", "year", "2020–2023")


def test_admin_inline_row_refuses_an_ambiguous_date_on_its_field(admin_client):
    response = admin_client.post(
        admin_url(Dialogue, "add"),
        dialogue_form(
            **{
                "phases-TOTAL_FORMS": "1",
                "phases-0-number": "1",
                "phases-0-name_en": "Pilot",
                "phases-0-slug": "pilot",
                "phases-0-end_date": "01/10/2025",
                "phases-0-status": "published",
                "phases-0-visibility": "public",
            }
        ),
    )

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "phases"
    )
    assert formset.errors[0]["end_date"][0].startswith(
        "“01/10/2025” could be 10 January 2025 or 1 October 2025"
    )
    assert not Dialogue.objects.exists()


def test_admin_publication_date_takes_a_month(admin_client):
    form = {
        "title_en": "Roadmap",
        "slug": "roadmap",
        "kind": "policy_paper",
        "date": "Mai 2024",
        "date_precision": "day",
        "status": "draft",
        "visibility": "public",
        **management("authors"),
    }

    response = admin_client.post(admin_url(Publication, "add"), form)

    assert response.status_code == 302
    publication = Publication.objects.get()
    assert (publication.date.isoformat(), publication.date_precision) == ("2024-05-01", "month")


def test_an_editor_chooses_the_admins_language_in_its_menu(admin_client):
    page = admin_client.get("/admin/")
    assert 'action="/i18n/setlang/"' in page.content.decode()

    response = admin_client.post("/i18n/setlang/", {"language": "de", "next": "/admin/events/event/"})
    german = admin_client.get("/admin/events/event/")
    german_title = str(german.context["cl"].opts.verbose_name_plural)
    admin_client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/admin/"})
    chinese = admin_client.get("/admin/")

    assert (response.status_code, response["Location"]) == (302, "/admin/events/event/")
    assert (german["Content-Language"], german_title) == ("de", "Veranstaltungen")
    assert '<option value="de" lang="de" selected>Deutsch</option>' in german.content.decode()
    assert '<option value="zh-hans" lang="zh-Hans">中文</option>' in german.content.decode()
    assert chinese["Content-Language"] == "zh-hans"
    # The public pages keep the language of their address.
    assert admin_client.get("/events/")["Content-Language"] == "en"
