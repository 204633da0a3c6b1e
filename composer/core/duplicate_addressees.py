"""The same addressee twice in one letter: which ones, and the warning that names them.

A warning, not a block: a letter may go to one person twice on purpose (rarely), so the editor
says it beside the list of addressees and saving goes on.
"""

from __future__ import annotations

from composer.core.models import Addressee
from composer.i18n import _


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def addressee_key(addressee: Addressee) -> tuple[str, ...] | None:
    """What makes two addressees the same: organisation, department, the person's name and the
    address, compared without case and extra spaces (the postcode without its space). None for
    an addressee with nothing filled in yet: two new empty ones are not a mistake."""
    person = addressee.person
    name = (
        (person.initials, person.first_name, person.infix, person.surname)
        if person is not None
        else ("", "", "", "")
    )
    address = addressee.address
    key = (
        _words(addressee.organisation),
        _words(addressee.department),
        *(_words(part) for part in name),
        _words(address.street),
        _words(address.house_number),
        _words(address.postbox),
        "".join(address.postcode.split()).casefold(),
        _words(address.city),
        _words(address.region),
    )
    if not any(key):
        return None
    return (*key, (address.country.strip() or "NL").upper())


def duplicate_groups(addressees: list[Addressee]) -> list[list[int]]:
    """Numbers (from 1, as the screen counts) of addressees that are the same, one list per
    group of two or more, in the order they first appear."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for number, addressee in enumerate(addressees, start=1):
        key = addressee_key(addressee)
        if key is not None:
            groups.setdefault(key, []).append(number)
    return [numbers for numbers in groups.values() if len(numbers) > 1]


def _enumeration(numbers: list[int]) -> str:
    """`1 en 3`, `1, 3 en 4`."""
    head = ", ".join(str(number) for number in numbers[:-1])
    return _("{numbers} en {last}").format(numbers=head, last=numbers[-1])


def duplicate_warning(addressees: list[Addressee]) -> str:
    """`Geadresseerde 1 en 3 zijn dezelfde.`, one sentence per group; "" when none are."""
    return " ".join(
        _("Geadresseerde {numbers} zijn dezelfde.").format(numbers=_enumeration(numbers))
        for numbers in duplicate_groups(addressees)
    )
