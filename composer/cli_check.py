"""`composer check BRIEF.json [--json] [--woordenlijst]`: B1 advice and spelling per block.

Advice only: the exit code is 0 whenever the check ran, whatever it found; 1 for a letter file
that cannot be read (a Dutch message from `composer.cli`, no traceback).

Spelling uses the Dutch dictionary only, unless `--woordenlijst` is given: then the office word
list of the library (the one `composer letters` uses: settings or COMPOSER_DATABASE_URL) is
accepted as well, as in the editor. A library that cannot be opened gives a warning, and the
check goes on with the dictionary alone.

The checked blocks: paragraphs (their plain text, marks left out), headings, lists (the items
joined by line breaks: offsets count in that text) and quotes (spelling only); promises come
from the catalogue and are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from composer.core.letterfile import load_letter
from composer.core.models import Letter
from composer.errors import ComposerError
from composer.i18n import _, ngettext
from composer.writing.b1_advice import LetterAdvice, letter_advice
from composer.writing.findings import (
    SPELLING,
    Finding,
    block_label,
    combined,
)
from composer.writing.letter_check import letter_blocks, spelling_of
from composer.writing.readability import Readability

EXIT_OK = 0


def add_check_parser(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="schrijfadvies: spelling en B1 (lange zinnen, lijdende vorm, moeilijke woorden)",
    )
    check.add_argument("letter", type=Path, metavar="BRIEF.json", help="het briefbestand")
    check.add_argument(
        "--json", action="store_true", help="de bevindingen als JSON (een lijst) op stdout"
    )
    check.add_argument(
        "--woordenlijst",
        action="store_true",
        help="ook de woordenlijst van het kantoor (in de bibliotheek) gebruiken bij de spelling",
    )
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    letter = load_letter(args.letter)
    advice = letter_advice(letter)
    extra_words, missing = _office_words(args) if args.woordenlijst else ((), "")
    if missing:
        print(
            _("Let op: de woordenlijst van de bibliotheek is niet gebruikt: {reason}").format(
                reason=missing
            ),
            file=sys.stderr,
        )
    spelling, problem = spelling_findings(letter, extra_words)
    if problem:
        print(
            _("Let op: de spelling is niet gecontroleerd: {reason}").format(reason=problem),
            file=sys.stderr,
        )
    findings = combined(advice.findings, spelling)
    if args.json:
        json.dump(
            [finding.to_dict() for finding in findings], sys.stdout, ensure_ascii=False, indent=2
        )
        print()
    else:
        print(human_report(letter, advice, findings))
    return EXIT_OK


def _office_words(args: argparse.Namespace) -> tuple[list[str], str]:
    """The library's office word list, and why it could not be read ("" if it was)."""
    from composer.app.office_words import office_word_list
    from composer.cli_letters import command_workspace

    try:
        with command_workspace(args).open_library() as library:
            return office_word_list(library), ""
    except ComposerError as exc:
        return [], exc.message


def spelling_findings(letter: Letter, extra_words: Iterable[str] = ()) -> tuple[list[Finding], str]:
    """The spelling findings in the letter, and why spelling was not checked ("" if it was).

    `extra_words` (the office word list) are accepted as well as the dictionary's."""
    try:
        from composer.writing.spelling import shared_checker
    except ImportError:
        return [], _("de spellingcontrole is niet geïnstalleerd.")
    checker = shared_checker()  # one dictionary per process
    checker.set_extra_words(extra_words)
    try:
        checker.load()  # the command line waits for the dictionary
    except ComposerError as exc:
        return [], str(exc)
    return spelling_of(letter_blocks(letter), checker), ""


def human_report(letter: Letter, advice: LetterAdvice, findings: list[Finding]) -> str:
    """The report in Dutch: one line per finding, each paragraph's score, the letter's score."""
    lines = []
    scores = {paragraph.block: paragraph.readability for paragraph in advice.paragraphs}
    blocks = sorted({*scores, *(finding.block for finding in findings)})
    for block in blocks:
        label = block_label(letter, block)
        for finding in (finding for finding in findings if finding.block == block):
            lines.append(f"{label}: {_finding_text(finding)}")
        if block in scores and scores[block].score is not None:
            lines.append(f"{label}: {_score_text(scores[block])}")
    total = advice.readability
    if total.score is None:
        lines.append(_("De brief heeft geen alinea’s om te beoordelen."))
    else:
        counts = (
            ngettext("{count} zin", "{count} zinnen", total.sentences).format(count=total.sentences)
            + ", "
            + ngettext("{count} woord", "{count} woorden", total.words).format(count=total.words)
        )
        lines.append(
            _("Leesbaarheid van de brief (Flesch-Douma): {score} ({meaning}); {counts}.").format(
                score=round(total.score), meaning=total.meaning, counts=counts
            )
        )
    if not findings:
        lines.append(_("Geen adviezen."))
    lines.append(_("Dit is advies: u kunt de brief altijd bewaren en exporteren."))
    return "\n".join(lines)


def _finding_text(finding: Finding) -> str:
    message = _decapitalize(finding.message)
    if finding.suggestions and finding.kind == SPELLING:
        message += " " + _("Suggesties: {words}.").format(
            words=", ".join(f"‘{word}’" for word in finding.suggestions)
        )
    return message


def _score_text(readability: Readability) -> str:
    assert readability.score is not None
    return _("leesbaarheid {score} ({meaning}).").format(
        score=round(readability.score), meaning=readability.meaning
    )


def _decapitalize(message: str) -> str:
    """A message after "Alinea 2: " starts in lowercase ("zin van 27 woorden"); "KSF" stays."""
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        return message[0].lower() + message[1:]
    return message
