"""Rare words: words a B1 reader may not know, by their frequency in Dutch (wordfreq).

A word is rare when its Zipf frequency in Dutch (`wordfreq.zipf_frequency(word, "nl")`: log10 of
its occurrences per billion words) is below `RARE_BELOW` (2.5: fewer than about 3 in 10 million
words). Not flagged:

- names and abbreviations: a word with a capital letter anywhere but at the start of a
  sentence (Masselink, KSF), and words with digits;
- short words (fewer than 4 letters);
- compounds of common parts: a word that splits into parts of at least 3 letters that are each
  common (Zipf ≥ `COMMON_PART`, 3.0), allowing the linking -s- and -e(n)- of Dutch compounds
  (klantcontact|medewerker, arbeids|voorwaarden|pakket). Dutch writes compounds as one word,
  so most of them are missing from frequency lists although every part is well known;
- each part of a hyphenated word is judged on its own (cao-akkoord);
- a rarer form of a common verb: "zoomt", "exporteerde", "getypte" are judged by the
  infinitives they may come from ("zoomen", "exporteren", "typen"), guessed from their endings.

Without wordfreq installed, no word is rare (the other advice still runs).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from composer.writing.b1_text import Span, sentences, words

RARE_BELOW = 2.5
COMMON_PART = 3.0
MIN_LETTERS = 4
_MIN_PART = 3
_LINKS = ("", "s", "e", "en")


@functools.cache
def _frequency() -> Callable[[str], float] | None:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None

    @functools.cache
    def zipf(word: str) -> float:
        return zipf_frequency(word, "nl")

    return zipf


def rare_word_check_available() -> bool:
    """Whether the frequency list (wordfreq) is installed."""
    return _frequency() is not None


def find_rare_words(text: str) -> list[Span]:
    """The rare words in `text`, in order."""
    zipf = _frequency()
    if zipf is None:
        return []
    sentence_starts = {sentence.start for sentence in sentences(text)}
    found = []
    for word in words(text):
        if _is_name_or_number(word, sentence_starts):
            continue
        parts = word.text.replace("’", "'").split("-")
        if any(_is_rare(part.lower(), zipf) for part in parts):
            found.append(word)
    return found


def _is_name_or_number(word: Span, sentence_starts: set[int]) -> bool:
    if any(char.isdigit() for char in word.text):
        return True
    capitals = [index for index, char in enumerate(word.text) if char.isupper()]
    return bool(capitals) and (capitals != [0] or word.start not in sentence_starts)


def _is_rare(word: str, zipf: Callable[[str], float]) -> bool:
    letters = word.split("'")[0]  # "dilemma's": judge "dilemma"
    if len(letters) < MIN_LETTERS:
        return False
    if any(zipf(form) >= RARE_BELOW for form in (letters, *_verb_forms(letters))):
        return False
    return not _is_compound_of_common_parts(letters, zipf)


_ENDINGS = ("den", "ten", "de", "te", "d", "t", "e")


def _verb_forms(word: str) -> list[str]:
    """Infinitives a verb form may come from, so that a known verb in a rarer form is not rare:
    "zoomt" → "zoomen", "exporteerde" → "exporteren", "getypte" → "typen", "scrolt" →
    "scrollen"."""
    stems = []
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            stems.append(stem)
            if stem.startswith("ge") and len(stem) > 4:
                stems.append(stem[2:])  # a participle: "getyp(t)"
    forms = []
    for stem in stems:
        forms.append(stem + "en")
        if len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            forms.append(stem[:-2] + stem[-1] + "en")  # "exporteer" → "exporteren"
        forms.append(stem + stem[-1] + "en")  # "scrol" → "scrollen"
    return forms


def _is_compound_of_common_parts(word: str, zipf: Callable[[str], float]) -> bool:
    @functools.cache
    def splits(position: int) -> bool:
        if position == len(word):
            return True
        for end in range(len(word), position + _MIN_PART - 1, -1):
            part = word[position:end]
            if zipf(part) < COMMON_PART:
                continue
            for link in _LINKS:
                after = end + len(link)
                if word.startswith(link, end) and (after == len(word) or splits(after)):
                    return True  # a link at the end is a plural: contact|center|s
        return False

    return splits(0)
