"""Facts from the five seed sources, pinned as they must read in the database after load_seed."""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from config.framework.models import Publishable
from dialogues.models import Dialogue, DialogueRole, Phase, WorkingGroup
from events.models import Event
from institutions.models import Organisation, Person, Source
from projects.models import Project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def seed_models():
    return [model for app in settings.ATLAS_APPS for model in apps.get_app_config(app).get_models()]


def acronyms(organisations):
    return sorted(organisation.acronym or organisation.name for organisation in organisations)


# --- Sources ---------------------------------------------------------------------------------


def test_sources_one_per_document_without_url_or_date():
    sources = Source.objects.order_by("slug")
    assert [(source.slug, source.language, source.url, source.seen_on) for source in sources] == [
        ("ccc-iki-interface-workshop-2024", "en", "", None),
        ("ccc-t2d-2022-toward-cop27", "en", "", None),
        ("giz-clct-project-page", "en", "", None),
        ("uba-sino-german-track-ii-dialogue", "en", "", None),
        ("wri-track-ii-expert-dialogues", "en", "", None),
    ]


def test_every_record_cites_a_source():
    uncited = {
        model._meta.label: model.objects.filter(sources__isnull=True).count()
        for model in seed_models()
        if issubclass(model, Publishable) and model.objects.exists()
    }
    assert uncited == dict.fromkeys(uncited, 0)
    assert len(uncited) == 21


def test_public_records_published_and_public():
    hidden = {
        model._meta.label: model.objects.exclude(status="published", visibility="public").count()
        for model in seed_models()
        if issubclass(model, Publishable)
    }
    assert hidden == dict.fromkeys(hidden, 0)
    assert len(hidden) == 23


# --- Sino-German Track II Dialogue (T2D) -----------------------------------------------------


def test_t2d_launch_december_2020_month_precision():
    t2d = Dialogue.objects.get(acronym="T2D")
    assert t2d.start_date == datetime.date(2020, 12, 1)
    assert t2d.start_precision == "month"
    assert str(t2d.start) == "December 2020"
    assert t2d.end is None


def test_t2d_track_parties_and_names():
    t2d = Dialogue.objects.get(slug="t2d")
    assert t2d.track == "2"
    assert t2d.parties == ["CN", "DE"]
    assert t2d.state == "active"
    assert t2d.name == "Sino-German Track II Dialogue on Climate Change and Sustainable Development"
    assert (
        t2d.name_de == "Der Deutsch-Chinesische Track-II-Dialog zu Klimawandel und Nachhaltiger Entwicklung"
    )


def test_t2d_aims_six_in_order():
    aims = list(Dialogue.objects.get(slug="t2d").aims.values_list("order", "text"))
    assert [order for order, _ in aims] == [1, 2, 3, 4, 5, 6]
    assert aims[0][1] == (
        "Provide a regular platform for discussions to enhance mutual understanding of experts and "
        "policy supporting teams from both sides"
    )
    assert aims[5][1] == (
        "Exchange views and achieve understanding on the current political context of climate and "
        "sustainable development policies"
    )


def test_t2d_phases_periods_at_year_precision():
    phases = Phase.objects.filter(dialogue__slug="t2d").order_by("number")
    assert [(phase.number, phase.period, phase.start_precision, phase.end_precision) for phase in phases] == [
        (1, "2020–2023", "year", "year"),
        (2, "2023–2026", "year", "year"),
    ]


def test_t2d_phase_two_exactly_six_topics():
    phase = Phase.objects.get(dialogue__slug="t2d", number=2)
    assert sorted(phase.topics.values_list("name", flat=True)) == [
        "Biodiversity and Climate",
        "Carbon Border Adjustment Mechanism (CBAM)",
        "Data and Transparency",
        "Long-term Strategy and Just Transition",
        "Loss and Damage Resulted from Climate Change",
        "Multilateral Negotiations/ UNFCCC",
    ]


def test_t2d_phase_one_four_numbered_working_groups():
    groups = WorkingGroup.objects.filter(dialogue__slug="t2d", phase__number=1).order_by("number")
    assert [(group.number, group.name) for group in groups] == [
        (1, "Green Recovery/Transition"),
        (2, "Emissions Trading"),
        (3, "Scenarios and Modelling for Long-Term Emissions Reduction Strategies"),
        (4, "Enhancing Emissions Data Quality"),
    ]


