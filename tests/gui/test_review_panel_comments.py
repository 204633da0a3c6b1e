"""The review panel: comments marked afgehandeld, a rejection's reason shown, and a save during
the review asked about before it withdraws the review."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.statuses import STATUS_APPROVED, STATUS_IN_REVIEW
from composer.gui.review_panel import ReviewPanel
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.storage.storage_helpers import sample_letter


def make_panel(qtbot, review, letter_id, reviewer="Bert") -> ReviewPanel:
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.set_author("Anna")
    panel.reviewer_edit.setText(reviewer)
    panel.show_letter(review.library, letter_id)
    qtbot.waitUntil(lambda: panel.status is not None, timeout=5000)
    return panel


def click_item(qtbot, panel, row: int) -> None:
    view = panel.comments_list
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_comment_is_marked_afgehandeld_and_shown_so(qtbot, review):
    letter_id = review.library.add(sample_letter(), author="Anna")
    first = review.comment(letter_id, version=1, author="Bert", text="Klopt de datum?")
    review.comment(letter_id, version=1, author="Bert", text="Bijlage ontbreekt")
    panel = make_panel(qtbot, review, letter_id, reviewer="Carla")
    assert not panel.resolve_button.isEnabled()  # nothing chosen yet
    assert "(2 open, 2 in totaal)" in panel.comments_box.open_label.text()
    click_item(qtbot, panel, 0)
    assert panel.resolve_button.isEnabled()
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)

    [done, still_open] = review.comments(letter_id)
    assert (done.id, done.resolved_by) == (first, "Carla") and not still_open.resolved
    item, other = panel.comments_list.item(0), panel.comments_list.item(1)
    assert "Klopt de datum?" in item.text() and "afgehandeld door Carla op " in item.text()
    assert "(open)" in other.text() and "afgehandeld" not in other.text()
    assert item.foreground().color() != other.foreground().color()  # greyed
    assert "(1 open, 2 in totaal)" in panel.comments_box.open_label.text()
    click_item(qtbot, panel, 0)
    assert not panel.resolve_button.isEnabled()  # done already: nothing to click again
    click_item(qtbot, panel, 1)
    assert panel.resolve_button.isEnabled()


def test_a_rejection_shows_its_reason_until_the_letter_is_offered_again(qtbot, review):
    letter_id = review.library.add(sample_letter(), author="Anna")
    review.submit(letter_id, author="Anna")
    panel = make_panel(qtbot, review, letter_id)
    assert panel.rejection_label.isHidden()
    panel.ask_text = lambda _title, _label: ("Alinea 2 klopt niet.", True)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    text = panel.rejection_label.text()
    assert panel.rejection_label.isVisibleTo(panel)
    assert text.startswith("Afgewezen door Bert op ") and text.endswith(": Alinea 2 klopt niet.")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert panel.status == STATUS_IN_REVIEW and panel.rejection_label.isHidden()
    fresh = make_panel(qtbot, review, letter_id)  # read again: still hidden
    assert fresh.rejection_label.isHidden()


def answer_with(button_text: str) -> list[str]:
    """Click `button_text` in the question box as soon as it shows; returns what it asked."""
    asked: list[str] = []
    tries = [0]

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, answer)
            return
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, answer)
    return asked


@pytest.mark.parametrize(
    ("button", "expected"), [("Annuleren", False), ("Opslaan en beoordeling intrekken", True)]
)
def test_saving_during_the_review_is_asked_about_first(qtbot, review, button, expected):
    letter_id = review.library.add(sample_letter(), author="Anna")
    review.submit(letter_id, author="Anna")
    panel = make_panel(qtbot, review, letter_id)
    asked = answer_with(button)
    assert panel.confirm_save(panel) is expected
    [question] = asked
    assert question.startswith("Opslaan trekt de beoordeling in")
    assert "Concept" in question
    assert review.status(letter_id).status == STATUS_IN_REVIEW  # asking changed nothing


def test_saving_an_approved_letter_names_the_approval_that_lapses(qtbot, review):
    letter_id = approved_letter(review, sample_letter())
    panel = make_panel(qtbot, review, letter_id)
    asked = answer_with("Annuleren")
    assert panel.confirm_save(panel) is False
    assert "goedkeuring van versie 1 vervalt" in asked[0]
    assert review.status(letter_id).status == STATUS_APPROVED


def test_saving_a_concept_asks_nothing(qtbot, review, message_boxes):
    letter_id = review.library.add(sample_letter(), author="Anna")
    panel = make_panel(qtbot, review, letter_id)
    assert panel.confirm_save(panel) is True
    assert message_boxes == [] and QApplication.activeModalWidget() is None


def test_saving_a_sent_letter_is_not_offered(qtbot, review, message_boxes):
    letter_id = approved_letter(review, sample_letter())
    review.send(letter_id, author="Anna", converter=FakeConverter)
    panel = make_panel(qtbot, review, letter_id)
    assert panel.confirm_save(panel) is False
    [(kind, text)] = message_boxes
    assert kind == "information" and "verzonden" in text and "composer" not in text


@pytest.mark.skipif(
    __import__("os").environ.get("COMPOSER_SCREENSHOTS") != "1",
    reason="screenshots only with COMPOSER_SCREENSHOTS=1",
)
def test_screenshot_of_the_review_panel_with_comments(qtbot, review):
    from pathlib import Path

    letter_id = review.library.add(sample_letter(), author="Anna")
    review.submit(letter_id, author="Anna")
    first = review.comment(letter_id, version=1, author="Bert", text="Klopt de datum?")
    review.comment(letter_id, version=1, author="Bert", text="De bijlage ontbreekt nog.")
    review.resolve(letter_id, first, by="Anna")
    panel = make_panel(qtbot, review, letter_id, reviewer="Bert")
    panel.resize(520, 560)
    click_item(qtbot, panel, 1)
    qtbot.wait(100)
    shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    panel.grab().save(str(shots / "beoordeling.png"))
