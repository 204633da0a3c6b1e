"""Letter widths of the fonts the PDF is set in, read from the font files shipped with Composer.

A template names a font as Word knows it (Calibri, Arial); LibreOffice sets the PDF in its free
twin with the same letter widths (Carlito, Liberation Sans). Composer ships those twins in
resources/fonts (see the README there) and measures text with them: which characters have a
glyph (the cmap) and how wide a line of text is (the advance widths in hmtx). Kerning is left
out, so a measured line is never narrower than the one LibreOffice sets.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from composer.paths import resources_dir

POINTS_PER_MM = 72 / 25.4
_WITHOUT_WIDTH = {"Cc", "Cf", "Mn", "Me"}  # controls, format characters, combining marks

# The template's font (casefolded) → the family whose files Composer measures with.
METRIC_TWINS = {
    "calibri": "Carlito",
    "carlito": "Carlito",
    "arial": "Liberation Sans",
    "liberation sans": "Liberation Sans",
}
# (family, bold, italic) → file in resources/fonts. Liberation Sans is shipped upright only:
# its italics have the upright widths.
_FILES = {
    ("Carlito", False, False): "Carlito-Regular.ttf",
    ("Carlito", True, False): "Carlito-Bold.ttf",
    ("Carlito", False, True): "Carlito-Italic.ttf",
    ("Carlito", True, True): "Carlito-BoldItalic.ttf",
    ("Liberation Sans", False, False): "LiberationSans-Regular.ttf",
    ("Liberation Sans", True, False): "LiberationSans-Bold.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def metric_family(font: str) -> str | None:
    """The family Composer measures `font` with, or None when it has no metrics for it."""
    return METRIC_TWINS.get(font.strip().casefold())


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity: one per font file
class FontMetrics:
    """One font file's advance widths per character, in font units."""

    family: str
    units_per_em: int
    widths: dict[int, int]  # code point → advance width; only characters with a glyph
    missing_width: int  # the width counted for a character without a glyph
    line_em: float  # the height of one line at single spacing, in em

    def has_glyph(self, char: str) -> bool:
        return ord(char) in self.widths

    def width_pt(self, text: str, size_pt: float) -> float:
        """The width of `text` on one line at `size_pt` points (no kerning)."""
        widths = self.widths
        units = sum(widths.get(ord(char)) or self._missing(char) for char in text)
        return units * size_pt / self.units_per_em

    def _missing(self, char: str) -> int:
        """The width counted for a character without a glyph (or a glyph of width 0)."""
        if ord(char) in self.widths or unicodedata.category(char) in _WITHOUT_WIDTH:
            return 0  # invisible: a joiner, a direction mark, an accent set on the letter before
        return self.missing_width

    def width_mm(self, text: str, size_pt: float) -> float:
        return self.width_pt(text, size_pt) / POINTS_PER_MM

    def line_height_pt(self, size_pt: float) -> float:
        return self.line_em * size_pt


@functools.lru_cache(maxsize=16)
def _load(path: Path, family: str) -> FontMetrics:
    from fontTools.ttLib import TTFont  # imported on first use: the window starts without it

    # The shipped fonts carry an old creation date; fontTools would log it on every first load.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    with TTFont(path, lazy=True) as font:
        units = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        widths = {code: advances[glyph][0] for code, glyph in cmap.items() if glyph in advances}
        # A character without a glyph is set in a fallback font of unknown width (a CJK
        # character or an emoji is about 1 em): count it 1 em or the empty box, the wider.
        missing = max(units, advances[".notdef"][0] if ".notdef" in advances else 0)
        hhea, os2 = font["hhea"], font["OS/2"]
        # The taller of the two line heights applications use (Word: win, LibreOffice: hhea).
        line = max(hhea.ascent - hhea.descent + hhea.lineGap, os2.usWinAscent + os2.usWinDescent)
    return FontMetrics(family, units, widths, missing, line / units)


def metrics_for(font: str, *, bold: bool = False, italic: bool = False) -> FontMetrics | None:
    """The metrics text in template font `font` is set with in the PDF; None when Composer does
    not know the font (or its file is missing from resources/fonts)."""
    family = metric_family(font)
    if family is None:
        return None
    name = _FILES.get((family, bold, italic)) or _FILES.get((family, bold, False))
    name = name or _FILES[(family, False, False)]
    path = fonts_dir() / name
    if not path.is_file():
        return None
    return _load(path, family)
