"""Dutch personal names for the aanhef and the address block (tussenvoegsels, initials)."""

from __future__ import annotations

import re

from composer.core.models import Person

# Apostrophes a user may type: straight, typographic (’) and the left single quote (‘).
_APOSTROPHES = "'’‘`"
_ELIDED_DE = frozenset(f"d{apostrophe}" for apostrophe in _APOSTROPHES)


def _clean(text: str) -> str:
    """Strip the ends and collapse runs of whitespace to one space."""
    return " ".join(text.split())


def capitalise_name_start(name_part: str) -> str:
    """Capitalise the first character of a name part; d' stays lowercase (d'Ancona).

    A part starting with an apostrophe ('t Hart, 's-Gravesande) is left alone by the same rule.
    """
    if not name_part or name_part[:2].lower() in _ELIDED_DE:
        return name_part
    return name_part[0].upper() + name_part[1:]


def _is_initials_token(token: str) -> bool:
    """A run of capitals ("NJ") or one traditional initial such as "Th" or "Chr"."""
    if not token.isalpha():
        return False
    return token.isupper() or (token[0].isupper() and token[1:].islower() and len(token) <= 3)


def _lowercase_infix(infix: str) -> str:
    """The infix in its Dutch 'something precedes it' form: all lowercase (van der, d', 't)."""
    return infix.lower()


def normalised_initials(initials: str) -> str:
    """Add missing dots to initials when clearly intended ("NJ", "N.J" → "N.J."); else unchanged."""
    text = _clean(initials)
    if not text or text.endswith("."):
        return text
    tokens = [token for token in re.split(r"[.\s]+", text) if token]
    if not all(_is_initials_token(token) for token in tokens):
        return text
    letters: list[str] = []
    for token in tokens:
        # "NJ" is two initials; "Th" or "Chr" is one (a traditional two- or three-letter initial).
        letters.extend(list(token) if token.isupper() else [token])
    return "".join(f"{letter}." for letter in letters)


def _surname_phrase(person: Person, *, infix: str) -> str:
    surname = _clean(person.surname)
    if infix and infix[-1] in _APOSTROPHES:
        return infix + surname  # d' + Ancona → d'Ancona
    return " ".join(part for part in (infix, surname) if part)


def salutation_name(person: Person) -> str:
    """The surname as it follows "heer"/"mevrouw" in the aanhef: `Van der Velde`, `d'Ancona`."""
    infix = _clean(person.infix)
    if person.name_as_registered:
        return _surname_phrase(person, infix=infix)
    # Only the first part is capitalised; a double name keeps its inner infix (Jacobs-van Dijk).
    return capitalise_name_start(_surname_phrase(person, infix=_lowercase_infix(infix)))


def given_name(person: Person, *, prefer_first_name: bool = False) -> str:
    """Initials (normalised) or the first name, whichever is present; the other as a fallback."""
    initials = normalised_initials(person.initials)
    first_name = _clean(person.first_name)
    if prefer_first_name:
        return first_name or initials
    return initials or first_name


def _name_with_given(person: Person, given: str) -> str:
    infix = _clean(person.infix)
    if not person.name_as_registered:
        infix = _lowercase_infix(infix)
    return " ".join(part for part in (given, _surname_phrase(person, infix=infix)) if part)


def address_name(person: Person) -> str:
    """The name as in an address line: `N. van Liemt`, `E. Heemskerk`, `P. Van der Meeren`."""
    return _name_with_given(person, given_name(person))


def neutral_name(person: Person) -> str:
    """The name for a gender-neutral aanhef: first name preferred (`Kim Verbeek`, `K. van Dijk`)."""
    return _name_with_given(person, given_name(person, prefer_first_name=True))


def person_designation(person: Person, *, start_of_line: bool) -> str:
    """`de heer N. van Liemt`, `mevrouw E. Heemskerk`, or just the name (neutral or unknown form).

    Returns "" when the person has no name at all: a bare "de heer" says nothing in an address.
    """
    name = address_name(person)
    if not name:
        return ""
    title = {"heer": "de heer", "mevrouw": "mevrouw"}.get(person.form, "")
    designation = f"{title} {name}" if title else name
    return capitalise_name_start(designation) if start_of_line else designation
