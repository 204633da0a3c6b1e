"""Stopping a long PDF conversion from another thread: the token and the error it leads to."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from composer.errors import ComposerError
from composer.i18n import ngettext

if TYPE_CHECKING:
    from composer.render.pdf.engine import PdfResult


class CancelToken:
    """Set once by whoever wants to stop (a button, a callback); read by the running conversion."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until cancelled or `timeout` seconds passed; True when cancelled."""
        return self._event.wait(timeout)


class ConversionCancelled(ComposerError):
    """The user stopped the conversion; `finished` holds the PDFs that were made before that."""

    def __init__(self, done: int, total: int, finished: list[PdfResult] | None = None) -> None:
        self.done = done
        self.total = total
        self.finished = list(finished or [])
        super().__init__(
            ngettext(
                "Afgebroken: {done} van {total} PDF gemaakt.",
                "Afgebroken: {done} van {total} PDF's gemaakt.",
                total,
            ).format(done=done, total=total)
        )
