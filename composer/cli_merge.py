"""`composer merge`: one letter per addressee, from the letter or a list; Ctrl+C stops cleanly."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the merge machinery loads only when a merge runs
    from composer.merge.service import MergeReport

EXIT_CANCELLED = 130


def add_merge_parser(commands: argparse._SubParsersAction) -> None:
    merge = commands.add_parser("merge", help="samenvoegen: één brief per geadresseerde")
    merge.add_argument("letter", type=Path, metavar="BRIEF.json")
    merge.add_argument(
        "--addressees",
        type=Path,
        metavar="BESTAND",
        help="geadresseerden uit CSV, XLSX of vCard (anders die uit de brief)",
    )
    merge.add_argument(
        "-o", "--output", type=Path, required=True, metavar="MAP", help="de map voor de brieven"
    )
    merge.add_argument(
        "--format",
        default="docx",
        metavar="docx,pdf",
        help="docx, pdf of docx,pdf (standaard docx)",
    )
    merge.add_argument(
        "--combined", action="store_true", help="ook één PDF met alle brieven op volgorde"
    )
    merge.add_argument(
        "--duplex",
        action="store_true",
        help="met --combined: lege pagina’s invoegen voor dubbelzijdig afdrukken",
    )
    merge.add_argument(
        "--skip-invalid",
        action="store_true",
        help="maak de geldige brieven en een verslag van de ongeldige",
    )
    merge.add_argument("--force", action="store_true", help="bestaande bestanden overschrijven")
    merge.set_defaults(handler=run_merge_command)


def parse_formats(text: str) -> tuple[str, ...]:
    from composer.merge.service import FORMATS

    formats = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    wrong = [kind for kind in formats if kind not in FORMATS]
    if wrong or not formats:
        raise argparse.ArgumentTypeError(
            f"onbekend formaat ‘{', '.join(wrong) or text}’; kies docx, pdf of docx,pdf"
        )
    return formats


def _summary(report: MergeReport, formats: tuple[str, ...] = ("docx",)) -> str:
    """What was written; after Ctrl+C only the files that were really written are counted."""
    from composer.i18n import _
    from composer.merge.service import blank_pages_sentence

    docx = sum(1 for path in report.written if path.suffix == ".docx")
    pdf = sum(1 for path in report.written if path.suffix == ".pdf" and path != report.combined)
    letters = docx if "docx" in formats else pdf
    lines = []
    if report.cancelled:
        lines.append(
            f"Afgebroken: {letters} van {report.total} brieven zijn geschreven; de brief "
            "die bezig was is verwijderd."
        )
        if "docx" in formats and "pdf" in formats:
            lines.append(
                _("Als PDF geschreven: {count} van {total}.").format(count=pdf, total=report.total)
            )
    else:
        lines.append(f"Klaar: {letters} brieven geschreven.")
    if report.engine:
        lines.append(f"PDF's gemaakt met {report.engine}.")
    if report.combined:
        lines.append(f"Alle brieven samen: {report.combined}")
        if report.blank_pages:
            lines.append(blank_pages_sentence(report.blank_pages))
    if report.skipped:
        lines.append(
            f"{len(report.skipped)} geadresseerde(n) overgeslagen; zie {report.report_file}"
        )
    return "\n".join(lines)


def run_merge_command(args: argparse.Namespace) -> int:
    from composer.cli_letters import command_workspace
    from composer.core.letterfile import load_letter
    from composer.merge.rows import rows_from_file, rows_from_letter
    from composer.merge.service import MergeOptions, run_merge
    from composer.progress_text import ProgressPrinter
    from composer.render.pdf.cancel import CancelToken

    try:
        formats = parse_formats(args.format)
    except argparse.ArgumentTypeError as exc:
        print(f"composer: fout in de opdracht: {exc}", file=sys.stderr)
        return 2
    if args.duplex and not args.combined:
        print(
            "composer: fout in de opdracht: --duplex (lege pagina’s voor dubbelzijdig "
            "afdrukken) werkt alleen samen met --combined. Voeg --combined toe of laat "
            "--duplex weg.",
            file=sys.stderr,
        )
        return 2
    letter = load_letter(args.letter)
    warnings: list[str] = []
    if args.addressees is not None:
        rows, warnings = rows_from_file(args.addressees)
    else:
        rows = rows_from_letter(letter)
    for warning in warnings:
        print(f"Waarschuwing: {warning}", file=sys.stderr)
    options = MergeOptions(
        formats=formats,
        combined=args.combined,
        force=args.force,
        skip_invalid=args.skip_invalid,
        duplex=args.duplex,
    )
    settings = command_workspace(args).settings  # layout, aanhef, the LibreOffice chosen
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        report = run_merge(
            letter,
            rows,
            args.output,
            options,
            progress=ProgressPrinter(),
            cancel=cancel,
            settings=settings,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    for warning in report.warnings:
        print(f"Waarschuwing: {warning}", file=sys.stderr)
    print(_summary(report, formats), file=sys.stderr)
    for path in report.written:
        print(path)
    return EXIT_CANCELLED if report.cancelled else 0
