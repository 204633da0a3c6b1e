"""Exporting one letter as DOCX or PDF; the format follows the file extension."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from composer.core.models import Letter
from composer.errors import ComposerError
from composer.fileio import write_bytes_atomic, write_work_file
from composer.i18n import _
from composer.render.docx import render_docx
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
    rendered = render_docx(letter, settings)
    if suffix == ".docx":
        write_bytes_atomic(out, rendered.data)
        return ExportResult(out, list(rendered.warnings))
    from composer.render.pdf import PdfEngine, find_soffice
    from composer.render.pdf.output_check import read_checked_pdf

    with tempfile.TemporaryDirectory(prefix="composer-pdf-") as folder:
        docx = Path(folder) / f"{out.stem or 'brief'}.docx"
        write_work_file(docx, rendered.data)
        made = Path(folder) / f"{out.stem or 'brief'}.pdf"
        with PdfEngine(find_soffice(settings.libreoffice_path)) as engine:
            result = engine.convert(docx, made)
        # The result carries the font warnings and, once, a LibreOffice that did not answer.
        warnings = [*rendered.warnings, *result.warnings]
        # Only a sound PDF/A takes the place of `out`; junk from the converter never does.
        write_bytes_atomic(out, read_checked_pdf(made, name=out.name))
    return ExportResult(out, warnings, result.engine)
