"""The editors' admin site with two-factor login (TOTP, django-otp).

A staff user with a confirmed authenticator device must give its current code with the password.
With ``ADMIN_REQUIRE_2FA`` on (the default in production) a staff user without one gets no further
than the page that registers a device (a QR code for an authenticator app), and the admin opens
only to sessions verified by a code. That page is the one way to a first device: it takes a
password-only session only while the account has no confirmed device (a second device needs a
verified session), and shows a new secret each time. Outside the admin such a session has no
staff powers at all (``config/operations/security.py``).
"""

import base64
from functools import wraps
from io import BytesIO

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.i18n import JavaScriptCatalog

from config.editorial import lookalikes

DEVICE_NAME = "Authenticator app"


def confirmed_devices(user, for_verify=False):
    from django_otp import devices_for_user

    return list(devices_for_user(user, confirmed=True, for_verify=for_verify))


def verify_code(user, code: str):
    """The user's confirmed device that accepts ``code`` (each device throttles wrong codes), or None."""
    with transaction.atomic():
        for device in confirmed_devices(user, for_verify=True):
            if device.verify_token(code):
                return device
    return None


def is_verified(user) -> bool:
    """Whether the session was verified by a device (OTPMiddleware adds ``is_verified``; a user
    who has just logged in during this request carries the device that verified them)."""
    if hasattr(user, "is_verified"):
        return user.is_verified()
    return getattr(user, "otp_device", None) is not None


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Authenticator code"),
            max_length=10,
            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
            **kwargs,
        )

    def clean(self, value):
        return "".join(super().clean(value).split())


class AdminLoginForm(AdminAuthenticationForm):
    """Username and password, and the authenticator code of a user who has a device."""

    otp_token = CodeField(
        required=False, help_text=_("The six digits your authenticator app shows, if you have set one up.")
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "token_required": _("Enter the code from your authenticator app as well."),
        "invalid_token": _("The authenticator code is wrong or has expired; enter the current one."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and confirmed_devices(user):
            code = cleaned_data.get("otp_token")
            if not code:
                raise ValidationError(self.error_messages["token_required"], code="token_required")
            device = verify_code(user, code)
            if device is None:
                raise ValidationError(self.error_messages["invalid_token"], code="invalid_token")
            # django-otp marks the session as verified when the login completes.
            user.otp_device = device
        return cleaned_data


class DeviceConfirmationForm(forms.Form):
    otp_token = CodeField()


def qr_code_svg(data: str) -> str:
    import qrcode
    import qrcode.image.svg

    buffer = BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


class AtlasAdminSite(admin.AdminSite):
    site_header = _("Dialogue Atlas")
    site_title = _("Dialogue Atlas admin")
    login_form = AdminLoginForm
    login_template = "admin/atlas_login.html"

    def i18n_javascript(self, request, extra_context=None):
        """The admin's JavaScript catalogue with the strings of the atlas's own admin scripts."""
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "config.editorial"])(request)

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or is_verified(request.user)

    def needs_device(self, request) -> bool:
        """A signed-in staff user who must register a device before entering the admin."""
        user = request.user
        return (
            settings.ADMIN_REQUIRE_2FA
            and user.is_active
            and user.is_staff
            and not is_verified(user)
            and not confirmed_devices(user)
        )

    def admin_view(self, view, cacheable=False):
        """Django's, and a save refused because the session has ended says so on the login page:
        the browser cannot send the form again, so the editor must know nothing was saved."""
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def view_or_login(request, *args, **kwargs):
            response = inner(request, *args, **kwargs)
            if (
                request.method == "POST"
                and request.path != reverse("admin:logout", current_app=self.name)
                and response.status_code == 302
                and response["Location"].startswith(reverse("admin:login", current_app=self.name))
                # An idle session's end is told already (config/operations/security.py).
                and not len(messages.get_messages(request))
            ):
                messages.warning(
                    request,
                    _(
                        "Your session had ended, so your last save was not made. Log in again; "
                        "if this browser kept your changes they come back on the form, otherwise "
                        "enter them again."
                    ),
                )
            return response

        return view_or_login

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if request.method == "GET" and self.needs_device(request):
            return redirect("admin:two-factor")
        if request.method == "GET" and request.GET.get("kept") == "1":
            # Sent here by editorial/session_ended.js, which kept the form's fields in the tab.
            messages.info(
                request,
                _(
                    "Your session had ended before you saved. Your changes are kept in this browser "
                    "tab: log in and they are put back on the form."
                ),
            )
        response = super().login(request, extra_context)
        if request.method == "POST" and response.status_code == 302 and self.needs_device(request):
            return redirect("admin:two-factor")
        return response

    def get_urls(self):
        return [
            path("two-factor/", self.two_factor_view, name="two-factor"),
            path("keep-alive/", self.admin_view(self.keep_alive_view), name="keep-alive"),
            path("review-queue/", self.admin_view(self.review_queue_view), name="review-queue"),
            path("duplicates/", self.admin_view(self.duplicates_view), name="duplicates"),
            *super().get_urls(),
        ]

    def autocomplete_view(self, request):
        # Each result labelled with what tells it apart from look-alikes (config/editorial/lookalikes.py).
        return lookalikes.AutocompleteView.as_view(admin_site=self)(request)

    def duplicates_view(self, request):
        return lookalikes.duplicates_view(self, request)

    def keep_alive_view(self, request):
        """Nothing but a request of the session: editorial/keep_alive.js calls it while an editor
        types, so that a long edit does not run into the idle limit of staff sessions."""
        return HttpResponse(status=204)

    def review_queue_view(self, request):
        """Everything awaiting review (the admin home shows the newest: config/editorial/review_queue.py)."""
        from config.editorial.review_queue import review_queue_view

        return review_queue_view(request, self)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def two_factor_view(self, request):
        """Register an authenticator app: scan the QR code, confirm with a code."""
        from django_otp import login as otp_login
        from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        if confirmed_devices(user) and not is_verified(user):
            # Only a session verified by the existing device may add another.
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
        elif request.method == "GET":
            # A new secret each time the page is shown: one seen earlier (by someone else who had the
            # password, before the owner set up the app) confirms nothing and verifies nothing later.
            device.key = default_key()
            device.save(update_fields=["key"])
        form = DeviceConfirmationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if device.verify_token(form.cleaned_data["otp_token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                messages.success(
                    request, _("Your authenticator app is set up; the admin will ask for its code.")
                )
                return redirect("admin:index")
            form.add_error("otp_token", _("The code is wrong or has expired; enter the current one."))
        secret = base64.b32encode(device.bin_key).decode()
        context = {
            **self.each_context(request),
            "title": _("Set up two-factor login"),
            "form": form,
            "qr_code": mark_safe(qr_code_svg(device.config_url)),
            "secret": " ".join(secret[index : index + 4] for index in range(0, len(secret), 4)),
            "has_permission": self.has_permission(request),
        }
        return TemplateResponse(request, "admin/two_factor_setup.html", context)