def test_t2d_working_group_1_research_topics_2022():
    group = WorkingGroup.objects.get(slug="t2d-wg-1")
    assert sorted(group.topics.values_list("slug", flat=True)) == [
        "green-government-procurement",
        "green-hydrogen-production-trade",
        "green-infrastructure-financing",
        "green-procurement-taxonomies",
        "green-recovery-transition",
        "taxonomies",
    ]


def test_t2d_lead_agencies_by_side_in_both_phases():
    roles = DialogueRole.objects.filter(dialogue__slug="t2d", role="lead_agency")
    by_phase = {
        number: {role.side: role.organisation.acronym for role in roles.filter(phase__number=number)}
        for number in (1, 2)
    }
    assert by_phase == {1: {"CN": "NCSC", "DE": "UBA"}, 2: {"CN": "NCSC", "DE": "UBA"}}


def test_t2d_commissioned_by_aa_and_bmuv_since_phase_two():
    roles = DialogueRole.objects.filter(dialogue__slug="t2d", role="commissioning_body")
    assert sorted((role.organisation.acronym, role.side, role.phase.number) for role in roles) == [
        ("AA", "DE", 2),
        ("BMUV", "DE", 2),
    ]


def test_t2d_phase_two_six_german_institutions():
    roles = DialogueRole.objects.filter(
        dialogue__slug="t2d", role="contributing_institution", phase__number=2, side="DE"
    )
    assert sorted(role.organisation.native_name or role.organisation.name for role in roles) == [
        "Agora Energiewende",
        "Bundesamt für Naturschutz",
        "Institut Méditerranéen de Biodiversité et d'Ecologie",
        "Umweltbundesamt",
        "Universität Stuttgart",
        "Öko Institut",
    ]


def test_t2d_giz_supports_both_sides_across_phases():
    role = DialogueRole.objects.get(dialogue__slug="t2d", organisation__acronym="GIZ")
    assert (role.role, role.side, role.phase) == ("supporter", "", None)


def test_t2d_supporting_projects_by_working_group():
    projects = Project.objects.filter(dialogues__slug="t2d").order_by("slug")
    assert [
        (project.title, list(project.working_groups.values_list("number", flat=True))) for project in projects
    ] == [
        ("Sino-German Climate Change Cooperation – NDC Implementation", [4]),
        ("SGCCC Climate Partnership", [1]),
        ("SGCCC ETS & N2O", [2]),
    ]


def test_t2d_chairing_institutes_met_at_cop26():
    meeting = Event.objects.get(slug="t2d-chairing-institutes-meeting-cop26")
    assert (meeting.parent.slug, meeting.city, meeting.period) == ("cop26", "Glasgow", "November 2021")
    assert acronyms(participation.organisation for participation in meeting.participations.all()) == [
        "NCSC",
        "UBA",
    ]


def test_wg2_meeting_25_march_2022_online_twelve_participants():
    meeting = Event.objects.get(working_group__slug="t2d-wg-2", start_date=datetime.date(2022, 3, 25))
    assert (meeting.kind, meeting.mode, meeting.participant_count) == ("working_group_meeting", "online", 12)
    assert (meeting.start_precision, meeting.period) == ("day", "25 March 2022")
    assert acronyms(participation.organisation for participation in meeting.participations.all()) == [
        "DEHSt",
        "NCSC",
    ]
    assert list(meeting.projects.values_list("slug", flat=True)) == ["sgccc-ets-n2o"]


def test_wg2_meeting_two_opening_speakers_in_order():
    meeting = Event.objects.get(slug="t2d-wg2-meeting-2022-03-25")
    speakers = [
        (speaker.person.honorific, speaker.person.full_name, speaker.organisation.acronym)
        for speaker in meeting.speakers.filter(role="opening_speech")
    ]
    assert speakers == [("Mr", "Ma Aimin", "NCSC"), ("Dr", "Jürgen Landgrebe", "DEHSt")]


