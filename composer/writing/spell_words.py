"""Which stretches of Dutch text are words to check, and in which forms a word counts as right.

Pure functions: `words(text)` finds the candidate words (skipping e-mail addresses and web
addresses); `judge(token, known)` decides with a `known(form) -> bool` (the dictionary and the
office word list) whether a token is spelled right, and if not, which part of it to underline.

The rules, in the words of a writer:

- Apostrophes belong to the word: ’s, ’t, zo’n, cd’s, dilemma’s, ’s-Hertogenbosch; a typographic
  or straight quote around a word (‘servicebeloften’, 'zo') is not part of it. A name with a
  particle (d’Ancona, l’Oréal) counts when the name does.
- Hyphens: cao-akkoord is checked as a whole (Hunspell knows the parts). A truncated compound
  counts when its part does: "werkgevers- en werknemerszijde", "cao-onderhandelingen en
  -akkoord"; "arbeids-" counts because "arbeids" makes compounds. A double surname with a
  particle (De Vries-van Dam) counts when each part does.
- Abbreviations: a word with points (t.a.v., e.d., i.v.m.) is looked up with its points; a word
  that ends a sentence is looked up without its point too. Capitals of up to five letters (KSF,
  WFC, PDF) are taken as an abbreviation and not checked; neither are words with a capital
  inside (PostNL, iPhone, KvK), which are names of brands and organisations. Joined to a word
  by a hyphen (KSF-handreiking), the word is checked.
- Not checked: numbers and anything with a digit (2026, 3e, 12a, A4, 50+’er), single letters and
  initials (N., J.P.), e-mail addresses and web addresses.
- Names: a capitalised word is checked like any other (as Word does). Hunspell knows many names
  (Jansen, Amsterdam, Rijkswaterstaat); others (Öztürk) are underlined until they are added to
  the office word list. Names are not guessed from capitals mid-sentence: a typo such as
  "Amsterdm" would go unnoticed, and so would "Servicebeloftes" at the start of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

APOSTROPHES = "’'"
# A word: letters/digits joined by apostrophes, hyphens, points or slashes; it may start with an
# apostrophe or a hyphen (’s, -akkoord) and end with a point, apostrophe or hyphen (e.d.,
# servicebeloften’, werkgevers-). It never starts inside another word or an address.
_WORD = re.compile(r"(?<![\w@+’'./-])-?[’']?\w+(?:[’'./-]\w+)*[.’'-]?")
_ADDRESS = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’]+"  # web addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    re.IGNORECASE,
)
_PARTICLE_NAME = re.compile(r"^[a-z]{1,2}[’'](?=[A-Z])")  # d’Ancona, l’Oréal
# A part that makes compounds but is no word on its own ("arbeids-"): try it with a head noun.
_COMPOUND_HEAD = "deel"


@dataclass(frozen=True)
class Token:
    """A candidate word: text[start:end]."""

    start: int
    end: int
    text: str


def _address_spans(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in _ADDRESS.finditer(text)]


def words(text: str) -> Iterator[Token]:
    """The candidate words of `text`, in order, outside e-mail and web addresses."""
    addresses = _address_spans(text)
    index = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while index < len(addresses) and addresses[index][1] <= start:
            index += 1
        if index < len(addresses) and addresses[index][0] < end:
            continue  # inside (or touching) an address
        yield Token(start, end, match.group())


def _core(text: str) -> tuple[int, int]:
    """The span of `text` to underline: without a final point, quotes and loose hyphens."""
    start, end = 0, len(text)
    if text.endswith("."):
        end -= 1
    while start < end and text[start] in APOSTROPHES + "-":
        start += 1
    while end > start and text[end - 1] in APOSTROPHES + "-":
        end -= 1
    return start, end


def _not_checked(word: str) -> bool:
    """Numbers, single letters and initials, abbreviations in capitals, brand names."""
    letters = [char for char in word if char.isalpha()]
    if any(char.isdigit() or char == "_" for char in word) or len(letters) <= 1:
        return True
    if all(len(part) <= 1 for part in word.split(".") if part):  # J.P., N.V.
        return True
    if word.isupper() and len(letters) <= 5:
        return True
    if "-" in word:  # KSF-handreiking: the parts are judged (see _with_abbreviation)
        return False
    return any(char.isupper() for char in word[1:]) and not word.isupper()


def _forms(text: str) -> Iterator[str]:
    """The forms in which `text` may be right, most literal first."""
    bare = text[:-1] if text.endswith(".") else text
    yield bare  # a word ending a sentence: far more common than an abbreviation, and cheaper
    if bare != text:
        yield text  # blz., e.d.
    unquoted = bare.strip(APOSTROPHES)
    if unquoted not in (bare, ""):
        yield unquoted
    particle = _PARTICLE_NAME.match(unquoted)
    if particle:
        yield unquoted[particle.end() :]


def _truncated_compound(text: str, known: Callable[[str], bool]) -> bool:
    """werkgevers- (en werknemerszijde), (cao-onderhandelingen en) -akkoord."""
    if text.endswith("-") and not text.startswith("-"):
        part = text[:-1].lstrip(APOSTROPHES)
        return known(part) or known(part + _COMPOUND_HEAD)
    if text.startswith("-") and not text.endswith("-"):
        part = text[1:].rstrip(APOSTROPHES + ".")
        return known(part) or known(_COMPOUND_HEAD + part.lower())
    return False


def judge(text: str, known: Callable[[str], bool]) -> tuple[int, int] | None:
    """None when the token `text` is spelled right; else the (start, end) within it to underline.

    `known(form)` says whether a form is in the dictionary or the office word list.
    """
    start, end = _core(text)
    core = text[start:end]
    if not core or _not_checked(core):
        return None
    if text.startswith("-") or text.endswith("-"):
        if _truncated_compound(text.rstrip("."), known):
            return None
    elif "/" in core:  # en/of, km/u: the whole, or each part
        if known(core) or all(known(part) for part in core.split("/") if part):
            return None
    elif (
        any(known(form) for form in _forms(text))
        or _double_name(core, known)
        or _with_abbreviation(core, known)
    ):
        return None
    return start, end


def _with_abbreviation(word: str, known: Callable[[str], bool]) -> bool:
    """KSF-handreiking, PostNL-pakket: an unchecked part (abbreviation, brand) joined by a
    hyphen to words that are right; "KSF-handreikng" is still underlined."""
    parts = word.split("-")
    if len(parts) < 2 or not all(parts) or not any(_not_checked(part) for part in parts):
        return False
    return all(_not_checked(part) or known(part) for part in parts)


def _double_name(word: str, known: Callable[[str], bool]) -> bool:
    """A double surname with its particle (De Vries-van Dam, Jansen-de Boer): a capitalised
    first part and every part a word on its own."""
    parts = word.split("-")
    return len(parts) > 1 and word[:1].isupper() and all(part and known(part) for part in parts)
