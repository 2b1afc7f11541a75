"""Views shared by the apps."""

from django.views.generic import DetailView


class RecordDetailView(DetailView):
    """A record's page, found by slug among the records the visitor may see (else 404)."""

    template_name = "record_detail.html"

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)
