"""Printing a PDF exactly as it is, through the system's printer dialog.

QtPdf cannot hand a PDF to a printer as it is, so each page is rendered (by the same PDFium that
shows the voorbeeld) at the printer's resolution, at most MAX_DPI, and painted onto the printer's
page. The page size of the PDF is proposed in the dialog; the page range, the page order and
(where the printer system does not make them) the copies the dialog returns are honoured."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from composer.errors import ComposerError
from composer.gui.show_error import show_error
from composer.i18n import N_, _

MAX_DPI = 600  # an A4 page at 600 dpi is a 140 MB image; paper shows no more
PROGRESS_AFTER_MS = 500  # the progress window appears when printing takes longer than this
PRINT_TITLE = N_("Afdrukken")
UNREADABLE = N_(
    "Afdrukken kan niet: de PDF van de brief is onleesbaar. Wacht tot het voorbeeld is "
    "bijgewerkt en probeer het opnieuw."
)
NO_PAGES = N_(
    "Er is niets afgedrukt: de gekozen pagina’s staan niet in de brief (die heeft er {count})."
)
PRINTER_FAILED = N_(
    "Het afdrukken is mislukt: de printer gaf een fout. Controleer of de printer aan staat en "
    "bereikbaar is, en probeer het opnieuw."
)


class PrintFailed(ComposerError):
    """The printer refused or failed; the message says what to do."""


def print_pdf(
    parent: QWidget | None, pdf: bytes, title: str, *, printer: QPrinter | None = None
) -> bool:
    """Ask for a printer (the dialog), then print every chosen page of `pdf`. True when it was
    printed; False when the user cancelled or it failed (the failure is shown)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            show_error(parent, PrintFailed(_(UNREADABLE)))
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        propose_page(printer, document, title)
        if not ask_printer(parent, printer, document.pageCount()):
            return False
        pages = chosen_pages(printer, document.pageCount())
        if not pages:
            show_error(parent, PrintFailed(_(NO_PAGES).format(count=document.pageCount())))
            return False
        return print_pages(parent, printer, document, pages)
    except PrintFailed as error:
        show_error(parent, error)
        return False
    finally:
        document.close()
        buffer.close()


def propose_page(printer: QPrinter, document: QPdfDocument, title: str) -> None:
    """The PDF's own paper (A4 for a letter), no margins of the printer's: the page is the PDF's."""
    size = document.pagePointSize(0)
    orientation = (
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    printer.setDocName(title)
    printer.setPageSize(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def ask_printer(parent: QWidget | None, printer: QPrinter, count: int) -> bool:
    """The system's printer dialog (Dutch through Qt's own translations)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_(PRINT_TITLE))
    dialog.setMinMax(1, count)
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOption(option.PrintPageRange, True)
    dialog.setOption(option.PrintToFile, True)
    dialog.setOption(option.PrintCollateCopies, True)
    dialog.setOption(option.PrintSelection, False)
    dialog.setOption(option.PrintCurrentPage, False)
    return dialog.exec() == QDialog.DialogCode.Accepted


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages to paint, from 0, in order, with the copies the printer system does not make."""
    pages = list(range(count))
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [page for page in pages if ranges.contains(page + 1)]
        elif printer.fromPage() > 0:
            last = printer.toPage() or count
            pages = [page for page in pages if printer.fromPage() <= page + 1 <= last]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies > 1:
        if printer.collateCopies():
            pages = pages * copies
        else:
            pages = [page for page in pages for _copy in range(copies)]
    return pages


def print_pages(
    parent: QWidget | None, printer: QPrinter, document: QPdfDocument, pages: list[int]
) -> bool:
    """Paint `pages` onto the printer with a progress window that can cancel."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(_(PRINTER_FAILED))
    progress = QProgressDialog(
        _("De brief wordt afgedrukt…"), _("Annuleren"), 0, len(pages), parent
    )
    progress.setWindowTitle(_(PRINT_TITLE))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    dpi = min(printer.resolution(), MAX_DPI)
    cancelled = failed = False
    try:
        for done, page in enumerate(pages):
            progress.setValue(done)  # a modal progress window lets Annuleren through here
            if progress.wasCanceled():
                cancelled = True
                break
            if done and not printer.newPage():
                failed = True
                break
            if not paint_page(painter, document, page, dpi):
                failed = True
                break
        progress.setValue(len(pages))
    finally:
        if cancelled or failed:
            printer.abort()
        ended = painter.end()
        progress.close()
        progress.deleteLater()
    if cancelled:
        return False
    if failed or not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed(_(PRINTER_FAILED))
    return True


def paint_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> bool:
    """One page of the PDF, rendered at `dpi`, fitted onto the paper (white under it)."""
    size = document.pagePointSize(page)
    pixels = QSize(max(1, round(size.width() * dpi / 72)), max(1, round(size.height() * dpi / 72)))
    image = document.render(page, pixels)
    if image.isNull():
        return False
    paper = QRectF(painter.viewport())
    scale = min(paper.width() / pixels.width(), paper.height() / pixels.height())
    target = QRectF(0, 0, pixels.width() * scale, pixels.height() * scale)
    target.moveCenter(paper.center())
    painter.fillRect(target, Qt.GlobalColor.white)
    painter.drawImage(target, image)
    return True
