"""Look-alikes told apart (config/editorial/lookalikes.py, registered in config/atlas/lookalikes.py).

The admin's autocomplete labels each result with what distinguishes it, in a fixed number of
queries; the *Possible duplicates* page finds people, organisations and events alike by name; a
merge moves every reference to the record kept, through the workflow and the history, or is refused
with the reasons, having written nothing.
"""

import datetime

import pytest
from django.urls import reverse

from config.editorial import lookalikes
from config.framework.visibility import Status
from dialogues.models import WorkingGroupMember
from events.models import Event, EventSpeaker
from institutions.models import Affiliation, Organisation, Person
from tests import factories
from tests.helpers import capture_queries

pytestmark = pytest.mark.django_db


def autocomplete(client, model_name: str, field_name: str, term: str, app_label: str = "events") -> list[str]:
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200, response.content
    return [result["text"] for result in response.json()["results"]]


@pytest.fixture
def landgrebes():
    uba = factories.OrganisationFactory(slug="uba", name="Umweltbundesamt", acronym="UBA", country="DE")
    bmuv = factories.OrganisationFactory(slug="bmuv", name="Federal Ministry for the Environment", acronym="")
    first = factories.PersonFactory(slug="juergen-landgrebe", given_name="Jürgen", family_name="Landgrebe")
    second = factories.PersonFactory(slug="juergen-landgrebe-2", given_name="Jürgen", family_name="Landgrebe")
    factories.AffiliationFactory(
        person=first,
        organisation=uba,
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2023, 6, 1),
    )
    factories.AffiliationFactory(person=second, organisation=bmuv, start_date=datetime.date(2019, 3, 1))
    return first, second


def test_the_autocomplete_tells_two_people_of_one_name_apart(client, editor, landgrebes):
    client.force_login(editor)

    assert autocomplete(client, "eventspeaker", "person", "Landgrebe") == [
        "Jürgen Landgrebe — UBA · Germany · 2015–2023 · juergen-landgrebe",
        "Jürgen Landgrebe — Federal Ministry for the Environment · Germany · 2019 · juergen-landgrebe-2",
    ]


def test_the_autocomplete_tells_organisations_and_events_apart(client, editor):
    factories.OrganisationFactory(slug="giz", name="GIZ China", acronym="GIZ", country="CN")
    factories.OrganisationFactory(
        slug="giz-de", name="GIZ", acronym="", country="DE", kind="implementing_agency"
    )
    factories.EventFactory(slug="plenary-2023", name="Annual plenary", city="Berlin", country="DE",
                           start_date=datetime.date(2023, 10, 1), start_precision="month")  # fmt: skip
    factories.EventFactory(slug="plenary-2024", name="Annual plenary", city="Beijing", country="CN",
                           start_date=datetime.date(2024, 8, 28))  # fmt: skip
    client.force_login(editor)

    assert autocomplete(client, "eventparticipation", "organisation", "GIZ") == [
        "GIZ — Germany · implementing agency · giz-de",
        "GIZ China (GIZ) — China · research institute / think tank · giz",
    ]
    assert autocomplete(client, "session", "event", "plenary") == [
        "Annual plenary — 28 August 2024 · Beijing, China · plenary-2024",
        "Annual plenary — October 2023 · Berlin, Germany · plenary-2023",
    ]


def test_a_page_of_twenty_results_takes_the_queries_of_three(client, editor):
    uba = factories.OrganisationFactory(acronym="UBA")

    def people(count, prefix):
        for n in range(count):
            person = factories.PersonFactory(given_name=prefix, family_name=f"Landgrebe {n}")
            factories.AffiliationFactory(person=person, organisation=uba, position=f"Position {n}")

    client.force_login(editor)
    people(3, "Few")
    autocomplete(client, "eventspeaker", "person", "Few")  # the session and permissions are read once
    with capture_queries() as few:
        assert len(autocomplete(client, "eventspeaker", "person", "Few")) == 3
    people(25, "Many")
    with capture_queries() as many:
        texts = autocomplete(client, "eventspeaker", "person", "Many")

    assert len(texts) == 20
    assert all(" — UBA · Germany · " in text for text in texts)
    assert len(many) == len(few), many.sql


# Possible duplicates ------------------------------------------------------------------------------


def pairs(model) -> set[tuple[str, str]]:
    return {
        (pair.first.slug, pair.second.slug) for pair in lookalikes.likely_duplicates(lookalikes.RULES[model])
    }


