"""SIGTERM/SIGINT (logout, `kill`, Ctrl+C) quit the desktop program normally: the typed text is
kept as a draft, the program exits 0 and its LibreOffice stops with it."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from composer.paths import cache_dir
from composer.settings import load_settings
from composer.storage.library import Library
from tests.conftest import REPO
from tests.gui.quit_child import TYPED
from tests.gui.run_main import run_main

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
SUBJECT = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"


def soffice_processes() -> list[int]:
    """Running LibreOffice processes with a profile in this test's cache folder."""
    folder = str(cache_dir() / "libreoffice").encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError):
            if folder in (entry / "cmdline").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
    return found


def start_program(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.gui.quit_child", *args],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], seconds: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    return process.stdout.readline().strip() if ready else ""


def kept_draft_subject() -> str:
    library = Library.open()
    try:
        drafts = library.drafts(author=load_settings().author)
        return drafts[0].letter.subject if len(drafts) == 1 else f"{len(drafts)} concepten"
    finally:
        library.close()


def quit_with(number: int, *args: str) -> tuple[int, str]:
    """Start the program, let it type, send `number`; its exit code and error output."""
    program = start_program(*args)
    try:
        line = wait_for_line(program, 120)
        if line != "klaar":
            program.kill()
            pytest.fail(f"the program did not get ready: {program.communicate()[1]}")
        if "--zonder-voorbeeld" not in args:
            assert soffice_processes(), "the warm LibreOffice of the preview should be running"
        program.send_signal(number)
        _, errors = program.communicate(timeout=60)
        return program.returncode, errors
    finally:
        if program.poll() is None:
            program.kill()
            program.communicate()


@posix_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_quits_normally_keeps_the_draft_and_stops_libreoffice(soffice):
    try:
        code, errors = quit_with(signal.SIGTERM)
        assert code == 0, errors
        assert "Traceback" not in errors
        deadline = time.monotonic() + 10  # killed (SIGKILL) by then; only dying may take a bit
        while soffice_processes() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert soffice_processes() == []
        assert kept_draft_subject() == SUBJECT + TYPED
    finally:
        for pid in soffice_processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@posix_only
def test_ctrl_c_quits_normally_and_keeps_the_draft(monkeypatch):
    monkeypatch.setenv("COMPOSER_SOFFICE", "/nergens/soffice")  # no LibreOffice: fast
    code, errors = quit_with(signal.SIGINT, "--zonder-voorbeeld")
    assert code == 0, errors
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors
    assert kept_draft_subject() == SUBJECT + TYPED


def test_main_puts_the_signal_handlers_back_when_it_ends(qtbot, monkeypatch):
    before = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    seen = {}

    def ready(_window) -> None:
        seen["during"] = signal.getsignal(signal.SIGTERM)

    assert run_main(qtbot, monkeypatch, on_ready=ready) == 0
    assert seen["during"] is not before[signal.SIGTERM]  # handled by the program meanwhile
    assert {number: signal.getsignal(number) for number in before} == before
    assert signal.set_wakeup_fd(-1) == -1  # no wake-up socket left behind


def test_a_quit_while_a_draft_is_offered_back_keeps_that_draft(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from composer.app.workspace import Workspace
    from composer.core.letterfile import load_letter
    from composer.gui.app import offer_drafts
    from composer.gui.main_window import MainWindow
    from composer.settings import Settings
    from tests.conftest import SAMPLE_LETTER

    library = Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    letter = load_letter(SAMPLE_LETTER)
    letter_id = library.add(letter, author="Marleen")
    letter.subject = "Nog niet opgeslagen"
    library.save_draft(letter_id, letter, author="Marleen", base=1)
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)

    def logout_during_the_question(*_args):  # the question's event loop ends: no answer
        window.quit_keeping_drafts()
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", logout_during_the_question)
    offer_drafts(window)
    drafts = library.drafts(author="Marleen")
    assert [draft.letter.subject for draft in drafts] == ["Nog niet opgeslagen"]
    library.close()