def test_speaker_positions_from_affiliations():
    positions = {
        person.full_name: [
            (affiliation.position, affiliation.organisation.acronym)
            for affiliation in person.affiliations.all()
        ]
        for person in Person.objects.filter(slug__in=["ma-aimin", "juergen-landgrebe"])
    }
    assert positions == {
        "Ma Aimin": [("Deputy Director", "NCSC")],
        "Jürgen Landgrebe": [("Head of Department", "DEHSt")],
    }
    assert Person.objects.get(slug="ma-aimin").name_order == "family_first"


def test_steering_group_meeting_planned_end_of_may_2022():
    meeting = Event.objects.get(slug="t2d-steering-group-meeting-2022-05")
    assert (meeting.kind, meeting.state, meeting.period) == ("steering_committee", "planned", "May 2022")


def test_cop27_side_event_10_november_2022_chinese_pavilion():
    side_event = Event.objects.get(slug="t2d-side-event-cop27")
    assert (side_event.period, side_event.venue, side_event.city, side_event.country) == (
        "10 November 2022",
        "Chinese Pavilion",
        "Sharm El-Sheikh",
        "EG",
    )
    assert (side_event.parent.name, side_event.parent.period) == (
        "27th Conference of the Parties (COP27)",
        "November 2022",
    )


def test_t2d_side_events_belong_to_their_cops():
    side_events = Event.objects.filter(dialogue__slug="t2d", kind="side_event").order_by("parent__number")
    assert [(event.parent.number, event.venue, event.city, event.country) for event in side_events] == [
        (27, "Chinese Pavilion", "Sharm El-Sheikh", "EG"),
        (28, "German Pavilion", "Dubai", "AE"),
        (29, "Chinese Pavilion", "Baku", "AZ"),
    ]


def test_phase_one_closed_and_phase_two_launched_april_2023():
    launch = Event.objects.get(dialogue__slug="t2d", kind="launch")
    assert (launch.period, launch.start_precision) == ("April 2023", "month")


def test_plenary_dessau_rosslau_october_2023():
    plenary = Event.objects.get(dialogue__slug="t2d", kind="plenary", city="Dessau-Roßlau")
    assert (plenary.number, plenary.country, plenary.period) == (None, "DE", "October 2023")


def test_plenary_8_shanghai_may_2024():
    plenary = Event.objects.get(dialogue__slug="t2d", kind="plenary", number=8)
    assert (plenary.city, plenary.country, plenary.start_date, plenary.start_precision) == (
        "Shanghai",
        "CN",
        datetime.date(2024, 5, 1),
        "month",
    )
    assert plenary.period == "May 2024"


def test_plenary_9_potsdam_october_2024():
    plenary = Event.objects.get(dialogue__slug="t2d", kind="plenary", number=9)
    assert (plenary.city, plenary.country, plenary.start_date, plenary.start_precision) == (
        "Potsdam",
        "DE",
        datetime.date(2024, 10, 1),
        "month",
    )
    assert plenary.period == "October 2024"


def test_plenary_photos_captions_and_credits():
    shanghai = Event.objects.get(slug="t2d-plenary-8-shanghai-2024-05").photos.get(order=1)
    assert (shanghai.caption, shanghai.caption_de, shanghai.credit, shanghai.image.name) == (
        "8th Plenary Meeting of the T2D in Shanghai, May 2024",
        "8. Plenartreffens des T2D in Shanghai, Mai 2024",
        "Stephan Thurm (UBA)",
        "",
    )
    potsdam = Event.objects.get(slug="t2d-plenary-9-potsdam-2024-10").photos.all()
    assert [photo.credit for photo in potsdam] == ["Tim Schubert (UBA)", "", "", "", ""]
    assert {photo.caption_de for photo in potsdam} == {"9. Plenartreffen des T2D in Potsdam, Oktober 2024"}


def test_cop30_belem_planned():
    cop30 = Event.objects.get(number=30, kind="conference")
    assert (cop30.city, cop30.country, cop30.state, cop30.start_date) == ("Belém", "BR", "planned", None)


def test_hertie_school_event_with_jennifer_morgan():
    event = Event.objects.get(slug="t2d-hertie-school-event")
    assert (event.venue, event.city, event.start_date) == ("Hertie School", "Berlin", None)
    assert [(speaker.person.honorific, speaker.person.full_name) for speaker in event.speakers.all()] == [
        ("StS", "Jennifer Morgan")
    ]


