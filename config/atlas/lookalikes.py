"""What tells people, organisations and events apart, and how their likely duplicates are found.

The generic part — the admin's autocomplete labels, the *Possible duplicates* page and merging — is
``config/editorial/lookalikes.py``; this module names the apps' models for it. Loaded with the
admin (``config/atlas/admin.py``).
"""

from django.db.models import Prefetch

from config.editorial.lookalikes import DuplicateRule, distinguish, duplicates
from config.framework.dates import format_period
from config.framework.fields import country_names_by_code
from events.models import Event
from institutions.models import Affiliation, Organisation, Person


def first(values, count: int = 2) -> list:
    """``values`` without repeats or blanks, the first ``count`` of them."""
    return list(dict.fromkeys(value for value in values if value))[:count]


def years(dates) -> str:
    """The span of years of ``dates``: "2015–2023", "2019", or ""."""
    found = sorted({date.year for date in dates if date})
    if not found:
        return ""
    return str(found[0]) if found[0] == found[-1] else f"{found[0]}–{found[-1]}"


def person_details(person: Person) -> list[str]:
    affiliations = list(person.affiliations.all())  # prefetched with their organisations
    organisations = [affiliation.organisation for affiliation in affiliations]
    names = country_names_by_code()
    return [
        "; ".join(first(organisation.acronym or organisation.name for organisation in organisations)),
        ", ".join(first(names.get(organisation.country, "") for organisation in organisations)),
        years(date for a in affiliations for date in (a.start_date, a.end_date)),
    ]


def organisation_details(organisation: Organisation) -> list[str]:
    return [country_names_by_code().get(organisation.country, ""), organisation.get_kind_display()]


def event_details(event: Event) -> list[str]:
    country = country_names_by_code().get(event.country, "")
    return [format_period(event.start, event.end), ", ".join(first((event.city, country)))]


distinguish(
    Person,
    person_details,
    prefetch=lambda queryset: queryset.prefetch_related(
        Prefetch("affiliations", queryset=Affiliation._base_manager.select_related("organisation"))
    ),
)
distinguish(Organisation, organisation_details)
distinguish(Event, event_details)

# Names compared without case or accents ("Jürgen" and "Jurgen").
duplicates(
    DuplicateRule(
        Person, name="lower(unaccent(concat_ws(' ', {t}.given_name, {t}.family_name)))", threshold=0.5
    )
)
duplicates(
    DuplicateRule(
        Organisation,
        name="lower(unaccent({t}.name))",
        threshold=0.6,
        also="({a}.acronym <> '' AND lower({a}.acronym) = lower({b}.acronym))",
        columns=("acronym",),
    )
)
duplicates(
    DuplicateRule(
        Event,
        name="lower(unaccent({t}.name))",
        threshold=0.5,
        require="{a}.start_date = {b}.start_date",
        columns=("start_date",),
    )
)
