"""Verzenden from the review panel: asked first (kenmerk, addressees), refused for what is
missing, a reason for open comments, sent in the background with the buttons off, and after it
the sent letter with its kenmerk, archive folder and Kopie maken."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.core.statuses import EVENT_SENT, STATUS_APPROVED, STATUS_CONCEPT, STATUS_SENT
from composer.gui.review_panel import ReviewPanel
from composer.settings import Settings
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.storage.storage_helpers import sample_letter

PATTERN = Settings().kenmerk_pattern


@pytest.fixture
def window(qtbot, review):
    """A stand-in window: the Workspace the panel's ops find, PDFs from a stand-in engine."""
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = Workspace(Settings(author="Anna"), library=review.library)
    window.workspace.pdf_engine = FakeConverter
    return window


def make_panel(qtbot, window, review, letter_id) -> ReviewPanel:
    panel = ReviewPanel(window)
    panel.set_author("Anna")
    panel.show_letter(review.library, letter_id)
    qtbot.waitUntil(lambda: panel.status is not None, timeout=5000)
    return panel


def open_send_dialog(qtbot, panel):
    """Click Verzenden… and wait until the dialog shows what sending will do."""
    assert panel.send_button.isEnabled()
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    dialog = panel.send_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    return dialog


def sent_events(review, letter_id):
    return [event for event in review.events(letter_id) if event.kind == EVENT_SENT]


def test_sending_names_the_kenmerk_and_addressees_and_sends_only_after_confirming(
    qtbot, window, review
):
    letter_id = approved_letter(review, sample_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    expected = review.send_plan(letter_id, pattern=PATTERN).kenmerk
    assert expected.startswith("KSF/")
    assert dialog.kenmerk_label.text() == f"Verzenden geeft kenmerk {expected} uit."
    assert "de heer N. van Liemt" in dialog.addressees_label.text()
    assert dialog.addressees_label.text().startswith("Aan 1 geadresseerde:")
    assert dialog.send_button.isEnabled() and dialog.reason_edit.isHidden()
    # Asking changed nothing: no kenmerk taken, still goedgekeurd.
    assert review.status(letter_id).kenmerk is None
    assert review.status(letter_id).status == STATUS_APPROVED

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status == STATUS_SENT, timeout=20000)
    assert review.status(letter_id).kenmerk == expected
    assert f"met kenmerk {expected}." in panel.sent_box.sent_label.text()
    assert panel.sent_box.isVisibleTo(panel)


def test_cancelling_sends_nothing(qtbot, window, review):
    letter_id = approved_letter(review, sample_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    status = review.status(letter_id)
    assert (status.status, status.kenmerk) == (STATUS_APPROVED, None)
    assert sent_events(review, letter_id) == [] and not panel.sending


def test_a_letter_with_a_kenmerk_is_sent_with_it(qtbot, window, review):
    letter_id = approved_letter(review, sample_letter())
    kenmerk = review.library.finalize(letter_id, author="Anna", pattern=PATTERN)
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    assert dialog.kenmerk_label.text() == f"De brief wordt verzonden met kenmerk {kenmerk}."


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"subject": ""}, "Betreft"),
        ({"body": []}, "tekst"),
        ({"addressees": []}, "geadresseerde"),
    ],
)
def test_what_is_missing_is_listed_and_there_is_only_sluiten(qtbot, window, review, changes, named):
    letter = replace(sample_letter(), **changes)
    letter_id = review.library.add(letter, author="Anna")
    review.submit(letter_id, author="Anna")
    review.approve(letter_id, version=1, reviewer="Bert")
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    problems = dialog.problems_label.text()
    assert problems.startswith("Deze brief kan nog niet worden verzonden:")
    assert named.lower() in problems.lower()
    assert dialog.kenmerk_label.text() == "Verzenden kan nog niet; er is niets veranderd."
    assert "[" not in problems and "addressees" not in problems
    assert dialog.send_button.isHidden() and dialog.cancel_button.text() == "&Sluiten"
    dialog.accept()  # Enter, say: still nothing
    assert dialog.result() != dialog.DialogCode.Accepted
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    status = review.status(letter_id)
    assert (status.status, status.kenmerk) == (STATUS_APPROVED, None)
    assert sent_events(review, letter_id) == []


def test_open_comments_need_a_reason_and_the_reason_is_recorded(qtbot, window, review):
    letter_id = approved_letter(review, sample_letter())
    for text in ("Klopt de datum?", "Bijlage ontbreekt"):
        review.comment(letter_id, version=1, author="Bert", text=text)
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    assert dialog.comments_label.text().startswith("Er staan nog 2 opmerkingen open.")
    assert dialog.reason_edit.isVisibleTo(dialog)
    assert not dialog.send_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.send_button.isEnabled()  # spaces are no reason
    dialog.reason_edit.clear()
    qtbot.keyClicks(dialog.reason_edit, "Directeur wil hem vandaag weg")
    assert dialog.send_button.isEnabled()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status == STATUS_SENT, timeout=20000)
    [event] = sent_events(review, letter_id)
    assert "Directeur wil hem vandaag weg" in event.text
    assert "Directeur wil hem vandaag weg" in panel.sent_box.note_label.text()


def test_a_kenmerk_taken_meanwhile_is_not_issued_silently(qtbot, window, review):
    letter_id = approved_letter(review, sample_letter())
    other = review.library.add(sample_letter(), author="Anna")
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    confirmed = dialog.kenmerk()
    assert review.library.finalize(other, author="Anna", pattern=PATTERN) == confirmed
    with qtbot.waitSignal(panel.sending_done, timeout=20000) as done:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert confirmed in panel.message_label.text()
    status = review.status(letter_id)
    assert status.status == STATUS_APPROVED and status.kenmerk != confirmed
    assert sent_events(review, letter_id) == []


