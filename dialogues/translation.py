from modeltranslation.translator import TranslationOptions, register

from config.editorial.history import track
from dialogues.models import (
    Dialogue,
    DialogueAim,
    DialogueRole,
    Phase,
    Publication,
    PublicationAuthor,
    Topic,
    WorkingGroup,
    WorkingGroupMember,
)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Dialogue)
class DialogueTranslation(TranslationOptions):
    fields = ("name", "cadence", "summary", "description")


@register(DialogueAim)
class DialogueAimTranslation(TranslationOptions):
    fields = ("text",)


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("name", "summary", "cadence")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary", "editor_note")


# History is registered after the translations, so its tables carry every language's column.
track(
    Topic,
    Dialogue,
    DialogueAim,
    Phase,
    WorkingGroup,
    WorkingGroupMember,
    DialogueRole,
    Publication,
    PublicationAuthor,
)
