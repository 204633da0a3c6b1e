"""Sending, the autosave to the library and the library search run off the GUI thread."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.gui.changes import STATUS, changes
from composer.gui.editor.commands import SetValueCommand
from composer.gui.library_panel import LibraryPanel
from composer.gui.review_panel import ReviewPanel
from composer.gui.session import LetterSession
from composer.settings import Settings
from composer.storage.samples import seed_samples


def test_the_library_search_runs_in_a_worker(qtbot, library):
    seed_samples(library, "Anna")
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_library(library)
    threads = []
    original = library.letters

    def letters(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    library.letters = letters
    qtbot.keyClicks(panel.search_field, "zoektekst die niet bestaat")
    qtbot.waitUntil(lambda: panel.visible_rows() == [], timeout=5000)
    assert threads and threading.main_thread() not in threads


def test_the_autosave_timer_writes_the_draft_in_a_worker(qtbot, library, tmp_path):
    session = LetterSession(library, author="Anna", drafts_folder=tmp_path / "concepten")
    session.new_from_template("brief")
    session.save()
    session.autosave_interval_ms = 50
    threads = []
    original = library.save_draft

    def save_draft(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    library.save_draft = save_draft
    session.apply(SetValueCommand(session, "subject", "Getypt", typing=True))
    qtbot.waitUntil(
        lambda: library.draft(session.letter_id, author="Anna") is not None, timeout=5000
    )
    assert threads == [threads[0]] and threads[0] is not threading.main_thread()
    session.close()


def test_send_runs_in_a_worker_and_every_panel_hears_of_it(qtbot, library, monkeypatch):
    [letter_id, _] = seed_samples(library, "Anna")
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = Workspace(Settings(author="Anna"), library=library)
    panel = ReviewPanel(window)
    panel.set_author("Anna")
    panel.show_letter(library, letter_id)
    threads = []

    def send(self, sent_id, *, author=None, **_confirmed):
        threads.append((threading.current_thread(), self, sent_id, author))
        return None

    monkeypatch.setattr(Workspace, "send", send)
    with qtbot.waitSignal(changes().changed, timeout=5000) as heard:
        assert panel.send_now(expected_kenmerk=None)
    assert heard.args == [letter_id, STATUS]
    [(thread, workspace, sent_id, author)] = threads
    assert thread is not threading.main_thread()
    assert (workspace, sent_id, author) == (window.workspace, letter_id, "Anna")
