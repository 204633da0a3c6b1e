"""In the window: saving during a review asks first; a sent letter is shown read-only."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QWidget

from composer.app.workspace import Workspace
from composer.core.statuses import STATUS_APPROVED, STATUS_SENT
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.storage.storage_helpers import sample_letter


@pytest.fixture
def window(qtbot, review):
    window = MainWindow(
        Workspace(Settings(author="Anna"), library=review.library), preview=QWidget()
    )
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    yield window
    window.session.close()


def type_into_subject(qtbot, window: MainWindow) -> None:
    field = window.editor.field("subject")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, " (bijgewerkt)")


def test_saving_an_approved_letter_asks_first_and_no_keeps_the_approval(
    qtbot, window, review, open_letter, monkeypatch
):
    letter_id = approved_letter(review, sample_letter())
    open_letter(window, letter_id)
    # The review panel reads the status in the background; the window's save asks the library
    # itself, but the test also wants the panel's own state below.
    qtbot.waitUntil(lambda: window.review_panel.letter_id == letter_id, timeout=5000)
    type_into_subject(qtbot, window)
    asked: list[str] = []

    def answer(_parent, _title, text, _accept):
        asked.append(text)
        return False  # Annuleren

    monkeypatch.setattr("composer.gui.dialogs.common.ask_confirmation", answer)
    assert window.save("tussendoor") is False
    assert asked and "goedkeuring" in asked[0]
    assert review.status(letter_id).status == STATUS_APPROVED
    assert [v.number for v in review.library.history(letter_id)] == [1]  # nothing saved


def test_a_sent_letter_opens_read_only(qtbot, window, review, open_letter):
    letter_id = approved_letter(review, sample_letter())
    review.send(letter_id, author="Anna", converter=FakeConverter)
    assert review.status(letter_id).status == STATUS_SENT
    open_letter(window, letter_id)
    subject = window.editor.field("subject")
    assert subject.isReadOnly()
    before = window.session.letter.subject
    subject.setFocus()
    qtbot.keyClicks(subject, "x")
    assert window.session.letter.subject == before
    paragraph = window.editor.blocks.edit
    assert paragraph.isReadOnly()
    assert not window.editor.blocks.commands.bullets.isEnabled()
    paragraph.setFocus()
    paragraph.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(paragraph, "x")
    qtbot.keyClick(paragraph, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    window.editor.blocks.commands.heading.trigger()
    assert window.session.letter.body[0].text == review.library.version(letter_id).body[0].text
    assert not window.session.dirty
