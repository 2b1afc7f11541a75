"""What every record's page tells a reader who wants to trust and cite it: its sources as links,
its website, when it was last updated, a citation, a description that is never empty and a share
image; an event's "Add to calendar" and its photos.

Records made by the factories (one of each type with a page), each citing a source with a URL.
"""

import datetime
import io
import re
from html.parser import HTMLParser

import icalendar
import pytest
from django.utils import timezone
from PIL import Image

from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
SOURCE_URL = "https://example.org/reports/track-ii"
WEBSITE = "https://www.example.org/"


class Head(HTMLParser):
    """The page's <meta> values, by name or property, and every <a> with its attributes."""

    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("name") or attributes.get("property")
            if key:
                self.meta[key] = attributes.get("content")
        elif tag == "a":
            self.links.append(attributes)


def parsed(response) -> Head:
    assert response.status_code == 200
    head = Head()
    head.feed(response.content.decode())
    return head


@pytest.fixture
def source():
    return factories.SourceFactory(
        title="Track II report", publisher="Example Institute", url=SOURCE_URL, seen_on=D(2026, 11, 3)
    )


def every_record():
    """One published record of each type that has a page."""
    dialogue = factories.DialogueFactory(website=WEBSITE)
    return {
        "dialogue": dialogue,
        "working group": factories.WorkingGroupFactory(dialogue=dialogue),
        "topic": factories.TopicFactory(),
        "publication": factories.PublicationFactory(),
        "organisation": factories.OrganisationFactory(website=WEBSITE),
        "person": factories.PersonFactory(),
        "programme": factories.ProgrammeFactory(website=WEBSITE),
        "project": factories.ProjectFactory(website=WEBSITE),
        "event": factories.EventFactory(start_date=D(2024, 8, 28), start_precision="day"),
    }


@pytest.fixture
def records(source):
    records = every_record()
    for record in records.values():
        record.sources.add(source)
    return records


TYPES = [
    "dialogue",
    "working group",
    "topic",
    "publication",
    "organisation",
    "person",
    "programme",
    "project",
    "event",
]


@pytest.mark.parametrize("kind", TYPES)
def test_a_record_page_links_its_sources_as_external_links_with_their_publisher(client, records, kind):
    response = client.get(records[kind].get_absolute_url())
    html = response.content.decode()

    (link,) = [link for link in parsed(response).links if link.get("href") == SOURCE_URL]
    assert set(link["rel"].split()) >= {"external", "noopener"}
    assert link["class"] == "external"
    section = html[html.index('id="sources-heading"') :]
    assert "Track II report" in section
    assert "(external site)" in section  # the mark a screen reader reads, beside the visible arrow
    assert "Example Institute" in section
    assert '<time datetime="2026-11-03">3 November 2026</time>' in section


@pytest.mark.parametrize("kind", ["dialogue", "organisation", "programme", "project"])
def test_a_website_is_an_external_link(client, records, kind):
    links = parsed(client.get(records[kind].get_absolute_url())).links

    (link,) = [link for link in links if link.get("href") == WEBSITE]
    assert set(link["rel"].split()) >= {"external", "noopener"}


def test_a_publication_links_its_address_at_the_source(client):
    publication = factories.PublicationFactory(url="https://example.org/paper.pdf")

    links = parsed(client.get(publication.get_absolute_url())).links

    (link,) = [link for link in links if link.get("href") == "https://example.org/paper.pdf"]
    assert "external" in link["rel"].split()


@pytest.mark.parametrize("kind", TYPES)
def test_a_record_page_says_when_it_was_last_updated_and_how_to_cite_it(client, records, kind):
    record = records[kind]
    type(record).objects.filter(pk=record.pk).update(
        updated_at=datetime.datetime(2026, 3, 9, 12, tzinfo=datetime.UTC)
    )
    today = timezone.localdate()

    html = client.get(record.get_absolute_url()).content.decode()

    assert '<time datetime="2026-03-09">9 March 2026</time>' in html
    cite = re.search(r'<span id="cite-text">(.*?)</span>', html, re.S)[1]
    assert cite == (
        f"Dialogue Atlas, “{record}”, http://testserver{record.get_absolute_url()}, version of 9 March 2026, "
        f"accessed {today.day} {today:%B} {today.year}."
    )
    assert re.search(
        r'<button type="button" class="copy" data-copy="cite-text" [^>]*hidden>Copy</button>', html
    )


def test_the_citation_and_last_update_are_in_the_page_language(client, records):
    dialogue = records["dialogue"]
    type(dialogue).objects.filter(pk=dialogue.pk).update(
        updated_at=datetime.datetime(2026, 3, 9, 12, tzinfo=datetime.UTC)
    )

    path = f"/dialogues/{dialogue.slug}/"

    german = client.get(f"/de{path}").content.decode()
    chinese = client.get(f"/zh-hans{path}").content.decode()

    assert '<time datetime="2026-03-09">9. März 2026</time>' in german
    assert f"http://testserver/de{path}" in german
    assert '<time datetime="2026-03-09">2026年3月9日</time>' in chinese


@pytest.mark.parametrize("kind", TYPES)
def test_every_record_page_has_a_description_and_a_share_image(client, records, kind):
    record = records[kind]
    for field in ("summary", "description", "bio"):
        if hasattr(record, field):
            setattr(record, field, "")
    record.save()

    meta = parsed(client.get(record.get_absolute_url())).meta

    assert meta["description"].strip()
    assert str(record) in meta["description"]
    assert meta["og:description"] == meta["description"]
    assert meta["og:image"] == "http://testserver/static/atlas/share.png"
    assert meta["twitter:image"] == meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def test_a_description_is_the_records_summary_cut_to_forty_words(client):
    event = factories.EventFactory(summary=" ".join(f"word{n}" for n in range(60)))

    description = parsed(client.get(event.get_absolute_url())).meta["description"]

    assert description == " ".join(f"word{n}" for n in range(40)) + "…"


