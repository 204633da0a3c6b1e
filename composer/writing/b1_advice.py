"""B1 advice on a letter, per paragraph: long sentences, passive constructions, formal words,
rare words and the Flesch-Douma reading ease. Advice only: nothing here refuses anything.

```python
advice = letter_advice(letter)
for paragraph in advice.paragraphs:
    for finding in paragraph.findings:
        print(paragraph.block, finding.start, finding.end, finding.kind, finding.message)
print(advice.readability.score, advice.readability.meaning)
```
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.core.models import Letter
from composer.i18n import _
from composer.writing.b1_formal import find_formal_words
from composer.writing.b1_passive import find_passives
from composer.writing.b1_rare import find_rare_words
from composer.writing.b1_text import quote, sentences, words
from composer.writing.findings import (
    FORMAL_WORD,
    KINDS,
    LONG_SENTENCE,
    PASSIVE,
    RARE_WORD,
    Finding,
    block_texts,
)
from composer.writing.readability import Readability, readability, readability_of

# A sentence with more words than this is long (the usual B1 guideline: at most 15–20 words).
LONGEST_SENTENCE = 20


@dataclass(frozen=True)
class ParagraphAdvice:
    """The advice on one body block (`block`: its index in the letter's body)."""

    block: int
    text: str
    findings: list[Finding]
    readability: Readability


@dataclass(frozen=True)
class LetterAdvice:
    paragraphs: list[ParagraphAdvice]

    @property
    def findings(self) -> list[Finding]:
        return [finding for paragraph in self.paragraphs for finding in paragraph.findings]

    @property
    def readability(self) -> Readability:
        """The counts of all checked paragraphs together, and so the letter's score."""
        return readability_of([paragraph.text for paragraph in self.paragraphs])


def letter_advice(letter: Letter) -> LetterAdvice:
    """The B1 advice on every paragraph of `letter` (see `findings.block_texts`)."""
    return LetterAdvice([paragraph_advice(block, text) for block, text in block_texts(letter)])


def paragraph_advice(block: int, text: str) -> ParagraphAdvice:
    """The B1 advice on one paragraph's text."""
    return ParagraphAdvice(block, text, b1_findings(block, text), readability(text))


def b1_findings(block: int, text: str) -> list[Finding]:
    """The B1 findings in one paragraph's text, in reading order."""
    found = [*_long_sentences(block, text), *_passives(block, text)]
    formal = find_formal_words(text)
    found += [
        Finding(block, match.start, match.end, FORMAL_WORD, match.message, match.suggestions)
        for match in formal
    ]
    taken = [(match.start, match.end) for match in formal]
    found += [
        Finding(
            block,
            word.start,
            word.end,
            RARE_WORD,
            _(
                "‘{word}’ is een weinig gebruikt woord: kies een bekender woord of leg het uit."
            ).format(word=word.text),
        )
        for word in find_rare_words(text)
        if not any(start <= word.start < end for start, end in taken)
    ]
    return sorted(found, key=lambda finding: (finding.start, KINDS.index(finding.kind)))


def _long_sentences(block: int, text: str) -> list[Finding]:
    found = []
    for sentence in sentences(text):
        count = len(words(text, sentence.start, sentence.end))
        if count > LONGEST_SENTENCE:
            message = _("Zin van {count} woorden (‘{start}’): maak er twee zinnen van.").format(
                count=count, start=quote(sentence.text)
            )
            found.append(Finding(block, sentence.start, sentence.end, LONG_SENTENCE, message))
    return found


def _passives(block: int, text: str) -> list[Finding]:
    return [
        Finding(
            block,
            passive.start,
            passive.end,
            PASSIVE,
            _("Lijdende vorm (‘{words}’): schrijf wie het doet.").format(words=passive.text(text)),
        )
        for passive in find_passives(text)
    ]
