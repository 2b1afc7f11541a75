"""Publishing in the admin with what a record uses, and the status menu each user may set.

``PublishingAdminMixin`` (mixed into ``RecordAdmin`` and ``TranslatedRecordAdmin``):

- the list action *Publish the selected records*: when the records use drafts (``dependencies``),
  an intermediate page lists them and offers *Publish them together* or *Publish only the selected
  records*, saying what the public pages will leave out; without any, it publishes at once;
- a change form saved with the status *published* is saved first (nothing typed is lost), then
  the same page follows when the record uses drafts (``…/<id>/publish-dependencies/``);
- the status menu of the change form offers only the statuses the user may set for the record
  (``workflow.settable_statuses``): an editor draft and review, a publisher all three.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from config.editorial import workflow
from config.editorial.dependencies import publish_with_dependencies, unpublished_dependencies
from config.framework.visibility import Status

TOGETHER, ONLY_SELECTED = "together", "selected"
TEMPLATE = "admin/editorial/publish_dependencies.html"


def left_out_message(dependencies) -> str:
    """What the public pages leave out, in words, for the message after publishing alone."""
    owners = []
    for dependency in dependencies:
        for owner in dependency.used_by:
            if owner not in owners:
                owners.append(owner)
    parts = []
    for owner in owners:
        used = [dependency.describe() for dependency in dependencies if owner in dependency.used_by]
        parts.append(
            _("The public page of “%(record)s” leaves out: %(list)s.")
            % {"record": owner, "list": "; ".join(used)}
        )
    return " ".join(parts)


def row_summary(dependencies) -> list[str]:
    """ "2 participations are not published.": the rows among ``dependencies``, counted by kind."""
    counts = {}
    for dependency in dependencies:
        if dependency.is_row:
            opts = dependency.record._meta
            counts.setdefault(opts.model, [opts, 0])[1] += 1
    return [
        ngettext("%(count)d %(kind)s is not published.", "%(count)d %(kinds)s are not published.", count)
        % {"count": count, "kind": opts.verbose_name, "kinds": opts.verbose_name_plural}
        for opts, count in counts.values()
    ]


class PublishingAdminMixin:
    """The admin's publishing with dependencies and status menu (see the module's docstring)."""

    # The status menu ---------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not workflow.has_workflow(self.model):
            return form_class
        user = request.user

        class StatusMenuForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                status = self.fields.get("status")
                if status is None:
                    return
                instance = self.instance
                if instance._state.adding or instance.pk is None:
                    before = None
                elif hasattr(instance, "_stored_status"):
                    before = instance._stored_status
                else:
                    before = workflow.stored_status(instance)
                settable = set(workflow.settable_statuses(user, instance, before))
                # The value the form shows stays offered, so that nothing changes unseen. Only the
                # menu is narrowed: a status sent anyway is refused with the workflow's message.
                settable.add(self.initial.get("status") or instance.status)
                status.widget.choices = [
                    (value, label) for value, label in status.choices if value in settable
                ]

        StatusMenuForm.__name__ = form_class.__name__
        return StatusMenuForm

    # The list action ---------------------------------------------------------------------------

    @admin.action(description=gettext_lazy("Publish the selected records"), permissions=["publish"])
    def publish(self, request, queryset):
        records = list(queryset.exclude(status=Status.PUBLISHED))
        dependencies = unpublished_dependencies(records)
        choice = request.POST.get("publish_choice")
        if not dependencies or choice == ONLY_SELECTED:
            self._set_status(request, queryset, Status.PUBLISHED, _("published"))
            if dependencies:
                self.message_user(request, left_out_message(dependencies), messages.WARNING)
            return None
        if choice == TOGETHER and self._publish_together(request, records):
            return None
        return self.render_dependencies(
            request,
            records,
            dependencies,
            hidden={
                "action": "publish",
                helpers.ACTION_CHECKBOX_NAME: [record.pk for record in records],
            },
            only_label=_("Publish only the selected records"),
        )

    def _publish_together(self, request, records) -> bool:
        try:
            dependencies = publish_with_dependencies(
                records=records, by=request.user, reason=str(_("Published in the admin."))
            )
        except workflow.WorkflowError as error:
            self.message_user(
                request,
                _("Nothing was published: %(reason)s") % {"reason": error.message},
                messages.ERROR,
            )
            return False
        used = "; ".join(
            _("%(kind)s “%(name)s”") % {"kind": dependency.kind, "name": dependency.record}
            for dependency in dependencies
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d record published, together with what it uses: %(used)s.",
                "%(count)d records published, together with what they use: %(used)s.",
                len(records),
            )
            % {"count": len(records), "used": used},
            messages.SUCCESS,
        )
        return True

    def render_dependencies(self, request, records, dependencies, *, hidden, only_label):
        opts = self.model._meta
        fields = []
        for name, value in hidden.items():
            for each in value if isinstance(value, list) else [value]:
                fields.append((name, each))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish with what it uses?"),
            "opts": opts,
            "records": records,
            "dependencies": dependencies,
            "row_summary": row_summary(dependencies),
            "hidden_fields": fields,
            "together": TOGETHER,
            "only_selected": ONLY_SELECTED,
            "only_label": only_label,
            "may_publish_all": all(
                workflow.allowed(
                    request.user, workflow.Action.PUBLISH, dependency.record, dependency.record.status
                )
                for dependency in dependencies
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, TEMPLATE, context)

    # The change form ---------------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/publish-dependencies/",
                self.admin_site.admin_view(self.publish_dependencies_view),
                name=f"{opts.app_label}_{opts.model_name}_publish_dependencies",
            ),
            *super().get_urls(),
        ]

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._after_save(request, obj, super().response_change(request, obj))

    def _after_save(self, request, obj, response):
        """After a save that leaves ``obj`` published, the page of what it uses, if anything."""
        if (
            not workflow.has_workflow(self.model)
            or obj.status != Status.PUBLISHED
            or IS_POPUP_VAR in request.POST
            or not isinstance(response, HttpResponseRedirect)
            or not unpublished_dependencies([obj])
        ):
            return response
        opts = self.model._meta
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_publish_dependencies", args=[obj.pk]
        )
        return HttpResponseRedirect(f"{url}?{urlencode({'next': response.url})}")

    def publish_dependencies_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404(_("No such record."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = ""
        if not next_url:
            opts = self.model._meta
            next_url = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            )
        dependencies = unpublished_dependencies([obj])
        choice = request.POST.get("publish_choice") if request.method == "POST" else None
        if not dependencies:
            return HttpResponseRedirect(next_url)
        if choice == ONLY_SELECTED:
            self.message_user(request, left_out_message(dependencies), messages.WARNING)
            return HttpResponseRedirect(next_url)
        if choice == TOGETHER and self._publish_together(request, [obj]):
            return HttpResponseRedirect(next_url)
        return self.render_dependencies(
            request,
            [obj],
            dependencies,
            hidden={"next": next_url},
            only_label=_("Keep them unpublished"),
        )