# --- WRI's Track II Expert Dialogues --------------------------------------------------------


def test_china_us_since_september_2015_annual_alternating():
    dialogue = Dialogue.objects.get(slug="china-us-high-level-dialogue")
    assert (dialogue.parties, str(dialogue.start), dialogue.cadence) == (
        ["CN", "US"],
        "September 2015",
        "Annual, alternating between the U.S. and China",
    )


def test_china_us_april_2024_beijing_topics():
    meeting = Event.objects.get(dialogue__slug="china-us-high-level-dialogue", start_date__year=2024)
    assert (meeting.city, meeting.mode, meeting.period) == ("Beijing", "in_person", "April 2024")
    assert sorted(meeting.topics.values_list("name", flat=True)) == [
        "Carbon capture and storage (CCUS)",
        "Climate finance",
        "Energy efficiency",
        "Methane monitoring and mitigation",
    ]


def test_china_us_working_groups_2023_2024():
    groups = WorkingGroup.objects.filter(dialogue__slug="china-us-high-level-dialogue").order_by("name")
    assert [(group.name, group.period) for group in groups] == [
        ("Working group on CCUS", "2023–2024"),
        ("Working group on power sector decarbonization", "2023–2024"),
    ]


def test_eu_us_since_2020_co_convened_with_ecf():
    dialogue = Dialogue.objects.get(slug="eu-us-high-level-dialogue")
    assert (dialogue.parties, str(dialogue.start)) == (["EU", "US"], "2020")
    convenors = dialogue.roles.filter(role="convenor")
    assert sorted(role.organisation.name for role in convenors) == ["European Climate Foundation", "WRI"]


def test_eu_us_september_2024_during_new_york_city_climate_week():
    meeting = Event.objects.get(dialogue__slug="eu-us-high-level-dialogue")
    assert (meeting.period, meeting.parent.name, meeting.mode) == (
        "September 2024",
        "New York City Climate Week 2024",
        "in_person",
    )


def test_india_us_since_2010_year_precision():
    dialogue = Dialogue.objects.get(parties=["IN", "US"])
    assert (dialogue.start_date, dialogue.start_precision, str(dialogue.start)) == (
        datetime.date(2010, 1, 1),
        "year",
        "2010",
    )
    assert sorted(dialogue.working_groups.values_list("name", flat=True)) == [
        "Working group on cooling",
        "Working group on hydrogen",
    ]


def test_india_us_13th_dialogue_new_delhi_march_2024():
    meeting = Event.objects.get(dialogue__slug="india-us-track-ii-dialogue", number=13)
    assert (meeting.city, meeting.country, meeting.period) == ("New Delhi", "IN", "March 2024")
    assert meeting.name == "13th India-U.S. Track II Dialogue on Climate Change and Energy"


def test_hewlett_supports_all_three_wri_dialogues():
    roles = DialogueRole.objects.filter(organisation__slug="hewlett-foundation", role="supporter")
    assert sorted(roles.values_list("dialogue__slug", flat=True)) == [
        "china-us-high-level-dialogue",
        "eu-us-high-level-dialogue",
        "india-us-track-ii-dialogue",
    ]


def test_india_us_supporters():
    roles = DialogueRole.objects.filter(dialogue__slug="india-us-track-ii-dialogue", role="supporter")
    assert sorted(roles.values_list("organisation__name", flat=True)) == [
        "Aspen Institute",
        "ClimateWorks Foundation",
        "WRI",
        "William and Flora Hewlett Foundation",
    ]


# --- IKI in China ------------------------------------------------------------------------------


def test_iki_china_interface_workshop_28_29_august_2024():
    workshop = Event.objects.get(slug="iki-china-interface-workshop-2024")
    assert workshop.period == "28–29 August 2024"
    assert (workshop.kind, workshop.city, workshop.country) == ("workshop", "Beijing", "CN")
    assert list(workshop.projects.values_list("acronym", flat=True)) == ["NDCI"]


def test_iki_workshop_two_days_as_sessions():
    sessions = Event.objects.get(slug="iki-china-interface-workshop-2024").sessions.all()
    assert [(session.order, session.date, session.title) for session in sessions] == [
        (1, datetime.date(2024, 8, 28), "Fostering exchange among projects"),
        (2, datetime.date(2024, 8, 29), "Informing political partners about project progress"),
    ]
    assert sessions[0].topics.count() == 5


