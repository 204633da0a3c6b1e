"""Promise and quote blocks drawn in the body as framed boxes (one object character each).

"Servicebelofte 4 – medewerkers en goed werkgeverschap" over the first words of its text, or
"Citaat: “…”" over "– Roel Masselink, directeur"; a promise number the catalogue does not have
is drawn in red with what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)

from composer.core.catalogues import ServicePromise
from composer.core.models import Promise, Quote
from composer.gui.editor.body_document import BLOCK_OBJECT, block_of_format
from composer.gui.editor.validation_marks import PROBLEM_COLOUR
from composer.i18n import _

SHORT = 90  # characters of a quote or promise text shown in its box
_PAD = 6.0
_FRAME = QColor("#7a8ca3")  # not screen text
_FILL = QColor("#eef3f9")  # not screen text


def placeholder_message(number: int, promise: ServicePromise | None) -> str:
    if promise is None:
        return _(
            "Servicebelofte {number} bestaat niet in de catalogus. Kies een servicebelofte uit "
            "de lijst."
        ).format(number=number)
    return _(
        "Servicebelofte {number} heeft nog geen tekst in de catalogus. Vul de officiële tekst "
        "in bij Servicebeloften of kies een andere servicebelofte."
    ).format(number=number)


def shortened(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def quote_label(entry: dict[str, Any]) -> str:
    """A catalogue quote in a choice list: `Roel Masselink: ‘Wij …’`."""
    return f"{entry.get('speaker', '')}: ‘{shortened(str(entry.get('text', '')), 60)}’"


def promise_label(number: int, promise: ServicePromise | None) -> str:
    if promise is None or promise.placeholder:
        return _("Servicebelofte {number}").format(number=number)
    title = promise.topic or shortened(promise.text, 60)
    return _("Servicebelofte {number} – {title}").format(number=number, title=title)


def object_text(
    block: Promise | Quote, promises: dict[int, ServicePromise]
) -> tuple[str, str, bool]:
    """(title, text under it, whether it is a problem) of the box for `block`."""
    if isinstance(block, Promise):
        promise = promises.get(block.number)
        if promise is None or promise.placeholder:
            return (
                promise_label(block.number, promise),
                placeholder_message(block.number, promise),
                True,
            )
        return promise_label(block.number, promise), shortened(promise.text), False
    who = ", ".join(part for part in (block.speaker.strip(), block.role.strip()) if part)
    title = _("Citaat: “{text}”").format(text=shortened(block.text) or "…")
    return title, (f"– {who}" if who else ""), not block.text.strip()


class BlockObjects(QPyTextObject):
    """Draws the promise and quote objects of one document (registered on its layout)."""

    def __init__(
        self, promises: Callable[[], dict[int, ServicePromise]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.promises = promises

    def install(self, document: QTextDocument) -> None:
        document.documentLayout().registerHandler(BLOCK_OBJECT, self)

    def _lines(self, fmt: QTextFormat) -> tuple[str, str, bool]:
        block = block_of_format(fmt)
        if block is None:
            return "?", "", True
        return object_text(block, self.promises())

    def _width(self, document: QTextDocument) -> float:
        width = document.textWidth()
        if width <= 0:
            width = document.pageSize().width()
        return max(160.0, width - 2 * document.documentMargin() - 8)

    def intrinsicSize(self, doc: QTextDocument, _pos: int, fmt: QTextFormat) -> QSizeF:
        """One line for the title and one for the text under it (both cut off with …), so the
        height never depends on a width the layout may not know yet."""
        _title, text, _problem = self._lines(fmt)
        font = doc.defaultFont()
        font.setBold(True)
        line = QFontMetricsF(font).lineSpacing()
        lines = 2 if text else 1
        return QSizeF(self._width(doc), lines * line + (lines - 1) * 2 + 2 * _PAD)

    def drawObject(
        self, painter: QPainter, rect: QRectF, doc: QTextDocument, _pos: int, fmt: QTextFormat
    ) -> None:
        title, text, problem = self._lines(fmt)
        painter.save()
        frame = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        colour = QColor(PROBLEM_COLOUR) if problem else _FRAME
        painter.setPen(QPen(colour, 1.5 if problem else 1.0))
        painter.setBrush(_FILL)
        painter.drawRoundedRect(frame, 4, 4)
        inner = frame.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        font = doc.defaultFont()
        font.setBold(True)
        ink = QColor(PROBLEM_COLOUR) if problem else QColor("#1f2d3d")  # not screen text
        painter.setPen(ink)
        line = QFontMetricsF(font).lineSpacing()
        for number, (words, bold) in enumerate(((title, True), (text, False))):
            if not words:
                continue
            font.setBold(bold)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            shown = metrics.elidedText(words, Qt.TextElideMode.ElideRight, inner.width())
            top = inner.top() + number * (line + 2)
            painter.drawText(QRectF(inner.left(), top, inner.width(), line), 0, shown)
        painter.restore()
