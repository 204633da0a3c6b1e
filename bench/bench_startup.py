"""Start-up: how much slower Composer's window appears than a bare Qt window.

Each measurement is a fresh `python -c` process (offscreen) that
  (a) creates a bare QApplication and QMainWindow, shows it, processes events and exits;
  (b) does what composer.gui.app.main does before the library is there: imports it, builds
      composer.gui.main_window.MainWindow (menus, toolbar, library panel, docks; the editor, the
      preview and the panels in the docks come with the library), shows it, processes events
      and exits. From here the window answers: menus, Instellingen, Over;
  (c) as (b), then waits until the library (an empty one, opened in the background as main
      does) is listed, the editor and the preview are built and the library actions are on;
      meanwhile a 5 ms timer measures the longest stall of the event loop.
One untimed run of each first (bytecode and disk cache), then RUNS runs each; prints the medians
and the ratio (b)/(a) (target ≤ 2×) and, for information, (c)/(a). Above 2× it lists the slowest
imports of (b) from `python -X importtime`, the candidates for importing lazily. No assertions.
Run with `.venv/bin/python bench/bench_startup.py`.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 7
TARGET = 2.0
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
app.processEvents()
"""
COMPOSER = """
import sys
import composer.gui.app
from PySide6.QtWidgets import QApplication
from composer.gui.main_window import MainWindow
from composer.app.workspace import Workspace
app = QApplication(sys.argv[:1])
window = MainWindow(Workspace.load())
window.show()
app.processEvents()
"""
READY = (
    COMPOSER
    + """
import time
from PySide6.QtCore import QEventLoop, QTimer
ticks, gaps = [time.perf_counter()], []
def tick():
    now = time.perf_counter()
    gaps.append(now - ticks[-1])
    ticks.append(now)
timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(tick)
timer.start()
loop = QEventLoop()
window.open_library(None, then=lambda seeded: loop.quit())
loop.exec()
tick()  # the time building the editor and the preview took counts too
timer.stop()
assert window.library_panel.isEnabled() and window.editor is not None
print(f"STALL {max(gaps) * 1000:.1f}")
window.close()
window.library.close()
"""
)


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    # An installed Composer (pip, PyInstaller) starts from bytecode; so does the benchmark.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("DATA", "CONFIG", "CACHE"):  # never the user's own library or settings
        folder = home / name.lower()
        folder.mkdir(exist_ok=True)
        env[f"COMPOSER_{name}_DIR"] = str(folder)
    return env


def run(code: str, env: dict[str, str], *flags: str) -> tuple[float, str, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench_startup: the program failed:\n{code}\n{done.stderr}")
    return seconds, done.stderr, done.stdout


def measure(code: str, env: dict[str, str]) -> tuple[float, float | None]:
    """Median seconds, and the median of the longest event-loop stall the program printed."""
    run(code, env)  # untimed: writes .pyc files, fills the disk cache
    runs = [run(code, env) for _ in range(RUNS)]
    stalls = [
        float(line.split()[1])
        for _, _, stdout in runs
        for line in stdout.splitlines()
        if line.startswith("STALL ")
    ]
    return statistics.median(r[0] for r in runs), statistics.median(stalls) if stalls else None


def import_tree(env: dict[str, str]) -> list[tuple[int, int, str]]:
    """(depth, cumulative µs, module) per import of (b), in -X importtime's order (children
    before their parent)."""
    _, stderr, _ = run(COMPOSER, env, "-X", "importtime")
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if cumulative.strip().isdigit():
            name = name[1:]  # one space after the bar, then two per nesting level
            depth = (len(name) - len(name.lstrip(" "))) // 2
            rows.append((depth, int(cumulative), name.strip()))
    return rows


def heavy_edges(rows: list[tuple[int, int, str]], least_ms: float = 20) -> list[tuple[int, str]]:
    """Where a Composer module imports another package that costs at least `least_ms`:
    (µs, 'composer.x → package'), the places to import lazily."""
    edges = []
    for index, (depth, cumulative, name) in enumerate(rows):
        parent = next((row[2] for row in rows[index + 1 :] if row[0] < depth), "")
        package = name.split(".")[0]
        if (
            parent.startswith("composer")
            and package not in ("composer", "PySide6", "shiboken6")
            and cumulative >= least_ms * 1000
        ):
            edges.append((cumulative, f"{parent} → {name}"))
    return sorted(edges, reverse=True)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="composer-bench-startup-") as home:
        env = environment(Path(home))
        bare, _ = measure(BARE, env)
        composer, _ = measure(COMPOSER, env)
        ready, stall = measure(READY, env)
        ratio = composer / bare
        print(f"{platform.platform()}, Python {platform.python_version()}, median of {RUNS}")
        print(f"(a) bare QApplication + QMainWindow        {bare * 1000:6.0f} ms")
        print(f"(b) Composer window shown, usable          {composer * 1000:6.0f} ms")
        print(f"(c) … and the library opened and listed    {ready * 1000:6.0f} ms")
        print(f"start-up ratio (b)/(a) = {ratio:.2f}x (target ≤ {TARGET:g}x)")
        print(f"library listed (c)/(a) = {ready / bare:.2f}x (opened in the background)")
        print(f"longest event-loop stall while the library opens: {stall:.0f} ms")
        if ratio > TARGET:
            rows = import_tree(env)
            print("\nComposer modules by import time, with what they import (cumulative ms):")
            composer_rows = [row for row in rows if row[2].startswith("composer")]
            for _, us, name in sorted(composer_rows, key=lambda row: -row[1])[:12]:
                print(f"  {us / 1000:7.1f}  {name}")
            print("\nheavy packages and the Composer module that imports them (import lazily):")
            for us, edge in heavy_edges(rows):
                print(f"  {us / 1000:7.1f}  {edge}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
