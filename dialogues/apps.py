from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = "Dialogues"

    def ready(self):
        from dialogues import search  # noqa: F401  (registers the app's models with site search)
