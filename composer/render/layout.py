"""Millimetre settings applied to a template: page margins and the window-envelope address block."""

from __future__ import annotations

from lxml import etree

from composer.errors import ComposerError
from composer.i18n import _
from composer.settings import MAX_LAYOUT_MM, valid_millimetres

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ADDRESS_TABLE_CAPTION = "Adresvenster"  # the window of older templates (a table)
SPACER_STYLE_PREFIX = "Adresvenster"  # style "Adresvenster-afstand": the gap above the window
# Paragraph styles of the window's frame (w:framePr, placed from the page's top left corner).
ADDRESS_FRAME_STYLES = ("Retourregel", "Adresblok")
_FRAME_KEYS = {
    "address_left_mm": "x",
    "address_top_mm": "y",
    "address_width_mm": "w",
    "address_height_mm": "h",
}

_MARGINS = {
    "margin_top_mm": "top",
    "margin_left_mm": "left",
    "margin_right_mm": "right",
    "margin_bottom_mm": "bottom",
}

_OPPOSITE_MARGINS = (
    ("margin_top_mm", "margin_bottom_mm", "page_height_mm"),
    ("margin_left_mm", "margin_right_mm", "page_width_mm"),
)


def _checked(layout: dict[str, float]) -> None:
    for key, value in layout.items():
        if key.endswith("_mm") and not isinstance(value, list) and not valid_millimetres(value):
            raise ComposerError(
                _(
                    "De opmaakinstelling ‘{key}’ is {value}; gebruik een getal van 0 tot en met "
                    "{maximum} millimeter."
                ).format(key=key, value=value, maximum=MAX_LAYOUT_MM)
            )
    for first, second, page in _OPPOSITE_MARGINS:
        if not (page in layout and first in layout and second in layout):
            continue
        if layout[first] + layout[second] >= layout[page]:
            raise ComposerError(
                _(
                    "De marges ‘{first}’ en ‘{second}’ zijn samen {total} mm en laten op een "
                    "pagina van {page} mm geen ruimte voor tekst. Maak ze kleiner."
                ).format(
                    first=first,
                    second=second,
                    total=f"{layout[first] + layout[second]:g}",
                    page=f"{layout[page]:g}",
                )
            )


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _child(parent: etree._Element, name: str) -> etree._Element:
    found = parent.find(f"w:{name}", NS)
    if found is None:
        found = etree.SubElement(parent, _w(name))
    return found


def _style_of(paragraph: etree._Element) -> str:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return "" if style is None else style.get(_w("val"), "")


def _set_spacers(root: etree._Element, height: int) -> None:
    """The exact-height paragraph(s) from the top margin down to the window (one per copy)."""
    for paragraph in root.iter(_w("p")):
        if not _style_of(paragraph).startswith(SPACER_STYLE_PREFIX):
            continue
        spacing = _child(paragraph.find("w:pPr", NS), "spacing")
        spacing.set(_w("line"), str(height))
        spacing.set(_w("lineRule"), "exact")
        spacing.set(_w("before"), "0")
        spacing.set(_w("after"), "0")


def _set_frames(root: etree._Element, layout: dict[str, float]) -> None:
    """Move and size the window's frame: the page position does not depend on the margins."""
    for paragraph in root.iter(_w("p")):
        frame = paragraph.find("w:pPr/w:framePr", NS)
        if frame is None or _style_of(paragraph) not in ADDRESS_FRAME_STYLES:
            continue
        for key, attribute in _FRAME_KEYS.items():
            if key in layout:
                frame.set(_w(attribute), str(twips(layout[key])))
        frame.set(_w("hAnchor"), "page")
        frame.set(_w("vAnchor"), "page")
        if "address_height_mm" in layout:
            frame.set(_w("hRule"), "exact")


def apply_layout(xml: str, layout: dict[str, float]) -> str:
    """Return document.xml with margins and the address window moved to the given millimetres.

    The window is a frame of paragraphs in the styles ADDRESS_FRAME_STYLES, placed from the
    page's corner; a spacer paragraph (style `Adresvenster-afstand`) brings the text down to the
    window, which pushes what follows below it. Older templates' window, a table captioned
    `Adresvenster`, is still indented and sized.

    A value that is not a number from 0 to MAX_LAYOUT_MM is refused with a ComposerError.
    """
    _checked(layout)
    root = etree.fromstring(xml.encode("utf-8"))
    for section in root.iter(_w("sectPr")):
        margins = section.find("w:pgMar", NS)
        if margins is None:
            continue
        for key, side in _MARGINS.items():
            if key in layout:
                margins.set(_w(side), str(twips(layout[key])))
    top = layout.get("margin_top_mm")
    left = layout.get("margin_left_mm")
    if "address_top_mm" in layout and top is not None:
        _set_spacers(root, max(twips(layout["address_top_mm"] - top), 20))
    _set_frames(root, layout)
    for table in root.iter(_w("tbl")):
        caption = table.find("w:tblPr/w:tblCaption", NS)
        if caption is None or caption.get(_w("val")) != ADDRESS_TABLE_CAPTION:
            continue
        properties = table.find("w:tblPr", NS)
        if "address_left_mm" in layout and left is not None:
            indent = _child(properties, "tblInd")
            indent.set(_w("w"), str(twips(layout["address_left_mm"] - left)))
            indent.set(_w("type"), "dxa")
        if "address_width_mm" in layout:
            width = str(twips(layout["address_width_mm"]))
            for element in [*table.iter(_w("tblW")), *table.iter(_w("tcW"))]:
                element.set(_w("w"), width)
                element.set(_w("type"), "dxa")
            for column in table.iter(_w("gridCol")):
                column.set(_w("w"), width)
        if "address_height_mm" in layout:
            for height in table.iter(_w("trHeight")):
                height.set(_w("val"), str(twips(layout["address_height_mm"])))
                height.set(_w("hRule"), "exact")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode(
        "utf-8"
    )