def test_iki_workshop_attendees():
    workshop = Event.objects.get(slug="iki-china-interface-workshop-2024")
    assert acronyms(participation.organisation for participation in workshop.participations.all()) == [
        "AA",
        "BMWK",
        "German Embassy in Beijing",
        "Ministry of Ecology and Environment",
        "MofCom",
        "ZUG",
    ]


def test_iki_workshop_photos_credited_to_giz():
    photos = Event.objects.get(slug="iki-china-interface-workshop-2024").photos.all()
    assert [(photo.caption, photo.credit) for photo in photos] == [
        ("Open Space discussions among IKI implementers", "GIZ"),
        ("IKI China Interface Workshop 2024 group photo", "GIZ"),
    ]


def test_ndc_implementation_is_iki_hub_supporting_wg4():
    project = Project.objects.get(acronym="NDCI")
    assert (project.programme.acronym, project.countries) == ("IKI", ["CN"])
    assert list(project.working_groups.values_list("slug", flat=True)) == ["t2d-wg-4"]


def test_study_tour_21_24_october_2024():
    tour = Event.objects.get(kind="study_tour")
    assert (tour.period, tour.country) == ("21–24 October 2024", "DE")
    assert tour.participations.get(role="organiser").organisation.acronym == "GIZ"


def test_cement_workshop_has_no_date_because_source_gives_no_year():
    workshop = Event.objects.get(slug="ndci-cement-sector-workshop")
    assert (workshop.start_date, workshop.end_date, workshop.period) == (None, None, "")


def test_territorial_master_plans_known_only_until_march_2025():
    milestone = Event.objects.get(slug="state-council-territorial-spatial-master-plans-2025")
    assert (milestone.start_date, milestone.period) == (None, "until March 2025")


def test_urban_act_is_iki_project():
    project = Project.objects.get(slug="urban-act")
    assert (project.programme.acronym, project.publications.count()) == ("IKI", 2)


# --- CLCT --------------------------------------------------------------------------------------


def test_clct_eight_focus_areas_in_order():
    project = Project.objects.get(acronym="CLCT")
    assert list(project.focus_areas.values_list("order", "name")) == [
        (1, "Facilitation of Sino-German transport climate-policy and multi-stakeholder dialogues"),
        (2, "Promotion of Sustainable Urban Mobility Plans (SUMP)"),
        (3, "Sustainable development of Mobility-as-a-Service (MaaS)"),
        (4, "Promotion of electro-mobility in the fields of urban buses and urban delivery vehicles"),
        (5, "Promotion of climate-oriented bus network optimisation"),
        (6, "Establishment of an Active Mobility Alliance in China"),
        (7, "Promotion of intermodal transport standardisation and hub evaluation"),
        (8, "Promotion of sustainable urban freight"),
    ]


def test_clct_implementer_partner_and_contact():
    project = Project.objects.get(acronym="CLCT")
    assert sorted((role.role, role.organisation.acronym) for role in project.roles.all()) == [
        ("implementer", "GIZ"),
        ("partner", "MoT"),
    ]
    assert [(contact.person.full_name, contact.role) for contact in project.contacts.all()] == [
        ("Sebastian Ibold", "Project Director")
    ]


def test_clct_supports_transport_policy_dialogue():
    project = Project.objects.get(acronym="CLCT")
    assert list(project.dialogues.values_list("name", flat=True)) == [
        "Sino-German policy dialogue on long-term climate change mitigation strategies "
        "in the transport sector"
    ]


def test_clct_news_dates():
    project = Project.objects.get(acronym="CLCT")
    assert list(project.publications.order_by("date").values_list("date", "date_precision")) == [
        (datetime.date(2021, 5, 20), "day"),
        (datetime.date(2021, 5, 26), "day"),
        (datetime.date(2021, 6, 16), "day"),
    ]


def test_xi_jinping_announcement_september_2020():
    event = Event.objects.get(speakers__person__slug="xi-jinping")
    assert (event.kind, event.period, event.country) == ("policy_milestone", "September 2020", "")
    assert Person.objects.get(slug="xi-jinping").full_name == "Xi Jinping"


# --- Organisations ------------------------------------------------------------------------------


