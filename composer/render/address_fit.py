"""Does the address fit the window of the envelope? Measured with the template font's widths.

The window is a box of fixed size: a line wider than the box wraps, and what falls below the box
is not printed. So every line of an address block is measured as it will be set (the template's
font and size, see composer.render.font_metrics) and a block that would wrap or has too many lines
is refused with a message that names the line, instead of losing the postcode without a word.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from composer.core.models import Letter
from composer.dutch.addresses import address_lines
from composer.errors import AddressError
from composer.i18n import _
from composer.render.font_metrics import POINTS_PER_MM, FontMetrics, metrics_for
from composer.render.registry import TemplateInfo

MAX_ADDRESS_LINES = 6  # PostNL: at most six lines in the window
# Style "Retourregel" of the letter template (templates/build_templates.py): 7 pt, single line
# spacing, 4 pt after; style "Adresblok": the body size at single line spacing.
RETURN_LINE_PT = 7.0
RETURN_LINE_AFTER_PT = 4.0
SHOWN_CHARACTERS = 60  # a longer line is shown cut off with …


@dataclass(frozen=True)
class Window:
    """The room for text in the address window, in millimetres."""

    width_mm: float
    height_mm: float

    @classmethod
    def of(cls, layout: dict[str, float]) -> Window | None:
        """The window of a template layout; None when the template has no address window.

        `address_padding_mm` (optional): the distance between the window's edges and its text,
        left and right alike."""
        if "address_width_mm" not in layout or "address_height_mm" not in layout:
            return None
        padding = layout.get("address_padding_mm", 0.0)
        return cls(layout["address_width_mm"] - 2 * padding, layout["address_height_mm"])


@dataclass(frozen=True)
class AddressSetter:
    """Measures address lines as the letter template sets them."""

    window: Window
    body: FontMetrics
    size_pt: float

    @classmethod
    def for_template(cls, info: TemplateInfo, layout: dict[str, float]) -> AddressSetter | None:
        """None when nothing can be measured: not a letter, no window, or a font Composer has
        no metrics for (a user's own template in another font)."""
        window = Window.of(layout)
        metrics = metrics_for(info.font) if info.font else None
        if info.kind != "brief" or window is None or metrics is None or info.font_size_pt <= 0:
            return None
        return cls(window, metrics, info.font_size_pt)

    def width_mm(self, line: str, size_pt: float | None = None) -> float:
        return self.body.width_mm(line.replace("\t", " "), size_pt or self.size_pt)

    def return_line_rows(self, return_line: str) -> int:
        """How many lines the return line takes in the window (it wraps at spaces)."""
        words = return_line.split(" ")
        rows, current = 1, ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and self.width_mm(candidate, RETURN_LINE_PT) > self.window.width_mm:
                rows, current = rows + 1, word
            else:
                current = candidate
        return rows

    def max_lines(self, return_line: str) -> int:
        """Address lines that fit below the return line: at most MAX_ADDRESS_LINES."""
        above = self.return_line_rows(return_line) * self.body.line_height_pt(RETURN_LINE_PT)
        room = self.window.height_mm * POINTS_PER_MM - above - RETURN_LINE_AFTER_PT
        fitting = math.floor(room / self.body.line_height_pt(self.size_pt) + 1e-6)
        return max(0, min(MAX_ADDRESS_LINES, fitting))

    def block_problems(self, block: str, return_line: str) -> list[str]:
        """What keeps `block` (lines separated by line feeds) from fitting; [] when it fits."""
        lines = block.replace("\x0b", "\n").split("\n")
        problems = []
        room = self.window.width_mm
        for line in lines:
            width = self.width_mm(line)
            if width > room:
                problems.append(
                    _(
                        "de adresregel ‘{line}’ is te lang voor het venster van de envelop "
                        "({width} mm, er past {room} mm). Maak de regel korter, bijvoorbeeld "
                        "met een afkorting."
                    ).format(line=_shown(line), **_millimetres(width, room))
                )
        allowed = self.max_lines(return_line)
        if len(lines) > allowed:
            problems.append(
                _(
                    "het adres heeft {count} regels; in het venster van de envelop passen er "
                    "{allowed}. Laat een regel weg, bijvoorbeeld de afdeling of de functie."
                ).format(count=len(lines), allowed=allowed)
            )
        return problems

    def return_line_warning(self, return_line: str) -> str | None:
        width = self.width_mm(return_line, RETURN_LINE_PT)
        if width <= self.window.width_mm:
            return None
        return _(
            "De retourregel ‘{line}’ is breder dan het venster van de envelop ({width} mm, er "
            "past {room} mm) en loopt over meer dan één regel. Maak de naam of het adres van de "
            "organisatie korter in het organisatieprofiel."
        ).format(line=_shown(return_line), **_millimetres(width, self.window.width_mm))


def _shown(line: str) -> str:
    """The line as a message quotes it: invisible characters (a direction override) as spaces,
    a long line cut off."""
    line = "".join(char if char.isprintable() else " " for char in line)
    return line if len(line) <= SHOWN_CHARACTERS else line[: SHOWN_CHARACTERS - 1].rstrip() + " …"


def _millimetres(width: float, room: float) -> dict[str, str]:
    """Both in whole millimetres, or in tenths when whole ones would look the same."""
    shown = {"width": f"{math.ceil(width):d}", "room": f"{math.floor(room):d}"}
    if shown["width"] == shown["room"] or room != math.floor(room):
        shown = {"width": f"{width:.1f}".replace(".", ","), "room": f"{room:.1f}".replace(".", ",")}
        shown = {key: value.removesuffix(",0") for key, value in shown.items()}
    return shown


def context_blocks(context: dict[str, Any]) -> list[str]:
    """The address blocks the windows of a rendered letter show, one per copy."""
    recipients = context.get("recipients")
    if isinstance(recipients, list) and recipients:
        return [str(recipient.get("address_block", "")) for recipient in recipients]
    return [str(context.get("address_block", ""))]


def _problem_lines(index: int, problems: Iterable[str]) -> list[str]:
    return [
        _("Geadresseerde {number}: {problem}").format(number=index + 1, problem=problem)
        for problem in problems
    ]


def check_address_fit(
    context: dict[str, Any], info: TemplateInfo, layout: dict[str, float]
) -> list[str]:
    """Raise AddressError when an address block in `context` does not fit its window; return
    warnings (a return line that wraps)."""
    setter = AddressSetter.for_template(info, layout)
    if setter is None:
        return []
    return_line = str(context.get("sender", {}).get("return_line", ""))
    messages: list[str] = []
    first: int | None = None
    for index, block in enumerate(context_blocks(context)):
        problems = setter.block_problems(block, return_line)
        if problems and first is None:
            first = index
        messages += _problem_lines(index, problems)
    if first is not None:
        raise AddressError("\n".join(messages), field=f"addressees[{first}].address")
    warning = setter.return_line_warning(return_line)
    return [warning] if warning else []


def address_fit_problems(
    letter: Letter, info: TemplateInfo, layout: dict[str, float], return_line: str = ""
) -> list[tuple[str, str]]:
    """(path, problem) per addressee whose address would not fit the window, for the editor to
    show under the address fields: path `addressees[1].address`, the problem without the
    addressee's number ("de adresregel ‘…’ is te lang …"). An address that is not complete yet
    (the address rules refuse it) is left to the validation; [] when the template has no window
    or a font Composer cannot measure."""
    setter = AddressSetter.for_template(info, layout)
    if setter is None:
        return []
    found: list[tuple[str, str]] = []
    for index, addressee in enumerate(letter.addressees):
        try:
            block = "\n".join(address_lines(addressee))
        except AddressError:
            continue
        path = f"addressees[{index}].address"
        problems = setter.block_problems(block, return_line)
        found += [(path, problem[:1].upper() + problem[1:]) for problem in problems]
    return found
