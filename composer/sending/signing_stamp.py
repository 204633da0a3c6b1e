"""The visible signature: the signer's name and the time in a box at the foot of the last page.

PDF/A-2b allows no font that is not embedded, and pyHanko's stamp uses the standard Courier by
default; so the box is drawn with Liberation Sans from resources/fonts, embedded as a subset by
pyHanko's OpenType support (which needs `uharfbuzz`; see signing_font). The box sits in the
bottom-right corner of the last page, 1.5 cm from the edges (at most 8 cm wide, 1.6 cm high),
where a letter's last page has room below the signature block; it has a thin border, no
background and no transparency.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

FONT_FILE = "LiberationSans-Regular.ttf"
OFFICE_TIME_ZONE = "Europe/Amsterdam"
BOX_WIDTH = 227  # points: 8 cm
BOX_HEIGHT = 45  # points: 1.6 cm
MARGIN = 42  # points: 1.5 cm from the right and bottom edge


def stamp_field(writer: Any, field_name: str) -> Any:
    """A new signature field on the last page, in the bottom-right corner."""
    from pyhanko.sign.fields import SigFieldSpec

    pages = writer.root["/Pages"]
    last = int(pages["/Count"]) - 1
    page = writer.find_page_for_modification(last)[0].get_object()
    left, bottom, right, _top = (float(value) for value in _inherited(page, "/MediaBox"))
    x2 = right - MARGIN
    x1 = max(left + MARGIN, x2 - BOX_WIDTH)
    y1 = bottom + MARGIN
    return SigFieldSpec(
        sig_field_name=field_name,
        on_page=last,
        box=(int(x1), int(y1), int(x2), int(y1 + BOX_HEIGHT)),
    )


def stamp_style_for(signer_name: str, moment: dt.datetime | None = None) -> Any:
    """The box's text: "Digitaal ondertekend door …" and the date, in an embedded font."""
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from composer.dutch.dates import format_date
    from composer.paths import resources_dir
    from composer.sending.signing_font import EmbeddedFont

    local = office_time(moment or dt.datetime.now(dt.UTC))
    # On the letter, so Dutch whatever the language of the screen (not screen text)
    text = (
        f"Digitaal ondertekend door {signer_name}\nop {format_date(local.date())} om {local:%H:%M}"
    )
    font = EmbeddedFont(str(resources_dir() / "fonts" / FONT_FILE), font_size=9)
    return TextStampStyle(
        stamp_text=text.replace("%", "%%"),  # pyHanko fills in %(…)s fields
        text_box_style=TextBoxStyle(font=font, font_size=9),
        border_width=1,
        background=None,
    )


def office_time(moment: dt.datetime) -> dt.datetime:
    """`moment` on the office's clock: the letters are Dutch, and so is the time on them."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return moment.astimezone(ZoneInfo(OFFICE_TIME_ZONE))
    except ZoneInfoNotFoundError:  # no time zone data: the computer's own clock
        return moment.astimezone()


def _inherited(page: Any, key: str) -> Any:
    """A page attribute that may be given by a parent /Pages node (MediaBox)."""
    node = page
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return (0, 0, 595, 842)  # A4
