"""The words the merge dialog uses: progress and the summary of a merge."""

from __future__ import annotations

from pathlib import Path

from composer.i18n import _, ngettext
from composer.merge.service import MergeReport, blank_pages_sentence

STAGES = {"docx": "DOCX", "pdf": "PDF"}  # not screen text: format names


def letters(count: int) -> str:
    return ngettext("{count} brief", "{count} brieven", count).format(count=count)


def progress_text(stage: str, done: int, total: int) -> str:
    return _("{stage} {done} van {total}").format(
        stage=STAGES.get(stage, stage), done=done, total=total
    )


def letters_written(report: MergeReport) -> int:
    """Letters written: the DOCX files, or the PDFs when only PDFs were asked for."""
    docx = sum(1 for path in report.written if path.suffix == ".docx")
    pdf = sum(1 for path in report.written if path.suffix == ".pdf" and path != report.combined)
    return docx or pdf


def merge_summary(report: MergeReport, out_dir: Path) -> str:
    """What happened, in the words of the screen: written, skipped, combined PDF, engine."""
    count = letters_written(report)
    if report.cancelled:
        cancelled = ngettext(
            "Afgebroken: {count} van {total} brief geschreven in ‘{folder}’; "
            "de brief die bezig was is verwijderd.",
            "Afgebroken: {count} van {total} brieven geschreven in ‘{folder}’; "
            "de brief die bezig was is verwijderd.",
            report.total,
        )
        lines = [cancelled.format(count=count, total=report.total, folder=out_dir)]
    else:
        done = ngettext(
            "Klaar: {count} brief geschreven in ‘{folder}’.",
            "Klaar: {count} brieven geschreven in ‘{folder}’.",
            count,
        )
        lines = [done.format(count=count, folder=out_dir)]
    made = [path for path in report.written if path != report.combined]
    formats = sorted({path.suffix[1:].upper() for path in made})
    if len(formats) == 1:
        lines.append(_("Bestanden: {format}.").format(format=formats[0]))
    elif formats:
        both = _("Bestanden: {formats} en {last}.")
        lines.append(both.format(formats=", ".join(formats[:-1]), last=formats[-1]))
    if report.combined is not None:
        combined = _("Alle brieven samen in één PDF: {name}.")
        lines.append(combined.format(name=report.combined.name))
        if report.blank_pages:
            lines.append(blank_pages_sentence(report.blank_pages))
    if report.skipped:
        skipped = len(report.skipped)
        if report.report_file:
            text = ngettext(
                "{count} ongeldige geadresseerde overgeslagen (zie {file}).",
                "{count} ongeldige geadresseerden overgeslagen (zie {file}).",
                skipped,
            )
        else:
            text = ngettext(
                "{count} ongeldige geadresseerde overgeslagen.",
                "{count} ongeldige geadresseerden overgeslagen.",
                skipped,
            )
        file = report.report_file.name if report.report_file else ""
        lines.append(text.format(count=skipped, file=file))
    if report.engine:
        lines.append(_("PDF's gemaakt met {engine}.").format(engine=report.engine))
    lines += [_("Let op: {warning}").format(warning=warning) for warning in report.warnings]
    return "\n".join(lines)
