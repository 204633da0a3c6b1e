"""Event-loop stall during a scripted session in the window, against a naive GUI-thread baseline.

The script is what an office does with one letter: open it (the live preview renders it), type a
sentence into Betreft, save, export a PDF, submit, approve, send (LibreOffice and the archive).
A 5 ms QTimer measures the longest gap between two ticks per step: how long the window froze.
Two runs, each on a fresh SQLite library with the sample letters, with the real preview:
  (1) the window as built: slow work runs as ops, off the GUI thread;
  (2) naive: the same steps with export and send called directly on the GUI thread (what a first
      version would do): the baseline.
Prints the longest stall per step and over the session, and the ratio naive / window.
The target for the window is a longest stall of at most 50 ms. No assertions.
Run with `.venv/bin/python bench/bench_session_stall.py` (needs LibreOffice).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SCRATCH = Path(tempfile.mkdtemp(prefix="composer-bench-session-"))
for name in ("DATA", "CONFIG", "CACHE", "LOG"):
    (SCRATCH / name.lower()).mkdir()
    os.environ[f"COMPOSER_{name}_DIR"] = str(SCRATCH / name.lower())

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from stall_ticker import Ticker  # noqa: E402  (bench/ is the script's folder)

from composer.app.workspace import Workspace  # noqa: E402
from composer.core.statuses import STATUS_SENT  # noqa: E402
from composer.gui.main_window import MainWindow  # noqa: E402
from composer.gui.preview import PreviewPanel  # noqa: E402
from composer.render.pdf import LibreOfficeMissing, find_soffice  # noqa: E402
from composer.review.library_rules import open_library  # noqa: E402
from composer.settings import Settings  # noqa: E402
from composer.storage.samples import seed_samples  # noqa: E402

TYPED = " en de leden"
KEYSTROKE_MS = 60
TARGET_MS = 50


def pump(ms: int) -> None:
    """Let the event loop run for `ms` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def pump_until(done: Callable[[], bool], timeout_s: float = 180.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("Het script wachtte te lang; is LibreOffice in orde?")
        pump(20)


def session(naive: bool) -> list[tuple[str, float]]:
    """Run the script once; returns (step, longest stall in seconds) per step."""
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=SCRATCH))
    library = open_library(f"sqlite:///{folder / 'bibliotheek.sqlite'}")
    letter_id = seed_samples(library, "Marleen")[0]
    workspace = Workspace(Settings(author="Marleen"), library=library)
    preview = PreviewPanel()
    window = MainWindow(workspace, preview=preview, freeze_after_start=True)  # as main() does
    window.resize(1500, 950)
    window.show()
    pump(3000)  # start-up done: templates compiled, what the first letter needs imported
    ticker = Ticker()
    ticker.start()
    stalls: list[tuple[str, float]] = []

    def step(name: str, action: Callable[[], None], settle_ms: int = 300) -> None:
        ticker.reset()
        action()
        pump(settle_ms)
        stalls.append((name, ticker.longest))

    def status() -> str:
        return window.workspace.review().status(letter_id).status

    def open_it() -> None:
        shown: list[bool] = []
        preview.refreshed.connect(lambda *_: shown.append(True))
        window.open_letter(letter_id)
        pump_until(lambda: bool(shown))

    step("brief openen", open_it, settle_ms=3000)  # the warm LibreOffice starts behind it

    def type_it() -> None:
        field = window.editor.field("subject")
        field.setFocus()
        field.end(False)
        for character in TYPED:
            QTest.keyClick(field, character)
            pump(KEYSTROKE_MS)

    step("typen", type_it, settle_ms=1500)
    step("opslaan", lambda: window.save("bench"))
    out = folder / "brief.pdf"

    def export() -> None:
        if naive:
            window.workspace.export(window.session.letter, out)
        else:
            window.export(out)
            pump_until(out.exists)

    step("PDF exporteren", export)
    panel = window.review_panel
    step("indienen", lambda: panel.submit())
    step("goedkeuren", lambda: panel.approve())

    def send() -> None:
        if naive:
            window.workspace.send(letter_id, author="Marleen")
            pump_until(lambda: status() == STATUS_SENT)
        else:
            panel.send_now(expected_kenmerk=None)  # what Verzenden does once confirmed
            # The panel's own reading of the status (no query on the GUI thread from here).
            pump_until(lambda: panel.status == STATUS_SENT)

    step("verzenden", send)
    ticker.stop()
    window.quit_keeping_drafts()
    window.close()
    pump(200)
    library.close()
    return stalls


def main() -> None:
    try:
        find_soffice("")
    except LibreOfficeMissing as exc:
        raise SystemExit(f"LibreOffice is nodig voor deze meting: {exc.message}") from None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        built = session(naive=False)
        naive = session(naive=True)
    finally:
        app.processEvents()
        shutil.rmtree(SCRATCH, ignore_errors=True)
    ms = lambda seconds: f"{seconds * 1000:6.0f} ms"  # noqa: E731
    print(f"{'stap':<16} {'venster':>9} {'naïef':>9}")
    for (name, ours), (_name, theirs) in zip(built, naive, strict=True):
        print(f"{name:<16} {ms(ours)} {ms(theirs)}")
    longest = max(s for _, s in built)
    longest_naive = max(s for _, s in naive)
    verdict = "binnen" if longest * 1000 <= TARGET_MS else "BOVEN"
    print(f"longest stall, window: {longest * 1000:.0f} ms ({verdict} de {TARGET_MS} ms)")
    print(f"longest stall, naive:  {longest_naive * 1000:.0f} ms")
    print(f"ratio naive / window: {longest_naive / longest:.1f}x")


if __name__ == "__main__":
    main()
