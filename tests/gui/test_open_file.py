"""Choosing a file to open starts where the last file of that kind was chosen."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QWidget

from composer.app.last_folders import LastFolders
from composer.gui.dialogs.open_file import open_file


def test_the_chosen_files_folder_is_where_the_next_choice_starts(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = tmp_path / "certificaten" / "roel.p12"
    chosen.parent.mkdir()
    chosen.write_bytes(b"x")
    asked = []

    def dialog(_parent, title, folder, file_filter):
        asked.append((title, folder, file_filter))
        return str(chosen), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    assert open_file(parent, "Certificaat kiezen", "certificaat", "(*.p12)") == chosen
    assert LastFolders().get("certificaat") == chosen.parent
    open_file(parent, "Certificaat kiezen", "certificaat", "(*.p12)")
    assert asked[-1] == ("Certificaat kiezen", str(chosen.parent), "(*.p12)")


def test_cancelling_chooses_nothing_and_remembers_nothing(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    before = LastFolders().get("certificaat")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: ("", "")))
    assert open_file(parent, "Certificaat kiezen", "certificaat", "(*.p12)") is None
    assert LastFolders().get("certificaat") == before
