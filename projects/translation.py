from modeltranslation.translator import TranslationOptions, register

from projects.models import Programme, Project, ProjectContact, ProjectFocusArea


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(ProjectFocusArea)
class ProjectFocusAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(ProjectContact)
class ProjectContactTranslation(TranslationOptions):
    fields = ("role",)
