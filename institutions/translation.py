from modeltranslation.translator import TranslationOptions, register

from institutions.models import Affiliation, Organisation, Person


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("bio",)


@register(Affiliation)
class AffiliationTranslation(TranslationOptions):
    fields = ("position",)
