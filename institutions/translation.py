from modeltranslation.translator import TranslationOptions, register

from config.editorial.history import track
from institutions.models import Affiliation, Organisation, OrganisationContactPoint, Person, Source


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("bio",)


@register(Affiliation)
class AffiliationTranslation(TranslationOptions):
    fields = ("position",)


@register(OrganisationContactPoint)
class OrganisationContactPointTranslation(TranslationOptions):
    fields = ("label",)


# History is registered after the translations, so its tables carry every language's column.
track(Source, Organisation, Person, Affiliation, OrganisationContactPoint)
