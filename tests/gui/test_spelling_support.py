"""Red wavy underlines and the spelling menu in a text edit (gui.editor.spelling_support)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from composer.gui.editor.spelling_support import (
    ADD_TO_WORD_LIST,
    IGNORE,
    attach_spelling,
    spelling_action,
)
from composer.writing.spelling import SpellChecker, shared_checker

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(scope="module")
def loaded_checker() -> SpellChecker:
    checker = shared_checker()
    assert checker.wait(timeout=60), checker.error
    return checker


@pytest.fixture
def checker(loaded_checker):
    """The loaded dictionary with an empty office word list (as after each test)."""
    loaded_checker.set_extra_words(())
    yield loaded_checker
    loaded_checker.set_extra_words(())


class MenuEdit(QTextEdit):
    """A plain text edit as the body editor is: with `menu_providers`."""

    def __init__(self) -> None:
        super().__init__()
        self.menu_providers = []

    def menu_at(self, position: int) -> QMenu:
        """The context menu as the body editor builds it for a click at `position`."""
        menu = self.createStandardContextMenu()
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        for provide in self.menu_providers:
            provide(cursor, menu)
        return menu


def underlined(edit: QTextEdit, block_number: int = 0) -> list[str]:
    """The words drawn with a red wavy underline in a block, read from its layout."""
    block = edit.document().findBlockByNumber(block_number)
    units = block.text().encode("utf-16-le")  # Qt counts UTF-16 units (an emoji is two)
    return [
        units[2 * found.start : 2 * (found.start + found.length)].decode("utf-16-le")
        for found in block.layout().formats()
        if found.format.underlineStyle() == WAVY
        and found.format.underlineColor() == QColor(220, 0, 0)
    ]


def shown(qtbot, edit: QTextEdit, words: list[str], block_number: int = 0) -> None:
    qtbot.waitUntil(lambda: underlined(edit, block_number) == words, timeout=5000)


def test_a_misspelt_word_is_underlined_and_its_suggestion_fixes_it(qtbot, checker):
    edit = MenuEdit()
    qtbot.addWidget(edit)
    support = attach_spelling(edit, None, checker)
    assert support.add_menu_items in edit.menu_providers
    edit.setPlainText("Dit is onmiddelijk duidelijk.")
    shown(qtbot, edit, ["onmiddelijk"])

    menu = edit.menu_at(len("Dit is onmidd"))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "onmiddellijk"
    add = texts.index(ADD_TO_WORD_LIST)
    assert 1 <= add <= 5 and texts[add + 1] == IGNORE
    assert menu.actions()[add + 2].isSeparator()  # then the standard items (Kopiëren, …)
    assert len(texts) > add + 4

    menu.actions()[0].trigger()
    assert edit.toPlainText() == "Dit is onmiddellijk duidelijk."
    shown(qtbot, edit, [])
    edit.undo()  # choosing a suggestion is one undo step
    assert edit.toPlainText() == "Dit is onmiddelijk duidelijk."


def test_compounds_are_not_marked_and_no_menu_items_on_a_good_word(qtbot, checker):
    edit = MenuEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, None, checker)
    edit.setPlainText(
        "De klantcontactmedewerker kent de servicebeloften van de brancheorganisatie. Fuot."
    )
    shown(qtbot, edit, ["Fuot"])
    menu = edit.menu_at(len("De klantcont"))
    assert ADD_TO_WORD_LIST not in [action.text() for action in menu.actions()]


def test_placeholders_objects_and_other_blocks(qtbot, checker):
    edit = MenuEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, None, checker)
    edit.setPlainText("Geachte {{ aanhef_naaam }}, fuot\ufffcfuot\nEen tweede regle met 🙂 fuot.")
    shown(qtbot, edit, ["fuot", "fuot"], 0)
    # After an emoji Qt counts two positions: the underline still sits under the word.
    shown(qtbot, edit, ["regle", "fuot"], 1)


def test_ignore_and_the_switch(qtbot, checker):
    edit = MenuEdit()
    qtbot.addWidget(edit)
    support = attach_spelling(edit, None, checker)
    edit.setPlainText("Wij zijn onmiddelijk begonnen met de fuot.")
    shown(qtbot, edit, ["onmiddelijk", "fuot"])
    menu = edit.menu_at(len("Wij zijn onm"))
    [ignore] = [action for action in menu.actions() if action.text() == IGNORE]
    ignore.trigger()
    shown(qtbot, edit, ["fuot"])
    assert "onmiddelijk" not in checker.extra_words  # this session only

    support.enabled = False
    shown(qtbot, edit, [])
    assert edit.menu_at(len("Wij zijn onmiddelijk begonnen met de fu")).actions()[0].text() != (
        "fout"
    )
    support.enabled = True
    shown(qtbot, edit, ["fuot"])


def test_nothing_is_underlined_until_the_dictionary_is_loaded(qtbot, tmp_path):
    checker = SpellChecker(dictionary_folder=tmp_path)  # never loads: no dictionary there
    edit = MenuEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, None, checker)
    edit.setPlainText("Dit is onmiddelijk duidelijk.")
    qtbot.waitUntil(lambda: checker.error is not None, timeout=5000)
    qtbot.wait(50)
    assert underlined(edit) == []
    assert [a.text() for a in edit.menu_at(10).actions()][:1] != ["onmiddellijk"]


def test_the_underline_follows_when_the_dictionary_arrives(qtbot, loaded_checker, monkeypatch):
    """A text shown before the dictionary is ready gets its underline when it arrives."""
    late = SpellChecker()
    edit = MenuEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, None, late)
    edit.setPlainText("Dit is onmiddelijk duidelijk.")
    assert underlined(edit) == []  # typing never waited for the dictionary
    assert late.wait(timeout=60)
    shown(qtbot, edit, ["onmiddelijk"])


def test_the_switch_as_a_menu_item(qtbot, checker):
    edit = MenuEdit()
    qtbot.addWidget(edit)
    support = attach_spelling(edit, None, checker)
    action = spelling_action(support, edit)
    assert action.text() == "&Spelling controleren" and action.isChecked()
    edit.setPlainText("Een fuot.")
    shown(qtbot, edit, ["fuot"])
    action.trigger()
    assert not support.enabled
    shown(qtbot, edit, [])
    assert ADD_TO_WORD_LIST not in [a.text() for a in edit.menu_at(len("Een fu")).actions()]
    action.trigger()
    shown(qtbot, edit, ["fuot"])


def test_the_word_list_of_a_library_opened_later(qtbot, checker, tmp_path):
    from composer.app.office_words import store_office_word
    from composer.storage.library import Library

    session = SimpleNamespace(library=None, author="Anna")  # the window opens it later
    edit = MenuEdit()
    qtbot.addWidget(edit)
    support = attach_spelling(edit, session, checker)
    edit.setPlainText("Mevrouw Öztürk belt.")
    shown(qtbot, edit, ["Öztürk"])
    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        store_office_word(library, "Öztürk", author="Bob")
        session.library = library
        with qtbot.waitSignal(support.words_changed, timeout=5000):
            support.reload_word_list()
        shown(qtbot, edit, [])
