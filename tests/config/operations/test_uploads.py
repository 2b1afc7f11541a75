"""Uploads are judged by content and size, stored under safe names, and served so no browser runs them."""

import io
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from config.framework.visibility import Visibility
from config.operations.uploads import check_document, check_image, safe_name
from dialogues.models import Publication
from events.models import Photo
from tests import factories
from tests.helpers import grant, token_client

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def image_bytes(image_format="PNG", size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def office_bytes(folder="word/") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types/>")
        archive.writestr(f"{folder}document.xml", "<?xml version='1.0'?><document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def error_code(check, file) -> str | None:
    try:
        check(file)
    except ValidationError as error:
        return error.code
    return None


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("photo.png", image_bytes("PNG"), "png"),
        ("photo.jpg", image_bytes("JPEG"), "jpg"),
        ("photo.webp", image_bytes("WEBP"), "webp"),
        ("photo.gif", image_bytes("GIF"), "gif"),
        # The content decides, not the name.
        ("photo.gif", image_bytes("JPEG"), "jpg"),
    ],
)
def test_check_image_accepts_images_by_content(name, content, extension):
    assert check_image(upload(name, content)).extension == extension


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("photo.jpg", HTML, "markup"),
        ("photo.jpg", SVG, "markup"),
        ("photo.svg", SVG, "markup"),
        ("photo.jpg", image_bytes("PNG") + HTML, "markup"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "invalid_image"),
        ("photo.jpg", PDF, "invalid_image"),
        ("photo.bmp", image_bytes("BMP"), "image_format"),
        ("photo.tiff", image_bytes("TIFF"), "image_format"),
        ("photo.jpg", b"", "invalid_image"),
    ],
)
def test_check_image_refuses_what_is_not_an_accepted_image(name, content, code):
    assert error_code(check_image, upload(name, content)) == code


def test_check_image_refuses_files_over_the_size_limit(settings):
    content = image_bytes("PNG")
    settings.UPLOAD_IMAGE_MAX_BYTES = len(content) - 1

    assert error_code(check_image, upload("photo.png", content)) == "file_too_large"


def test_check_image_refuses_images_over_the_pixel_limit(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 11

    assert [
        error_code(check_image, upload("small.png", image_bytes(size=(4, 3)))),
        error_code(check_image, upload("fits.png", image_bytes(size=(11, 1)))),
    ] == ["image_too_large", None]


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("paper.pdf", PDF, "pdf"),
        ("paper.docx", office_bytes("word/"), "docx"),
        ("table.xlsx", office_bytes("xl/"), "xlsx"),
        ("slides.pptx", office_bytes("ppt/"), "pptx"),
        ("paper.doc", PDF, "pdf"),
    ],
)
def test_check_document_accepts_pdf_and_office_files_by_content(name, content, extension):
    assert check_document(upload(name, content)).extension == extension


def test_check_document_refuses_files_over_the_size_limit(settings):
    settings.UPLOAD_DOCUMENT_MAX_BYTES = len(PDF) - 1

    assert error_code(check_document, upload("paper.pdf", PDF)) == "file_too_large"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("paper.pdf", HTML, "markup"),
        ("paper.pdf", SVG, "markup"),
        ("paper.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>", "markup"),
        ("paper.pdf", b"just some text", "invalid_document"),
        ("paper.docx", b"PK\x03\x04 broken zip", "invalid_document"),
        ("archive.zip", office_bytes("other/"), "invalid_document"),
        ("paper.pdf", image_bytes("PNG"), "invalid_document"),
    ],
)
def test_check_document_refuses_what_is_not_an_accepted_document(name, content, code):
    assert error_code(check_document, upload(name, content)) == code


@pytest.mark.parametrize(
    ("original", "extension", "pattern"),
    [
        ("Report (final) 2024.PDF", "pdf", r"report-final-2024-[0-9a-f]{8}\.pdf"),
        ("../../etc/passwd.html", "png", r"passwd-[0-9a-f]{8}\.png"),
        ("报告.pdf", "pdf", r"file-[0-9a-f]{8}\.pdf"),
        ("x" * 300 + ".jpg", "jpg", r"x{60}-[0-9a-f]{8}\.jpg"),
    ],
)
def test_safe_name(original, extension, pattern):
    assert re.fullmatch(pattern, safe_name(original, extension))


