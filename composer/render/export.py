"""Exporting one letter as DOCX or PDF; the format follows the file extension."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from composer.core.models import Letter
from composer.errors import ComposerError
from composer.fileio import write_bytes_atomic, write_work_file
from composer.i18n import _
from composer.render.docx import DocxRenderer, render_docx
from composer.settings import Settings

EXPORT_FORMATS = (".docx", ".pdf")


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)
    engine: str = ""  # which program made the PDF, e.g. "LibreOffice 7.4.7.2"


def export_letter(letter: Letter, out: Path, settings: Settings) -> ExportResult:
    """Write `letter` to `out` atomically; on any error `out` is left as it was.

    `settings`: the Workspace's (layout, group salutation, the LibreOffice chosen).
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ComposerError(
            _("Onbekend uitvoerformaat ‘{suffix}’. Gebruik .docx of .pdf.").format(
                suffix=out.suffix
            )
        )
    if not out.parent.is_dir():
        raise ComposerError(
            _("De map ‘{folder}’ bestaat niet. Kies een bestaande map.").format(folder=out.parent)
        )
    if suffix == ".docx":
        rendered = render_docx(letter, settings)
        write_bytes_atomic(out, rendered.data)
        return ExportResult(out, list(rendered.warnings))
    from composer.render.pdf import PdfEngine, find_soffice
    from composer.render.pdf.copies import joined_copies
    from composer.render.pdf.output_check import check_pdf, read_checked_pdf

    copies = DocxRenderer(settings).render_copies(letter)
    stem = out.stem or "brief"
    with tempfile.TemporaryDirectory(prefix="composer-pdf-") as folder:
        jobs = []
        for number, copy in enumerate(copies, start=1):
            name = f"{stem}-{number}" if len(copies) > 1 else stem  # the name messages show
            docx = Path(folder) / f"{name}.docx"
            write_work_file(docx, copy.data)
            jobs.append((docx, Path(folder) / f"{name}.pdf"))
        with PdfEngine(find_soffice(settings.libreoffice_path)) as engine:
            results = engine.convert_many(jobs)
        # Only a sound PDF/A takes the place of `out`; junk from the converter never does.
        pdfs = [read_checked_pdf(pdf, name=out.name) for _docx, pdf in jobs]
    data = joined_copies(pdfs, letter.subject)
    check_pdf(data, name=out.name)
    # The results carry the font warnings and, once, a LibreOffice that did not answer.
    found = [w for copy in copies for w in copy.warnings]
    warnings = list(dict.fromkeys([*found, *(w for r in results for w in r.warnings)]))
    write_bytes_atomic(out, data)
    return ExportResult(out, warnings, results[0].engine)
