"""File names for merged letters: `NN-<name>`, safe on Windows, macOS and Linux, and unique.

File systems limit a name in bytes (255 on ext4, NTFS counts UTF-16 units, never more than the
UTF-8 bytes), not in characters: 80 Chinese characters are 240 bytes. A whole name is therefore
kept within MAX_FILE_NAME_BYTES of UTF-8, which leaves room for the temp name an atomic write
uses (`.<name>.XXXXXXXX.tmp`). Control and format characters, among them the bidi controls that
make `…fdp.exe` look like `…exe.pdf` (U+202E), never reach a name.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from composer.core.models import Addressee
from composer.dutch.names import salutation_name
from composer.errors import ComposerError
from composer.i18n import _

MAX_NAME_LENGTH = 80  # characters of the name part, for readability
MAX_FILE_NAME_BYTES = 200  # the whole file name (number, name, extension) in UTF-8
FILE_SYSTEM_NAME_BYTES = 255  # what ext4, APFS and NTFS allow (NTFS: in UTF-16 units)
# What write_bytes_atomic adds for its temp file: `.` + name + `.` + 8 random + `.tmp`.
TEMP_NAME_EXTRA_BYTES = 14
LONGEST_EXTENSION = ".docx"
# Characters Windows refuses, path separators, and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SEPARATORS = re.compile(r"[\s_]+")
_DASHES = re.compile(r"-{2,}")
_DOT_SEGMENTS = re.compile(r"(?:^|(?<=-))\.+(?=-|$)")  # what was `..` between slashes
# Control (Cc), format (Cf: bidi controls U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
# U+061C, zero-width characters, soft hyphen), lone surrogates (Cs: not encodable).
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def _visible(text: str) -> str:
    """The text without control and format characters; a tab or line break becomes a space."""
    return "".join(
        " " if char in "\t\n\r\x0b\x0c" else char
        for char in text
        if char in "\t\n\r\x0b\x0c" or unicodedata.category(char) not in _DROPPED_CATEGORIES
    )


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def cut_to_bytes(text: str, max_bytes: int) -> str:
    """The longest start of `text` within `max_bytes` of UTF-8, cut between characters and not
    leaving a character without the accent or emoji modifier that belongs to it."""
    if utf8_size(text) <= max_bytes:
        return text
    kept = len(text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore"))
    while kept and _attaches(text[kept]):  # the next character belongs to the one before
        kept -= 1
    return text[:kept]


def _attaches(char: str) -> bool:
    """Combining marks, variation selectors and emoji skin tones belong to the character before."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or "\U0001f3fb" <= char <= "\U0001f3ff"


def safe_name(text: str, max_bytes: int | None = None) -> str:
    """A file-name part from any text: no separators, no traversal, no reserved device names,
    no control or bidi characters, at most MAX_NAME_LENGTH characters and `max_bytes` bytes."""
    text = _visible(unicodedata.normalize("NFC", text))
    text = _FORBIDDEN.sub("-", text)
    text = _SEPARATORS.sub("-", text)
    text = _DOT_SEGMENTS.sub("", text)
    text = _DASHES.sub("-", text)
    text = text.strip(" .-")  # no leading dots (hidden, "..") and no trailing dots or spaces
    if len(text) > MAX_NAME_LENGTH:
        text = text[:MAX_NAME_LENGTH].rstrip(" .-")
    if max_bytes is not None and utf8_size(text) > max_bytes:
        text = cut_to_bytes(text, max_bytes).rstrip(" .-")
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


def bookmark_name(addressee: Addressee) -> str:
    """The letter's name where a person reads it (a bookmark in the combined PDF): the surname
    as it stands alone in Dutch, so a tussenvoegsel that starts it takes a capital ("Van Liemt
    WFC", "d’Ancona"), then the organisation.

    File names keep `addressee_name` ("01-van-Liemt-WFC"): a merge run again writes the same
    names, also on file systems where case does not count.
    """
    parts = []
    person = addressee.person
    if person is not None:
        parts.append(salutation_name(person) or person.first_name.strip())
    parts.append(addressee.organisation.strip())
    return " ".join(part for part in parts if part) or "brief"


def merge_file_stems(addressees: list[Addressee]) -> list[str]:
    """`01-van-Liemt-WFC` …: the number, zero-padded to the count, makes every name unique;
    with the longest extension each name stays within MAX_FILE_NAME_BYTES."""
    width = max(2, len(str(len(addressees))))
    # The number, the dash, the extension, and one byte for the `_` after a reserved name.
    budget = MAX_FILE_NAME_BYTES - (width + 1) - len(LONGEST_EXTENSION) - 1
    return [
        f"{number:0{width}d}-{safe_name(addressee_name(addressee), budget)}"
        for number, addressee in enumerate(addressees, start=1)
    ]


def check_file_names(files: list[Path]) -> None:
    """Every planned name valid, unique (also where case does not count) and short enough for
    the file system with the temp name of an atomic write; checked before anything is written.

    The names are made safe above, so a failure here is a mistake in Composer, reported in Dutch
    rather than found halfway through a merge.
    """
    seen: set[str] = set()
    for path in files:
        name = path.name
        key = unicodedata.normalize("NFC", name).casefold()
        wrong = (
            key in seen
            or utf8_size(name) + TEMP_NAME_EXTRA_BYTES > FILE_SYSTEM_NAME_BYTES
            or _FORBIDDEN.search(name) is not None
            or _visible(name) != name
            or name.startswith(".")
            or name.rstrip(" .") != name
        )
        if wrong:
            raise ComposerError(
                _(
                    "De bestandsnaam ‘{name}’ kan niet worden gebruikt; er is niets geschreven. "
                    "Pas de naam van de geadresseerde aan."
                ).format(name=name)
            )
        seen.add(key)
