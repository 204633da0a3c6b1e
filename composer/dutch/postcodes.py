"""Dutch postcodes: normalise "3941zs" to "3941 ZS" and explain what is wrong with a bad one."""

from __future__ import annotations

import re

from composer.i18n import _

# Four digits, no leading zero, one space, two capitals; SA, SD and SS are not used (PostNL).
# F, I, O, Q, U and Y are allowed: they are in use for new locations since 2005.
_VALID_POSTCODE = re.compile(r"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$")
_POSTCODE_SHAPE = re.compile(r"^([0-9]{4})\s*([A-Za-z]{2})$")


def normalise_postcode(text: str) -> str:
    """`1234ab`, ` 1234 ab `, `1234  AB` → `1234 AB`; anything else stripped but unchanged."""
    stripped = text.strip()
    match = _POSTCODE_SHAPE.match(stripped)
    if match is None:
        return stripped
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}"


def is_valid_dutch_postcode(text: str) -> bool:
    """Whether the text, once normalised, is a postcode PostNL can use."""
    return _VALID_POSTCODE.match(normalise_postcode(text)) is not None


def postcode_problem(text: str) -> str | None:
    """What is wrong with the postcode and what to do, for the screen; None if it is fine."""
    if is_valid_dutch_postcode(text):
        return None
    shown = text.strip()
    if not shown:
        return _("De postcode ontbreekt. Gebruik vier cijfers en twee letters, zoals 2511 AB.")
    normalised = normalise_postcode(shown)
    if _POSTCODE_SHAPE.match(shown) is not None:
        if normalised.startswith("0"):
            return _(
                "De postcode is ongeldig (‘{postcode}’): een Nederlandse postcode begint niet "
                "met een 0. Controleer de cijfers."
            ).format(postcode=shown)
        letters = normalised[-2:]
        return _(
            "De postcode is ongeldig (‘{postcode}’): de lettercombinatie {letters} wordt niet "
            "gebruikt (SA, SD en SS bestaan niet). Controleer de letters."
        ).format(postcode=shown, letters=letters)
    return _(
        "De postcode is ongeldig (‘{postcode}’). Gebruik vier cijfers en twee letters, "
        "zoals 2511 AB."
    ).format(postcode=shown)
