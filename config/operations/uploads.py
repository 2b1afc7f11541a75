"""Uploaded photos and documents: checked by content and size, stored under safe names, served inert.

A file is judged by what it contains, not by its name: an image must be one Pillow can decode in
an allowed format; a document must start with the magic bytes of PDF or of an Office Open XML
file. Whatever the type, a file whose first bytes a browser could take for HTML or SVG is refused.
The stored name is made from the original's (ASCII, shortened) plus a random part, with the
extension of the detected type.

A stored file belongs to the row whose file field names it. Who may fetch it is decided by that
row (``config/atlas/media.py``); this module only answers with the file once that is decided —
streamed by Django, handed to the reverse proxy, or as a short-lived signed address on S3 — and
removes a file from storage once the row that held it is deleted or given another file, after the
transaction commits.
"""

import logging
import mimetypes
import posixpath
import secrets
import zipfile
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

# Pillow's format name → the extension the stored file gets.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# Office Open XML: a ZIP whose main part lives in this folder.
OFFICE_FORMATS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
DOCUMENT_TYPES = "PDF, DOCX, XLSX, PPTX"
# What browsers sniff for markup (they read about the first 512 bytes); read a little more.
SNIFF_BYTES = 1024
MARKUP = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<iframe")
# Served inline; anything else in the media folder is a download.
INLINE_TYPES = {"jpg", "jpeg", "png", "webp", "gif"}


@dataclass
class CheckedFile:
    extension: str


def _head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return head


def _refuse_markup(head: bytes) -> None:
    lowered = head.lower()
    if any(marker in lowered for marker in MARKUP):
        raise ValidationError(
            _("The file contains HTML or SVG markup; upload the image or document itself."), code="markup"
        )


def _refuse_too_large(upload, limit: int) -> None:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s may be uploaded.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def check_image(upload) -> CheckedFile:
    """An image in an allowed format that Pillow can verify, within the size limits."""
    _refuse_too_large(upload, settings.UPLOAD_IMAGE_MAX_BYTES)
    _refuse_markup(_head(upload))
    allowed = ", ".join(sorted(IMAGE_FORMATS))
    try:
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The file is not an image Dialogue Atlas accepts (%(allowed)s).") % {"allowed": allowed},
            code="invalid_image",
        ) from error
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images in the %(format)s format are not accepted; use %(allowed)s.")
            % {"format": image_format, "allowed": allowed},
            code="image_format",
        )
    if width * height > settings.UPLOAD_IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The image has %(pixels)d pixels; at most %(limit)d are accepted.")
            % {"pixels": width * height, "limit": settings.UPLOAD_IMAGE_MAX_PIXELS},
            code="image_too_large",
        )
    return CheckedFile(IMAGE_FORMATS[image_format])


def check_document(upload) -> CheckedFile:
    """A PDF or an Office Open XML document (by content), within the size limit."""
    _refuse_too_large(upload, settings.UPLOAD_DOCUMENT_MAX_BYTES)
    head = _head(upload)
    _refuse_markup(head)
    if head.startswith(b"%PDF-"):
        return CheckedFile("pdf")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            names = []
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for folder, extension in OFFICE_FORMATS.items():
                if any(name.startswith(folder) for name in names):
                    return CheckedFile(extension)
    raise ValidationError(
        _("The file is not a document Dialogue Atlas accepts (%(allowed)s).") % {"allowed": DOCUMENT_TYPES},
        code="invalid_document",
    )


def safe_name(original: str, extension: str) -> str:
    """``Report (final) 2024.PDF.html`` → ``report-final-2024-pdf-3k9f2a1c.pdf``."""
    stem = slugify(PurePath(original).stem)[:60].strip("-") or "file"
    return f"{stem}-{secrets.token_hex(4)}.{extension}"


def clean_upload(instance, field_name: str, check) -> None:
    """Check a newly uploaded file of ``instance`` and give it a safe name (for a model's ``clean()``).

    Files already stored are left alone; errors are reported on the field.
    """
    field_file = getattr(instance, field_name)
    if not field_file or getattr(field_file, "_committed", True):
        return
    try:
        checked = check(field_file.file)
    except ValidationError as error:
        raise ValidationError({field_name: error}) from None
    field_file.name = safe_name(field_file.name, checked.extension)


# Serving ------------------------------------------------------------------------------------------

# What a file may do once a browser has it: nothing (no script, no plugin, no request).
FILE_CSP = "default-src 'none'; sandbox"
PRIVATE = "private, no-store"


def checked_name(path: str) -> str:
    """``path`` of a media address as a stored name; one that leaves the media folder is refused.

    Stored names are relative and normalised (``photos/2024/x-1a2b3c4d.jpg``); anything else —
    ``..``, an absolute path, a doubled slash — is no name the atlas ever stored (a 400).
    """
    if (
        path.startswith("/")
        or "\\" in path
        or "\x00" in path  # PostgreSQL stores no NUL in text: the lookup would fail
        or ".." in path.split("/")
        or posixpath.normpath(path) != path
    ):
        raise SuspiciousFileOperation(f"Media path {path!r} is not a stored file name.")
    return path


def file_headers(name: str, *, public: bool) -> dict[str, str]:
    """The headers every answer with a file carries, whoever serves the bytes.

    Images are shown inline; every other file is a download, and only a PDF keeps its own type, so
    nothing is sniffed and even a file a browser rendered could run no script and load nothing. A
    file of a record anyone may see may be kept by browsers and shared caches as long as a page
    (``HTTP_CACHE_MAX_AGE``); any other file is kept by no cache, so that it is gone the moment
    its record is hidden.
    """
    extension = PurePath(name).suffix.lower().lstrip(".")
    inline = extension in INLINE_TYPES
    if inline or extension == "pdf":
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    else:
        content_type = "application/octet-stream"
    return {
        "Content-Type": content_type,
        "Content-Disposition": "inline" if inline else "attachment",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": FILE_CSP,
        "Cache-Control": f"public, max-age={settings.HTTP_CACHE_MAX_AGE}" if public else PRIVATE,
    }


