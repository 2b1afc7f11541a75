from modeltranslation.translator import TranslationOptions, register

from config.editorial.history import track
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectContactPoint,
    ProjectFocusArea,
    ProjectRole,
)


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


@register(ProjectContactPoint)
class ProjectContactPointTranslation(TranslationOptions):
    fields = ("label",)


# History is registered after the translations, so its tables carry every language's column.
track(Programme, ProgrammeFunder, Project, ProjectFocusArea, ProjectRole, ProjectContact, ProjectContactPoint)
