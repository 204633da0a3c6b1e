"""Dutch text cut into sentences and words, each with its offsets in the text.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) followed
by white space, or at a line break (a list item, a heading). A full stop after a known
abbreviation (`bijv.`, `o.a.`, `mr.`), an initial (`J.`) or a number (`1.`) does not end one.
A word is a run of letters and digits, with apostrophes and hyphens inside it (`cao-akkoord`,
`zo’n`, `dilemma’s`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, separated by white space."""
    return frozenset(text.split())


WORD = re.compile(r"[^\W_](?:[\w]|['’\-](?=[^\W_]))*")
_END = re.compile(r"(?:[.!?…]+[\"”’)\]]*)(?=\s|$)|\n+")
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])((?:[^\W\d_]{1,4}\.)+)$")
# Abbreviations whose full stop does not end a sentence (lowercase, without the last dot).
ABBREVIATIONS = word_set(
    """bijv b.v d.w.z o.a e.d enz etc i.p.v t.a.v t.b.v m.b.t z.s.m i.o.m i.v.m a.s jl ca incl
    excl nr nrs blz p pag min max mr mrs dhr mevr drs ir ing dr prof st vs resp evt ong zgn
    tel art lid afd e.a m.i.v n.a.v o.b.v c.q vgl"""
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The words of `text[start:end]`, with offsets in `text`."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group().startswith("\n"):
        return True
    if not match.group().startswith("."):
        return True
    before = text[max(0, match.start() - 40) : match.start() + 1]  # an abbreviation is short
    abbreviation = _ABBREVIATION_BEFORE.search(before)
    if abbreviation:
        token = abbreviation.group(1).lower()[:-1]
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False  # "bijv.", "J." (an initial)
    # "artikel 1. 2." in a list: a number directly before the dot is an ordinal, unless it is
    # the end of a sentence followed by a capital (a year: "in 2022. De …").
    head = before[:-1]
    return not (head[-1:].isdigit() and not _next_is_capital(text, match.end()))


_NEXT_CHARACTER = re.compile(r"\s*[\"“‘'(]*(\S)")


def _next_is_capital(text: str, position: int) -> bool:
    after = _NEXT_CHARACTER.match(text, position)
    return bool(after) and after.group(1).isupper()


def sentences(text: str) -> list[Span]:
    """The sentences of `text` (a paragraph), without the white space around them."""
    found: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        end = match.start() if match.group().startswith("\n") else match.end()
        _add(found, text, start, end)
        start = match.end()
    _add(found, text, start, len(text))
    return found


def _add(found: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not WORD.search(stripped):
        return
    offset = start + len(piece) - len(piece.lstrip())
    found.append(Span(offset, offset + len(stripped), stripped))


def quote(text: str, most_words: int = 6) -> str:
    """The start of a sentence to name it in a message: its first words and "…"."""
    spans = words(text)
    if len(spans) <= most_words:
        return text
    return text[: spans[most_words - 1].end] + " …"