def serve_stored(request, field_file, *, public: bool) -> HttpResponse:
    """The stored file ``field_file`` as the answer to ``request``, once the caller has decided that
    the requesting user may have it; ``public`` says whether anyone may.

    - on S3 (a storage with ``signed_url``): a redirect to an address signed for
      ``AWS_QUERYSTRING_EXPIRE`` seconds, itself never cached;
    - ``MEDIA_SERVE_MODE = "x-accel"``: an empty answer whose ``X-Accel-Redirect`` names the file
      under ``MEDIA_ACCEL_REDIRECT_PREFIX``, an ``internal`` location of nginx that sends it with
      the headers set here (docs/operations.md);
    - ``"x-sendfile"``: the same with ``X-Sendfile`` and the file's path (Apache, lighttpd);
    - ``"django"`` (development, or no proxy): Django streams the file.
    """
    name, storage = field_file.name, field_file.storage
    headers = file_headers(name, public=public)
    if hasattr(storage, "signed_url"):
        address = storage.signed_url(
            name,
            content_type=headers["Content-Type"],
            disposition=headers["Content-Disposition"],
            cache_control=headers["Cache-Control"],
        )
        response = HttpResponseRedirect(address)
        response["Cache-Control"] = PRIVATE
        return response
    mode = settings.MEDIA_SERVE_MODE
    if mode == "x-accel":
        headers["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_PREFIX + quote(name)
        return HttpResponse(headers=headers)
    if mode == "x-sendfile":
        headers["X-Sendfile"] = storage.path(name)
        return HttpResponse(headers=headers)
    try:
        stream = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404(_("The file is no longer stored.")) from None
    response = FileResponse(stream)
    for header, value in headers.items():
        response[header] = value
    return response


# Removing files -----------------------------------------------------------------------------------
# A save that changes a row's file, or a delete, removes the old file once the transaction has
# committed — never before (a rollback keeps the row and so its file) — and only if no other row
# still names it. History keeps old rows' names but not their files: reverting a deletion or a
# replacement brings back the record, not the file (docs/operations.md).

STORED = "_atlas_stored_files"


def stored_file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """Every file field of the atlas apps' models (history tables keep names as text, not files)."""
    return [
        (model, field)
        for label in settings.ATLAS_APPS
        for model in apps.get_app_config(label).get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def _file_fields(model, update_fields=None) -> list[models.FileField]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and (update_fields is None or field.name in update_fields)
    ]


def _name(value) -> str:
    return (getattr(value, "name", value) or "") if value is not None else ""


def read_stored_names(sender, instance, raw=False, using=None, update_fields=None, **kwargs):
    """Before saving a row that exists: the names its file fields hold in the database.

    Read from the database rather than remembered from when the row was loaded, so that a row built
    from a history entry (a revert) or loaded without its file fields replaces the right file; it is
    one primary-key read, and only these models' saves pay it.
    """
    fields = _file_fields(sender, update_fields)
    # Not ``_state.adding``: a row built from a history entry is new to Django but not to the table.
    if raw or instance.pk is None or not fields:
        return
    stored = (
        sender._base_manager.using(using)
        .filter(pk=instance.pk)
        .values(*(field.attname for field in fields))
        .first()
    )
    setattr(instance, STORED, {name: value or "" for name, value in (stored or {}).items()})


def remove_replaced_files(sender, instance, created=False, using=None, **kwargs):
    stored = instance.__dict__.pop(STORED, None)
    if created or not stored:
        return
    for field in _file_fields(sender):
        old = stored.get(field.attname, "")
        if old and field.attname in instance.__dict__ and old != _name(instance.__dict__[field.attname]):
            remove_after_commit(field.storage, old, using)


def remove_deleted_files(sender, instance, using=None, **kwargs):
    for field in _file_fields(sender):
        name = _name(instance.__dict__.get(field.attname))
        if name:
            remove_after_commit(field.storage, name, using)


def remove_after_commit(storage, name: str, using=None) -> None:
    transaction.on_commit(partial(remove_unreferenced, storage, name, using), using=using, robust=True)


def remove_unreferenced(storage, name: str, using=None) -> None:
    """Remove ``name`` from ``storage`` unless a row still names it (a copy, an undone change).

    A storage that is briefly away leaves the file behind, logged, rather than failing the request
    whose write has already committed.
    """
    for model, field in stored_file_fields():
        if model._base_manager.using(using).filter(**{field.name: name}).exists():
            return
    try:
        storage.delete(name)
    except Exception:
        logger.warning("Could not remove the stored file %s; remove it by hand.", name, exc_info=True)
    else:
        logger.info("Removed the stored file %s: no row names it any more.", name)


def connect_signals() -> None:
    """Follow the rows of every atlas model with file fields (only those: a receiver for every
    sender would cost every model's every instance a call)."""
    for model in {model for model, _field in stored_file_fields()}:
        uid = f"atlas-files-{model._meta.label_lower}"
        pre_save.connect(read_stored_names, sender=model, dispatch_uid=uid)
        post_save.connect(remove_replaced_files, sender=model, dispatch_uid=uid)
        post_delete.connect(remove_deleted_files, sender=model, dispatch_uid=uid)
