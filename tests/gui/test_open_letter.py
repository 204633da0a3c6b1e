"""Opening a letter: read off the GUI thread, the last click wins, and every block widget
(refilled from the letter shown before or built ahead) shows the letter opened."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.core.models import Letter, Paragraph, Quote
from composer.gui.editor.blocks_editor import SPARES_AHEAD
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.library import Library
from composer.storage.samples import seed_samples


@pytest.fixture
def window(qtbot, library):
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.close()


def shown_blocks(window: MainWindow) -> list[tuple[str, str]]:
    """What the block widgets on the screen say: (kind, text) in order."""
    shown = []
    for block in window.editor.blocks.blocks:
        assert block.isVisible()
        if block.kind == "promise":
            shown.append((block.kind, str(block.number.currentData())))
        else:
            shown.append((block.kind, block.text.toPlainText()))
    return shown


def letter_blocks(library: Library, letter_id: int) -> list[tuple[str, str]]:
    letter = library.version(letter_id)
    return [
        (block.type, str(block.number) if block.type == "promise" else block.text)
        for block in letter.body
    ]


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


def test_refilled_block_widgets_show_the_letter_opened_and_edit_it(
    qtbot, window, library, open_letter
):
    """Opening letters with other blocks in turn reuses widgets: none may keep old text."""
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
    window.editor.blocks.make_spares(SPARES_AHEAD)
    qtbot.waitUntil(
        lambda: len(window.editor.blocks._spare.get("paragraph", [])) >= SPARES_AHEAD["paragraph"],
        timeout=5000,
    )
    for letter_id in (first, second, third, first, third, second):
        open_letter(window, letter_id)
        assert shown_blocks(window) == letter_blocks(library, letter_id)
    # Typing into a refilled widget edits the letter opened, at the block it shows.
    index = max(
        i for i, block in enumerate(window.editor.blocks.blocks) if block.kind == "paragraph"
    )
    widget = window.editor.blocks.blocks[index].text
    widget.setFocus()
    widget.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(widget, " erbij")
    expected = letter_blocks(library, second)
    expected[index] = ("paragraph", expected[index][1] + " erbij")
    body = window.session.letter.body
    assert [(b.type, str(b.number) if b.type == "promise" else b.text) for b in body] == expected
