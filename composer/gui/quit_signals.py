"""SIGTERM and SIGINT (logout, `kill`, Ctrl+C) quit the desktop program the normal way.

Python runs a signal handler only between two Python steps, and while Qt's event loop waits
there are none. So the C-level handler also writes the signal's number to a socket
(`signal.set_wakeup_fd`); a QSocketNotifier on the other end wakes the event loop, and in that
Python step the handler has run. The quit itself is posted to the event loop (QTimer), never run
inside the handler. A second signal is not caught: it ends the program at once, as before
(the LibreOffice processes still die with it, see composer.render.pdf.lifetime).
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

# SIGHUP does not exist on Windows.
SIGNALS = (  # not screen text
    signal.SIGTERM,
    signal.SIGINT,
    *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()),
)


class QuitOnSignals(QObject):
    """While installed, the first SIGTERM/SIGINT/SIGHUP calls `quit()` in the GUI thread."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._previous: dict[int, object] = {}
        self._previous_fd: int | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self.received: list[int] = []

    def install(self) -> bool:
        """False (and nothing changed) outside the main thread, where Python allows no handler."""
        if threading.current_thread() is not threading.main_thread():
            return False
        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._sockets = (reader, writer)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)
        return True

    def uninstall(self) -> None:
        """Put back the handlers and the wake-up socket there were before `install`."""
        for number, previous in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, previous)  # type: ignore[arg-type]
        self._previous.clear()
        if self._sockets is None:
            return
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(-1 if self._previous_fd is None else self._previous_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for end in self._sockets:
            end.close()
        self._sockets = None

    def _drain(self) -> None:
        """The event loop woke up for a signal; the Python handler has run by now."""
        if self._sockets is not None:
            with contextlib.suppress(OSError):
                while self._sockets[0].recv(64):
                    pass

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        self.received.append(number)
        for caught in SIGNALS:  # a second signal ends the program at once
            with contextlib.suppress(ValueError):
                signal.signal(caught, signal.SIG_DFL)
        QTimer.singleShot(0, self._quit)
