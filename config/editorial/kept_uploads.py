"""Uploads kept across a validation error: a file chosen in a form that is shown again is not lost.

A browser never sends a chosen file twice: once a form comes back with an error, its file inputs
are empty, and the next save would store the row without its photo. So when an admin page is shown
again after a failed save, each file that passed its own checks (``config/operations/uploads.py``:
by content, within the limits) is copied to a private, per-user store, and the form says "Kept:
photo.jpg" with a signed reference in a hidden field. The next submission without a new file for
that field uses the kept one (checked again, as any upload); a new file replaces it. A reference
that is not this user's, is older than ``KEPT_FOR``, or was altered is refused as a field error —
never silently dropped. ``manage.py prune_kept_uploads`` removes kept files older than a day.

The store is the jobs storage (``STORAGES["jobs"]``: private, never under ``MEDIA_URL``), under
``kept-uploads/<user id>/``.
"""

import copy
import logging
import mimetypes
import posixpath
import secrets
from datetime import timedelta

from django import forms
from django.core import signing
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from config.operations.uploads import safe_name

logger = logging.getLogger(__name__)

FOLDER = "kept-uploads"
KEPT_FOR = timedelta(days=1)
SALT = "config.editorial.kept_uploads"
# The hidden field that carries a file field's reference: "<prefixed field name>__kept".
SUFFIX = "__kept"

REFUSED = _("The file kept from your last attempt can no longer be used; choose the file again.")


class KeptUploadRefused(Exception):
    """A reference that is not valid for this user (altered, expired, someone else's, or gone)."""


def storage():
    return storages["jobs"]


def keep(upload, user) -> str:
    """Store ``upload`` for ``user``; the signed reference a form carries to find it again."""
    original = posixpath.basename(upload.name or "") or "file"
    extension = posixpath.splitext(original)[1].lstrip(".").lower() or "bin"
    name = f"{FOLDER}/{user.pk}/{secrets.token_hex(8)}/{safe_name(original, extension)}"
    upload.seek(0)
    stored = storage().save(name, upload)
    upload.seek(0)
    return signing.dumps({"user": user.pk, "name": stored, "original": original}, salt=SALT)


def kept_file(reference: str, user) -> UploadedFile:
    """The upload ``reference`` names, as a new upload to validate; ``KeptUploadRefused`` otherwise."""
    try:
        kept = signing.loads(reference, salt=SALT, max_age=KEPT_FOR)
    except signing.BadSignature as error:  # SignatureExpired included
        raise KeptUploadRefused(str(error)) from None
    name = kept.get("name", "") if isinstance(kept, dict) else ""
    if user is None or kept.get("user") != user.pk or not name.startswith(f"{FOLDER}/{user.pk}/"):
        raise KeptUploadRefused("The reference belongs to another user.")
    try:
        with storage().open(name, "rb") as stored:
            content = stored.read()
    except (FileNotFoundError, OSError) as error:
        raise KeptUploadRefused(f"The kept file {name} is gone.") from error
    original = kept.get("original") or "file"
    content_type = mimetypes.guess_type(original)[0] or "application/octet-stream"
    return SimpleUploadedFile(original, content, content_type=content_type)


def prune(older_than: timedelta = KEPT_FOR) -> int:
    """Delete kept files stored more than ``older_than`` ago; how many were deleted."""
    store, cutoff, deleted = storage(), timezone.now() - older_than, 0
    try:
        users, _files = store.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    for user in users:
        for token in store.listdir(f"{FOLDER}/{user}")[0]:
            folder = f"{FOLDER}/{user}/{token}"
            for name in store.listdir(folder)[1]:
                path = f"{folder}/{name}"
                if store.get_modified_time(path) < cutoff:
                    store.delete(path)
                    deleted += 1
    return deleted


class KeptFileWidgetMixin:
    """A file input that also says which file is kept and carries its reference."""

    kept_reference = ""
    kept_name = ""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return html + format_html(
            '<p class="kept-upload help">{} <input type="hidden" name="{}" value="{}"></p>',
            _("Kept: %(name)s (choose another file to replace it)") % {"name": self.kept_name},
            name + SUFFIX,
            self.kept_reference,
        )


def kept_widget(widget, reference: str, original: str):
    kept = copy.copy(widget)
    kept.__class__ = type(f"Kept{type(widget).__name__}", (KeptFileWidgetMixin, type(widget)), {})
    kept.kept_reference, kept.kept_name = reference, original
    return kept


class KeptUploadsFormMixin:
    """For a form with file fields: use a kept file when none was chosen; keep chosen files when
    the form is shown again (``keep_uploads()``)."""

    kept_uploads_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_uploads = {}  # field name → (reference, original name)
        self.refused_uploads = set()
        if not self.is_bound:
            return
        for name in self.file_field_names():
            key = self.add_prefix(name)
            reference = self.data.get(key + SUFFIX)
            if not reference or self.files.get(key):
                continue  # nothing kept, or a new file replaces it
            try:
                upload = kept_file(reference, self.kept_uploads_user)
            except KeptUploadRefused as error:
                logger.info("Refused a kept upload for %s: %s", key, error)
                self.refused_uploads.add(name)
                continue
            files = self.files.copy()
            files[key] = upload
            self.files = files
            self.kept_uploads[name] = (reference, upload.name)

    def file_field_names(self) -> list[str]:
        return [name for name, field in self.fields.items() if isinstance(field, forms.FileField)]

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.refused_uploads:
            for name in self.refused_uploads:
                self.add_error(name, REFUSED)

    def keep_uploads(self) -> None:
        """Before the form is shown again: keep each chosen file that passed its checks."""
        if not self.is_bound or self.kept_uploads_user is None:
            return
        for name in self.file_field_names():
            if name in self.errors:
                continue  # the file itself was refused (or a required one is missing)
            if name not in self.kept_uploads:
                upload = self.files.get(self.add_prefix(name))
                if not isinstance(upload, UploadedFile):
                    continue
                original = posixpath.basename(upload.name or "") or "file"
                self.kept_uploads[name] = (keep(upload, self.kept_uploads_user), original)
            reference, original = self.kept_uploads[name]
            self.fields[name].widget = kept_widget(self.fields[name].widget, reference, original)


def kept_uploads_form(form_class, user):
    """``form_class`` keeping its uploads for ``user`` across a validation error (unchanged if the
    form has no file field)."""
    if not any(isinstance(field, forms.FileField) for field in form_class.base_fields.values()):
        return form_class
    form = type(form_class.__name__, (KeptUploadsFormMixin, form_class), {"kept_uploads_user": user})
    return form


def keep_page_uploads(context) -> None:
    """Keep the uploads of an admin change form shown again: its form and every inline's forms."""
    forms_shown = []
    if context.get("adminform") is not None:
        forms_shown.append(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", ()):
        forms_shown.extend(inline.formset.forms)
    for form in forms_shown:
        if isinstance(form, KeptUploadsFormMixin):
            form.keep_uploads()
