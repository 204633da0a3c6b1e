"""Zoeken en vervangen (Ctrl+F, Ctrl+H) in the letter's text, and a sent letter read-only."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from composer.core import rich_text
from composer.core.models import (
    Address,
    Addressee,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
)
from composer.gui.editor import LetterEditor
from composer.gui.editor.body_document import OBJECT_CHAR
from composer.gui.session import LetterSession
from composer.storage.library import Library

AUTHOR = "Anna de Vries"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'b.sqlite'}")
    session = LetterSession(library, author=AUTHOR, drafts_folder=tmp_path / "concepten")
    editor = LetterEditor(session)
    qtbot.addWidget(editor)
    editor.resize(900, 500)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    session.new_from_template("brief", today=dt.date(2022, 10, 17))
    letter = session.letter
    letter.subject = "Cao-overleg en de cao"
    letter.body = [
        Paragraph("De CAO is afgesproken."),
        Quote("Een goede cao.", speaker="Roel"),
        Paragraph("Over de cao praten wij verder."),
    ]
    letter.closing = "Met vriendelijke groet, namens de cao-tafel"
    letter.addressees = [Addressee(organisation="Cao-bureau", address=Address(city="Doorn"))]
    editor.reload()
    yield editor
    session.close()
    library.close()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_ctrl_f_finds_each_match_in_turn_and_selects_it_in_its_field(editor, qtbot):
    editor.letter_form.subject.setFocus()
    press(qtbot, editor.letter_form.subject, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    assert bar.isVisible() and bar.find_edit.hasFocus()
    assert not bar.replace_edit.isVisible()  # Ctrl+F: finding only
    qtbot.keyClicks(bar.find_edit, "cao")
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert editor.letter_form.subject.selectedText() == "Cao"  # not case-sensitive
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert editor.letter_form.subject.selectedText() == "cao"
    assert editor.letter_form.subject.selectionStart() == 18
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    first = editor.blocks.edit
    assert first.textCursor().selectedText() == "CAO"
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert bar.hit.path == "body[1].text"  # the citaat's text: its box is selected
    assert first.textCursor().selectedText() == OBJECT_CHAR
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert bar.hit.path == "body[2].text"
    assert first.textCursor().selectedText() == "cao"
    assert first.textCursor().block().text() == "Over de cao praten wij verder."
    press(qtbot, bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert first.textCursor().selectedText() == "CAO"  # Shift+Enter: back
    # The organisation (not text of the letter) is never a match.
    assert bar.hit is not None and bar.hit.path == "body[0].text"


def test_a_match_far_down_is_scrolled_into_view(editor, qtbot):
    editor.session.letter.body = [Paragraph(f"Alinea {n}") for n in range(20)] + [
        Paragraph("Hier staat het zoekwoord.")
    ]
    editor.reload()
    scroll = editor.scroll.verticalScrollBar()
    scroll.setValue(0)
    press(qtbot, editor, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(editor.find_bar.find_edit, "zoekwoord")
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Return)
    target = editor.blocks.edit
    assert target.textCursor().selectedText() == "zoekwoord"
    assert target.textCursor().block().text() == "Hier staat het zoekwoord."
    qtbot.waitUntil(lambda: scroll.value() > 0)
    rect = target.cursorRect()
    top = target.viewport().mapTo(editor.scroll.viewport(), rect.topLeft()).y()
    assert 0 <= top < editor.scroll.viewport().height()


def test_not_found_is_said(editor, qtbot):
    press(qtbot, editor, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(editor.find_bar.find_edit, "zomerfeest")
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Return)
    assert editor.find_bar.message.text() == "Niet gevonden: ‘zomerfeest’."


def test_match_case_finds_only_the_same_capitals(editor, qtbot):
    press(qtbot, editor, Qt.Key.Key_F, CTRL)
    editor.find_bar.match_case.click()
    qtbot.keyClicks(editor.find_bar.find_edit, "CAO")
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Return)
    assert editor.blocks.edit.textCursor().selectedText() == "CAO"
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Return)
    assert editor.find_bar.hit.path == "body[0].text"  # the only one: round again


def test_replace_is_one_undo_step_each(editor, qtbot):
    press(qtbot, editor, Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    assert bar.replace_edit.isVisible()
    qtbot.keyClicks(bar.find_edit, "cao")
    qtbot.keyClicks(bar.replace_edit, "arbeidsvoorwaarden")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # finds the first
    assert editor.session.letter.subject == "Cao-overleg en de cao"
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert editor.session.letter.subject == "arbeidsvoorwaarden-overleg en de cao"
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert editor.session.letter.subject == "arbeidsvoorwaarden-overleg en de arbeidsvoorwaarden"
    assert editor.letter_form.subject.text() == editor.session.letter.subject
    assert editor.undo_action().text() == "&Ongedaan maken: vervangen"
    editor.undo_action().trigger()
    assert editor.session.letter.subject == "arbeidsvoorwaarden-overleg en de cao"


def test_replace_all_is_one_undo_step_and_says_how_many(editor, qtbot):
    press(qtbot, editor, Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    qtbot.keyClicks(bar.find_edit, "cao")
    qtbot.keyClicks(bar.replace_edit, "akkoord")
    before = editor.session.undo_stack.count()
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    letter = editor.session.letter
    assert bar.message.text() == "6 keer vervangen."
    assert letter.subject == "akkoord-overleg en de akkoord"
    assert [block.text for block in letter.body] == [
        "De akkoord is afgesproken.",
        "Een goede akkoord.",
        "Over de akkoord praten wij verder.",
    ]
    assert letter.closing == "Met vriendelijke groet, namens de akkoord-tafel"
    assert letter.addressees[0].organisation == "Cao-bureau"  # not the letter's text
    assert editor.blocks.edit.toPlainText().split("\n")[2] == "Over de akkoord praten wij verder."
    assert editor.session.undo_stack.count() == before + 1
    editor.undo_action().trigger()
    assert editor.session.letter.subject == "Cao-overleg en de cao"
    assert editor.session.letter.body[0].text == "De CAO is afgesproken."


def test_escape_closes_the_bar(editor, qtbot):
    press(qtbot, editor, Qt.Key.Key_F, CTRL)
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Escape)
    assert editor.find_bar.isHidden()


# Read-only: a sent letter


def test_a_sent_letter_is_read_only_and_can_be_searched_not_changed(editor, qtbot):
    editor.set_read_only(True)
    before = editor.session.letter.subject
    subject = editor.letter_form.subject
    subject.setFocus()
    qtbot.keyClicks(subject, "extra")
    QApplication.clipboard().setText("geplakt")
    press(qtbot, subject, Qt.Key.Key_V, CTRL)
    paragraph = editor.blocks.edit
    qtbot.keyClicks(paragraph, "extra")
    press(qtbot, paragraph, Qt.Key.Key_V, CTRL)
    press(qtbot, paragraph, Qt.Key.Key_B, CTRL)
    street = editor.addressees.form.field("address.street")
    qtbot.keyClicks(street, "extra")
    assert editor.session.letter.subject == before
    assert editor.session.letter.body[0].text == "De CAO is afgesproken."
    assert editor.session.letter.addressees[0].address.street == ""
    assert editor.session.undo_stack.count() == 0
    toolbar = editor.blocks.toolbar
    for button in (
        toolbar.widgetForAction(editor.blocks.commands.bullets),
        toolbar.widgetForAction(editor.blocks.commands.promise),
        editor.addressees.new_button,
        editor.addressees.remove_button,
        editor.signatories.add_button,
        editor.addressees.picker.add_button,
    ):
        assert not button.isEnabled(), button.objectName()
    assert not editor.addressees.form.form.isEnabled()
    assert not editor.letter_form.date_edit.isEnabled() or editor.letter_form.date_edit.isReadOnly()
    assert not editor.replace_action().isEnabled()
    press(qtbot, editor, Qt.Key.Key_F, CTRL)  # finding still works
    qtbot.keyClicks(editor.find_bar.find_edit, "cao")
    press(qtbot, editor.find_bar.find_edit, Qt.Key.Key_Return)
    assert editor.letter_form.subject.selectedText() == "Cao"
    assert not editor.find_bar.replace_all_button.isEnabled()

    editor.set_read_only(False)
    press(qtbot, subject, Qt.Key.Key_End)
    qtbot.keyClicks(subject, "!")
    assert editor.session.letter.subject == before + "!"
    assert toolbar.widgetForAction(editor.blocks.commands.promise).isEnabled()
    assert editor.addressees.remove_button.isEnabled()
    assert not editor.blocks.edit.isReadOnly()


def test_replacing_in_the_body_keeps_the_marks_and_searches_list_items(editor, qtbot):
    letter = editor.session.letter
    letter.body = [
        rich_text.paragraph(
            [Run("De "), Run("cao", bold=True), Run(" is "), Run("rond", italic=True)]
        ),
        ListBlock("bullet", [ListItem("een cao"), ListItem("twee")]),
    ]
    letter.subject = letter.closing = ""
    editor.reload()
    press(qtbot, editor, Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    qtbot.keyClicks(bar.find_edit, "cao")
    qtbot.keyClicks(bar.replace_edit, "regeling")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # finds the first
    assert editor.blocks.edit.textCursor().selectedText() == "cao"
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert letter.body[0] == rich_text.paragraph(
        [Run("De "), Run("regeling", bold=True), Run(" is "), Run("rond", italic=True)]
    )
    assert bar.hit.path == "body[1].items[0].text"
    assert editor.blocks.edit.textCursor().selectedText() == "cao"
    assert editor.blocks.edit.textCursor().block().text() == "een cao"
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert letter.body[1] == ListBlock("bullet", [ListItem("een regeling"), ListItem("twee")])
    editor.undo_action().trigger()
    editor.undo_action().trigger()
    assert editor.session.letter.body[0].runs[1] == Run("cao", bold=True)
