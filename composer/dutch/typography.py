"""Typographic quotes and attributions for text the program generates (user text is left alone)."""

from __future__ import annotations

import re

OPEN_QUOTE = "\u201c"  # “
CLOSE_QUOTE = "\u201d"  # ”
OPEN_SINGLE_QUOTE = "\u2018"  # ‘
APOSTROPHE = "\u2019"  # ’ (also the closing single quote)

# After these (or at the start) a quote mark opens; elsewhere it closes.
_OPENING_CONTEXT = "([{\u2018\u201c\u2013\u2014/-"
# Dutch elisions that start a word with an apostrophe: ’s avonds, ’s-Hertogenbosch, ’t, ’n, ’k,
# and two-digit years (’22). The letter must not be followed by another letter ("'sorry'").
_ELISION = re.compile(r"(?:[stnk](?![^\W\d_])|\d\d(?!\d))", re.IGNORECASE)


def quoted(text: str) -> str:
    """The text between curly double quotes, the text itself untouched: `“…”`."""
    return f"{OPEN_QUOTE}{text}{CLOSE_QUOTE}"


def attribution(speaker: str, role: str) -> str:
    """`Roel Masselink, directeur van de KSF`; only the one present when the other is blank."""
    return ", ".join(part for part in (speaker.strip(), role.strip()) if part)


def _opens(text: str, index: int) -> bool:
    """Whether a quote mark at `index` starts a quotation (start, after space or an opener)."""
    if index == 0:
        return True
    before = text[index - 1]
    return before.isspace() or before in _OPENING_CONTEXT


def _single_quote(text: str, index: int) -> str:
    if not _opens(text, index):
        return APOSTROPHE  # closing quote, or an apostrophe inside or after a word (dilemma’s)
    if _ELISION.match(text, index + 1):
        return APOSTROPHE  # ’s-Hertogenbosch, ’t, ’s avonds
    return OPEN_SINGLE_QUOTE


def smarten(text: str) -> str:
    """Straight quotes in generated text to typographic ones: “…”, ‘…’, and ’ for apostrophes."""
    characters = list(text)
    for index, character in enumerate(text):
        if character == '"':
            characters[index] = OPEN_QUOTE if _opens(text, index) else CLOSE_QUOTE
        elif character == "'":
            characters[index] = _single_quote(text, index)
    return "".join(characters)
