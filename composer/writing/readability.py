"""The Flesch-Douma reading ease of Dutch text, with Dutch syllable counting and its meaning.

Flesch-Douma (Douma 1960) is Flesch's reading ease (1948) with Dutch weights:

    206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)

Higher is easier; the score is read with Douma's own table of norms (0–30 zeer moeilijk,
30–45 moeilijk, 45–60 tamelijk moeilijk, 60–70 normaal, 70–80 tamelijk gemakkelijk, 80–90
gemakkelijk, 90–100 zeer gemakkelijk), here in plainer words ("vrij", "makkelijk").

Syllables are counted by vowel groups: a run of vowels is one syllable per Dutch vowel sound in
it, where the diphthongs and long vowels (ij, ui, oe, eu, ie, au, ou, ei, aa, ee, oo, uu,
eeuw/ieuw/aai/ooi/oei/eau, and the ai of loanwords: militair, facilitair) are one sound and
other vowel pairs (the ua of "situatie", the ea of "theater") are two; a vowel with a
diaeresis (ë, ï, ö, ü) starts a new syllable. A word without a vowel group (a number) counts as
one syllable; an abbreviation counts by its vowels ("KSF": 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from composer.i18n import N_, _
from composer.writing.b1_text import sentences, words

# Vowel sounds written with more than one letter, longest first (matched greedily).
_SOUNDS = ("eeu", "ieu", "aai", "ooi", "oei", "eau", "ij", "ui", "oe", "eu", "ie", "au", "ou")
_SOUNDS += ("ei", "ai", "aa", "ee", "oo", "uu", "y")
_VOWELS = "aeiouyáéíóúàèìòùâêîôû"
_DIAERESIS = "ëïöü"
_VOWEL_RUN = re.compile(rf"(?:ij|[{_VOWELS}])+|[{_DIAERESIS}](?:ij|[{_VOWELS}])*")
_PLAIN = str.maketrans("áéíóúàèìòùâêîôûëïöü", "aeiouaeiouaeiouëïöü")


def syllables(word: str) -> int:
    """The number of syllables of a Dutch word (at least 1)."""
    count = 0
    for run in _VOWEL_RUN.findall(word.lower().translate(_PLAIN)):
        count += _sounds_in(run)
    return max(count, 1)


def _sounds_in(run: str) -> int:
    count, position = 0, 0
    if run[0] in _DIAERESIS:  # "geïnteresseerd": the ï starts a syllable of its own
        count, position = 1, 1
    while position < len(run):
        for sound in _SOUNDS:
            if run.startswith(sound, position):
                position += len(sound)
                break
        else:
            position += 1
        count += 1
    return count


# (lowest score of the band, its meaning): Douma's table of norms.
BANDS = (
    (90.0, N_("zeer makkelijk")),
    (80.0, N_("makkelijk")),
    (70.0, N_("vrij makkelijk")),
    (60.0, N_("normaal")),
    (45.0, N_("vrij moeilijk")),
    (30.0, N_("moeilijk")),
    (float("-inf"), N_("zeer moeilijk")),
)


@dataclass(frozen=True)
class Readability:
    """The counts of a text and its Flesch-Douma score (None for a text without words)."""

    sentences: int
    words: int
    syllables: int

    @property
    def score(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        # The formula runs past 100 for a few short words ("een punt": 128) and below 0 for
        # very long sentences; the scale people read is 0 to 100.
        return min(100.0, max(0.0, flesch_douma(self.words, self.sentences, self.syllables)))

    @property
    def meaning(self) -> str:
        """The score in words ("vrij moeilijk"); empty for a text without words."""
        return "" if self.score is None else meaning(self.score)

    def __add__(self, other: Readability) -> Readability:
        return Readability(
            self.sentences + other.sentences,
            self.words + other.words,
            self.syllables + other.syllables,
        )


def flesch_douma(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """206.835 − 0.93 × words per sentence − 77 × syllables per word."""
    return 206.835 - 0.93 * (word_count / sentence_count) - 77 * (syllable_count / word_count)


def meaning(score: float) -> str:
    """What a Flesch-Douma score means, in Dutch words ("normaal")."""
    for lowest, words_for_it in BANDS:
        if score >= lowest:
            return _(words_for_it)
    raise AssertionError("the last band has no lower bound")


def readability(text: str) -> Readability:
    """The counts of one text (a paragraph)."""
    spans = words(text)
    return Readability(
        sentences=len(sentences(text)),
        words=len(spans),
        syllables=sum(syllables(span.text) for span in spans),
    )


def readability_of(texts: Iterable[str]) -> Readability:
    """The counts of several texts together (the paragraphs of a letter)."""
    total = Readability(0, 0, 0)
    for text in texts:
        total = total + readability(text)
    return total
