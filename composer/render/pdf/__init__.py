"""PDF from the rendered DOCX, made by LibreOffice headless.

The names below are imported from their modules on first use (PEP 562), so finding soffice
at start-up does not load the conversion machinery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.render.pdf.cancel import CancelToken, ConversionCancelled
    from composer.render.pdf.engine import PdfConversionError, PdfEngine, PdfResult
    from composer.render.pdf.fonts import font_warnings, missing_fonts, template_fonts
    from composer.render.pdf.locate import (
        LibreOfficeMissing,
        engine_version,
        find_soffice,
    )

_MODULE_OF = {
    "CancelToken": "cancel",
    "ConversionCancelled": "cancel",
    "PdfConversionError": "engine",
    "PdfEngine": "engine",
    "PdfResult": "engine",
    "font_warnings": "fonts",
    "missing_fonts": "fonts",
    "template_fonts": "fonts",
    "LibreOfficeMissing": "locate",
    "engine_version": "locate",
    "find_soffice": "locate",
}

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


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