def admin_post_data(response, **overrides):
    """The admin form's initial values as a submission, inline management forms included."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        value = value() if callable(value) else value
        if value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    data.update(overrides)
    return data


def admin_add(client, model, files, **fields):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    return client.post(url, {**admin_post_data(client.get(url), **fields), **files})


@pytest.mark.parametrize(
    ("name", "content"),
    [("photo.jpg", HTML), ("photo.jpg", SVG), ("photo.png", image_bytes("BMP"))],
)
def test_admin_refuses_a_disguised_photo_with_a_form_error(admin_client, media_root, name, content):
    event = factories.EventFactory()

    response = admin_client.post(
        reverse("admin:events_photo_add"),
        {
            **admin_post_data(admin_client.get(reverse("admin:events_photo_add"))),
            "event": event.pk,
            "order": 1,
            "image": upload(name, content, "image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["image"]
    assert [Photo.objects.count(), list(media_root.rglob("*.*"))] == [0, []]


def test_admin_stores_an_accepted_photo_under_a_safe_name(admin_client, media_root):
    event = factories.EventFactory()

    response = admin_client.post(
        reverse("admin:events_photo_add"),
        {
            **admin_post_data(admin_client.get(reverse("admin:events_photo_add"))),
            "event": event.pk,
            "order": 1,
            "caption_en": "Group photo",
            "image": upload("Group photo <script>.jpeg", image_bytes("JPEG"), "text/html"),
        },
    )

    assert [response.status_code, response.context and response.context["adminform"].form.errors] == [
        302,
        None,
    ]
    photo = Photo.objects.get()
    assert re.fullmatch(r"photos/\d{4}/group-photo-script-[0-9a-f]{8}\.jpg", photo.image.name)
    assert (media_root / photo.image.name).read_bytes()[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [
        ("paper.pdf", HTML, None),
        ("paper.pdf", SVG, None),
        ("paper.docx", b"PK\x03\x04 broken", None),
        ("Policy Paper.pdf", PDF, r"publications/\d{4}/policy-paper-[0-9a-f]{8}\.pdf"),
    ],
)
def test_admin_checks_publication_files(admin_client, media_root, name, content, stored):
    url = reverse("admin:dialogues_publication_add")
    data = admin_post_data(
        admin_client.get(url),
        slug="policy-paper",
        title_en="Policy paper",
        kind=Publication.Kind.POLICY_PAPER,
        date="2024-05-01",
    )

    response = admin_client.post(url, {**data, "file": upload(name, content, "application/pdf")})

    if stored is None:
        assert [response.status_code, list(response.context["adminform"].form.errors)] == [200, ["file"]]
        assert [Publication.objects.count(), list(media_root.rglob("*.*"))] == [0, []]
    else:
        assert response.status_code == 302
        assert re.fullmatch(stored, Publication.objects.get().file.name)


def test_api_accepts_no_file_uploads(staff):
    client = token_client(grant(staff, Publication, "add"))

    response = client.post(
        "/api/v1/publications/",
        {"slug": "paper", "title": "Paper", "kind": "report", "file": upload("paper.pdf", HTML)},
        format="multipart",
    )

    assert [response.status_code, response.json()["code"], Publication.objects.count()] == [
        415,
        "unsupported_media_type",
        0,
    ]


def stored_on_a_row(media_root, path: str, content: bytes):
    """A file on disk at ``path`` and the published, public row whose file field names it."""
    (media_root / path).parent.mkdir(parents=True, exist_ok=True)
    (media_root / path).write_bytes(content)
    if path.startswith("photos/"):
        return factories.PhotoFactory(image=path)
    return factories.PublicationFactory(file=path)


@pytest.mark.parametrize(
    ("path", "content", "content_type", "disposition"),
    [
        ("photos/2024/photo.png", image_bytes("PNG"), "image/png", "inline"),
        ("photos/2024/photo.jpg", image_bytes("JPEG"), "image/jpeg", "inline"),
        ("publications/2024/paper.pdf", PDF, "application/pdf", "attachment"),
        ("publications/2024/old.html", HTML, "application/octet-stream", "attachment"),
        ("publications/2024/old.svg", SVG, "application/octet-stream", "attachment"),
        ("publications/2024/table.xlsx", office_bytes("xl/"), "application/octet-stream", "attachment"),
    ],
)
def test_media_is_served_inert(client, media_root, path, content, content_type, disposition):
    stored_on_a_row(media_root, path, content)

    response = client.get(f"/media/{path}")

    assert {
        "status": response.status_code,
        "Content-Type": response["Content-Type"],
        "Content-Disposition": response["Content-Disposition"],
        "X-Content-Type-Options": response["X-Content-Type-Options"],
        "Content-Security-Policy": response["Content-Security-Policy"],
        "body": b"".join(response.streaming_content),
    } == {
        "status": 200,
        "Content-Type": content_type,
        "Content-Disposition": disposition,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "body": content,
    }


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("../settings.py", 400),
        ("%2e%2e/manage.py", 400),
        ("photos//2024/photo.png", 400),
        ("photos/2024/./photo.png", 400),
        ("photos/%00x.png", 400),
        ("photos/missing.png", 404),
    ],
)
def test_media_outside_the_folder_is_refused_and_missing_is_a_404(client, media_root, path, status):
    stored_on_a_row(media_root, "photos/2024/photo.png", image_bytes("PNG"))

    assert client.get(f"/media/{path}").status_code == status


def test_a_file_a_row_names_but_storage_lost_is_a_404(client, media_root):
    stored_on_a_row(media_root, "photos/2024/photo.png", image_bytes("PNG"))
    (media_root / "photos/2024/photo.png").unlink()

    assert client.get("/media/photos/2024/photo.png").status_code == 404


@pytest.mark.parametrize(
    ("mode", "header", "value"),
    [
        ("x-accel", "X-Accel-Redirect", "/protected-media/photos/2024/group%20photo.jpg"),
        ("x-sendfile", "X-Sendfile", "{media_root}/photos/2024/group photo.jpg"),
    ],
)
def test_behind_a_proxy_the_answer_names_the_file_and_the_proxy_sends_it(
    client, media_root, settings, mode, header, value
):
    settings.MEDIA_SERVE_MODE = mode
    stored_on_a_row(media_root, "photos/2024/group photo.jpg", image_bytes("JPEG"))

    response = client.get("/media/photos/2024/group%20photo.jpg")

    assert {
        "status": response.status_code,
        header: response[header],
        "body": response.content,
        "Content-Type": response["Content-Type"],
        "Content-Disposition": response["Content-Disposition"],
        "X-Content-Type-Options": response["X-Content-Type-Options"],
        "Cache-Control": response["Cache-Control"],
    } == {
        "status": 200,
        header: value.format(media_root=media_root),
        "body": b"",
        "Content-Type": "image/jpeg",
        "Content-Disposition": "inline",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": f"public, max-age={settings.HTTP_CACHE_MAX_AGE}",
    }


# On S3 -------------------------------------------------------------------------------------------


@pytest.fixture
def s3(settings):
    """Media on S3, at an endpoint where nothing listens: any request would fail, and is counted."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "config.operations.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": "atlas-media",
                "endpoint_url": "http://127.0.0.1:9",
                "region_name": "eu-central-1",
                "access_key": "AKIAEXAMPLE",
                "secret_key": "example-secret",
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    from django.core.files.storage import default_storage

    sent = []
    client = default_storage.connection.meta.client
    client.meta.events.register("before-send", lambda request, **kwargs: sent.append(request.url))
    return sent


