"""Word's habits in the window: recently opened letters, Dupliceren opens the copy, a deleted open
letter makes way for a new one."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.library import Library
from composer.storage.samples import seed_samples


@pytest.fixture
def window(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    ids = seed_samples(library, "Marleen")  # listed in the panel from the start
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    window.ids = ids
    yield window
    window.session.close()
    library.close()


def recent_entries(window: MainWindow) -> list[str]:
    window.recent_menu.aboutToShow.emit()
    return [action.text() for action in window.recent_menu.actions() if not action.isSeparator()]


def test_recently_opened_letters_are_in_the_file_menu_newest_first(qtbot, window, open_letter):
    assert recent_entries(window) == ["Nog geen brieven geopend"]
    first, second = window.ids
    open_letter(window, first)
    open_letter(window, second)
    subjects = {i: window.library.version(i).subject for i in (first, second)}
    # Written in the background, behind the other work of opening (a busy machine: give it time).
    qtbot.waitUntil(lambda: len(recent_entries(window)) == 3, timeout=20000)
    assert recent_entries(window) == [
        f"&1 {subjects[second]}",
        f"&2 {subjects[first]}",
        "Lijst wissen",
    ]
    [entry] = [a for a in window.recent_menu.actions() if a.text() == f"&2 {subjects[first]}"]
    with qtbot.waitSignal(window.letter_opened, timeout=10000):
        entry.trigger()
    assert window.session.letter_id == first
    [clear] = [a for a in window.recent_menu.actions() if a.text() == "Lijst wissen"]
    clear.trigger()  # while the letter just opened may still be being remembered
    qtbot.waitUntil(lambda: recent_entries(window) == ["Nog geen brieven geopend"], timeout=20000)
    qtbot.wait(200)  # and it stays cleared
    assert recent_entries(window) == ["Nog geen brieven geopend"]


def test_a_letter_opened_and_left_at_once_is_still_in_the_recent_list(
    qtbot, window, open_letter, monkeypatch
):
    import composer.gui.main_window as main_window

    # The panels wait for the page to be painted; here they wait long, so the second letter is
    # on the screen before the first one's panels would have been filled.
    monkeypatch.setattr(main_window, "AFTER_PAINT_MS", 60_000)
    first, second = window.ids
    open_letter(window, first)
    open_letter(window, second)
    qtbot.waitUntil(lambda: len(recent_entries(window)) == 3, timeout=20000)
    subjects = [window.library.version(i).subject for i in (second, first)]
    assert recent_entries(window) == [f"&{n} {s}" for n, s in enumerate(subjects, 1)] + [
        "Lijst wissen"
    ]


def test_duplicating_opens_the_new_concept(qtbot, window, open_letter):
    first, _second = window.ids
    open_letter(window, first)
    panel = window.library_panel
    with qtbot.waitSignal(window.letter_opened, timeout=10000) as opened:
        panel.duplicate_action.trigger()
    new_id = opened.args[0]
    assert new_id != first and window.session.letter_id == new_id
    assert window.session.letter.subject == window.library.version(first).subject
    assert not window.session.letter.our_reference  # a new concept: no kenmerk


def test_deleting_the_open_letter_starts_a_new_one(qtbot, window, open_letter, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    first, _second = window.ids
    open_letter(window, first)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    window.library_panel.select_letter(first)
    window.library_panel.delete_action.trigger()
    qtbot.waitUntil(lambda: window.library.in_bin(first) is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.session.letter_id is None, timeout=5000)
    assert "prullenbak" in window.statusBar().currentMessage()