def test_people_organisations_and_events_alike_by_name_are_listed(client, editor, landgrebes):
    factories.PersonFactory(slug="jurgen-landgrebe", given_name="Jurgen", family_name="Landgrebe")
    factories.PersonFactory(slug="ma-aimin", given_name="Aimin", family_name="Ma")
    factories.OrganisationFactory(slug="uba-2", name="German Environment Agency", acronym="uba")
    factories.OrganisationFactory(slug="umweltbundesamt", name="Umweltbundesamt (UBA)")
    factories.EventFactory(slug="cop29", name="COP29 side event", start_date=datetime.date(2024, 11, 12))
    factories.EventFactory(slug="cop-29", name="COP 29 side event", start_date=datetime.date(2024, 11, 12))
    factories.EventFactory(
        slug="cop-29-later", name="COP 29 side event", start_date=datetime.date(2024, 11, 13)
    )

    assert pairs(Person) == {
        ("juergen-landgrebe", "juergen-landgrebe-2"),
        ("juergen-landgrebe", "jurgen-landgrebe"),
        ("juergen-landgrebe-2", "jurgen-landgrebe"),
    }
    assert pairs(Organisation) == {("uba", "uba-2"), ("uba", "umweltbundesamt")}
    assert pairs(Event) == {("cop29", "cop-29")}

    client.force_login(editor)
    page = client.get(reverse("admin:duplicates"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "UBA · Germany · 2015–2023 · juergen-landgrebe" in text
    assert 'name="keep"' in text  # editors may merge
    assert reverse("admin:duplicates") in client.get(reverse("admin:index")).content.decode()


def merge(client, model, keep, other):
    return client.post(
        reverse("admin:duplicates"),
        {"model": model._meta.label_lower, "keep": keep.pk, "pair": f"{keep.pk} {other.pk}"},
        follow=True,
    )


def shown(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_merge_moves_every_reference_to_the_record_kept_with_history(client, publisher, landgrebes):
    keep, other = landgrebes
    event = factories.EventFactory(slug="t2d-plenary")
    speaker = factories.EventSpeakerFactory(event=event, person=other)
    member = factories.WorkingGroupMemberFactory(person=other, organisation=None)
    source = factories.SourceFactory()
    other.sources.add(source)
    client.force_login(publisher)

    response = merge(client, Person, keep, other)

    assert shown(response) == [
        "Merged Jürgen Landgrebe (juergen-landgrebe-2) into Jürgen Landgrebe (juergen-landgrebe): "
        "4 references moved."
    ], "an affiliation, a speaker, a working-group membership, a source"
    assert not Person.objects.filter(pk=other.pk).exists()
    assert sorted(Affiliation.objects.filter(person=keep).values_list("organisation__slug", flat=True)) == [
        "bmuv",
        "uba",
    ]
    assert EventSpeaker.objects.get(pk=speaker.pk).person == keep
    assert WorkingGroupMember.objects.get(pk=member.pk).person == keep
    assert list(keep.sources.all()) == [source]
    reason = "Merged Jürgen Landgrebe (juergen-landgrebe-2) into Jürgen Landgrebe (juergen-landgrebe)"
    assert keep.history.latest().history_change_reason == reason
    assert Person.history.filter(id=other.pk).latest().history_type == "-"
    assert Person.history.filter(id=other.pk).latest().history_change_reason == reason
    assert EventSpeaker.history.filter(id=speaker.pk).latest().history_change_reason == reason
    assert EventSpeaker.history.filter(id=speaker.pk).latest().history_user == publisher


def test_an_editor_may_not_merge_away_a_published_record(client, editor, landgrebes):
    keep, other = landgrebes
    assert other.status == Status.PUBLISHED
    client.force_login(editor)

    response = merge(client, Person, keep, other)

    assert shown(response) == [
        "Jürgen Landgrebe (juergen-landgrebe-2) was not merged into Jürgen Landgrebe (juergen-landgrebe):",
        "Jürgen Landgrebe: Only publishers may delete this person while it is published.",
    ]
    assert Person.objects.filter(pk=other.pk).exists()
    assert Affiliation.objects.filter(person=other).count() == 1


def test_a_merge_whose_rows_collide_names_them_and_writes_nothing(client, publisher, landgrebes):
    keep, other = landgrebes
    uba = Organisation.objects.get(slug="uba")
    factories.AffiliationFactory(person=other, organisation=uba)  # keep holds this position at UBA too
    speaker = factories.EventSpeakerFactory(person=other)
    history = Person.history.count()
    client.force_login(publisher)

    response = merge(client, Person, keep, other)

    messages = shown(response)
    assert (
        messages[0]
        == "Jürgen Landgrebe (juergen-landgrebe-2) was not merged into Jürgen Landgrebe (juergen-landgrebe):"
    )
    assert messages[1:] == [
        "Affiliation “Jürgen Landgrebe – Researcher, Umweltbundesamt (UBA)” cannot move to Jürgen Landgrebe "
        "(juergen-landgrebe): "
        "This person already holds this position at this organisation. (it collides with "
        "“Jürgen Landgrebe – Researcher, Umweltbundesamt (UBA)”)"
    ]
    assert Person.objects.filter(pk=other.pk).exists()
    assert EventSpeaker.objects.get(pk=speaker.pk).person == other  # moved, then rolled back
    assert Affiliation.objects.filter(person=other).count() == 2
    assert Person.history.count() == history


def test_a_merge_form_that_names_no_pair_is_refused(client, publisher, landgrebes):
    keep, _other = landgrebes
    client.force_login(publisher)

    response = client.post(
        reverse("admin:duplicates"),
        {"model": "institutions.person", "keep": keep.pk, "pair": "x"},
        follow=True,
    )

    assert response.status_code == 200
    assert shown(response) == ["Choose the record to keep."]
    assert Person.objects.count() == 2