def test_on_s3_pages_link_the_media_view_and_it_redirects_to_a_short_lived_signed_address(
    client, s3, settings
):
    publication = factories.PublicationFactory(file="publications/2024/paper-1a2b3c4d.pdf")

    page = client.get(publication.get_absolute_url())
    response = client.get("/media/publications/2024/paper-1a2b3c4d.pdf")

    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert b'href="/media/publications/2024/paper-1a2b3c4d.pdf"' in page.content
    assert {
        "status": response.status_code,
        "Cache-Control": response["Cache-Control"],
        "address": f"{location.scheme}://{location.netloc}{location.path}",
        "expires": query["X-Amz-Expires"],
        "signed": "X-Amz-Signature" in query,
        "type": query["response-content-type"],
        "disposition": query["response-content-disposition"],
        "requests sent to S3": s3,
    } == {
        "status": 302,
        "Cache-Control": "private, no-store",
        "address": "http://127.0.0.1:9/atlas-media/publications/2024/paper-1a2b3c4d.pdf",
        "expires": [str(settings.AWS_QUERYSTRING_EXPIRE)],
        "signed": True,
        "type": ["application/pdf"],
        "disposition": ["attachment"],
        "requests sent to S3": [],
    }


def test_on_s3_a_hidden_records_file_is_a_404_with_no_address_at_all(client, s3):
    factories.PublicationFactory(file="publications/2024/paper-1a2b3c4d.pdf", visibility=Visibility.INTERNAL)

    response = client.get("/media/publications/2024/paper-1a2b3c4d.pdf")

    assert [response.status_code, "Location" in response, s3] == [404, False, []]


