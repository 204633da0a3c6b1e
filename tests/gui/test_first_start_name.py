"""On first start the window asks the user's name; versions and samples carry it, not the login."""

from __future__ import annotations

import getpass

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from composer.app.workspace import Workspace
from composer.gui.dialogs.name_dialog import NameDialog
from composer.settings import Settings, load_settings, save_settings, settings_path

from .run_main import run_main


def test_first_start_asks_the_name_and_the_samples_carry_it(qtbot, monkeypatch):
    seen = {}

    def shown(window):
        [dialog] = [d for d in window.findChildren(NameDialog) if d.isVisible()]
        seen["title"] = dialog.windowTitle()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.name_field.clear()
        seen["ok without a name"] = ok.isEnabled()
        qtbot.keyClicks(dialog.name_field, "  Marleen  de Vries ")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["closed"] = not dialog.isVisible()

    def ready(window):
        seen["author"] = window.session.author
        history = window.library.history(window.session.letter_id)
        seen["version authors"] = {version.author for version in history}

    assert run_main(qtbot, monkeypatch, on_shown=shown, on_ready=ready) == 0
    assert seen["title"] == "Welkom bij Brievencomposer"
    assert seen["ok without a name"] is False
    assert seen["closed"] is True
    assert seen["author"] == "Marleen de Vries"
    assert seen["version authors"] == {"Marleen de Vries"}
    assert 'author = "Marleen de Vries"' in settings_path().read_text(encoding="utf-8")
    assert load_settings().author_from_login is False


def test_a_name_given_before_is_not_asked_again(qtbot, monkeypatch):
    save_settings(Settings(author="Piet Jansen"))
    asked = []

    def shown(window):
        asked.extend(d for d in window.findChildren(NameDialog) if d.isVisible())

    assert run_main(qtbot, monkeypatch, on_shown=shown) == 0
    assert asked == []


def test_the_login_name_alone_counts_as_no_name():
    assert Settings().author == getpass.getuser()
    assert Settings().author_from_login is True
    assert Settings(author="Marleen").author_from_login is False
    assert Workspace.load().settings.author_from_login is True  # no settings.toml yet
