"""The stall meter the benchmarks share: a 5 ms timer whose longest gap between two ticks is how
long the event loop could not run."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer


class Ticker:
    """Start it, do the work with the event loop running, read `longest` (seconds)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        """Measure from now on (the timer keeps running)."""
        self.last, self.longest = time.perf_counter(), 0.0

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
