"""The words the merge dialog uses: progress, the summary of a merge, refusals without CLI flags."""

from __future__ import annotations

from pathlib import Path

from composer.merge.service import MergeReport

STAGES = {"docx": "DOCX", "pdf": "PDF"}

# The merge service speaks to the command line; on screen the options are check boxes.
_CLI_HINTS = {
    "gebruik --skip-invalid": "zet ‘Ongeldige overslaan’ aan",
    "gebruik --force": "zet ‘Bestaande bestanden overschrijven’ aan",
}


def letters(count: int) -> str:
    return "1 brief" if count == 1 else f"{count} brieven"


def on_screen(message: str) -> str:
    """A service message with its command-line hints replaced by the dialog's own words."""
    for flag, words in _CLI_HINTS.items():
        message = message.replace(flag, words)
    return message


def progress_text(stage: str, done: int, total: int) -> str:
    return f"{STAGES.get(stage, stage)} {done} van {total}"


def letters_written(report: MergeReport) -> int:
    """Letters written: the DOCX files, or the PDFs when only PDFs were asked for."""
    docx = sum(1 for path in report.written if path.suffix == ".docx")
    pdf = sum(1 for path in report.written if path.suffix == ".pdf" and path != report.combined)
    return docx or pdf


def merge_summary(report: MergeReport, out_dir: Path) -> str:
    """What happened, in the words of the screen: written, skipped, combined PDF, engine."""
    count = letters_written(report)
    if report.cancelled:
        lines = [
            f"Afgebroken: {count} van {letters(report.total)} geschreven in ‘{out_dir}’; "
            "de brief die bezig was is verwijderd."
        ]
    else:
        lines = [f"Klaar: {letters(count)} geschreven in ‘{out_dir}’."]
    made = [path for path in report.written if path != report.combined]
    formats = sorted({path.suffix[1:].upper() for path in made})
    if formats:
        lines.append(f"Bestanden: {' en '.join(formats)}.")
    if report.combined is not None:
        lines.append(f"Alle brieven samen in één PDF: {report.combined.name}.")
    if report.skipped:
        skipped = len(report.skipped)
        noun = "geadresseerde" if skipped == 1 else "geadresseerden"
        where = f" (zie {report.report_file.name})" if report.report_file else ""
        lines.append(f"{skipped} ongeldige {noun} overgeslagen{where}.")
    if report.engine:
        lines.append(f"PDF's gemaakt met {report.engine}.")
    lines += [f"Let op: {warning}" for warning in report.warnings]
    return "\n".join(lines)
