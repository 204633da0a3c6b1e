"""File names for merged letters: `NN-<name>`, safe on Windows, macOS and Linux, and unique."""

from __future__ import annotations

import re
import unicodedata

from composer.core.models import Addressee

MAX_NAME_LENGTH = 80
# Characters Windows refuses, path separators, and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SEPARATORS = re.compile(r"[\s_]+")
_DASHES = re.compile(r"-{2,}")
_DOT_SEGMENTS = re.compile(r"(?:^|(?<=-))\.+(?=-|$)")  # what was `..` between slashes
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_name(text: str) -> str:
    """A file-name part from any text: no separators, no traversal, no reserved device names."""
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub("-", text)
    text = _SEPARATORS.sub("-", text)
    text = _DOT_SEGMENTS.sub("", text)
    text = _DASHES.sub("-", text)
    text = text.strip(" .-")  # no leading dots (hidden, "..") and no trailing dots or spaces
    if len(text) > MAX_NAME_LENGTH:
        text = text[:MAX_NAME_LENGTH].rstrip(" .-")
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    return text or "brief"


def addressee_name(addressee: Addressee) -> str:
    """What a person would call the letter: the surname and organisation, or what there is."""
    parts = []
    person = addressee.person
    if person is not None:
        parts.append(" ".join(p for p in (person.infix, person.surname) if p) or person.first_name)
    parts.append(addressee.organisation)
    return " ".join(part for part in parts if part.strip()) or "brief"


def merge_file_stems(addressees: list[Addressee]) -> list[str]:
    """`01-van-Liemt-WFC` …: the number, zero-padded to the count, makes every name unique."""
    width = max(2, len(str(len(addressees))))
    return [
        f"{number:0{width}d}-{safe_name(addressee_name(addressee))}"
        for number, addressee in enumerate(addressees, start=1)
    ]
