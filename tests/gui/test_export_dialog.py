"""Exporting: the dialog proposes the full file name and starts in the folder used last."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QWidget

from composer.app.export_names import export_file_name
from composer.app.last_folders import EXPORT, LastFolders, documents_folder
from composer.app.workspace import Workspace
from composer.core.models import Letter
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.library import Library
from composer.storage.samples import seed_samples
from tests.docx_reading import body_paragraphs

TODAY = dt.date(2026, 12, 3)


@pytest.fixture
def window(qtbot, tmp_path, open_letter):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    ids = seed_samples(library, "Marleen")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    open_letter(window, ids[0])
    yield window
    window.session.close()
    library.close()


def test_the_export_dialog_proposes_the_name_and_remembers_the_folder(
    qtbot, window, tmp_path, monkeypatch
):
    asked: list[str] = []
    answers = iter([tmp_path / "uit" / "Mijn brief", tmp_path / "uit" / "tweede.pdf"])
    (tmp_path / "uit").mkdir()

    def save_dialog(_parent, _title, suggestion, _filter):
        asked.append(suggestion)
        return str(next(answers)), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    letter = window.session.letter
    subject, name = letter.subject, export_file_name(letter, ".docx")
    assert name.startswith(letter.our_reference.replace("/", "-") + "-Handreiking-aan-de")
    window.export_docx_action.trigger()
    assert Path(asked[0]) == documents_folder() / name
    qtbot.waitUntil((tmp_path / "uit" / "Mijn brief.docx").exists, timeout=20000)
    assert any(subject in text for text in body_paragraphs(tmp_path / "uit" / "Mijn brief.docx"))
    window.export_docx_action.trigger()
    assert Path(asked[1]).parent == tmp_path / "uit"  # where the last one went
    assert Path(asked[1]).name == name


def test_the_proposed_name_has_the_kenmerk_and_is_a_safe_file_name():
    letter = Letter(
        template="brief",
        date=TODAY,
        subject="Cao 2027: wat/waarom?",
        our_reference="KSF/2026/0007",
    )
    assert export_file_name(letter, ".pdf") == "KSF-2026-0007-Cao-2027-wat-waarom.pdf"
    assert (
        export_file_name(Letter(template="persbericht", date=TODAY), ".docx") == "persbericht.docx"
    )
    assert export_file_name(Letter(template="brief", date=TODAY), ".pdf") == "brief.pdf"


def test_a_folder_that_is_gone_or_a_broken_file_means_documents(tmp_path):
    folders = LastFolders(tmp_path / "mappen.json")
    assert folders.get(EXPORT) == documents_folder()
    folders.remember(EXPORT, tmp_path)
    assert LastFolders(tmp_path / "mappen.json").get(EXPORT) == tmp_path
    folders.remember(EXPORT, tmp_path / "weg")
    assert folders.get(EXPORT) == documents_folder()
    (tmp_path / "mappen.json").write_text("{kapot", encoding="utf-8")
    assert folders.get(EXPORT) == documents_folder()


def test_the_comparison_document_and_the_merge_remember_their_folders(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from composer.app.last_folders import MERGE, REDLINE
    from composer.gui.history_panel import HistoryPanel

    chosen = tmp_path / "vergelijkingen"
    chosen.mkdir()
    asked = []

    def save_dialog(_parent, _title, suggestion, _filter):
        asked.append(suggestion)
        return str(chosen / "v1-v2.docx"), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    assert panel._choose_path_with_dialog(documents_folder() / "x.docx") == chosen / "v1-v2.docx"
    assert LastFolders().get(REDLINE) == chosen

    letters = tmp_path / "brieven"
    letters.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: str(letters))
    )
    from composer.core.letterfile import load_letter
    from composer.gui.dialogs.merge_dialog import MergeDialog
    from tests.conftest import SAMPLE_LETTER

    dialog = MergeDialog(load_letter(SAMPLE_LETTER))
    qtbot.addWidget(dialog)
    dialog.folder_edit.clear()
    assert dialog._ask_folder() == letters
    assert LastFolders().get(MERGE) == letters


def test_an_export_with_a_character_the_font_lacks_says_so(qtbot, window, tmp_path):
    subject = window.session.letter.subject
    window.session.set_value("subject", subject + " 😀")
    out = tmp_path / "met-emoji.docx"
    window.export(out)
    qtbot.waitUntil(lambda: getattr(window, "export_warning", None) is not None, timeout=20000)
    box = window.export_warning
    assert box.isVisible()
    assert box.windowTitle() == "Geëxporteerd, met waarschuwingen"
    assert "Het teken 😀 (in Betreft) staat niet in het lettertype Calibri" in box.informativeText()
    assert out.is_file()  # a warning, not a refusal
    box.close()
