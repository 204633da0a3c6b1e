"""Printing (Ctrl+P): the exact PDF of the letter as it is now, through the printer dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")
pytest.importorskip("PySide6.QtPrintSupport")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from composer.core.letterfile import load_letter
from composer.gui import print_pdf as printing
from composer.gui.preview import PRINT_WAITS, PreviewPanel
from tests.gui import test_preview_letters
from tests.gui.test_preview_letters import SAMPLE, TextEngine, letter_with, text_pdf

WAIT = 60000
office_panel = test_preview_letters.office_panel  # the fixture: the voorbeeld with LibreOffice


class Dialog:
    """Answers the printer dialog as a person would: OK (printing to a PDF file, at a low
    resolution to stay quick) or Annuleren; `pages` chooses a page range."""

    def __init__(self, monkeypatch, output: Path, *, accept: bool = True, pages=None) -> None:
        self.output = output
        self.accept = accept
        self.pages = pages
        self.opened = 0
        self.titles: list[str] = []
        dialog = self

        def exec_(qt_dialog: QPrintDialog) -> int:
            dialog.opened += 1
            dialog.titles.append(qt_dialog.windowTitle())
            printer = qt_dialog.printer()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(dialog.output))
            printer.setResolution(100)
            if dialog.pages:
                printer.setPrintRange(QPrinter.PrintRange.PageRange)
                printer.setFromTo(*dialog.pages)
            return QDialog.DialogCode.Accepted if dialog.accept else QDialog.DialogCode.Rejected

        monkeypatch.setattr(QPrintDialog, "exec", exec_)


class PrintedPdfs:
    """Records the PDF every print was given (and prints it all the same)."""

    def __init__(self, monkeypatch) -> None:
        self.pdfs: list[bytes] = []
        real = printing.print_pdf

        def spy(parent, pdf, title, *, printer=None):
            self.pdfs.append(pdf)
            return real(parent, pdf, title, printer=printer)

        monkeypatch.setattr(printing, "print_pdf", spy)


def read_pdf(data: bytes) -> QPdfDocument:
    document = QPdfDocument()
    buffer = QBuffer(document)  # lives as long as the document that reads it
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return document


def text_of(data: bytes) -> str:
    document = read_pdf(data)
    return " ".join(document.getAllText(page).text() for page in range(document.pageCount()))


def dark_pixels(document: QPdfDocument, page: int) -> int:
    """How much ink a page has: its pixels that are drawn and dark."""
    size = QSize(298, 421)  # 36 dpi
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)  # the paper under a page that PDFium leaves transparent
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    if os.environ.get("H4_GRAB"):
        image.save(f"{os.environ['H4_GRAB']}-{id(document)}-{page}.png")
    return sum(
        1
        for x in range(size.width())
        for y in range(size.height())
        if image.pixelColor(x, y).lightness() < 160
    )


def printed(path: Path) -> QPdfDocument:
    return read_pdf(path.read_bytes())


# -- print_pdf on its own --------------------------------------------------------------------


def test_every_page_goes_to_the_printer_with_its_ink(qtbot, monkeypatch, tmp_path):
    output = tmp_path / "afdruk.pdf"
    dialog = Dialog(monkeypatch, output)
    source = text_pdf("Eerste pagina van de brief", "Tweede pagina", "Derde pagina")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    assert printing.print_pdf(None, source, "Handreiking", printer=printer)
    assert dialog.opened == 1 and dialog.titles == ["Afdrukken"]
    result = printed(output)
    assert result.pageCount() == 3
    assert result.metaData(QPdfDocument.MetaDataField.Title) == "Handreiking"
    size = result.pagePointSize(0)
    assert round(size.width()) == 595 and round(size.height()) == 842  # A4, as the letter
    original = read_pdf(source)
    for page in range(3):
        ink = dark_pixels(original, page)
        assert ink > 20
        assert 0.5 * ink < dark_pixels(result, page) < 2 * ink, f"page {page + 1} differs"


def test_the_page_range_of_the_dialog_is_honoured(qtbot, monkeypatch, tmp_path):
    output = tmp_path / "afdruk.pdf"
    Dialog(monkeypatch, output, pages=(2, 3))
    source = text_pdf("Een", "Twee", "Drie")
    assert printing.print_pdf(None, source, "Brief", printer=QPrinter())
    assert printed(output).pageCount() == 2


def test_cancelling_the_dialog_prints_nothing(qtbot, monkeypatch, tmp_path, message_boxes):
    output = tmp_path / "afdruk.pdf"
    Dialog(monkeypatch, output, accept=False)
    assert not printing.print_pdf(None, text_pdf("Een"), "Brief", printer=QPrinter())
    assert not output.exists()
    assert message_boxes == []


def test_an_unreadable_pdf_is_refused_in_plain_dutch(qtbot, monkeypatch, tmp_path, message_boxes):
    dialog = Dialog(monkeypatch, tmp_path / "afdruk.pdf")
    assert not printing.print_pdf(None, b"%PDF-1.4 kapot", "Brief", printer=QPrinter())
    assert dialog.opened == 0
    assert message_boxes == [("warning", printing._(printing.UNREADABLE))]


# -- from the voorbeeld ----------------------------------------------------------------------


@pytest.fixture
def engine():
    engine = TextEngine()
    yield engine
    engine.gate.set()


@pytest.fixture
def panel(qtbot, engine):
    panel = PreviewPanel(engine=engine)
    qtbot.addWidget(panel)
    panel.resize(380, 640)
    panel.show()
    yield panel
    panel.shutdown()


def test_ctrl_p_prints_the_page_that_is_shown(qtbot, monkeypatch, tmp_path, panel):
    output = tmp_path / "afdruk.pdf"
    Dialog(monkeypatch, output)
    prints = PrintedPdfs(monkeypatch)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Afdrukken vanuit het voorbeeld", "KSF/2024/0009"))
    with qtbot.waitSignal(panel.print_finished, timeout=5000) as done:
        panel.print_letter()
    assert done.args == [True]
    assert len(prints.pdfs) == 1 and "KSF/2024/0009" in text_of(prints.pdfs[0])
    assert printed(output).pageCount() == panel.document.pageCount()
    assert printed(output).metaData(QPdfDocument.MetaDataField.Title) == (
        "Afdrukken vanuit het voorbeeld"
    )
    assert panel.status_label.text() == "De brief is naar de printer gestuurd."


def test_a_print_while_the_page_is_behind_waits_for_the_letter_as_it_is(
    qtbot, monkeypatch, tmp_path, panel, engine
):
    dialog = Dialog(monkeypatch, tmp_path / "afdruk.pdf")
    prints = PrintedPdfs(monkeypatch)
    letter = letter_with("Oud onderwerp")
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter)
    engine.gate.clear()
    letter.subject = "Nieuw onderwerp"
    panel.show_letter(letter)  # just typed: the page on screen is behind
    panel.print_letter()
    assert dialog.opened == 0
    assert panel.status_label.text() == PRINT_WAITS
    with qtbot.waitSignal(panel.print_finished, timeout=5000):
        engine.gate.set()
    assert dialog.opened == 1
    assert "Nieuw onderwerp" in text_of(prints.pdfs[0])
    assert "Oud onderwerp" not in text_of(prints.pdfs[0])


def test_after_another_letter_nothing_of_the_previous_one_is_printed(
    qtbot, monkeypatch, tmp_path, panel, engine
):
    Dialog(monkeypatch, tmp_path / "afdruk.pdf")
    prints = PrintedPdfs(monkeypatch)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Brief A", "KSF/2024/0001"))
    engine.gate.clear()
    panel.start_letter(letter_with("Brief B"))
    panel.print_letter()
    with qtbot.waitSignal(panel.print_finished, timeout=5000):
        engine.gate.set()
    assert len(prints.pdfs) == 1
    assert "Brief B" in text_of(prints.pdfs[0])
    assert "KSF/2024/0001" not in text_of(prints.pdfs[0])


def test_a_print_asked_for_the_previous_letter_is_not_made_of_the_next(
    qtbot, monkeypatch, tmp_path, panel, engine
):
    dialog = Dialog(monkeypatch, tmp_path / "afdruk.pdf")
    engine.gate.clear()
    panel.show_letter(letter_with("Brief A"))
    panel.print_letter()
    with qtbot.waitSignal(panel.print_finished, timeout=5000) as done:
        panel.start_letter(letter_with("Brief B"))  # another letter before A was ready
    assert done.args == [False]
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        engine.gate.set()
    assert dialog.opened == 0


def test_a_letter_that_cannot_be_made_is_not_printed(
    qtbot, monkeypatch, tmp_path, panel, message_boxes
):
    dialog = Dialog(monkeypatch, tmp_path / "afdruk.pdf")
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Goed"))
    panel.show_letter(letter_with("FOUT: het onderwerp"))
    with qtbot.waitSignal(panel.print_finished, timeout=5000) as done:
        panel.print_letter()
    assert done.args == [False]
    assert dialog.opened == 0
    assert message_boxes == [
        (
            "warning",
            "Afdrukken kan niet: het voorbeeld van de brief kon niet worden gemaakt.\n\n"
            "Het betreft klopt niet. Vul een onderwerp in.",
        )
    ]


def test_before_any_letter_there_is_nothing_to_print(qtbot, panel, message_boxes):
    with qtbot.waitSignal(panel.print_finished, timeout=5000) as done:
        panel.print_letter()
    assert done.args == [False]
    assert message_boxes == [
        ("warning", "Er is nog geen brief om af te drukken. Open of maak eerst een brief.")
    ]


def test_the_sample_letter_prints_as_its_two_pages(qtbot, monkeypatch, tmp_path, office_panel):
    output = tmp_path / "afdruk.pdf"
    Dialog(monkeypatch, output)
    panel = office_panel
    panel.show_letter(load_letter(SAMPLE))
    with qtbot.waitSignal(panel.print_finished, timeout=WAIT) as done:
        panel.print_letter()  # the page is not made yet: printing waits for it
    assert done.args == [True]
    result = printed(output)
    assert result.pageCount() == panel.document.pageCount() == 2
    for page in range(2):
        ink = dark_pixels(panel.document, page)
        assert ink > 500
        assert 0.5 * ink < dark_pixels(result, page) < 2 * ink, f"page {page + 1} differs"


def test_without_libreoffice_printing_says_what_is_needed(qtbot, monkeypatch, message_boxes):
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.show_letter(letter_with("Zonder LibreOffice"))
    with qtbot.waitSignal(panel.print_finished, timeout=5000) as done:
        panel.print_letter()
    assert done.args == [False]
    assert message_boxes == [
        (
            "warning",
            "Afdrukken kan niet: daarvoor is LibreOffice nodig. In het voorbeeld staat hoe u "
            "het installeert.",
        )
    ]
