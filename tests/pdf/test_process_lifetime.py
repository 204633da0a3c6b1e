"""Every LibreOffice that Composer starts dies with it, even when Composer is killed (SIGKILL)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.paths import cache_dir
from composer.render.pdf import PdfEngine, lifetime
from tests.conftest import REPO, SAMPLE_LETTER
from tests.pdf.fake_pdfs import WRITES_OUTPUT, pdfa_bytes
from tests.pdf.pdf_helpers import alive, fake_soffice, sample_docx

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the processes from /proc"
)

HANG = 'sleep 600 &\necho $! >> "$(dirname "$0")/pids"\nwait'

# A Composer that converts one DOCX and hangs there (the fake soffice hangs), then is killed.
CONVERTING_CHILD = """
import sys
from pathlib import Path
from composer.render.pdf import PdfEngine
PdfEngine(sys.argv[1]).convert(Path(sys.argv[2]), Path(sys.argv[3]))
"""

# A Composer whose preview has its warm LibreOffice running, then is killed.
PREVIEW_CHILD = """
import sys, time
from composer.core.letterfile import load_letter
from composer.render.pdf.warm_office import PreviewEngine
engine = PreviewEngine(sys.argv[1])
assert engine.render(load_letter(sys.argv[2])).warm
print("klaar", flush=True)
time.sleep(600)
"""


def processes_using(folder: Path) -> list[int]:
    """Running (not zombie) processes whose command line mentions `folder`."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if str(folder).encode() in command and alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def wait_until_gone(pids: list[int], seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(pid) for pid in pids):
        time.sleep(0.1)
    return [pid for pid in pids if alive(pid)]


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def start_child(code: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@linux_only
def test_a_conversion_of_a_killed_composer_does_not_keep_running(tmp_path):
    soffice = fake_soffice(tmp_path, HANG)
    docx = sample_docx(tmp_path / "brief.docx")
    child = start_child(CONVERTING_CHILD, soffice, docx, tmp_path / "brief.pdf")
    pids: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(pids) < 2 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
            if (tmp_path / "pids").exists():
                pids = [int(line) for line in (tmp_path / "pids").read_text().split()]
        assert len(pids) == 2, child.stderr.read() if child.poll() is not None else "no start"
        assert all(alive(pid) for pid in pids)  # the fake soffice and its sleep: converting
        child.kill()  # SIGKILL: no handler, no finally, no atexit of Composer runs
        child.wait(timeout=30)
        assert wait_until_gone(pids) == []
    finally:
        child.kill()
        child.communicate()
        kill_all(pids)


@linux_only
def test_the_warm_preview_libreoffice_of_a_killed_composer_stops(soffice, tmp_path):
    child = start_child(PREVIEW_CHILD, soffice, SAMPLE_LETTER)
    folder = cache_dir() / "libreoffice"  # the child's profiles are there (same environment)
    offices: list[int] = []
    try:
        assert child.stdout.readline().strip() == "klaar", child.stderr.read()
        offices = processes_using(folder)
        assert offices, "the warm LibreOffice should be running"
        child.kill()
        child.wait(timeout=30)
        assert wait_until_gone(offices) == []
        assert processes_using(folder) == []
    finally:
        child.kill()
        child.communicate()
        kill_all(offices + processes_using(folder))


@linux_only
def test_nothing_is_left_running_after_a_normal_conversion(tmp_path):
    (tmp_path / "output.pdf").write_bytes(pdfa_bytes())
    soffice = fake_soffice(tmp_path, WRITES_OUTPUT)
    docx = sample_docx(tmp_path / "brief.docx")
    with PdfEngine(soffice) as engine:
        engine.convert(docx, tmp_path / "brief.pdf")
    assert (tmp_path / "brief.pdf").exists()
    # the watchdog runs only while a LibreOffice does: it is not left behind either
    assert lifetime.watchdog_pid() is None
    assert processes_using(tmp_path) == []


@linux_only
def test_a_lost_watchdog_is_replaced(tmp_path):
    first = subprocess.Popen(["sleep", "600"], start_new_session=True)
    second = subprocess.Popen(["sleep", "600"], start_new_session=True)
    try:
        lifetime.guard(first)  # as start_group does
        watchdog = lifetime.watchdog_pid()
        assert watchdog is not None
        os.kill(watchdog, signal.SIGKILL)  # someone killed it by hand
        assert wait_until_gone([watchdog]) == []
        lifetime.guard(second)
        replaced = lifetime.watchdog_pid()
        assert replaced not in (None, watchdog)
        # The new one knows both groups: closing its pipe, as Composer's death does, kills them.
        lifetime._WATCHDOG.groups.clear()  # (this test's groups are not listed any more)
        lifetime._WATCHDOG._stop()
        assert wait_until_gone([first.pid, second.pid]) == []
    finally:
        for process in (first, second):
            process.kill()
            process.wait()
