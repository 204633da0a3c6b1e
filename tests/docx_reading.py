"""Reading a DOCX back as a person would see its text (body paragraphs, tables, headers)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def _open(source: Path | bytes):
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def body_paragraphs(source: Path | bytes) -> list[str]:
    """Every paragraph of the main text in reading order, table cells included."""
    document = _open(source)
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def header_footer_text(source: Path | bytes) -> str:
    document = _open(source)
    parts = []
    for section in document.sections:
        for part in (
            section.first_page_header,
            section.header,
            section.first_page_footer,
            section.footer,
        ):
            parts.extend(p.text for p in part.paragraphs)
            for table in part.tables:
                parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def core_properties(source: Path | bytes):
    return _open(source).core_properties
