"""The aanhef derived from the addressees (Taalunie and Onze Taal rules), and the closing."""

from __future__ import annotations

from composer.core.models import Addressee, Person
from composer.dutch.names import neutral_name, salutation_name

DEFAULT_GROUP_SALUTATION = "Geachte dames en heren,"

_TITLE_BY_FORM = {"heer": "heer", "mevrouw": "mevrouw", "": "heer of mevrouw"}


def _person_salutation(person: Person, group_salutation: str) -> str:
    has_surname = bool(person.surname.strip())
    if person.form == "neutraal":
        # Never heer/mevrouw for a neutral form; without a name to use, address the group.
        name = neutral_name(person)
        has_given_name = bool(person.first_name.strip() or person.initials.strip())
        if not (has_surname and has_given_name):
            return group_salutation
        return f"Geachte {name},"
    title = _TITLE_BY_FORM.get(person.form, "heer of mevrouw")
    if not has_surname:
        return f"Geachte {title},"
    return f"Geachte {title} {salutation_name(person)},"


def salutation_for(
    addressees: list[Addressee],
    explicit: str = "",
    *,
    group_salutation: str = DEFAULT_GROUP_SALUTATION,
) -> str:
    """The aanhef: an explicit one as given, else derived from a single addressee's person.

    Several addressees, none, or an organisation without a person get `group_salutation`.
    """
    if explicit.strip():
        return explicit
    if len(addressees) != 1 or addressees[0].person is None:
        return group_salutation
    return _person_salutation(addressees[0].person, group_salutation)


DEFAULT_CLOSING = "Met vriendelijke groet,"


def closing_or_default(closing: str) -> str:
    """The slotformule: as typed, or `Met vriendelijke groet,` when left empty (Onze Taal)."""
    return closing if closing.strip() else DEFAULT_CLOSING
