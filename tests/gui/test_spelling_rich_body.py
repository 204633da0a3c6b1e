"""Spelling in the letter editor's body (RichBodyEdit): underline, suggestion, undo, word list."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from composer.app.office_words import office_word_list
from composer.core import rich_text
from composer.core.models import Heading, ListBlock, Paragraph, Run
from composer.gui.editor import LetterEditor
from composer.gui.editor.spelling_support import ADD_TO_WORD_LIST
from composer.gui.session import LetterSession
from composer.writing.spelling import shared_checker
from tests.gui.test_spelling_support import shown, underlined


@pytest.fixture
def checker():
    checker = shared_checker()
    assert checker.wait(timeout=60), checker.error
    checker.set_extra_words(())
    yield checker
    checker.set_extra_words(())


@pytest.fixture
def editor(qtbot, library, tmp_path, checker):
    session = LetterSession(library, author="Anna", drafts_folder=tmp_path / "concepten")
    editor = LetterEditor(session)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    session.new_from_template("brief", today=dt.date(2026, 12, 3))
    session.letter.body = [
        Heading("Een kop met een fuot"),
        Paragraph("Dit is onmiddelijk duidelijk.", runs=None),
        ListBlock("bullet", [rich_text.list_item([Run("Wij bieden "), Run("hulpp", bold=True)])]),
        Paragraph("De klantcontactmedewerker kent de servicebeloften van de brancheorganisatie."),
    ]
    editor.reload()
    yield editor
    session.close()


def menu_at(edit, position: int) -> QMenu:
    menu = edit.createStandardContextMenu()
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    for provide in edit.menu_providers:
        provide(cursor, menu)
    return menu


def block_position(edit, number: int) -> int:
    return edit.document().findBlockByNumber(number).position()


def test_the_body_underlines_and_a_suggestion_is_one_undo_step(qtbot, editor):
    edit = editor.blocks.edit
    shown(qtbot, edit, ["fuot"], 0)
    shown(qtbot, edit, ["onmiddelijk"], 1)
    shown(qtbot, edit, ["hulpp"], 2)
    shown(qtbot, edit, [], 3)  # compounds are words
    assert editor.session.undo_stack.count() == 0  # underlining is no edit of the letter

    menu = menu_at(edit, block_position(edit, 1) + len("Dit is onm"))
    assert menu.actions()[0].text() == "onmiddellijk"
    menu.actions()[0].trigger()
    assert editor.session.letter.body[1].text == "Dit is onmiddellijk duidelijk."
    shown(qtbot, edit, [], 1)
    editor.undo_action().trigger()
    assert editor.session.letter.body[1].text == "Dit is onmiddelijk duidelijk."

    menu = menu_at(edit, block_position(edit, 2) + len("Wij bieden hu"))
    [choice] = [action for action in menu.actions() if action.text() == "hulp"]
    choice.trigger()
    item = editor.session.letter.body[2].items[0]
    assert item.text == "Wij bieden hulp"
    assert [(run.text, run.bold) for run in rich_text.runs_of(item)] == [
        ("Wij bieden ", False),
        ("hulp", True),  # the word keeps its marks
    ]


def test_toevoegen_aan_woordenlijst_stores_the_word_in_the_library(qtbot, editor, checker):
    edit = editor.blocks.edit
    shown(qtbot, edit, ["fuot"], 0)
    menu = menu_at(edit, block_position(edit, 0) + len("Een kop met een fu"))
    [add] = [action for action in menu.actions() if action.text() == ADD_TO_WORD_LIST]
    with qtbot.waitSignal(editor.blocks.spelling.word_added, timeout=5000):
        add.trigger()
    assert underlined(edit, 0) == []
    assert office_word_list(editor.session.library) == ["fuot"]
    assert "fuot" in checker.extra_words
