"""Uploads kept across a validation error: in the admin's forms and inlines, signed, per user, pruned."""

import io
import os
import re
import time
from html import unescape

import pytest
from django import forms
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from config.editorial import kept_uploads
from dialogues.models import Publication
from events.models import Event, Photo
from tests import factories
from tests.config.editorial.test_admin import event_form
from tests.config.operations.test_uploads import PDF, image_bytes

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r'<input type="hidden" name="([^"]+__kept)" value="([^"]+)">')


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def photo_row(**overrides):
    return {
        "photos-TOTAL_FORMS": "1",
        "photos-0-order": "1",
        "photos-0-caption_en": "Group photo",
        "photos-0-credit": "GIZ",
        "photos-0-status": "published",
        "photos-0-visibility": "public",
        **overrides,
    }


def kept_references(response) -> dict[str, str]:
    return {name: unescape(value) for name, value in REFERENCE.findall(response.content.decode())}


def test_a_photo_chosen_in_an_event_form_with_an_error_is_kept_and_saved_next_time(admin_client, media_root):
    content = image_bytes("JPEG")
    first = admin_client.post(
        reverse("admin:events_event_add"),
        {
            **event_form(start_date="not a date"),
            **photo_row(),
            "photos-0-image": SimpleUploadedFile("Plenary.jpg", content, "image/jpeg"),
        },
    )

    assert first.status_code == 200
    assert "Kept: Plenary.jpg (choose another file to replace it)" in first.content.decode()
    references = kept_references(first)
    assert list(references) == ["photos-0-image__kept"]

    second = admin_client.post(
        reverse("admin:events_event_add"),
        {**event_form(start_date="2024-05-17"), **photo_row(), **references},
    )

    assert second.status_code == 302
    photo = Photo.objects.get(event=Event.objects.get())
    assert re.fullmatch(r"photos/\d{4}/plenary-[0-9a-f]{8}\.jpg", photo.image.name)
    assert (media_root / photo.image.name).read_bytes() == content


def test_a_new_file_replaces_the_kept_one(admin_client, media_root):
    first = admin_client.post(
        reverse("admin:events_event_add"),
        {
            **event_form(start_date="not a date"),
            **photo_row(),
            "photos-0-image": SimpleUploadedFile("first.png", image_bytes("PNG"), "image/png"),
        },
    )
    second = admin_client.post(
        reverse("admin:events_event_add"),
        {
            **event_form(start_date="2024-05-17"),
            **photo_row(),
            **kept_references(first),
            "photos-0-image": SimpleUploadedFile("second.jpg", image_bytes("JPEG"), "image/jpeg"),
        },
    )

    assert second.status_code == 302
    assert re.fullmatch(r"photos/\d{4}/second-[0-9a-f]{8}\.jpg", Photo.objects.get().image.name)


