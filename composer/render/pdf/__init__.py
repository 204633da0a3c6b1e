"""PDF from the rendered DOCX, made by LibreOffice headless."""

from __future__ import annotations

from composer.render.pdf.cancel import CancelToken, ConversionCancelled
from composer.render.pdf.engine import PdfConversionError, PdfEngine, PdfResult
from composer.render.pdf.fonts import font_warnings, missing_fonts, template_fonts
from composer.render.pdf.locate import LibreOfficeMissing, engine_version, find_soffice

__all__ = [
    "CancelToken",
    "ConversionCancelled",
    "LibreOfficeMissing",
    "PdfConversionError",
    "PdfEngine",
    "PdfResult",
    "engine_version",
    "find_soffice",
    "font_warnings",
    "missing_fonts",
    "template_fonts",
]
