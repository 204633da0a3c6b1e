"""The writing check over the blocks of a composer-letter/2 letter (models, not a file)."""

from __future__ import annotations

import datetime as dt

from composer.core import rich_text
from composer.core.models import Heading, Letter, ListBlock, Promise, Quote, Run
from composer.writing.findings import FORMAL_WORD, RARE_WORD, SPELLING, block_label
from composer.writing.letter_check import BlockText, check_blocks, letter_blocks
from composer.writing.spelling import shared_checker


def letter() -> Letter:
    return Letter(
        template="brief",
        date=dt.date(2026, 12, 3),
        body=[
            Heading("Derhalve een kop"),
            rich_text.paragraph([Run("Wij sturen u "), Run("middels", bold=True), Run(" dit.")]),
            Promise(4),
            ListBlock(
                "number",
                [
                    rich_text.list_item([Run("Eerste punt.")]),
                    rich_text.list_item([Run("Inzake", italic=True), Run(" de fuot.")]),
                ],
            ),
            Quote("Wij doen dit derhalve onmiddelijk.", "Roel Masselink", "directeur"),
        ],
    )


def test_the_blocks_to_check_and_their_texts():
    assert letter_blocks(letter()) == [
        BlockText(0, "heading", "Derhalve een kop"),
        BlockText(1, "paragraph", "Wij sturen u middels dit."),
        BlockText(3, "list", "Eerste punt.\nInzake de fuot."),
        BlockText(4, "quote", "Wij doen dit derhalve onmiddelijk."),
    ]
    labels = [block_label(letter(), index) for index in (0, 1, 3, 4)]
    assert labels == ["Kop (blok 1)", "Alinea 2", "Lijst (blok 4)", "Citaat (blok 5)"]


def test_advice_on_prose_spelling_everywhere_but_the_promise():
    checker = shared_checker()
    assert checker.wait(timeout=60)
    checker.set_extra_words(())
    blocks = letter_blocks(letter())
    texts = {block.index: block.text for block in blocks}
    check = check_blocks(blocks, checker)
    assert check.spelling_checked
    advice = [(f.block, f.kind, texts[f.block][f.start : f.end]) for f in check.advice.findings]
    assert (0, FORMAL_WORD, "Derhalve") in advice
    assert (1, FORMAL_WORD, "middels") in advice
    assert (3, FORMAL_WORD, "Inzake") in advice
    assert not any(block == 4 for block, _kind, _text in advice)  # someone else's words
    assert not any(kind == RARE_WORD and text == "fuot" for _b, kind, text in advice)
    spelling = [(f.block, f.kind, texts[f.block][f.start : f.end]) for f in check.spelling]
    assert spelling == [(3, SPELLING, "fuot"), (4, SPELLING, "onmiddelijk")]


def test_without_a_dictionary_the_advice_still_comes():
    check = check_blocks(letter_blocks(letter()), None)
    assert not check.spelling_checked and "niet geïnstalleerd" in check.spelling_problem
    assert any(finding.kind == FORMAL_WORD for finding in check.advice.findings)
