"""Voorbeeld speed: the warm-LibreOffice preview panel against a naive refresh.

With an offscreen QApplication and a PreviewPanel, the sample letter is edited EDITS times (the
subject changes, typed as a few keystrokes 60 ms apart). For each edit:
  latency = from "typing stopped" (the debounce firing) to the new PDF loaded and shown;
  stall   = the longest gap between ticks of a 5 ms QTimer (how long the window froze).
Three runs:
  (1) PreviewPanel as built: background worker, warm LibreOffice;
  (2) naive refresh in the background: render + one `soffice --convert-to` process per refresh;
  (3) naive refresh on the GUI thread (what a first version would do): the stall baseline.
Prints median and max latency, the longest stall, and the ratios. No assertions.
Run with `.venv/bin/python bench/bench_preview.py`; COMPOSER_BENCH_PREVIEW_EDITS overrides 15.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OWN_CACHE = None  # LibreOffice profiles in a folder of our own, removed at the end
if not os.environ.get("COMPOSER_CACHE_DIR"):
    OWN_CACHE = os.environ["COMPOSER_CACHE_DIR"] = tempfile.mkdtemp(prefix="composer-bench-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from stall_ticker import Ticker  # noqa: E402  (bench/ is the script's folder)

from composer.core.letterfile import load_letter  # noqa: E402
from composer.gui.preview import UPDATING, PreviewPanel  # noqa: E402
from composer.render.docx import DocxRenderer  # noqa: E402
from composer.render.pdf import LibreOfficeMissing, engine_version, find_soffice  # noqa: E402
from composer.render.pdf.batch import PDFA_FILTER  # noqa: E402
from composer.render.pdf.warm_office import PreviewEngine, PreviewPdf  # noqa: E402
from composer.settings import Settings  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
EDITS = int(os.environ.get("COMPOSER_BENCH_PREVIEW_EDITS", "15"))
KEYSTROKES = 4
KEYSTROKE_MS = 60


class NaiveEngine:
    """What a script would do per refresh: render the DOCX, run one soffice --convert-to."""

    def __init__(self, soffice: Path, folder: Path) -> None:
        self.soffice, self.folder = soffice, folder
        self.profile = (folder / "profile").as_uri()
        self.conversions = 0

    def render(self, letter, settings=None) -> PreviewPdf:
        docx = self.folder / "voorbeeld.docx"
        docx.write_bytes(DocxRenderer(settings or Settings()).render(letter).data)
        subprocess.run(
            [
                *(str(self.soffice), f"-env:UserInstallation={self.profile}", "--headless"),
                *("--norestore", "--convert-to", PDFA_FILTER, "--outdir", str(self.folder)),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        self.conversions += 1
        return PreviewPdf((self.folder / "voorbeeld.pdf").read_bytes())

    def close(self) -> None:
        pass


class GuiThreadPanel(PreviewPanel):
    """The same panel, but the refresh runs on the GUI thread (the window freezes)."""

    def _start(self) -> None:
        self._set_status(UPDATING)
        self._rendered(self._generation, self.engine.render(self._letter))


def wait_for_refresh(panel: PreviewPanel, timeout_ms: int = 120000) -> None:
    loop = QEventLoop()
    panel.refreshed.connect(loop.quit)
    panel.failed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    panel.refreshed.disconnect(loop.quit)
    panel.failed.disconnect(loop.quit)


def measure(panel: PreviewPanel) -> tuple[list[float], float]:
    """Latencies of EDITS edits and the longest stall while they ran."""
    letter = load_letter(SAMPLE)

    def type_subject(letter, subject: str) -> None:
        letter.subject = subject
        panel.show_letter(letter)

    panel.show_letter(letter)
    wait_for_refresh(panel)  # first page: starts LibreOffice, not counted
    started: list[float] = []
    panel.refresh_started.connect(lambda: started.append(time.perf_counter()))
    latencies = []
    ticker = Ticker()
    ticker.start()
    for edit in range(EDITS):
        for stroke in range(KEYSTROKES):
            subject = f"Onderwerp na wijziging {edit}{'x' * stroke}"
            QTimer.singleShot(stroke * KEYSTROKE_MS, lambda s=subject: type_subject(letter, s))
        del started[:]
        wait_for_refresh(panel)
        latencies.append(time.perf_counter() - started[-1])
        if not panel.status_label.text().startswith("Voorbeeld bijgewerkt"):
            print(f"  refresh {edit} failed: {panel.status_label.text()}")
    ticker.stop()
    return latencies, ticker.longest


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def report(name: str, latencies: list[float], stall: float) -> None:
    print(
        f"{name:44} median {ms(statistics.median(latencies))}  max {ms(max(latencies))}"
        f"  longest stall {ms(stall)}"
    )


def main() -> int:
    try:
        soffice = find_soffice()
    except LibreOfficeMissing as exc:
        print(f"bench_preview: skipped, {exc.message.splitlines()[0]}")
        return 0
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"{platform.platform()}, Python {platform.python_version()}, {engine_version(soffice)}")
    print(f"{EDITS} edits of {SAMPLE.name}, {KEYSTROKES} keystrokes each\n")

    warm = PreviewPanel(engine=PreviewEngine(soffice))
    warm.resize(520, 700)
    warm.show()
    results = {"warm": measure(warm)}
    warm.shutdown()
    with tempfile.TemporaryDirectory(prefix="composer-bench-naive-") as folder:
        naive_engine = NaiveEngine(soffice, Path(folder))
        for name, panel_class in (("naive", PreviewPanel), ("gui", GuiThreadPanel)):
            panel = panel_class(engine=naive_engine)
            panel.resize(520, 700)
            panel.show()
            results[name] = measure(panel)
            panel.shutdown()
    report("PreviewPanel (worker, warm LibreOffice)", *results["warm"])
    report("naive: one soffice per refresh, in a worker", *results["naive"])
    report("naive: one soffice per refresh, GUI thread", *results["gui"])
    warm_median = statistics.median(results["warm"][0])
    naive_median = statistics.median(results["naive"][0])
    print(f"\nlatency: naive / PreviewPanel = {naive_median / warm_median:.1f}x (target ≤ 500 ms)")
    print(
        f"stall:   GUI-thread naive / PreviewPanel = "
        f"{results['gui'][1] / results['warm'][1]:.1f}x (target ≤ 50 ms)"
    )
    app.processEvents()
    if OWN_CACHE:
        shutil.rmtree(OWN_CACHE, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
