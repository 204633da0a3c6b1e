"""The library panel's Verwijderen, Prullenbak, Terugzetten and Dupliceren, driven as a person
does, checked in the database; and the panel at 260 pixels wide."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from composer.gui.library_panel import EMPTY_BIN, SUBJECT
from composer.paths import config_dir
from composer.review.service import ReviewService
from tests.gui import test_library_panel as listing
from tests.gui.test_library_panel import CAO, CONGRES, CONSULTATIE, cell_of, subjects

# The list of test_library_panel: a real SQLite library with three letters, in a panel.
library, three_letters, panel = listing.library, listing.three_letters, listing.panel

AUTHOR = "Marleen de Vries"


@pytest.fixture(autouse=True)
def author_setting():
    """The name the panel records as who deleted or duplicated (from Instellingen)."""
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text(f'author = "{AUTHOR}"\n', encoding="utf-8")


@pytest.fixture
def answer_yes(monkeypatch, message_boxes):
    """Questions get Yes (and are still recorded in `message_boxes`)."""

    def question(_parent, _title, text, *args, **kwargs):
        message_boxes.append(("question", text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return message_boxes


def action_texts(panel) -> list[str]:
    return [action.text() for action in panel.context_menu().actions() if action.text()]


def test_the_delete_key_asks_and_moves_the_letter_to_the_bin(
    qtbot, panel, library, three_letters, answer_yes
):
    panel.select_letter(three_letters["cao"])
    panel.table.setFocus()
    deleted: list[int] = []
    panel.letter_deleted.connect(deleted.append)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: deleted == [three_letters["cao"]], timeout=5000)
    assert answer_yes[0] == (
        "question",
        f"Brief ‘{CAO}’ naar de prullenbak verplaatsen?\n\nDe brief en zijn versies blijven "
        "bewaard; u kunt hem terugzetten vanuit Status: Prullenbak.",
    )
    assert subjects(panel) == [CONSULTATIE, CONGRES]
    assert panel.count_label.text() == "2 brieven"
    binned = library.in_bin(three_letters["cao"])
    assert binned is not None and binned.deleted_by == AUTHOR
    assert [v.number for v in library.history(three_letters["cao"])] == [1]  # nothing erased


def test_no_to_the_question_deletes_nothing(qtbot, panel, library, three_letters, message_boxes):
    panel.select_letter(three_letters["congres"])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [kind for kind, _text in message_boxes] == ["question"]
    assert library.in_bin(three_letters["congres"]) is None
    assert subjects(panel) == [CONSULTATIE, CONGRES, CAO]


def test_the_context_menu_deletes_and_the_bin_restores(
    qtbot, panel, library, three_letters, answer_yes
):
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_letter(three_letters["congres"])
    assert action_texts(panel) == ["&Openen", "&Dupliceren", "&Verwijderen"]
    menu = panel.context_menu()
    delete = next(a for a in menu.actions() if a.text() == "&Verwijderen")
    assert delete.shortcut().toString() == "Del"
    delete.trigger()
    qtbot.waitUntil(lambda: CONGRES not in subjects(panel), timeout=5000)
    assert library.in_bin(three_letters["congres"]) is not None

    # The prullenbak: its own entry in the status filter, with Terugzetten instead of Verwijderen.
    panel.status_filter.setCurrentText("Prullenbak")
    assert subjects(panel) == [CONGRES]
    assert panel.proxy.headerData(3, Qt.Orientation.Horizontal) == "Verwijderd"
    assert panel.count_label.text() == "1 brief in de prullenbak"
    assert panel.restore_button.isVisible() and not panel.delete_button.isVisible()
    opened: list[int] = []
    panel.letter_activated.connect(opened.append)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell_of(panel, CONGRES))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened == []  # a letter in the prullenbak is not opened from the list
    assert panel.current_letter_id() == three_letters["congres"]
    assert action_texts(panel) == ["&Terugzetten", "&Dupliceren"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # nothing to delete in the prullenbak
    assert library.in_bin(three_letters["congres"]) is not None

    restored: list[int] = []
    panel.letter_restored.connect(restored.append)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restored == [three_letters["congres"]], timeout=5000)
    assert library.in_bin(three_letters["congres"]) is None
    assert panel.empty_label.text() == EMPTY_BIN
    panel.status_filter.setCurrentText("Alle")
    assert subjects(panel) == [CONSULTATIE, CONGRES, CAO]
    assert library.summary(three_letters["congres"]).status == "ter_beoordeling"


def test_a_sent_letter_is_not_deleted_and_the_message_says_why(
    qtbot, panel, library, three_letters, answer_yes
):
    panel.select_letter(three_letters["consultatie"])
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answer_yes) == 2, timeout=5000)
    kind, text = answer_yes[1]
    assert kind == "warning"
    assert "is verzonden met kenmerk KSF/2026/0001 en staat in het archief" in text
    assert "kan niet worden verwijderd" in text
    assert library.in_bin(three_letters["consultatie"]) is None
    assert CONSULTATIE in subjects(panel)


def test_dupliceren_makes_a_new_concept_and_offers_it(qtbot, panel, library, three_letters):
    panel.select_letter(three_letters["consultatie"])  # sent, with a kenmerk
    with qtbot.waitSignal(panel.letter_duplicated, timeout=5000) as made:
        qtbot.mouseClick(panel.duplicate_button, Qt.MouseButton.LeftButton)
    new_id = made.args[0]
    assert new_id not in three_letters.values()
    summary = library.summary(new_id)
    assert (summary.subject, summary.status, summary.kenmerk, summary.latest_version) == (
        CONSULTATIE,
        "concept",
        None,
        1,
    )
    [version] = library.history(new_id)
    assert version.author == AUTHOR
    assert (
        version.message
        == f"Op basis van brief {three_letters['consultatie']}, versie 2 (kenmerk KSF/2026/0001)"
    )
    events = ReviewService(library).events(new_id)
    assert [(e.kind, e.related_letter_id) for e in events] == [
        ("copied-from", three_letters["consultatie"])
    ]
    assert panel.current_letter_id() == new_id
    assert subjects(panel).count(CONSULTATIE) == 2


def test_the_panel_is_usable_260_pixels_wide(qtbot, panel, three_letters):
    panel.resize(260, 420)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.width() == 260
    assert panel.shown_columns() == ["Betreft", "Status"]
    assert not panel.table.horizontalScrollBar().isVisible()
    for widget in (
        panel.search_field,
        panel.status_filter,
        panel.duplicate_button,
        panel.delete_button,
    ):
        assert widget.isVisible()
        right = widget.mapTo(panel, widget.rect().topRight()).x()
        assert right < 260, widget.objectName()
    tooltip = panel.proxy.index(0, SUBJECT).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[0] == CONSULTATIE
    assert "Ministerie van BZK" in tooltip and "KSF/2026/0001" in tooltip
    panel.resize(900, 420)
    qtbot.waitUntil(lambda: len(panel.shown_columns()) == 5, timeout=2000)


def test_screenshot_of_the_bin(qtbot, panel, library, three_letters):
    if os.environ.get("COMPOSER_SCREENSHOTS") != "1":
        pytest.skip("screenshots only with COMPOSER_SCREENSHOTS=1")
    library.move_to_bin(three_letters["congres"], author=AUTHOR)
    panel.resize(300, 320)  # as narrow as the panel beside the letter on a laptop
    panel.show()
    qtbot.waitExposed(panel)
    panel.status_filter.setCurrentText("Prullenbak")
    panel.select_letter(three_letters["congres"])
    listing.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(listing.SCREENSHOTS / "bibliotheek-prullenbak.png"))
