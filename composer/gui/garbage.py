"""Python's cycle collector runs only in the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is passed. If that is
a worker (an op, the PDF engine) and the garbage holds a Qt object that belongs to the
GUI thread (a closed dialog in a cycle with its lambdas), Qt deletes it from the wrong thread and
the program crashes. So automatic collection is switched off and the GUI thread collects on a
timer, generation by generation, with the same thresholds Python would use (as pyqtgraph does).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect what Python would have collected by now; in this (the GUI) thread."""
        young, middle, old = gc.get_count()
        if old > self.threshold[2]:
            gc.collect(2)
        elif middle > self.threshold[1]:
            gc.collect(1)
        elif young > self.threshold[0]:
            gc.collect(0)

    def stop(self) -> None:
        """Collect everything once more here, then hand collection back to Python."""
        self.timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
