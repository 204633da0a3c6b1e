"""Dutch personal names for the aanhef and the address block (tussenvoegsels, initials)."""

from __future__ import annotations

import re

from composer.core.models import Person

# Apostrophes a user may type: straight, typographic (’) and the left single quote (‘).
_APOSTROPHES = "'’‘`"
_ELIDED_DE = frozenset(f"d{apostrophe}" for apostrophe in _APOSTROPHES)
_TO_TYPOGRAPHIC = str.maketrans({apostrophe: "’" for apostrophe in _APOSTROPHES})
# Tussenvoegsels that may start the surname part of a full name typed as one text (a speaker).
_INFIX_WORDS = frozenset(
    {
        *("van", "de", "der", "den", "het", "te", "ten", "ter", "op", "in", "aan", "bij", "uit"),
        *("voor", "onder", "over", "vd", "v/d", "'t", "’t", "'s", "’s", "d'", "d’"),
        *("von", "zu", "la", "le", "les", "du", "des", "da", "das", "do", "dos", "di", "del"),
        *("della", "el", "al"),
    }
)


def _clean(text: str) -> str:
    """Strip the ends and collapse runs of whitespace to one space."""
    return " ".join(text.split())


def typographic_apostrophes(text: str) -> str:
    """Every apostrophe as the typographic ’ (d'Ancona → d’Ancona, 't Hart → ’t Hart).

    For names Composer puts together from their parts; text a person typed as such is left alone.
    """
    return text.translate(_TO_TYPOGRAPHIC)


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
    infix = typographic_apostrophes(infix)
    surname = typographic_apostrophes(_clean(person.surname))
    if infix and infix[-1] in _APOSTROPHES:
        return infix + surname  # d’ + Ancona → d’Ancona
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
    first_name = typographic_apostrophes(_clean(person.first_name))
    if prefer_first_name:
        return first_name or initials
    return initials or first_name


def _name_with_given(person: Person, given: str) -> str:
    if not given:
        # Nothing precedes the tussenvoegsel: it takes a capital, as in the aanhef (Van der Aa).
        return salutation_name(person)
    infix = _clean(person.infix)
    if not person.name_as_registered:
        infix = _lowercase_infix(infix)
    return " ".join(part for part in (given, _surname_phrase(person, infix=infix)) if part)


def address_name(person: Person) -> str:
    """The name as in an address line: `N. van Liemt`, `E. Heemskerk`, `P. Van der Meeren`.

    Without initials or first name the first tussenvoegsel is capitalised: `Van der Aa`.
    """
    return _name_with_given(person, given_name(person))


def neutral_name(person: Person) -> str:
    """The name for a gender-neutral aanhef: first name preferred (`Kim Verbeek`, `K. van Dijk`)."""
    return _name_with_given(person, given_name(person, prefer_first_name=True))


def person_designation(person: Person, *, start_of_line: bool) -> str:
    """`de heer N. van Liemt`, `mevrouw E. Heemskerk`, `de heer Van der Aa`, or just the name.

    Returns "" when the person has no name at all: a bare "de heer" says nothing in an address.
    """
    name = address_name(person)
    if not name:
        return ""
    title = {"heer": "de heer", "mevrouw": "mevrouw"}.get(person.form, "")
    designation = f"{title} {name}" if title else name
    return capitalise_name_start(designation) if start_of_line else designation


def _ends_in_hyphenated_infix(word: str) -> bool:
    """`Jansen-de`: the first half of a double name split by a space (`Jansen-de Vries`)."""
    return "-" in word and word.rsplit("-", 1)[1].islower()


def speaker_surname(speaker: str) -> str:
    """The name a later quote is attributed to: `Masselink` for `Roel Masselink`.

    The first word (the first name or initials) goes; a surname that starts with a tussenvoegsel
    starts there and capitalises it (`Geeske te Gussinklo` → `Te Gussinklo`); without one, the
    surname is the last word, with a double name it belongs to (`Jansen-de Vries`). A one-word
    speaker stays as it is.
    """
    words = speaker.split()
    if len(words) < 2:
        return " ".join(words)
    start = next(
        (
            index
            for index, word in enumerate(words[1:-1], start=1)
            if word.lower() in _INFIX_WORDS or word[:2].lower() in _ELIDED_DE
        ),
        None,
    )
    if start is None:
        start = len(words) - 1
        while (
            start > 1 and "-" in words[start - 1] and words[start - 1].rsplit("-", 1)[1].islower()
        ):
            start -= 1
    return capitalise_name_start(" ".join(words[start:]))
