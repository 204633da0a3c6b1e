"""vCard text cut down to the properties Composer reads, before vobject parses it.

vobject decodes every property it reads: a 10 MB PHOTO costs it 1.5 GB of memory, and any long
line is slow. So the text is first split into properties here, line by line, the way vobject
unfolds them (continuation lines start with a space or tab; vCard 2.1 quoted-printable lines end
in `=`), and only the properties Composer uses are kept. PHOTO, LOGO, SOUND, KEY, NOTE and the
rest are dropped without being decoded. A kept property longer than the limit is replaced by a
marker, so the card is still read and reports that field as too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from composer.merge import limits

# Everything vcard_source reads (a group prefix such as `item1.` is allowed).
KEPT = frozenset(
    {"BEGIN", "END", "VERSION", "N", "FN", "ORG", "TITLE", "ROLE", "ADR", "EMAIL", "GENDER", "KIND"}
    | {"X-ABSHOWAS"}
)
TOO_LONG = "X-COMPOSER-TOO-LONG"  # the marker property: its value names the field
_NAME = re.compile(r"(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)\s*(?=[;:])")
# A physical line with its end (CRLF, LF or CR), without copying the whole text.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_BEGIN_VCARD = re.compile(r"BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)


def _quoted_printable(first_line: str) -> bool:
    return "quoted-printable" in first_line.split(":", 1)[0].lower()


def _properties(text: str) -> Iterator[list[str]]:
    """Each property as its physical lines (with their line ends); a blank line on its own."""
    current: list[str] = []
    encoded = False  # the current property is quoted-printable
    soft_break = False  # … and its last line ends in `=`: the value goes on
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break  # the empty match at the end
        if not line.strip():
            if current:
                yield current
            yield [line]
            current, encoded, soft_break = [], False, False
            continue
        # vCard 2.1 writes base64 on lines of their own; no property line lacks a colon.
        if current and (line[0] in " \t" or soft_break or ":" not in line):
            current.append(line)
        else:
            if current:
                yield current
            current, encoded = [line], _quoted_printable(line)
        soft_break = encoded and line.rstrip("\r\n").endswith("=")
    if current:
        yield current


def property_name(first_line: str) -> str:
    match = _NAME.match(first_line)
    return match.group(1).upper() if match else ""


def kept_text(text: str, name: str) -> str:
    """The vCard text with only the properties Composer reads; too many cards: ComposerError."""
    kept: list[str] = []
    cards = 0
    for lines in _properties(text):
        first = lines[0]
        if not first.strip():
            kept.append(first)
            continue
        prop = property_name(first)
        if prop not in KEPT:
            continue  # PHOTO, LOGO, SOUND, KEY, NOTE, …: never decoded
        if prop == "BEGIN" and _BEGIN_VCARD.match(first.strip()):
            cards += 1
            if cards > limits.MAX_ROWS:
                raise limits.too_many_rows(name)
        if sum(len(line) for line in lines) > limits.MAX_VCARD_PROPERTY_CHARS:
            kept.append(f"{TOO_LONG}:{prop}\r\n")
            continue
        kept.extend(lines)
    return "".join(kept)
