"""Samenvoegen in the desktop program: rows checked before merging, progress, cancel, summary."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from composer.core.letterfile import load_letter
from composer.gui.dialogs import merge_dialog
from composer.gui.dialogs.merge_dialog import MergeDialog
from composer.gui.dialogs.rows_table import STATUS_COLUMN, VALID_TEXT

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SCREENSHOTS = REPO / "docs" / "screenshots"
HEADER = ";".join(
    [
        "organisatie",
        "aanhef",
        "voorletters",
        "tussenvoegsel",
        "achternaam",
        "functie",
        "straat",
        "huisnummer",
        "postcode",
        "plaats",
    ]
)
VALID = [
    "WFC;heer;N.;van;Liemt;voorzitter;Voorbeeldstraat;12a;1234 AB;Voorbeeldstad",
    "FNV;mevrouw;E.;;Heemskerk;bestuurder;Proefweg;1;9999 ZX;Proefdorp",
    "Qlix;neutraal;R.;;Harmsen;;Testlaan;100-B;9997ZX;Voorbeeldstad",
]
INVALID = "CNV Vakmensen;heer;R.;;Mol;bestuurder;Proefweg;3;25110 AB;Proefdorp"


def csv_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "adressen.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def dialog(qtbot):
    dialog = MergeDialog(load_letter(SAMPLE))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load_list(qtbot, dialog: MergeDialog, path: Path) -> None:
    dialog.choose_file = lambda: path
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)


def test_the_letters_own_addressees_are_shown_first(dialog):
    assert dialog.letter_radio.isChecked()
    assert dialog.table.rowCount() == 1
    assert dialog.table.cell_text(0, 1) == (
        "N. van Liemt (Werkgeversvereniging Facilitaire Contactcenters (WFC))"
    )
    assert dialog.table.cell_text(0, STATUS_COLUMN) == VALID_TEXT
    assert dialog.count_label.text() == "1 geadresseerde, in orde."


def test_a_list_with_a_bad_row_shows_it_and_skipping_writes_the_good_ones(qtbot, dialog, tmp_path):
    load_list(qtbot, dialog, csv_file(tmp_path, [*VALID[:2], INVALID, VALID[2]]))
    assert dialog.table.rowCount() == 4
    assert dialog.count_label.text() == "4 geadresseerden: 3 in orde, 1 met een fout."
    assert [dialog.table.cell_text(row, 0) for row in range(4)] == [
        "rij 2",
        "rij 3",
        "rij 4",
        "rij 5",
    ]
    status = dialog.table.cell_text(2, STATUS_COLUMN)
    assert status.startswith("rij 4, kolom ‘postcode’: De postcode is ongeldig (‘25110 AB’).")
    assert dialog.table.cell_text(3, STATUS_COLUMN) == VALID_TEXT

    out = tmp_path / "uit"
    dialog.folder_edit.setText(str(out))
    # Without "ongeldige overslaan" nothing is written and the dialog says what to do.
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and bool(dialog.message_label.text()), timeout=20000)
    assert "1 geadresseerde is ongeldig; er is niets geschreven." in dialog.message_label.text()
    assert "zet ‘Ongeldige overslaan’ aan" in dialog.message_label.text()
    assert "--skip-invalid" not in dialog.message_label.text()
    assert not out.exists() or not list(out.glob("*.docx"))

    dialog.skip_check.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.running, timeout=20000)
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "01-van-Liemt-WFC.docx",
        "02-Heemskerk-FNV.docx",
        "03-Harmsen-Qlix.docx",
    ]
    summary = dialog.summary_label.text()
    assert summary.startswith(f"Klaar: 3 brieven geschreven in ‘{out}’.")
    assert "1 ongeldige geadresseerde overgeslagen (zie overgeslagen.txt)." in summary
    assert dialog.message_label.text() == ""
    assert dialog.progress_bar.format() == "Klaar"
    opened = []
    dialog.open_folder = opened.append
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [out]
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        dialog.resize(900, 700)
        dialog.grab().save(str(SCREENSHOTS / "samenvoegen.png"))


TOO_WIDE = (
    "FNV;mevrouw;E.;;Heemskerk;bestuurder bij de afdeling Arbeidsvoorwaarden en Sociale Zaken;"
    "Testweg;1;9999ZZ;Voorbeeldstad"
)


def test_an_address_too_wide_for_the_window_is_shown_before_merging(qtbot, dialog, tmp_path):
    load_list(qtbot, dialog, csv_file(tmp_path, [VALID[0], TOO_WIDE]))
    assert dialog.count_label.text() == "2 geadresseerden: 1 in orde, 1 met een fout."
    status = dialog.table.cell_text(1, STATUS_COLUMN)
    assert status.startswith("rij 3: De adresregel ‘T.a.v. mevrouw E. Heemskerk, bestuurder bij")
    assert "is te lang voor het venster van de envelop" in status
    assert dialog.table.cell_text(0, STATUS_COLUMN) == VALID_TEXT


def test_cancel_stops_after_the_letter_in_progress(qtbot, dialog, tmp_path, monkeypatch):
    # 60 letters take a quarter of a second here; 20 ms per letter (a slow network folder)
    # leaves the click time to arrive while the merge runs, also on a busy test machine.
    real_merge = merge_dialog.run_merge

    def slow_merge(*args, progress, **kwargs):
        def slow_progress(stage: str, done: int, total: int) -> None:
            progress(stage, done, total)
            time.sleep(0.02)

        return real_merge(*args, progress=slow_progress, **kwargs)

    monkeypatch.setattr(merge_dialog, "run_merge", slow_merge)
    rows = [f"Org {n};heer;A.;;Jansen{n};;Straat;{n};1234 AB;Voorbeeldstad" for n in range(1, 61)]
    load_list(qtbot, dialog, csv_file(tmp_path, rows))
    assert dialog.count_label.text() == "60 geadresseerden, alle in orde."
    out = tmp_path / "uit"
    dialog.folder_edit.setText(str(out))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() >= 1, timeout=20000)
    assert dialog.progress_bar.format().startswith("DOCX ")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    written = list(out.glob("*.docx"))
    assert 1 <= len(written) < 60
    assert dialog.summary_label.text().startswith(
        f"Afgebroken: {len(written)} van 60 brieven geschreven"
    )
    assert dialog.progress_bar.format() == "Afgebroken"
    assert dialog.report is not None and dialog.report.cancelled


def test_an_unreadable_list_says_so_in_the_dialog(qtbot, dialog, tmp_path):
    path = tmp_path / "adressen.pdf"
    path.write_bytes(b"%PDF-1.4")
    dialog.choose_file = lambda: path
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message_label.text()), timeout=10000)
    assert "‘adressen.pdf’ is geen adressenlijst die Composer kan lezen." in (
        dialog.message_label.text()
    )
    assert not dialog.start_button.isEnabled()


def test_start_without_a_folder_or_format_says_what_to_choose(qtbot, dialog):
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == (
        "Kies eerst de map waarin de brieven komen (Map: Kiezen…)."
    )
    dialog.docx_check.setChecked(False)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Kies een formaat: DOCX, PDF of beide."
    assert dialog.report is None


def test_existing_files_are_kept_unless_overwriting_is_ticked(qtbot, dialog, tmp_path):
    out = tmp_path / "uit"
    dialog.folder_edit.setText(str(out))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.running, timeout=20000)
    assert dialog.summary_label.text().startswith("Klaar: 1 brief geschreven")
    first = dialog.report
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message_label.text()) and not dialog.running)
    assert "bestaan al" in dialog.message_label.text()
    assert "zet ‘Bestaande bestanden overschrijven’ aan" in dialog.message_label.text()
    assert dialog.summary_label.text() == ""
    dialog.force_check.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not first and not dialog.running, timeout=20000)
    assert dialog.message_label.text() == ""
    assert dialog.summary_label.text().startswith("Klaar: 1 brief geschreven")


@pytest.mark.libreoffice
def test_pdfs_and_one_combined_pdf_name_the_engine(qtbot, dialog, tmp_path, soffice):
    load_list(qtbot, dialog, csv_file(tmp_path, VALID))
    out = tmp_path / "uit"
    dialog.folder_edit.setText(str(out))
    dialog.docx_check.setChecked(False)
    dialog.pdf_check.setChecked(True)
    dialog.combined_check.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.running, timeout=180000)
    assert dialog.message_label.text() == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "01-van-Liemt-WFC.pdf",
        "02-Heemskerk-FNV.pdf",
        "03-Harmsen-Qlix.pdf",
        "alle-brieven.pdf",
    ]
    summary = dialog.summary_label.text().splitlines()
    assert summary[0] == f"Klaar: 3 brieven geschreven in ‘{out}’."
    assert "Bestanden: PDF." in summary
    assert "Alle brieven samen in één PDF: alle-brieven.pdf." in summary
    assert any(line.startswith("PDF's gemaakt met LibreOffice ") for line in summary)


def test_duplex_is_offered_only_with_the_combined_pdf(qtbot, dialog):
    duplex = dialog.duplex_check
    assert duplex.text() == "Lege pagina’s invoegen voor dubbel&zijdig afdrukken"
    assert not duplex.isEnabled() and not duplex.isChecked()
    dialog.pdf_check.setChecked(True)
    dialog.combined_check.click()  # as a click or the space bar: toggled, not only set
    assert duplex.isEnabled()
    duplex.click()
    assert dialog.options().combined and dialog.options().duplex
    dialog.combined_check.click()
    assert not duplex.isEnabled()
    assert not dialog.options().combined and not dialog.options().duplex


def test_the_summary_counts_the_blank_pages_for_duplex(tmp_path):
    from composer.gui.dialogs.merge_summary import merge_summary
    from composer.merge.service import MergeReport

    combined = tmp_path / "alle-brieven.pdf"
    report = MergeReport(
        written=[tmp_path / "01-a.pdf", tmp_path / "02-b.pdf", combined],
        combined=combined,
        blank_pages=1,
        total=2,
    )
    lines = merge_summary(report, tmp_path).splitlines()
    assert "Alle brieven samen in één PDF: alle-brieven.pdf." in lines
    assert "Daarin is 1 lege pagina ingevoegd voor dubbelzijdig afdrukken." in lines
    report.blank_pages = 0
    assert "lege pagina" not in merge_summary(report, tmp_path)