def test_the_share_image_is_a_1200_by_630_png_served_by_the_site(client):
    response = client.get("/static/atlas/share.png")

    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert (image.format, image.size) == ("PNG", (1200, 630))


def test_the_list_pages_keep_the_sites_description(client):
    meta = parsed(client.get("/events/")).meta

    assert meta["description"].startswith("The public record of international climate cooperation")


# Add to calendar ---------------------------------------------------------------------------------


def calendar_of(response) -> icalendar.Calendar:
    """The response as an iCalendar object, after the checks of RFC 5545 a lenient parser skips."""
    assert (response.status_code, response["Content-Type"]) == (200, "text/calendar; charset=utf-8")
    content = response.content
    assert content.endswith(b"\r\n")
    lines = content.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)  # 3.1: lines folded at 75 octets
    assert (lines[0], lines[-1]) == (b"BEGIN:VCALENDAR", b"END:VCALENDAR")
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar.errors == []
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


def test_an_event_known_to_the_day_is_an_all_day_entry_of_its_own(client):
    event = factories.EventFactory(
        slug="interface-workshop",
        name="IKI China Interface Workshop 2024",
        start_date=D(2024, 8, 28),
        start_precision="day",
        end_date=D(2024, 8, 29),
        end_precision="day",
        city="Beijing",
        country="CN",
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'href="/events/interface-workshop/event.ics"' in page

    response = client.get("/events/interface-workshop/event.ics")

    assert response["Content-Disposition"] == 'attachment; filename="interface-workshop.ics"'
    (vevent,) = calendar_of(response).walk("VEVENT")
    assert vevent.errors == []
    assert str(vevent["SUMMARY"]) == "IKI China Interface Workshop 2024"
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (D(2024, 8, 28), D(2024, 8, 30))
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    assert str(vevent["URL"]) == "http://testserver/events/interface-workshop/"
    assert str(vevent["LOCATION"]) == "Beijing, China"
    assert "DTSTAMP" in vevent


def test_a_one_day_event_ends_the_next_day(client):
    event = factories.EventFactory(start_date=D(2022, 11, 10), start_precision="day")

    (vevent,) = calendar_of(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")

    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (D(2022, 11, 10), D(2022, 11, 11))


def test_an_events_entry_is_in_the_language_of_its_address(client):
    event = factories.EventFactory(
        start_date=D(2024, 5, 20), start_precision="day", name="Plenary", name_de="Plenartreffen"
    )

    (vevent,) = calendar_of(client.get(f"/de/events/{event.slug}/event.ics")).walk("VEVENT")

    assert str(vevent["SUMMARY"]) == "Plenartreffen"
    assert str(vevent["URL"]) == f"http://testserver/de/events/{event.slug}/"


@pytest.mark.parametrize(
    "dates",
    [
        {"start_date": D(2024, 5, 1), "start_precision": "month"},
        {"start_date": D(2024, 1, 1), "start_precision": "year"},
        {
            "start_date": D(2024, 5, 20),
            "start_precision": "day",
            "end_date": D(2024, 6, 1),
            "end_precision": "month",
        },
        {"start_date": None},
    ],
    ids=["month", "year", "end-month", "no-date"],
)
def test_an_event_without_a_known_day_offers_no_calendar_entry_and_says_why(client, dates):
    event = factories.EventFactory(**dates)

    page = client.get(event.get_absolute_url()).content.decode()
    response = client.get(f"/events/{event.slug}/event.ics")

    assert "event.ics" not in page
    assert "Not offered for a calendar: the day of this event is not known." in page
    assert (response.status_code, response["Content-Type"]) == (404, "text/plain; charset=utf-8")
    assert (
        response.content.decode()
        == "The day of this event is not known, so it cannot be added to a calendar."
    )


def test_an_event_the_visitor_may_not_see_has_no_calendar_entry(client):
    event = factories.EventFactory(start_date=D(2024, 5, 20), start_precision="day", status="draft")

    assert client.get(f"/events/{event.slug}/event.ics").status_code == 404


# Photos ------------------------------------------------------------------------------------------


def test_credits_of_photos_the_atlas_does_not_hold_make_no_photos_section(client):
    photo = factories.PhotoFactory(caption="8th Plenary Meeting", credit="Stephan Thurm (UBA)")

    html = client.get(photo.event.get_absolute_url()).content.decode()

    assert "Photos" not in html
    assert "Stephan Thurm" not in html


def test_photos_with_a_file_are_shown_and_the_others_left_out(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photos").mkdir()
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (30, 120, 30)).save(buffer, format="JPEG")
    (tmp_path / "photos" / "plenary.jpg").write_bytes(buffer.getvalue())
    shown = factories.PhotoFactory(image="photos/plenary.jpg", caption="On the podium", credit="GIZ")
    factories.PhotoFactory(event=shown.event, caption="Not held", credit="Nobody")

    html = client.get(shown.event.get_absolute_url()).content.decode()

    assert html.count("<h2>Photos</h2>") == 1
    assert html.count("<figure>") == 1
    assert "On the podium" in html
    assert "Not held" not in html
