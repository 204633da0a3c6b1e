"""The review panel enables exactly the steps the transition table allows, in every status."""

from __future__ import annotations

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from composer.core.statuses import STATUSES
from composer.errors import Remedy, RemedyAction
from composer.gui.remedies import remedy_text
from composer.gui.review_panel import ReviewPanel
from composer.review.service import ReviewService
from composer.review.transitions import Step, allowed
from tests.review.review_helpers import FakeConverter
from tests.storage.storage_helpers import sample_letter


def _letter_in(review: ReviewService, status: str) -> int:
    """A new letter brought to `status` through the service (the table's own path)."""
    letter_id = review.library.add(replace(sample_letter(), subject=status), author="Anna")
    path = {
        "concept": [],
        "ter_beoordeling": ["submit"],
        "goedgekeurd": ["submit", "approve"],
        "verzonden": ["submit", "approve", "send"],
    }[status]
    for step in path:
        if step == "submit":
            review.submit(letter_id, author="Anna")
        elif step == "approve":
            latest = review.library.version_info(letter_id).number
            review.approve(letter_id, version=latest, reviewer="Bert")
        else:
            review.send(letter_id, author="Anna", converter=FakeConverter)
    assert review.status(letter_id).status == status
    return letter_id


def _enabled(panel: ReviewPanel) -> dict[Step, bool]:
    return {step: button.isEnabled() for step, button in panel.step_buttons().items()}


@pytest.mark.parametrize("status", STATUSES)
def test_the_buttons_follow_the_table(qtbot, review, status):
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    letter_id = _letter_in(review, status)
    panel.show_letter(review.library, letter_id)
    expected = {step: allowed(status, step) for step in panel.step_buttons()}
    qtbot.waitUntil(lambda: _enabled(panel) == expected, timeout=5000)  # read in an op
    assert _enabled(panel) == expected
    assert any(_enabled(panel).values())  # a comment is always possible


def test_without_a_letter_nothing_is_enabled(qtbot):
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    assert not any(_enabled(panel).values())


def test_the_buttons_read_the_table_not_fixed_strings(qtbot, review, monkeypatch):
    """A table that allowed sending a concept would show Verzenden for a concept."""
    from composer.gui import review_panel

    panel = ReviewPanel()
    qtbot.addWidget(panel)
    letter_id = _letter_in(review, "concept")
    monkeypatch.setattr(
        review_panel, "allowed", lambda status, step: status == "concept" and step is Step.SEND
    )
    panel.show_letter(review.library, letter_id)
    qtbot.waitUntil(lambda: _enabled(panel)[Step.SEND], timeout=5000)  # read in an op
    assert _enabled(panel)[Step.SEND] and not _enabled(panel)[Step.SUBMIT]


def test_a_refusal_shows_the_window_remedy_not_a_command(qtbot, review):
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.set_author("Anna")
    letter_id = _letter_in(review, "verzonden")
    panel.show_letter(review.library, letter_id)
    assert not panel.submit()  # the button is off; a shortcut or a stale panel still asks
    shown = panel.message_label.text()
    assert "al verzonden" in shown and "composer letters" not in shown
    assert remedy_text(Remedy(RemedyAction.COPY, letter_id=letter_id)) in shown
