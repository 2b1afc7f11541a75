from modeltranslation.translator import TranslationOptions, register

from dialogues.models import Dialogue, DialogueAim, Phase, Publication, Topic, WorkingGroup


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
    fields = ("name", "summary")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary")
