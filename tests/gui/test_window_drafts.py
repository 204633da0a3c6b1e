"""In the window: an unfinished letter is saved as typed, its problems beside the fields in plain
Dutch; only export (and finalize, merge, send) refuse it, saying what is missing."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from composer.app.workspace import Workspace
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.library import Library


@pytest.fixture
def window(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    yield window
    window.session.close()
    library.close()


def test_an_unfinished_letter_is_saved_and_only_export_refuses_it(
    qtbot, window, tmp_path, monkeypatch, message_boxes
):
    window.new_letter("brief")
    editor = window.editor
    qtbot.mouseClick(editor.addressees.new_button, Qt.MouseButton.LeftButton)
    postcode = editor.field("addressees[0].address.postcode")
    assert postcode is not None, "a new addressee has a postcode field"
    qtbot.keyClicks(postcode, "2511")  # half typed
    message = editor.problem_text("addressees[0].address.postcode")
    assert message.startswith("De postcode is ongeldig")
    assert "addressees" not in message and "[" not in message

    assert window.save("onaf") is True  # a draft can always be saved
    letter_id = window.session.letter_id
    assert letter_id is not None
    stored = window.library.version(letter_id)
    assert stored.addressees[0].address.postcode == "2511"

    out = tmp_path / "brief.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(out), "")))
    window.export_docx_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)
    said = message_boxes[-1][1]
    assert said.startswith("De brief is nog niet af en kan daarom niet worden geëxporteerd")
    assert "Postcode van geadresseerde 1: De postcode is ongeldig" in said
    assert not out.exists()  # refused before anything was written
