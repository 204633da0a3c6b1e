"""GUI tests never wait for a person: message boxes answer at once, and say what they asked."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox

from composer.gui.garbage import MainThreadGarbageCollector


@pytest.fixture(autouse=True)
def collect_garbage_in_the_gui_thread(qapp):
    """As in the program: a worker thread must never free a widget left over from a test."""
    collector = MainThreadGarbageCollector()
    yield collector
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Record every QMessageBox a test triggers; questions get the default answer (No/Cancel).

    A test that wants another answer patches QMessageBox itself, after this fixture ran.
    """
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer):
        def show(_parent, _title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok)
    )
    return shown


@pytest.fixture
def open_letter(qtbot):
    """Open a library letter in a window as a click does, and wait until it is shown (the
    window reads it off the GUI thread)."""

    def open_it(window, letter_id: int) -> None:
        with qtbot.waitSignal(window.letter_opened, timeout=10000):
            window.open_letter(letter_id)
        assert window.session.letter_id == letter_id
        qtbot.waitUntil(  # the blocks are filled, and Tab goes right
            lambda: not window.editor.blocks_pending and not window.tab_order_pending,
            timeout=5000,
        )

    return open_it


@pytest.fixture
def library(tmp_path):
    """An empty SQLite library of the test's own (a test module may define its own instead)."""
    from composer.storage.library import Library

    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        yield library


@pytest.fixture
def review(tmp_path):
    """A review service on an empty library with the review rules (archive in tmp_path)."""
    from composer.review.library_rules import open_library
    from composer.review.service import ReviewService

    library = open_library(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}", data_folder=tmp_path)
    yield ReviewService(library)
    library.close()


@pytest.fixture
def active_editor(qtbot, library, tmp_path):
    """A LetterEditor on its own over an empty library, shown and the active window (keys go
    where a person's would), with an empty session (load a letter into `.session`)."""
    from PySide6.QtWidgets import QApplication

    from composer.gui.editor import LetterEditor
    from composer.gui.session import LetterSession

    session = LetterSession(library, author="Anna de Vries", drafts_folder=tmp_path / "concepten")
    editor = LetterEditor(session)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    yield editor
    session.close()