def test_a_refused_file_is_not_kept(admin_client, media_root):
    response = admin_client.post(
        reverse("admin:events_event_add"),
        {
            **event_form(start_date="not a date"),
            **photo_row(),
            "photos-0-image": SimpleUploadedFile("photo.jpg", PDF, "image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert kept_references(response) == {}
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "photos"
    )
    assert list(formset.errors[0]) == ["image"]


def test_a_publication_file_is_kept_in_the_records_own_form(admin_client, media_root):
    data = {
        "title_en": "Policy paper",
        "slug": "policy-paper",
        "kind": "report",
        "date": "not a date",
        "date_precision": "day",
        "status": "draft",
        "visibility": "public",
        "authors-TOTAL_FORMS": "0",
        "authors-INITIAL_FORMS": "0",
    }
    first = admin_client.post(
        reverse("admin:dialogues_publication_add"),
        {**data, "file": SimpleUploadedFile("paper.pdf", PDF, "application/pdf")},
    )
    assert list(kept_references(first)) == ["file__kept"]

    second = admin_client.post(
        reverse("admin:dialogues_publication_add"), {**data, "date": "2024-05-17", **kept_references(first)}
    )

    assert second.status_code == 302
    assert (media_root / Publication.objects.get().file.name).read_bytes() == PDF


@pytest.mark.parametrize(
    "tamper",
    [
        lambda reference: reference[:-2] + ("AA" if not reference.endswith("AA") else "BB"),
        lambda reference: signing.dumps(
            {**signing.loads(reference, salt=kept_uploads.SALT), "name": "kept-uploads/1/x/y.jpg"},
            salt="other",
        ),
    ],
    ids=["altered", "signed-elsewhere"],
)
def test_a_tampered_reference_is_refused_with_a_field_error(admin_client, media_root, tamper):
    first = admin_client.post(
        reverse("admin:events_event_add"),
        {
            **event_form(start_date="not a date"),
            **photo_row(),
            "photos-0-image": SimpleUploadedFile("photo.png", image_bytes("PNG"), "image/png"),
        },
    )
    reference = kept_references(first)["photos-0-image__kept"]

    second = admin_client.post(
        reverse("admin:events_event_add"),
        {**event_form(start_date="2024-05-17"), **photo_row(), "photos-0-image__kept": tamper(reference)},
    )

    assert second.status_code == 200
    formset = next(f.formset for f in second.context["inline_admin_formsets"] if f.formset.prefix == "photos")
    assert formset.errors[0] == {"image": [str(kept_uploads.REFUSED)]}
    assert Event.objects.count() == 0


def test_another_users_reference_is_refused(admin_client, admin_user, writer):
    reference = kept_uploads.keep(SimpleUploadedFile("photo.png", image_bytes("PNG")), writer)

    with pytest.raises(kept_uploads.KeptUploadRefused):
        kept_uploads.kept_file(reference, admin_user)
    assert kept_uploads.kept_file(reference, writer).read() == image_bytes("PNG")


class RequiredPhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ("event", "order", "image")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].required = True


@pytest.mark.parametrize("reference", [None, "not-a-reference"], ids=["none", "tampered"])
def test_a_required_file_is_never_saved_empty(writer, reference):
    event = factories.EventFactory()
    form_class = kept_uploads.kept_uploads_form(RequiredPhotoForm, writer)
    data = {"event": event.pk, "order": 1}
    if reference:
        data["image__kept"] = reference

    form = form_class(data, {})

    assert form.is_valid() is False
    assert "image" in form.errors
    assert Photo.objects.count() == 0


def test_a_required_file_is_saved_from_its_kept_copy(writer, media_root):
    event = factories.EventFactory()
    form_class = kept_uploads.kept_uploads_form(RequiredPhotoForm, writer)
    first = form_class(
        {"event": event.pk, "order": "x"}, {"image": SimpleUploadedFile("a.png", image_bytes())}
    )
    assert list(first.errors) == ["order"]
    first.keep_uploads()
    reference = first.kept_uploads["image"][0]

    second = form_class({"event": event.pk, "order": 1, "image__kept": reference}, {})

    assert second.errors == {}
    photo = second.save()
    assert (media_root / photo.image.name).read_bytes() == image_bytes()


def test_prune_kept_uploads_removes_files_older_than_a_day(writer, job_files):
    old = kept_uploads.keep(SimpleUploadedFile("old.png", image_bytes()), writer)
    new = kept_uploads.keep(SimpleUploadedFile("new.png", image_bytes()), writer)
    old_path = job_files / signing.loads(old, salt=kept_uploads.SALT)["name"]
    a_day_ago = time.time() - 25 * 3600
    os.utime(old_path, (a_day_ago, a_day_ago))
    out = io.StringIO()

    call_command("prune_kept_uploads", stdout=out)

    assert out.getvalue() == "Deleted 1 kept upload stored more than a day ago.\n"
    assert old_path.exists() is False
    assert kept_uploads.kept_file(new, writer).name == "new.png"