# Removing files after the commit ------------------------------------------------------------------


def photo_with_file(media_root, name="photos/2024/photo.jpg"):
    (media_root / name).parent.mkdir(parents=True, exist_ok=True)
    (media_root / name).write_bytes(image_bytes("JPEG"))
    return factories.PhotoFactory(image=name)


@pytest.mark.django_db(transaction=True)
def test_deleting_a_record_removes_its_files_once_the_transaction_commits(media_root):
    photo = photo_with_file(media_root)
    (media_root / "publications/2024").mkdir(parents=True)
    (media_root / "publications/2024/paper.pdf").write_bytes(PDF)
    publication = factories.PublicationFactory(file="publications/2024/paper.pdf")

    with transaction.atomic():
        photo.event.delete()  # the photo goes with its event
        publication.delete()
        during = sorted(path.name for path in media_root.rglob("*.*"))

    assert [during, list(media_root.rglob("*.*"))] == [["paper.pdf", "photo.jpg"], []]


@pytest.mark.django_db(transaction=True)
def test_a_deletion_rolled_back_keeps_the_row_and_its_file(media_root):
    photo = photo_with_file(media_root)

    with pytest.raises(RuntimeError), transaction.atomic():
        photo.event.delete()
        raise RuntimeError("the request failed after the delete")

    assert [Photo.objects.filter(pk=photo.pk).exists(), (media_root / "photos/2024/photo.jpg").exists()] == [
        True,
        True,
    ]


@pytest.mark.django_db(transaction=True)
def test_a_replaced_photo_removes_the_old_file_after_the_commit_and_keeps_the_new(media_root):
    photo = Photo.objects.get(pk=photo_with_file(media_root).pk)

    with transaction.atomic():
        photo.image = upload("new.png", image_bytes("PNG"))
        photo.save()
        during = (media_root / "photos/2024/photo.jpg").exists()

    stored = Photo.objects.get(pk=photo.pk).image.name
    assert [during, (media_root / "photos/2024/photo.jpg").exists(), (media_root / stored).exists()] == [
        True,
        False,
        True,
    ]


@pytest.mark.django_db(transaction=True)
def test_a_photo_loaded_without_its_image_and_then_replaced_removes_the_old_file(media_root):
    photo = Photo.objects.only("pk", "event").get(pk=photo_with_file(media_root).pk)

    photo.image = ""
    photo.save()

    assert (media_root / "photos/2024/photo.jpg").exists() is False


@pytest.mark.django_db(transaction=True)
def test_reverting_to_a_version_with_an_older_file_removes_the_newer_and_does_not_bring_back_the_older(
    client, media_root
):
    photo = Photo.objects.get(pk=photo_with_file(media_root).pk)
    photo.image = upload("new.png", image_bytes("PNG"))
    photo.save()
    newer = photo.image.name

    photo.history.earliest().instance.save()  # what the admin's revert saves

    assert [
        Photo.objects.get(pk=photo.pk).image.name,
        (media_root / "photos/2024/photo.jpg").exists(),
        (media_root / newer).exists(),
        client.get("/media/photos/2024/photo.jpg").status_code,
    ] == ["photos/2024/photo.jpg", False, False, 404]


@pytest.mark.django_db(transaction=True)
def test_a_file_another_row_still_names_is_kept(media_root):
    photo = photo_with_file(media_root)
    factories.PhotoFactory(event=photo.event, image=photo.image.name)

    photo.delete()

    assert (media_root / "photos/2024/photo.jpg").exists()


@pytest.mark.django_db(transaction=True)
def test_a_storage_that_cannot_remove_the_file_leaves_it_logged_and_the_delete_stands(media_root, caplog):
    photo = photo_with_file(media_root)
    # A folder where the file was: the storage's delete fails (as a bucket that is away would).
    (media_root / "photos/2024/photo.jpg").unlink()
    (media_root / "photos/2024/photo.jpg").mkdir()
    (media_root / "photos/2024/photo.jpg/kept").write_bytes(b"")

    photo.delete()

    assert [Photo.objects.filter(pk=photo.pk).exists(), (media_root / "photos/2024/photo.jpg").exists()] == [
        False,
        True,
    ]
    assert "Could not remove the stored file photos/2024/photo.jpg" in caplog.text
