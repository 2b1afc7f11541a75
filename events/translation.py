from modeltranslation.translator import TranslationOptions, register

from events.models import Event, Photo, Session


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "outcomes")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "alt_text")