class HeldConverter(FakeConverter):
    """A PDF engine that waits until the test lets it go on (LibreOffice taking its time)."""

    started = threading.Event()
    go_on = threading.Event()

    def convert(self, docx, pdf):
        type(self).started.set()
        assert type(self).go_on.wait(20)
        return super().convert(docx, pdf)


@pytest.fixture
def held(window):
    HeldConverter.started, HeldConverter.go_on = threading.Event(), threading.Event()
    window.workspace.pdf_engine = HeldConverter
    yield HeldConverter
    HeldConverter.go_on.set()


def test_sending_shows_progress_with_the_buttons_off(qtbot, window, review, held):
    letter_id = approved_letter(review, sample_letter())
    review.comment(letter_id, version=1, author="Bert", text="Mooi zo")
    panel = make_panel(qtbot, window, review, letter_id)
    panel.comments_list.setCurrentRow(0)
    assert panel.resolve_button.isEnabled()
    panel.send_now(expected_kenmerk=None, reason="Opmerking is geen bezwaar")
    assert held.started.wait(20)
    assert panel.progress.isVisibleTo(panel)
    assert panel.busy_label.text().startswith("Verzenden… PDF maken")
    buttons = [*panel.step_buttons().values(), panel.resolve_button]
    assert not any(button.isEnabled() for button in buttons)
    assert not panel.send()  # a second send while the first runs is not started
    held.go_on.set()
    qtbot.waitUntil(lambda: panel.status == STATUS_SENT, timeout=20000)
    assert not panel.progress.isVisibleTo(panel) and panel.busy_label.text() == ""
    assert panel.comment_button.isEnabled() and not panel.send_button.isEnabled()


def test_closing_the_panel_while_sending_still_sends_it_once(qtbot, window, review, held):
    letter_id = approved_letter(review, sample_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    panel.send_now(expected_kenmerk=None)
    assert held.started.wait(20)
    panel.close()
    panel.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(ReviewPanel), timeout=5000)
    held.go_on.set()
    qtbot.waitUntil(lambda: review.status(letter_id).status == STATUS_SENT, timeout=20000)
    assert len(sent_events(review, letter_id)) == 1


def sent_letter(review) -> int:
    letter_id = approved_letter(review, sample_letter())
    review.send(letter_id, author="Anna", pattern=PATTERN, converter=FakeConverter)
    return letter_id


def test_a_sent_letter_shows_its_kenmerk_and_archive_folder(qtbot, window, review, tmp_path):
    letter_id = sent_letter(review)
    kenmerk = review.status(letter_id).kenmerk
    panel = make_panel(qtbot, window, review, letter_id)
    box = panel.sent_box
    assert box.isVisibleTo(panel)
    assert box.sent_label.text().startswith("Verzonden op ")
    assert box.sent_label.text().endswith(f"door Anna, met kenmerk {kenmerk}.")
    folder = tmp_path / "archief" / str(letter_id) / "v2"
    assert box.archive_label.text() == f"Archiefmap: {folder}"
    stem = kenmerk.replace("/", "-")
    assert f"{stem}.docx" in box.files_label.text() and f"{stem}.pdf" in box.files_label.text()
    opened = []
    box.open_url = lambda url: opened.append(url.toLocalFile()) or True
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(folder)] and (folder / f"{stem}.pdf").exists()
    assert panel.status == STATUS_SENT


def test_the_window_hears_that_a_letter_is_sent(qtbot, window, review):
    letter_id = sent_letter(review)
    panel = ReviewPanel(window)
    with qtbot.waitSignal(panel.status_read, timeout=5000) as heard:
        panel.show_letter(review.library, letter_id)
    assert heard.args == [letter_id, STATUS_SENT]


def test_kopie_maken_makes_a_new_concept_and_says_which(qtbot, window, review):
    letter_id = sent_letter(review)
    panel = make_panel(qtbot, window, review, letter_id)
    with qtbot.waitSignal(panel.copy_made, timeout=5000) as made:
        qtbot.mouseClick(panel.sent_box.copy_button, Qt.MouseButton.LeftButton)
    [new_id] = made.args
    assert new_id != letter_id
    copy = review.library.version(new_id)
    assert copy.subject == sample_letter().subject and copy.our_reference == ""
    assert review.status(new_id).status == STATUS_CONCEPT
    assert review.status(letter_id).status == STATUS_SENT


def test_no_command_line_words_in_the_sent_panel(qtbot, window, review):
    letter_id = sent_letter(review)
    panel = make_panel(qtbot, window, review, letter_id)
    from PySide6.QtWidgets import QLabel, QPushButton

    texts = [w.text() for w in panel.findChildren(QLabel) + panel.findChildren(QPushButton)]
    assert texts and not [t for t in texts if "composer " in t or "--" in t]


def test_sending_with_libreoffice_archives_a_real_pdf(qtbot, window, review, soffice, monkeypatch):
    """The whole way, with the LibreOffice the settings choose (as in the window)."""
    monkeypatch.setenv("COMPOSER_SOFFICE", soffice)
    del window.workspace.pdf_engine  # the Workspace's own engine again
    letter_id = approved_letter(review, sample_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_send_dialog(qtbot, panel)
    kenmerk = dialog.kenmerk()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status == STATUS_SENT, timeout=120000)
    pdf = panel.sent_box.folder / f"{kenmerk.replace('/', '-')}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"met kenmerk {kenmerk}." in panel.sent_box.sent_label.text()
