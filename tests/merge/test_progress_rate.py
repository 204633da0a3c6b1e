"""The command line's progress shows a rate only once there is enough to base it on."""

from __future__ import annotations

import io

from composer.progress_text import ProgressPrinter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_batch_in_the_first_microsecond_shows_no_absurd_rate():
    clock, stream = Clock(), io.StringIO()
    printer = ProgressPrinter(stream, clock=clock)
    clock.now += 1e-6
    printer("pdf", 25, 100)  # a whole batch reported at once, right at the start
    first = stream.getvalue()
    assert first == "PDF 25/100\n"
    assert "per seconde" not in first and "25.000.000" not in first


def test_the_rate_counts_from_the_end_of_the_stage_before():
    clock, stream = Clock(), io.StringIO()
    printer = ProgressPrinter(stream, clock=clock)
    for done in range(1, 11):
        clock.now += 0.5
        printer("docx", done, 10)
    assert stream.getvalue().splitlines()[-1] == "DOCX 10/10 · 2 per seconde · nog ca. 0 s"
    clock.now += 1e-6
    printer("pdf", 25, 100)  # the PDF stage began when the DOCX stage ended
    clock.now += 5 - 1e-6
    printer("pdf", 50, 100)
    assert stream.getvalue().splitlines()[-1] == "PDF 50/100 · 10 per seconde · nog ca. 5 s"
