"""Progress for the command line: `n/N`, rate and time left, on stderr, never in the way."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from babel.numbers import format_decimal

_STAGES = {"docx": "DOCX", "pdf": "PDF"}


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s"


# A rate (and so the time left) is shown only once it rests on this much: before that it is
# a guess from one batch in a few microseconds ("25.000.000 per seconde").
MIN_RATE_SECONDS = 1.0


def progress_line(stage: str, done: int, total: int, elapsed: float) -> str:
    """`PDF 37/100 · 12,5 per seconde · nog ca. 5 s`; only `PDF 37/100` while too early to say."""
    text = f"{_STAGES.get(stage, stage)} {done}/{total}"
    if elapsed < MIN_RATE_SECONDS or done <= 0:
        return text
    rate = done / elapsed
    return (
        f"{text} · {format_decimal(round(rate, 1), locale='nl_NL')} per seconde · "
        f"nog ca. {_duration((total - done) / rate)}"
    )


class ProgressPrinter:
    """Call with (stage, done, total). On a terminal one line updates in place; else a few lines.

    A stage starts when the one before it ended (the first when the printer was made), not at
    its first report: that report may already hold a whole batch.
    """

    def __init__(self, stream: TextIO | None = None, clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.clock = clock
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._stage = ""
        self._started = self._last_report = clock()
        self._last_printed = -1.0
        self._line_open = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if stage != self._stage:
            self._finish_line()
            self._stage, self._started, self._last_printed = stage, self._last_report, -1.0
        self._last_report = now
        text = progress_line(stage, done, total, now - self._started)
        if self.live:
            self.stream.write(f"\r{text}\x1b[K")
            self._line_open = done < total
            if done == total:
                self.stream.write("\n")
        elif done == total or now - self._last_printed >= 2.0:
            self.stream.write(text + "\n")
            self._last_printed = now
        self.stream.flush()

    def _finish_line(self) -> None:
        if self.live and self._line_open:
            self.stream.write("\n")
            self._line_open = False
