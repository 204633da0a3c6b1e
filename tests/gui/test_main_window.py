"""The main window as the office uses it: library, editor, history, review, export, drafts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox, QScrollArea, QWidget

from composer.app.workspace import Workspace
from composer.gui.app import offer_drafts
from composer.gui.main_window import MainWindow
from composer.settings import Settings
from composer.storage.samples import seed_samples
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def make_window(qtbot, library, preview: QWidget | None = None) -> MainWindow:
    window = MainWindow(
        Workspace(Settings(author="Marleen"), library=library), preview=preview or QWidget()
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_seeds_the_samples_and_opens_one(qtbot, open_letter, library):
    ids = seed_samples(library, "Marleen")
    assert len(ids) == 2 and seed_samples(library, "Marleen") == []
    window = make_window(qtbot, library)
    assert len(window.library_panel.visible_rows()) == 2
    open_letter(window, ids[0])
    assert window.session.letter_id == ids[0]
    assert window.windowTitle().endswith("– Brievencomposer")
    assert [v.number for v in library.history(ids[0])] == [1]
    # The history shows the letter with its newest (here: only) version selected.
    qtbot.waitUntil(lambda: window.history_panel.selected_versions() == [1], timeout=5000)


def test_new_letter_save_edit_save_and_history(qtbot, library, monkeypatch):
    window = make_window(qtbot, library)
    window.new_letter("brief")
    qtbot.keyClicks(window.editor.field("subject"), "Uitnodiging ledenvergadering")
    assert window.session.letter.subject == "Uitnodiging ledenvergadering"
    assert window.session.dirty and window.windowTitle().startswith("*Uitnodiging")
    from composer.core.letterfile import load_letter
    from composer.gui.editor.commands import ReplaceLetterCommand

    window.session.apply(
        ReplaceLetterCommand(
            window.session, window.session.letter, load_letter(SAMPLE), "voorbeeld invoegen"
        )
    )
    assert window.save("eerste opzet")
    letter_id = window.session.letter_id
    assert [(v.number, v.author, v.message) for v in library.history(letter_id)] == [
        (1, "Marleen", "eerste opzet")
    ]
    subject = window.editor.field("subject")
    subject.selectAll()
    qtbot.keyClicks(subject, "Handreiking, tweede versie")
    assert window.save("")
    assert [v.number for v in library.history(letter_id)] == [1, 2]
    assert "Opgeslagen als versie 2." in window.statusBar().currentMessage()
    assert [row[0] for row in window.library_panel.visible_rows()] == ["Handreiking, tweede versie"]


def test_export_docx_runs_in_the_background(qtbot, open_letter, library, tmp_path):
    ids = seed_samples(library, "Marleen")
    window = make_window(qtbot, library)
    open_letter(window, ids[0])
    out = tmp_path / "brief.docx"
    window.export(out)
    qtbot.waitUntil(lambda: "Geëxporteerd" in window.statusBar().currentMessage(), timeout=20000)
    assert "Geachte heer Van Liemt," in body_paragraphs(out)


def test_submit_and_approve_from_the_review_panel(qtbot, open_letter, library):
    ids = seed_samples(library, "Marleen")
    window = make_window(qtbot, library)
    open_letter(window, ids[0])
    panel = window.review_panel
    # The status is read in an op: the buttons follow when it arrives.
    qtbot.waitUntil(panel.submit_button.isEnabled, timeout=5000)
    assert panel.submit_button.isEnabled() and not panel.approve_button.isEnabled()
    assert panel.submit()
    assert "beoordeling" in panel.status_label.text().lower()
    panel.reviewer_edit.setText("Roel")
    assert panel.approve()
    assert "goedgekeurd" in panel.status_label.text().lower()
    assert panel.send_button.isEnabled()


def test_unsaved_changes_are_asked_about_and_the_draft_comes_back(
    qtbot, open_letter, library, monkeypatch
):
    ids = seed_samples(library, "Marleen")
    window = make_window(qtbot, library)
    open_letter(window, ids[0])
    subject = window.editor.field("subject")
    subject.selectAll()
    qtbot.keyClicks(subject, "Half getypt")
    window.session.autosave()  # what the timer does every few seconds
    # A crash: the window never closes. The next start offers the draft back.
    again = make_window(qtbot, library)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    offer_drafts(again)
    assert again.session.letter.subject == "Half getypt"
    assert again.session.dirty


def test_dropping_a_letter_file_imports_it(qtbot, library):
    window = make_window(qtbot, library)
    window.open_dropped(SAMPLE)
    assert [s.subject for s in library.letters()] == [
        "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
    ]
    assert window.session.letter_id == library.letters()[0].id


def test_menus_have_the_standard_shortcuts(qtbot, library):
    window = make_window(qtbot, library)
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.new_letter_action.shortcut().toString() == "Ctrl+N"
    assert window.export_docx_action.shortcut().toString() == "Ctrl+E"
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Bestand", "Be&werken", "B&rief", "Bee&ld", "E&xtra", "&Help"]


def test_dropping_an_address_list_adds_the_valid_rows_to_the_address_book(
    qtbot, library, tmp_path, monkeypatch
):
    from composer.core.catalogues import load_address_book
    from composer.gui.dialogs.address_import_preview import AddressImportPreview

    source = tmp_path / "adressen.csv"
    source.write_text(
        "organisatie;achternaam;straat;huisnummer;postcode;plaats\n"
        "Nieuw BV;Jansen;Laan;1;1234 AB;Stad\n"
        "Kapot BV;Smit;Laan;2;25110 AB;Stad\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        AddressImportPreview,
        "run",
        classmethod(lambda cls, parent, src, name: (cls(src, name, parent).value(), True)),
    )
    window = make_window(qtbot, library)
    before = len(load_address_book())
    window.open_dropped(source)
    book = load_address_book()
    assert len(book) == before + 1 and book[-1]["organisation"] == "Nieuw BV"
    assert [v.number for v in library.catalogue_history("adresboek")] == [1]
    assert window.statusBar().currentMessage() == "Adresboek: 1 adres geïmporteerd."
    window.open_dropped(source)  # the same list again: nothing new, nothing duplicated
    assert len(load_address_book()) == before + 1
    assert [v.number for v in library.catalogue_history("adresboek")] == [1]


def test_export_pdf_runs_in_the_background(qtbot, open_letter, library, tmp_path, soffice):
    from tests.conftest import pdf_text

    ids = seed_samples(library, "Marleen")
    window = make_window(qtbot, library)
    open_letter(window, ids[0])
    out = tmp_path / "brief.pdf"
    window.export(out)
    qtbot.waitUntil(lambda: "Geëxporteerd" in window.statusBar().currentMessage(), timeout=120000)
    assert "Geachte heer Van Liemt," in pdf_text(out)


@pytest.mark.skipif(
    os.environ.get("COMPOSER_SCREENSHOTS") != "1",
    reason="screenshots only with COMPOSER_SCREENSHOTS=1",
)
@pytest.mark.parametrize(
    ("language", "width", "height", "name"),
    [
        ("nl", 1500, 950, "hoofdvenster.png"),
        ("en", 1500, 950, "hoofdvenster-en.png"),
        ("nl", 1024, 700, "hoofdvenster-1024.png"),  # a laptop: the docks start collapsed
    ],
)
def test_screenshot_of_the_main_window_with_its_preview(
    qtbot, open_letter, library, soffice, language, width, height, name
):
    from composer import i18n
    from composer.gui.preview import PreviewPanel

    ids = seed_samples(library, "Marleen")
    i18n.set_language(language)
    try:
        preview = PreviewPanel()
        window = make_window(qtbot, library, preview=preview)
        window.resize(width, height)
        window.fit_panels()  # as when the window first shows at this size
        with qtbot.waitSignal(preview.refreshed, timeout=120000):
            open_letter(window, ids[0])
        qtbot.wait(300)
        areas = [window.editor_area, *window.editor_area.findChildren(QScrollArea)]
        assert [area.horizontalScrollBar().maximum() for area in areas] == [0] * len(areas)
        window.grab().save(str(REPO / "docs" / "screenshots" / name))
        window.session.close()
        preview.shutdown()
    finally:
        i18n.set_language("nl")


def test_extra_menu_checks_a_pdf_signature(qtbot, library, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "composer.gui.dialogs.verify_pdf_dialog.VerifyPdfDialog.run",
        classmethod(lambda cls, parent=None, path=None: opened.append(parent)),
    )
    window = make_window(qtbot, library)
    window.verify_pdf_action.trigger()
    assert opened == [window]
    assert window.verify_pdf_action.text() == "PDF-&handtekening controleren…"
