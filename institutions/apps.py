from django.apps import AppConfig


class InstitutionsConfig(AppConfig):
    name = "institutions"
    verbose_name = "Institutions"

    def ready(self):
        from institutions import search  # noqa: F401  (registers the app's models with site search)
