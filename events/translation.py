from modeltranslation.translator import TranslationOptions, register

from config.editorial.history import track
from events.models import Event, EventParticipation, EventPlace, EventSpeaker, Photo, Session


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "outcomes", "editor_note")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "alt_text")


# History is registered after the translations, so its tables carry every language's column.
track(Event, EventPlace, Session, EventParticipation, EventSpeaker, Photo)
