"""One way the window shows an error: the remedy in window words, a programming error logged with
"Details kopiëren", an exception nobody caught on the screen, and Help > Logbestand openen."""

from __future__ import annotations

import logging
import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.gui.excepthook import ExceptionHook
from composer.gui.remedies import remedy_text
from composer.gui.show_error import error_text, show_error
from composer.logs import log_file, setup_logging, stop_logging
from composer.settings import Settings
from composer.storage.library import Library


@pytest.fixture
def logging_to_file():
    path = setup_logging()
    yield path
    stop_logging()


def logged() -> str:
    for handler in logging.getLogger("composer").handlers:
        handler.flush()
    return log_file().read_text(encoding="utf-8") if log_file().exists() else ""


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "programmafout" and w.isVisible()
    ]


def close_boxes() -> None:
    for box in error_boxes():
        box.done(0)


def test_every_remedy_has_window_words_and_no_command_line():
    for action in RemedyAction:
        text = remedy_text(Remedy(action, letter_id=3, version=4))
        assert text and "composer" not in text.lower() and "--" not in text, action


def test_a_user_error_shows_its_remedy_in_window_words(qtbot, message_boxes):
    error = ComposerError(
        "Brief 3 is verzonden en kan niet meer worden gewijzigd.",
        Remedy(RemedyAction.RESTORE_AND_SUBMIT, letter_id=3, version=4),
    )
    show_error(None, error)
    [(kind, text)] = message_boxes
    assert kind == "warning"
    assert text.startswith("Brief 3 is verzonden en kan niet meer worden gewijzigd.")
    assert "Kies versie 4 in de Versiegeschiedenis" in text and "Indienen" in text
    assert "composer letters" not in text and "--" not in text
    assert error_text(error) == text


def test_a_programming_error_is_logged_and_offers_its_details(qtbot, logging_to_file):
    try:
        {}["ontbreekt"]
    except KeyError as exc:
        error = exc
    show_error(None, error)
    try:
        [box] = error_boxes()
        assert box.text().startswith("Er ging iets mis in Brievencomposer")
        [copy] = [b for b in box.buttons() if b.objectName() == "details_kopieren"]
        assert copy.text() == "Details &kopiëren"
        copy.click()
        assert box.isVisible()  # copying does not close the box
        copied = QApplication.clipboard().text()
        assert "Traceback" in copied and "KeyError: 'ontbreekt'" in copied
        assert "KeyError: 'ontbreekt'" in logged()
    finally:
        close_boxes()


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, logging_to_file, message_boxes):
    hook = ExceptionHook()
    hook.install()
    emitter = Emitter()

    def broken_slot() -> None:
        raise ValueError("fout in een slot")

    emitter.fired.connect(broken_slot)
    try:
        emitter.fired.emit()
        qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5000)
        [box] = error_boxes()
        [copy] = [b for b in box.buttons() if b.objectName() == "details_kopieren"]
        copy.click()
        assert "ValueError: fout in een slot" in QApplication.clipboard().text()
        assert "broken_slot" in logged() and "ValueError: fout in een slot" in logged()
        assert message_boxes == []  # not a user's error: no plain warning
    finally:
        hook.uninstall()
        close_boxes()


def test_an_exception_in_a_thread_is_shown_from_the_gui_thread(qtbot, logging_to_file):
    hook = ExceptionHook()
    hook.install()
    shown_in: list[bool] = []
    original = QMessageBox.open

    def open_box(box: QMessageBox) -> None:
        shown_in.append(threading.current_thread() is threading.main_thread())
        original(box)

    try:
        QMessageBox.open = open_box  # type: ignore[method-assign]
        worker = threading.Thread(target=lambda: 1 / 0, name="rekenaar")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5000)
        assert shown_in == [True]
        assert "[rekenaar]" in logged() and "ZeroDivisionError" in logged()
    finally:
        QMessageBox.open = original  # type: ignore[method-assign]
        hook.uninstall()
        close_boxes()


def test_help_menu_opens_the_log_file(qtbot, tmp_path, monkeypatch, logging_to_file):
    from composer.app.workspace import Workspace
    from composer.gui.main_window import MainWindow

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        workspace = Workspace(Settings(author="Marleen"), library=library)
        window = MainWindow(workspace, preview=QWidget())
        qtbot.addWidget(window)
        help_menu = window.menuBar().actions()[-1].menu()
        [item] = [a for a in help_menu.actions() if a.text() == "&Logbestand openen"]
        item.trigger()  # nothing logged yet: the folder
        logging.getLogger("composer.test").warning("iets om te lezen")
        item.trigger()  # now the file
        window.session.close()
    assert [url.toLocalFile() for url in opened] == [str(log_file().parent), str(log_file())]


def test_the_review_panel_says_what_to_do_in_window_words(qtbot, tmp_path):
    from composer.core.letterfile import load_letter
    from composer.gui.review_panel import ReviewPanel
    from tests.conftest import SAMPLE_LETTER

    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        letter_id = library.add(load_letter(SAMPLE_LETTER), author="Anna", message="")
        panel = ReviewPanel()
        qtbot.addWidget(panel)
        panel.set_author("Bo")
        panel.show_letter(library, letter_id)
        assert panel.approve() is False  # a Concept cannot be approved
        text = panel.message_label.text()
        assert text.startswith(f"Brief {letter_id} staat niet ter beoordeling")
        assert "Indienen in het paneel Beoordeling" in text
        assert "composer letters" not in text


def test_the_preview_leaves_out_the_docx_sentence_without_cutting_text(monkeypatch, tmp_path):
    from composer.gui.preview import DOCX_STILL_WORKS, missing_text
    from composer.render.pdf.locate import DOCX_KEEPS_WORKING, LibreOfficeMissing, find_soffice

    monkeypatch.setenv("COMPOSER_SOFFICE", str(tmp_path / "geen-soffice"))
    with pytest.raises(LibreOfficeMissing) as caught:
        find_soffice()
    error = caught.value
    assert error.message.endswith(DOCX_KEEPS_WORKING)  # the command line says it
    assert DOCX_KEEPS_WORKING not in error.explanation
    text = missing_text(error)
    assert DOCX_KEEPS_WORKING not in text and text.endswith(DOCX_STILL_WORKS)
    assert error.explanation in text and "libreoffice.org" in text
