"""Start-up and settings that take effect at once: the window first, the library behind it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.gui.main_window import OPENING_MESSAGE, PREVIEW_WAITING, READY_MESSAGE, MainWindow
from composer.settings import Settings, load_settings, save_settings
from composer.storage.library import Library
from tests.conftest import SAMPLE_LETTER
from tests.gui.run_main import run_main


def library_actions(window: MainWindow) -> list[bool]:
    return [action.isEnabled() for action in window._library_actions()]


def wait_for_library(qtbot, window: MainWindow, timeout: int = 30000) -> None:
    qtbot.waitUntil(
        lambda: window.library is not None and window.save_action.isEnabled(), timeout=timeout
    )


def test_the_window_is_there_before_the_library_and_fills_when_it_opens(qtbot, tmp_path):
    window = MainWindow(Workspace(Settings(author="Marleen")), preview=QWidget())
    qtbot.addWidget(window)
    window.resize(1500, 950)  # room for the docks (a small screen starts them collapsed)
    window.show()
    assert window.isVisible()
    assert window.statusBar().currentMessage() == OPENING_MESSAGE
    assert not any(library_actions(window))
    assert window.settings_action.isEnabled() and window.about_action.isEnabled()
    seeded: list[list[int]] = []
    window.open_library(f"sqlite:///{tmp_path / 'bieb.sqlite'}", seed=True, then=seeded.append)
    assert window.library_panel.empty_label.text() == OPENING_MESSAGE
    assert window.editor is None and window.editor_area.widget().text() == READY_MESSAGE
    assert window.history_panel is None and window.history_dock.isVisible()
    edit_menu = window.menuBar().actions()[1].menu()
    assert edit_menu.actions() == [window.undo_action, window.redo_action]
    wait_for_library(qtbot, window)
    assert window.editor is not None and window.editor_area.widget() is window.editor
    assert window.history_dock.widget() is window.history_panel is not None
    assert window.review_dock.widget() is window.review_panel is not None
    assert window.editor.undo_action() is window.undo_action
    assert all(library_actions(window))
    assert window.statusBar().currentMessage() == READY_MESSAGE
    assert len(seeded) == 1 and len(seeded[0]) == 2
    subjects = sorted(row[0] for row in window.library_panel.visible_rows())
    assert subjects == sorted(window.library.version(i, 1).subject for i in seeded[0])
    window.library.close()


def test_a_library_that_cannot_be_opened_is_said_and_instellingen_stays(
    qtbot, tmp_path, message_boxes
):
    blocked = tmp_path / "afgesloten"
    blocked.mkdir()
    (blocked / "bieb.sqlite").write_text("dit is geen database", encoding="utf-8")
    window = MainWindow(Workspace(Settings(author="Marleen")), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    window.open_library(f"sqlite:///{blocked / 'bieb.sqlite'}")
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30000)
    kind, text = message_boxes[0]
    assert kind == "warning" and "Traceback" not in text
    assert window.library_panel.empty_label.text() == text
    assert window.statusBar().currentMessage() == "De bibliotheek kon niet worden geopend."
    assert window.library is None and not any(library_actions(window))
    assert window.settings_action.isEnabled()
    assert (blocked / "bieb.sqlite").read_text(encoding="utf-8") == "dit is geen database"


def test_main_shows_the_window_then_seeds_and_opens_a_sample(qtbot, monkeypatch):
    """`composer gui` on a first start, as `make run` does it."""
    seen: dict[str, object] = {}

    def shown(window: MainWindow) -> None:
        seen["visible before the library"] = window.isVisible() and window.library is None

    def ready(window: MainWindow) -> None:
        seen["rows"] = len(window.library_panel.visible_rows())
        seen["title"] = window.windowTitle()

    assert run_main(qtbot, monkeypatch, on_shown=shown, on_ready=ready) == 0
    assert seen["visible before the library"] is True
    assert seen["rows"] == 2
    assert str(seen["title"]).endswith("– Brievencomposer")
    # the program closed the library it opened; it is on disk with both samples
    library = Library.open()
    try:
        assert len(library.letters()) == 2
    finally:
        library.close()


def test_main_opens_the_library_chosen_in_instellingen_with_a_letter_file(
    qtbot, monkeypatch, tmp_path
):
    chosen = tmp_path / "gedeeld" / "kantoor.sqlite"
    chosen.parent.mkdir()
    save_settings(Settings(author="Joost", database_url=f"sqlite:///{chosen}"))
    assert run_main(qtbot, monkeypatch, SAMPLE_LETTER) == 0
    library = Library.open(f"sqlite:///{chosen}")
    try:
        summaries = library.letters()
        # the samples, and the letter file read in by Joost
        assert len(summaries) == 3
        authors = {library.history(s.id)[0].author for s in summaries}
        assert authors == {"Joost"}
    finally:
        library.close()


def test_a_new_library_in_instellingen_is_opened_at_once(qtbot, tmp_path):
    first = Library.open(f"sqlite:///{tmp_path / 'eerste.sqlite'}")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=first), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    assert window.library_panel.visible_rows() == []
    second_url = f"sqlite:///{tmp_path / 'tweede.sqlite'}"
    second = Library.open(second_url)
    from composer.core.letterfile import load_letter

    second.add(load_letter(SAMPLE_LETTER), author="Joost", message="")
    second.close()
    window.workspace.update_settings(Settings(author="Marleen", database_url=second_url))
    qtbot.waitUntil(lambda: window.library is not first, timeout=30000)
    wait_for_library(qtbot, window)
    assert window.library.location.endswith("tweede.sqlite")
    assert len(window.library_panel.visible_rows()) == 1
    window.library.close()


def test_a_new_name_in_instellingen_signs_the_next_version(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.new_letter("brief")
    qtbot.keyClicks(window.editor.field("subject"), "Ledenvergadering")
    window.workspace.update_settings(Settings(author="Joost"))
    assert window.save("")
    assert library.history(window.session.letter_id)[0].author == "Joost"
    window.session.close()
    library.close()


def fake_soffice(folder: Path) -> Path:
    program = folder / "soffice"
    program.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def test_libreoffice_chosen_in_instellingen_is_used_by_the_preview_at_once(
    qtbot, tmp_path, monkeypatch
):
    from composer.gui.preview import PreviewPanel

    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    library = Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    preview = PreviewPanel()
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=preview)
    qtbot.addWidget(window)
    window.workspace.update_settings(
        Settings(author="Marleen", libreoffice_path="/nergens/soffice")
    )
    assert not preview.available
    assert "In Instellingen is ‘/nergens/soffice’ gekozen" in preview.explanation.text()
    assert preview.pages.currentWidget() is preview.explanation

    program = fake_soffice(tmp_path)
    window.workspace.update_settings(Settings(author="Marleen", libreoffice_path=str(program)))
    assert preview.available and preview.engine.soffice == program
    assert preview.pages.currentWidget() is preview.placeholder
    assert window.workspace.soffice() == program  # what export, merge and send use too
    preview.shutdown()
    library.close()


def test_settings_saved_by_the_dialog_reach_the_window(qtbot, tmp_path, monkeypatch):
    from composer.gui.dialogs import settings_dialog

    library = Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)

    def run(_parent, settings, *, library=None):
        changed = Settings(author="Priya", kenmerk_pattern=settings.kenmerk_pattern)
        save_settings(changed)
        return changed, True

    monkeypatch.setattr(settings_dialog.SettingsDialog, "run", staticmethod(run))
    window.settings_action.trigger()
    assert window.settings.author == "Priya" == window.session.author
    assert load_settings().author == "Priya"
    library.close()


def test_the_preview_placeholder_says_what_the_preview_says_before_a_letter():
    from composer.gui.main_window import PREVIEW_WAITING
    from composer.gui.preview import WAITING

    assert PREVIEW_WAITING == WAITING


def test_the_real_preview_takes_its_place_when_the_library_opens(qtbot, tmp_path):
    from composer.gui.preview import PreviewPanel

    window = MainWindow(Workspace(Settings(author="Marleen")))
    qtbot.addWidget(window)
    window.show()
    assert not isinstance(window.preview, PreviewPanel)
    assert window.preview.text() == PREVIEW_WAITING
    assert window.splitter.indexOf(window.preview) == 2
    window.open_library(f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    wait_for_library(qtbot, window)
    assert isinstance(window.preview, PreviewPanel)
    assert window.splitter.indexOf(window.preview) == 2
    window.preview.shutdown()
    window.library.close()