def test_organisation_lookup_by_acronym():
    assert Organisation.objects.get(acronym="NCSC").name == (
        "National Center for Climate Change Strategy and International Cooperation"
    )


def test_organisation_lookup_by_native_name():
    assert Organisation.objects.get(native_name="Umweltbundesamt").acronym == "UBA"
    assert Organisation.objects.get(native_name="Bundesamt für Naturschutz").acronym == "BfN"


def test_organisation_lookup_by_alias():
    assert Organisation.objects.get(aliases__contains=["Umwelt Bundesamt"]).acronym == "UBA"
    assert Organisation.objects.get(aliases__contains=["German Federal Foreign Office"]).acronym == "AA"
    assert Organisation.objects.get(aliases__item_icontains="chinese ministry of transport").acronym == "MoT"


def test_organisation_countries():
    countries = dict(
        Organisation.objects.filter(acronym__in=["UBA", "NCSC", "DEHSt", "IMBE"]).values_list(
            "acronym", "country"
        )
    )
    assert countries == {"UBA": "DE", "NCSC": "CN", "DEHSt": "DE", "IMBE": ""}


# --- Loading twice ------------------------------------------------------------------------------


def snapshot():
    """Every row of every model in the seed apps, with timestamps and many-to-many targets."""
    rows = {}
    for model in seed_models():
        fields = [field.attname for field in model._meta.concrete_fields]
        many = [field.name for field in model._meta.many_to_many]
        rows[model._meta.label] = [
            (
                tuple(getattr(obj, name) for name in fields),
                tuple(tuple(sorted(related.pk for related in getattr(obj, name).all())) for name in many),
            )
            for obj in model._base_manager.order_by("pk").prefetch_related(*many)
        ]
    return rows


def test_second_load_seed_changes_nothing(seeded):
    first = re.search(r"(\d+) created, (\d+) updated", seeded)
    records = {model._meta.label for model in seed_models() if hasattr(model, "history")}
    assert int(first.group(1)) == sum(len(rows) for label, rows in snapshot().items() if label in records)
    before = snapshot()  # history included: a second load writes no history entry either
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert snapshot() == before
    counts = re.search(r"(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) kept as edited", out.getvalue())
    assert counts.groups() == ("0", "0", str(int(first.group(1))), "0")
    assert "0 created, 0 updated" in out.getvalue()


def test_every_seed_record_has_its_creation_in_history(seeded):
    entries = {
        model._meta.label: sorted(set(model.history.values_list("history_type", "history_change_reason")))
        for model in seed_models()
        if hasattr(model, "history") and model._base_manager.exists()
    }
    counts = {
        model._meta.label: (model.history.count(), model._base_manager.count())
        for model in seed_models()
        if hasattr(model, "history")
    }

    assert len(entries) > 20
    assert {label for label, value in entries.items() if value != [("+", "Seed data")]} == set()
    assert all(history == rows for history, rows in counts.values()), counts


# --- Other names and other languages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "slug"),
    [
        ("Track-2-Dialogue", "t2d"),
        ("Sino-German Track-II-Dialogue", "t2d"),
        ("EU-U.S. Dialogue", "eu-us-high-level-dialogue"),
        ("China-U.S. Dialogue", "china-us-high-level-dialogue"),
    ],
)
def test_dialogue_found_by_the_other_names_sources_use(alias, slug):
    assert list(Dialogue.objects.filter(aliases__item_icontains=alias).values_list("slug", flat=True)) == [
        slug
    ]


def test_project_found_by_alias():
    assert Project.objects.get(aliases__contains=["NDC Implementation project"]).acronym == "NDCI"


def test_german_only_caption_shown_in_every_language():
    from django.utils import translation

    photo = Event.objects.get(slug="t2d-side-event-cop29").photos.get(order=1)
    shown = {}
    for language in ("en", "de", "zh-hans"):
        with translation.override(language):
            shown[language] = photo.caption

    assert (photo.caption_en or "", photo.caption_de) == (
        "",
        "Side Event des T2D am chinesischen Pavillon bei COP29 in Baku, Aserbaidschan",
    )
    assert set(shown.values()) == {
        "Side Event des T2D am chinesischen Pavillon bei COP29 in Baku, Aserbaidschan"
    }
