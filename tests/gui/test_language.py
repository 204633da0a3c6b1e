"""The screen in English when chosen in Instellingen; Dutch otherwise. Mnemonics never clash."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from composer import i18n
from composer.app.workspace import Workspace
from composer.gui import app as gui_app
from composer.gui.main_window import MainWindow
from composer.settings import Settings, save_settings
from composer.storage.samples import seed_samples
from tests.gui.run_main import run_main

DUTCH_MENUS = ["&Bestand", "Be&werken", "B&rief", "Bee&ld", "E&xtra", "&Help"]
ENGLISH_MENUS = ["&File", "&Edit", "&Letter", "&View", "&Tools", "&Help"]


@pytest.fixture(autouse=True)
def dutch_afterwards():
    yield
    i18n.set_language("nl")


def make_window(qtbot, library) -> MainWindow:
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(texts: list[str]) -> list[str]:
    letters = [mnemonic(text) for text in texts]
    return [
        text
        for text, letter in zip(texts, letters, strict=True)
        if letter and letters.count(letter) > 1
    ]


def test_english_menus_labels_and_messages(qtbot, open_letter, library):
    ids = seed_samples(library, "Marleen")
    i18n.set_language("en")
    window = make_window(qtbot, library)
    assert menu_titles(window) == ENGLISH_MENUS
    assert window.save_action.text() == "&Save…"
    assert window.statusBar().currentMessage() == "Choose a letter on the left, or File > New."
    panel = window.library_panel
    assert [panel.status_filter.itemText(i) for i in range(panel.status_filter.count())] == [
        "All",
        "Draft",
        "In review",
        "Approved",
        "Sent",
        "",  # a separator, then the bin
        "Bin",
    ]
    open_letter(window, ids[0])
    assert {row[2] for row in panel.visible_rows()} == {"Draft"}
    labels = {label.text() for label in window.editor.findChildren(QLabel)}
    assert "&Subject:" in labels and "Be&treft:" not in labels
    window.session.close()


def test_dutch_by_default(qtbot, library):
    window = make_window(qtbot, library)
    assert menu_titles(window) == DUTCH_MENUS
    assert window.statusBar().currentMessage() == "Kies een brief links, of Bestand > Nieuw."
    window.session.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_items_share_a_mnemonic(qtbot, library, language):
    i18n.set_language(language)
    window = make_window(qtbot, library)
    assert clashes(menu_titles(window)) == []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        items = [item.text() for item in menu.actions() if not item.isSeparator()]
        assert clashes(items) == [], action.text()
    window.session.close()


def test_main_starts_in_the_language_chosen_in_instellingen(qtbot, monkeypatch):
    save_settings(Settings(author="Joost", language="en"))
    seen: dict[str, object] = {}

    def ready(window: MainWindow) -> None:
        seen["menus"] = menu_titles(window)
        seen["qt translators"] = QApplication.instance().findChildren(QTranslator, "qt-vertaling")

    assert run_main(qtbot, monkeypatch, on_ready=ready) == 0
    assert seen["menus"] == ENGLISH_MENUS
    assert seen["qt translators"] == []  # Qt's buttons in its own English
    gui_app.install_language(QApplication.instance(), "nl")
    assert QApplication.instance().findChildren(QTranslator, "qt-vertaling")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_alt_letters_of_the_menu_bar_are_not_taken_by_a_field_or_button(
    qtbot, open_letter, library, language
):
    """Alt+B opens Bestand: no label, button or group in the window may claim the same letter."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    ids = seed_samples(library, "Marleen")
    i18n.set_language(language)
    window = make_window(qtbot, library)
    open_letter(window, ids[0])
    menu_letters = {mnemonic(title) for title in menu_titles(window)}
    texts = [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    texts += [group.title() for group in window.findChildren(QGroupBox)]
    taken = sorted(text for text in texts if mnemonic(text) in menu_letters)
    assert taken == []
    window.session.close()
