"""Uploaded photos and documents: checked by content and size, stored under safe names, served inert.

A file is judged by what it contains, not by its name: an image must be one Pillow can decode in
an allowed format; a document must start with the magic bytes of PDF or of an Office Open XML
file. Whatever the type, a file whose first bytes a browser could take for HTML or SVG is refused.
The stored name is made from the original's (ASCII, shortened) plus a random part, with the
extension of the detected type.
"""

import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.static import serve
from PIL import Image, UnidentifiedImageError

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


def serve_media(request, path):
    """Uploaded files, for development (in production the reverse proxy serves them the same way).

    Images are shown inline; every other file is a download. Nothing is sniffed, and even a file
    a browser rendered could run no script and load nothing.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    extension = PurePath(path).suffix.lower().lstrip(".")
    disposition = "inline" if extension in INLINE_TYPES else "attachment"
    response["Content-Disposition"] = disposition
    if disposition == "attachment" and extension != "pdf":
        response["Content-Type"] = "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
