"""An embedded TrueType font for the visible signature, in PDF glyph units.

pyHanko's OpenType support (0.38) writes a font's advance widths (/W, and the TJ adjustments) in
the font's own units. PDF reads them as thousandths of an em, which is right only for fonts of
1000 units per em; Liberation Sans and Carlito have 2048, so their text would run far too wide.
`EmbeddedFont` shapes at 1000 units per em and writes the widths scaled to match.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

PDF_UNITS = 1000  # glyph space: thousandths of an em


class _NoDroppedTableNotes(logging.Filter):
    """fontTools notes each font table it leaves out of a subset ("FFTM NOT subset; …"): the
    tables it drops are not needed to draw the glyphs, so the note stays out of the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "NOT subset" not in record.getMessage()


logging.getLogger("fontTools.subset").addFilter(_NoDroppedTableNotes())


class _PdfUnitsAccumulator(GlyphAccumulator):
    """A GlyphAccumulator whose widths and positions are in PDF glyph units."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.units_per_em = PDF_UNITS
        self.hb_font.scale = (PDF_UNITS, PDF_UNITS)

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        known = glyph_id in self._glyphs
        cid, width = super()._get_cid_and_width(glyph_id)
        if not known:
            width = round(width * PDF_UNITS / self._font_units)
            self._glyphs[glyph_id] = (cid, width)
        return cid, width


@dataclass(frozen=True)
class EmbeddedFont(GlyphAccumulatorFactory):
    """A font file embedded as a subset, with widths in PDF units (see the module)."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        # fontTools reads the font lazily, until the subset is written: keep it in memory
        handle = BytesIO(Path(self.font_file).read_bytes())
        return _PdfUnitsAccumulator(
            writer=writer,
            font_handle=handle,
            font_size=self.font_size,
            ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag,
            writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code,
            obj_stream=obj_stream,
        )
