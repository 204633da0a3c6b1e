"""Exceptions nobody caught (in a slot, in a thread): into the log and onto the screen, in Dutch."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from composer.gui.show_error import details, show_programming_error

log = logging.getLogger(__name__)


class ExceptionHook(QObject):
    """Installed as `sys.excepthook` and `threading.excepthook`: logs at once, in the thread where
    the error happened, and shows the Dutch message with "Details kopiëren" from the GUI thread."""

    _caught = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)  # made in the GUI thread: _show runs there, whoever emits
        self._caught.connect(self._show)
        self._previous: tuple[Callable, Callable] | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        text = details(error)
        log.error("Onverwachte fout:\n%s", text.rstrip())
        self._caught.emit(text)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:  # SystemExit without a value: nothing to report
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, text: str) -> None:
        show_programming_error(QApplication.activeWindow(), text)
