"""The PDF of a letter to several addressees: each copy converted on its own, then joined.

LibreOffice numbers "pagina 2 van 3" only over a whole document (it does not compute Word's
SECTIONPAGES), so the copies of a letter to several addressees are converted one by one and
joined into one tagged PDF/A (composer/render/pdf/combined.py), each copy counting its own pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from composer.render.pdf.combined import combine_pdf_data
from composer.render.usertext import strip_invalid


def pdf_title(subject: str) -> str:
    """The document title of a letter's PDF: its subject on one line, as in the DOCX."""
    return " ".join(strip_invalid(subject).replace("\x0b", " ").split())


def joined_copies(pdfs: Sequence[bytes], subject: str) -> bytes:
    """One PDF of the copies' PDFs in order; a single PDF is returned as it is."""
    if len(pdfs) == 1:
        return pdfs[0]
    data, _combined = combine_pdf_data(pdfs, title=pdf_title(subject))
    return data
