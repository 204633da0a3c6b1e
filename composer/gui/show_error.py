"""The one way the window shows an error: a user's error with its remedy, or a programming error."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from composer.errors import ComposerError
from composer.gui.remedies import remedy_text
from composer.i18n import N_, _

log = logging.getLogger(__name__)

TITLE = N_("Brievencomposer")
PROGRAMMING_ERROR = N_(
    "Er ging iets mis in Brievencomposer: een fout in het programma. Wat u net deed is misschien "
    "niet gelukt. De details staan in het logbestand (Help > Logbestand openen); kies Details "
    "kopiëren en stuur ze aan beheer."
)
COPY_DETAILS = N_("Details &kopiëren")
UNEXPECTED = N_("Er ging onverwacht iets mis ({kind}: {error}). Meld dit aan beheer.")

_open_boxes: list[QMessageBox] = []


def details(error: BaseException) -> str:
    """The traceback of `error`, as it is copied and logged."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def error_text(error: BaseException) -> str:
    """An error as a line in a panel or dialog: a ComposerError's message and its remedy in the
    window's words; a programming error plainly (whoever caught it raises it on, to the log)."""
    if isinstance(error, ComposerError):
        remedy = remedy_text(error.remedy)
        return f"{error.message}\n\n{remedy}" if remedy else error.message
    return _(UNEXPECTED).format(kind=type(error).__name__, error=error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A ComposerError: its message and what to do about it. Any other exception is a programming
    error: logged, and a Dutch message with "Details kopiëren" (the traceback to the clipboard)."""
    if isinstance(error, ComposerError):
        QMessageBox.warning(parent, _(TITLE), error_text(error))
        return
    text = details(error)
    log.error("Fout in het programma:\n%s", text.rstrip())
    show_programming_error(parent, text)


def show_programming_error(parent: QWidget | None, text: str) -> None:
    """The Dutch box for a programming error whose traceback `text` is already logged."""
    box = programming_error_box(parent, text)
    _open_boxes.append(box)  # a box without a parent lives as long as Python holds it
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.finished.connect(box.deleteLater)
    box.open()


def programming_error_box(parent: QWidget | None, text: str) -> QMessageBox:
    """The box for a programming error; it is not modal to the program, so a test can read it."""
    box = QMessageBox(QMessageBox.Icon.Critical, _(TITLE), _(PROGRAMMING_ERROR), parent=parent)
    box.setObjectName("programmafout")
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setDetailedText(text)
    copy = box.addButton(_(COPY_DETAILS), QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("details_kopieren")
    copy.clicked.disconnect()  # copying leaves the box open (a QMessageBox closes on any button)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    return box
