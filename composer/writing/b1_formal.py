"""Formal words and set phrases with a plainer alternative (`resources/b1/formele-woorden.json`).

Each entry has the formal word (`derhalve`, `met betrekking tot`), its plainer alternatives
(`daarom`; the first is the best choice) and other forms of the same word found too
(`verstrekt` for `verstrekken`). Matching ignores case and takes whole words only; the words
of a phrase may be separated by any white space. The longest phrase at a place wins
(`ten gevolge van` rather than a shorter entry inside it).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from composer.i18n import _
from composer.paths import resources_dir


@dataclass(frozen=True)
class FormalWord:
    formal: str
    plain: tuple[str, ...]
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormalMatch:
    start: int
    end: int
    found: str  # as written in the text
    word: FormalWord

    @property
    def message(self) -> str:
        alternatives = _(" of ").join(f"‘{plain}’" for plain in self.word.plain)
        if self.found.lower() == self.word.formal:
            return _("‘{found}’ is formeel: schrijf liever {plain}.").format(
                found=self.found, plain=alternatives
            )
        return _(
            "‘{found}’ (van ‘{formal}’) is formeel: schrijf liever een vorm van {plain}."
        ).format(found=self.found, formal=self.word.formal, plain=alternatives)

    @property
    def suggestions(self) -> list[str]:
        """The plain words to put in its place; none for an inflected form (the writer
        chooses the right form of the plain word)."""
        if self.found.lower() != self.word.formal:
            return []
        if self.found[:1].isupper():
            return [plain[:1].upper() + plain[1:] for plain in self.word.plain]
        return list(self.word.plain)


def word_list_path() -> Path:
    return resources_dir() / "b1" / "formele-woorden.json"


@functools.cache
def formal_words() -> tuple[FormalWord, ...]:
    """The shipped list, read once."""
    data = json.loads(word_list_path().read_text(encoding="utf-8"))
    return tuple(
        FormalWord(
            formal=entry["formal"].lower(),
            plain=tuple(entry["plain"]),
            forms=tuple(form.lower() for form in entry.get("forms", ())),
        )
        for entry in data["words"]
    )


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, FormalWord]]:
    by_form: dict[str, FormalWord] = {}
    for word in formal_words():
        for form in (word.formal, *word.forms):
            by_form.setdefault(form, word)
    alternatives = sorted(by_form, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, form.split())) for form in alternatives)
    # Whole words: no letter, digit, hyphen or apostrophe glued on either side. A form that
    # ends in a full stop ("o.a.") needs no boundary after it.
    pattern = re.compile(rf"(?<![\w’'\-])(?:{body})(?:(?<=\.)|(?![\w’'\-]))", re.IGNORECASE)
    return pattern, by_form


def find_formal_words(text: str) -> list[FormalMatch]:
    """The formal words and phrases in `text`, in order."""
    pattern, by_form = _matcher()
    found = []
    for match in pattern.finditer(text):
        key = " ".join(match.group().lower().split())
        found.append(FormalMatch(match.start(), match.end(), match.group(), by_form[key]))
    return found
