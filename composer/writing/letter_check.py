"""The whole writing check of a letter at once: B1 advice, reading ease and spelling.

For the Leesbaarheid panel, which takes a snapshot of the letter's texts on the GUI thread
(`letter_blocks`, cheap) and checks it on a worker (`check_blocks`), and for `composer check`.
A paragraph's advice is kept per text, so a recheck after one keystroke only reads the
paragraph that changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from composer.core.models import Letter
from composer.i18n import _
from composer.writing.b1_advice import LetterAdvice, ParagraphAdvice, paragraph_advice
from composer.writing.findings import (
    CHECKED_BLOCK_TYPES,
    RARE_WORD,
    SPELLING,
    SPELLING_BLOCK_TYPES,
    Finding,
    block_text,
)

if TYPE_CHECKING:  # the spelling checker is optional: `composer check` runs without it
    from composer.writing.spelling import SpellChecker


@dataclass(frozen=True)
class BlockText:
    """The checked text of body block `index` (see `findings.block_text`) and its type."""

    index: int
    type: str
    text: str


@dataclass(frozen=True)
class LetterCheck:
    """The B1 advice, the spelling findings, and whether spelling was checked (and if not, why)."""

    advice: LetterAdvice
    spelling: list[Finding]
    spelling_checked: bool
    spelling_problem: str = ""


def letter_blocks(letter: Letter) -> list[BlockText]:
    """A snapshot of the texts to check: every block with prose, quotes included."""
    found = []
    for index, block in enumerate(letter.body):
        text = block_text(block, SPELLING_BLOCK_TYPES)
        if text is not None:
            found.append(BlockText(index, block.type, text))
    return found


@lru_cache(maxsize=2048)
def _advice_of(text: str) -> ParagraphAdvice:
    return paragraph_advice(0, text)


def advice_of(blocks: Iterable[BlockText]) -> LetterAdvice:
    """The B1 advice on the blocks that get it (paragraphs, headings, lists; not quotes)."""
    paragraphs = []
    for block in blocks:
        if block.type not in CHECKED_BLOCK_TYPES:
            continue
        kept = _advice_of(block.text)
        findings = [replace(finding, block=block.index) for finding in kept.findings]
        paragraphs.append(replace(kept, block=block.index, findings=findings))
    return LetterAdvice(paragraphs)


def spelling_of(
    blocks: Iterable[BlockText], checker: SpellChecker, suggestions: bool = True
) -> list[Finding]:
    """The misspelt words of the blocks ([] while the dictionary loads), with suggestions."""
    found = []
    for block in blocks:
        for wrong in checker.misspellings(block.text):
            message = _("‘{word}’ staat niet in het woordenboek.").format(word=wrong.word)
            offered = list(checker.suggestions(wrong.word)) if suggestions else []
            found.append(Finding(block.index, wrong.start, wrong.end, SPELLING, message, offered))
    return found


def check_blocks(blocks: list[BlockText], checker: SpellChecker | None) -> LetterCheck:
    """Everything the Leesbaarheid panel shows (spelling without suggestions: just counted)."""
    advice = advice_of(blocks)
    if checker is None:
        return LetterCheck(advice, [], False, _("de spellingcontrole is niet geïnstalleerd."))
    if checker.error is not None:
        return LetterCheck(advice, [], False, str(checker.error))
    if not checker.ready:
        return LetterCheck(advice, [], False)
    spelling = spelling_of(blocks, checker, suggestions=False)
    return LetterCheck(_without_misspelt(advice, spelling), spelling, True)


def _without_misspelt(advice: LetterAdvice, spelling: list[Finding]) -> LetterAdvice:
    """A misspelt word is not also a rare word: the red underline says what to do with it."""
    misspelt = {(item.block, item.start, item.end) for item in spelling}
    if not misspelt:
        return advice
    paragraphs = []
    for paragraph in advice.paragraphs:
        kept = [
            finding
            for finding in paragraph.findings
            if not (
                finding.kind == RARE_WORD
                and (finding.block, finding.start, finding.end) in misspelt
            )
        ]
        paragraphs.append(replace(paragraph, findings=kept))
    return LetterAdvice(paragraphs)
