"""Opening a letter: read off the GUI thread, the last click wins, and the body shows the
letter opened (never the one shown before)."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.core.models import Letter, Paragraph, Promise, Quote
from composer.gui.editor.blocks_editor import SPARES_AHEAD
from composer.gui.editor.body_document import read_document
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.samples import seed_samples


@pytest.fixture
def window(qtbot, library):
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.close()


def shown_blocks(window: MainWindow) -> list:
    """The blocks the body on the screen shows, read back from its document."""
    assert window.editor.blocks.edit.isVisible()
    return read_document(window.editor.blocks.edit.document()).blocks


def test_the_letter_is_read_in_a_worker(qtbot, window, library, open_letter):
    [letter_id, _] = seed_samples(library, "Marleen")
    threads = []
    original = library.version

    def version(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    library.version = version
    open_letter(window, letter_id)
    assert threads and threading.main_thread() not in threads
    assert window.editor.field("subject").text() == original(letter_id).subject


def test_of_two_quick_clicks_the_last_one_is_shown(qtbot, window, library):
    first, second = seed_samples(library, "Marleen")
    opened = []
    window.letter_opened.connect(opened.append)
    window.open_letter(first)
    with qtbot.waitSignal(window.letter_opened, timeout=10000):
        window.open_letter(second)
    qtbot.wait(200)  # the first read has reported too by now, and was dropped
    assert opened == [second]
    assert window.session.letter_id == second
    assert window.editor.field("subject").text() == library.version(second).subject


def test_a_letter_that_is_gone_says_so_and_keeps_the_letter_shown(
    qtbot, window, library, message_boxes, open_letter
):
    [letter_id, _] = seed_samples(library, "Marleen")
    open_letter(window, letter_id)
    window.open_letter(9999)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)
    assert "9999" in message_boxes[-1][1]
    assert window.session.letter_id == letter_id


def test_the_body_shows_each_letter_opened_and_typing_edits_that_one(
    qtbot, window, library, open_letter
):
    """Opening letters with other blocks in turn: the body never keeps the old letter's text."""
    first, second = seed_samples(library, "Marleen")
    third = library.add(
        Letter(
            template="brief",
            date=library.version(first).date,
            subject="Drie alinea's",
            body=[
                Quote("Een citaat", speaker="A. Spreker"),
                *(Paragraph(f"Alinea {n}") for n in "ABC"),
            ],
        ),
        author="Marleen",
    )
    window.editor.blocks.make_spares(SPARES_AHEAD)  # what the window does at idle
    for letter_id in (first, second, third, first, third, second):
        open_letter(window, letter_id)
        assert shown_blocks(window) == library.version(letter_id).body
    # Typing at the end of the body edits the letter opened: its last block is a promise, so
    # the text starts a paragraph of its own after it.
    edit = window.editor.blocks.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, "Erbij.")
    expected = library.version(second).body
    assert isinstance(expected[-1], Promise)
    assert window.session.letter.body == [*expected, Paragraph("Erbij.")]
    assert edit.document().lastBlock().text() == "Erbij."


def test_a_redraw_of_the_previous_letters_body_never_becomes_the_next_letters(
    qtbot, window, library, open_letter
):
    """Between opening a letter and filling its body (the next turn of the event loop) the body
    still shows the previous letter; the spelling highlighter redrawing a paragraph then makes
    the document report a change. That must not be taken as typing into the new letter."""
    first, second = seed_samples(library, "Marleen")
    open_letter(window, first)
    edit = window.editor.blocks.edit
    seen = []

    def redraw(_letter_id: int) -> None:  # right after the session has the new letter
        seen.append(window.editor.blocks_pending)
        window.editor.blocks.spelling.highlighter.rehighlight()  # as when a check comes back
        edit.document().contentsChanged.emit()
        seen.append(list(window.session.letter.body))

    window.letter_opened.connect(redraw)
    open_letter(window, second)
    window.letter_opened.disconnect(redraw)
    assert seen[0] is True  # the body was still the first letter's
    assert seen[1] == library.version(second).body
    assert not window.session.undo_stack.canUndo()
    assert shown_blocks(window) == library.version(second).body
    assert window.session.letter.body == library.version(second).body
