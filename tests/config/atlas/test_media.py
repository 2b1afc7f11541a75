"""Uploaded files follow their record: whoever may not see the record gets a 404 for its files."""

import datetime
import io

import pytest
from django.urls import reverse
from PIL import Image

from config.framework.visibility import Status, Visibility
from dialogues.models import Publication
from tests import factories
from tests.helpers import issue_token, token_client

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PHOTO = "photos/2024/group-photo-1a2b3c4d.jpg"
PAPER = "publications/2024/policy-paper-1a2b3c4d.pdf"


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (30, 120, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def store(media_root, name: str, content: bytes) -> None:
    (media_root / name).parent.mkdir(parents=True, exist_ok=True)
    (media_root / name).write_bytes(content)


@pytest.fixture
def photo(media_root):
    """A published event's photo, its file on disk; the record is the event."""
    store(media_root, PHOTO, jpeg())
    return factories.PhotoFactory(image=PHOTO), PHOTO


@pytest.fixture
def paper(media_root):
    """A published publication's file, on disk; the record is the publication itself."""
    store(media_root, PAPER, PDF)
    publication = factories.PublicationFactory(file=PAPER)
    return publication, PAPER


def record_of(row):
    return getattr(row, "event", row)


def hide(record, how: str) -> None:
    """Hide ``record`` as an editor would: a draft, internal, for partners, unpublished, deleted."""
    if how == "deleted":
        record.delete()
        return
    changes = {
        "draft": {"status": Status.DRAFT},
        "internal": {"visibility": Visibility.INTERNAL},
        "partners": {"visibility": Visibility.PARTNERS},
        "unpublished": {"status": Status.DRAFT},
    }[how]
    for name, value in changes.items():
        setattr(record, name, value)
    record.save()


def fetch(client, name):
    response = client.get(f"/media/{name}")
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
    return response


@pytest.mark.parametrize("kind", ["photo", "paper"])
@pytest.mark.parametrize(
    ("how", "partner_sees", "editor_sees"),
    [
        ("draft", False, True),
        ("internal", False, True),
        ("partners", True, True),
        ("unpublished", False, True),
        ("deleted", False, False),
    ],
)
def test_a_hidden_records_files_are_a_404_for_whoever_may_not_see_it(
    request, client, partner, editor, kind, how, partner_sees, editor_sees
):
    row, name = request.getfixturevalue(kind)
    if how == "unpublished":
        assert fetch(client, name).status_code == 200  # published first: anyone had it
    hide(record_of(row), how)
    seen = {}
    for reader in ("anonymous", "partner", "editor"):
        client.logout()
        if reader != "anonymous":
            client.force_login({"partner": partner, "editor": editor}[reader])
        response = fetch(client, name)
        seen[reader] = (response.status_code, response.get("Cache-Control"))

    private = (200, "private, no-store")
    assert seen == {
        "anonymous": (404, seen["anonymous"][1]),
        "partner": private if partner_sees else (404, seen["partner"][1]),
        "editor": private if editor_sees else (404, seen["editor"][1]),
    }


@pytest.mark.parametrize("kind", ["photo", "paper"])
def test_a_hidden_records_file_is_not_cacheable_even_as_a_404(request, client, kind):
    row, name = request.getfixturevalue(kind)
    hide(record_of(row), "draft")

    response = fetch(client, name)

    assert [response.status_code, "public" in response.get("Cache-Control", "")] == [404, False]


def test_a_public_records_file_is_served_to_anyone_and_may_be_cached(client, photo, settings):
    _row, name = photo

    response = fetch(client, name)

    assert {
        "status": response.status_code,
        "Content-Type": response["Content-Type"],
        "Content-Disposition": response["Content-Disposition"],
        "X-Content-Type-Options": response["X-Content-Type-Options"],
        "Cache-Control": response["Cache-Control"],
        "body": response.content_bytes,
    } == {
        "status": 200,
        "Content-Type": "image/jpeg",
        "Content-Disposition": "inline",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": f"public, max-age={settings.HTTP_CACHE_MAX_AGE}",
        "body": jpeg(),
    }


def test_a_publication_file_is_a_download_with_its_own_type(client, paper):
    _row, name = paper

    response = fetch(client, name)

    assert [response.status_code, response["Content-Type"], response["Content-Disposition"]] == [
        200,
        "application/pdf",
        "attachment",
    ]
    assert response.content_bytes == PDF


def test_a_photo_hidden_on_its_own_is_a_404_while_its_event_is_public(client, photo):
    row, name = photo
    row.visibility = Visibility.INTERNAL
    row.save()

    assert fetch(client, name).status_code == 404


def test_a_scheduled_record_s_file_waits_for_its_publish_date(client, paper):
    row, name = paper
    row.published_at = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    row.save()

    assert fetch(client, name).status_code == 404


def test_a_partner_system_reads_its_partner_files_with_its_api_token(partner, paper):
    row, name = paper
    hide(row, "partners")
    with_read = token_client(partner, "read")
    link = with_read.get(f"/api/v1/publications/{row.slug}/").json()["file"]

    response = with_read.get(link)

    assert [link, response.status_code, response["Cache-Control"]] == [
        f"http://testserver/media/{name}",
        200,
        "private, no-store",
    ]


@pytest.mark.parametrize(
    ("authorization", "status", "says"),
    [
        ("Token not-a-key", 401, "This token is not valid."),
        ("Token two words", 401, "Send the key after"),
        ("write-only", 403, "needs the “read” scope"),
    ],
)
def test_a_bad_token_is_refused_with_its_reason(client, partner, paper, authorization, status, says):
    _row, name = paper
    if authorization == "write-only":
        authorization = f"Token {issue_token(partner, 'write:events')}"

    response = client.get(f"/media/{name}", HTTP_AUTHORIZATION=authorization)

    assert [response.status_code, says in response.content.decode(), response["Cache-Control"]] == [
        status,
        True,
        "private, no-store",
    ]


def test_pages_link_files_through_the_media_view(client, photo, paper):
    photo_row, photo_name = photo
    paper_row, paper_name = paper

    event_page = client.get(photo_row.event.get_absolute_url()).content.decode()
    paper_page = client.get(paper_row.get_absolute_url()).content.decode()

    assert f'src="/media/{photo_name}"' in event_page
    assert f'href="/media/{paper_name}"' in paper_page
    assert reverse("media", kwargs={"path": paper_name}) == f"/media/{paper_name}"


def test_the_response_cache_never_serves_a_file_after_its_record_is_hidden(client, paper, settings):
    """The one file answer the response cache may keep — nginx's empty X-Accel-Redirect answer for a
    public file — is dropped by the write that hides the record."""
    settings.MEDIA_SERVE_MODE = "x-accel"
    settings.RESPONSE_CACHE_SECONDS = 300
    row, name = paper
    first = fetch(client, name)
    again = fetch(client, name)

    Publication.objects.get(pk=row.pk).delete()  # as the admin would: a fresh load, then delete
    after = fetch(client, name)

    assert [
        (first.status_code, first.get("X-Cache"), first["X-Accel-Redirect"]),
        (again.status_code, again.get("X-Cache"), again["X-Accel-Redirect"]),
        (after.status_code, after.has_header("X-Accel-Redirect")),
    ] == [
        (200, None, f"/protected-media/{name}"),
        (200, "hit", f"/protected-media/{name}"),
        (404, False),
    ]


def test_the_response_cache_never_keeps_a_private_file(client, editor, paper, settings):
    settings.MEDIA_SERVE_MODE = "x-accel"
    settings.RESPONSE_CACHE_SECONDS = 300
    row, name = paper
    hide(row, "internal")
    client.force_login(editor)
    fetch(client, name)
    client.logout()

    assert fetch(client, name).status_code == 404


def test_files_are_only_read(client, paper):
    _row, name = paper

    assert [client.head(f"/media/{name}").status_code, client.delete(f"/media/{name}").status_code] == [
        200,
        405,
    ]
