"""The Leesbaarheid panel: score in words, advice per block, spelling count, jump to the words."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from composer.core import rich_text
from composer.core.models import Heading, ListBlock, Paragraph, Promise, Run
from composer.gui.readability_panel import ADVICE_ONLY, ReadabilityPanel
from composer.gui.session import LetterSession
from composer.writing.spelling import SpellChecker, shared_checker

DAY = dt.date(2026, 12, 3)
FORMAL = "Derhalve verzoeken wij u middels dit formulier inzake uw aanvraag te reageren."
LONG = (
    "Een behoorlijk en duurzaam arbeidsvoorwaardenpakket binnen facilitaire contactcenters kan "
    "en mag niet enkel het vraagstuk voor de onderhandelende partijen zijn, zegt Roel Masselink, "
    "directeur van de KSF."
)
PASSIVE = "De uitgangspunten worden door de partijen vastgelegd."
TYPOS = "Wij zijn onmiddelijk begonnen met de fuot en de fuot."


@pytest.fixture(scope="module")
def loaded_checker() -> SpellChecker:
    checker = shared_checker()
    assert checker.wait(timeout=60), checker.error
    return checker


@pytest.fixture
def session(qapp, library, tmp_path, loaded_checker):
    loaded_checker.set_extra_words(())
    made = LetterSession(library, author="Anna", drafts_folder=tmp_path / "concepten")
    made.new_from_template("brief", today=DAY)
    made.letter.body = [
        Heading("Uw aanvraag"),
        Paragraph(FORMAL),
        Promise(4),
        ListBlock(
            "bullet",
            [
                rich_text.list_item([Run("Eerste punt.")]),
                rich_text.list_item(
                    [Run("Tweede punt: "), Run("derhalve", bold=True), Run(" later.")]
                ),
            ],
        ),
        Paragraph(LONG),
        Paragraph(PASSIVE),
        Paragraph(TYPOS),
    ]
    yield made
    made.close()


@pytest.fixture
def panel(qtbot, session, loaded_checker):
    selected: list[tuple[int, int, int]] = []
    made = ReadabilityPanel(
        session, lambda block, start, end: selected.append((block, start, end)), loaded_checker
    )
    made.selected = selected
    qtbot.addWidget(made)
    made.resize(460, 640)
    with qtbot.waitSignal(made.updated, timeout=10000):
        made.refresh()
    return made


def test_the_panel_shows_the_score_the_advice_and_the_spelling_count(panel):
    assert panel.score_label.text().startswith("Leesbaarheid ")
    assert "(" in panel.score_label.text() and "zinnen" in panel.score_label.text()
    rows = panel.rows()
    assert rows[0].startswith("Alinea 2: leesbaarheid ")
    assert rows[1:5] == [
        "‘Derhalve’ → ‘Daarom’ (formeel woord)",
        "‘verzoeken’ → ‘vragen’ (formeel woord)",
        "‘middels’ → ‘met’ of ‘via’ (formeel woord)",
        "‘inzake’ → ‘over’ (formeel woord)",
    ]
    assert any(row.startswith("Lijst (blok 4)") for row in rows)
    assert "‘derhalve’ → ‘daarom’ (formeel woord)" in rows  # in the bold run of an item
    assert any(row.startswith("Zin van 27 woorden (‘Een behoorlijk") for row in rows)
    assert "Lijdende vorm (‘worden … vastgelegd’): schrijf wie het doet." in rows
    assert panel.spelling_label.text() == "3 mogelijke spelfouten"
    assert not any("fuot" in row for row in rows)  # a misspelt word is no "rare word" too
    assert ADVICE_ONLY in [label.text() for label in panel.findChildren(type(panel.score_label))]


def test_a_long_advice_wraps_and_shows_whole(qtbot, panel):
    panel.show()
    qtbot.waitExposed(panel)
    tree = panel.tree
    rows = {
        tree.topLevelItem(i).child(j).text(0): tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    long = next(item for text, item in rows.items() if text.startswith("Zin van 27"))
    short = rows["‘inzake’ → ‘over’ (formeel woord)"]
    assert long.text(0).endswith("maak er twee zinnen van.")
    assert tree.visualItemRect(long).height() >= 2 * tree.visualItemRect(short).height() - 4


def test_advice_is_never_red(panel):
    red = QColor(Qt.GlobalColor.red)
    for widget in (panel.score_label, panel.spelling_label, panel.tree):
        assert widget.palette().color(QPalette.ColorRole.WindowText) != red
        assert "red" not in widget.styleSheet()


def test_enter_or_double_click_on_an_advice_selects_its_words(qtbot, panel):
    top = panel.tree.topLevelItem(0)
    middels = top.child(2)
    panel.tree.setCurrentItem(middels)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    start = FORMAL.index("middels")
    assert panel.selected == [(1, start, start + len("middels"))]

    list_top = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0).startswith("Lijst")
    )
    derhalve = next(
        list_top.child(i)
        for i in range(list_top.childCount())
        if list_top.child(i).text(0).startswith("‘derhalve’")
    )
    panel.show()
    qtbot.waitExposed(panel)
    panel.tree.scrollToItem(derhalve)
    rect = panel.tree.visualItemRect(derhalve)
    assert rect.isValid()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(panel.selected) == 1  # one click only chooses the row
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = "Eerste punt.\nTweede punt: derhalve later."
    begin = text.index("derhalve")
    assert panel.selected[-1] == (3, begin, begin + len("derhalve"))


def test_the_panel_follows_typing_after_a_pause(qtbot, panel, session):
    with qtbot.waitSignal(panel.updated, timeout=10000):
        session.set_value("body[1]", Paragraph("Daarom vragen wij u dit formulier te sturen."))
    rows = panel.rows()
    assert not any("Derhalve" in row for row in rows)
    assert "‘derhalve’ → ‘daarom’ (formeel woord)" in rows  # the list item's is still there
    with qtbot.waitSignal(panel.updated, timeout=10000):
        session.set_value("body[6]", Paragraph("Wij zijn onmiddellijk begonnen."))
    assert panel.spelling_label.text() == "Geen spelfouten gevonden."


def test_the_office_word_list_counts(qtbot, panel, loaded_checker):
    loaded_checker.add_word("fuot")
    try:
        with qtbot.waitSignal(panel.updated, timeout=10000):
            panel.refresh()
        assert panel.spelling_label.text() == "1 mogelijke spelfout"
    finally:
        loaded_checker.set_extra_words(())


def test_screenshot(qtbot, panel):
    """docs/screenshots/leesbaarheid.png with COMPOSER_SCREENSHOTS=1 (look at it)."""
    if not os.environ.get("COMPOSER_SCREENSHOTS"):
        pytest.skip("COMPOSER_SCREENSHOTS=1 makes the screenshot")
    panel.resize(480, 620)
    panel.show()
    qtbot.waitExposed(panel)
    target = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "leesbaarheid.png"
    assert panel.grab().save(str(target))


def test_an_advice_selects_its_words_in_the_letter_editor(qtbot, session, loaded_checker):
    from composer.gui.editor import LetterEditor

    editor = LetterEditor(session)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.reload()
    panel = ReadabilityPanel(session, editor.select_body_text, loaded_checker)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.updated, timeout=10000):
        panel.refresh()
    editor.show()
    qtbot.waitExposed(editor)
    rows = {
        panel.tree.topLevelItem(i).child(j).text(0): panel.tree.topLevelItem(i).child(j)
        for i in range(panel.tree.topLevelItemCount())
        for j in range(panel.tree.topLevelItem(i).childCount())
    }
    panel.tree.itemActivated.emit(rows["‘middels’ → ‘met’ of ‘via’ (formeel woord)"], 0)
    assert editor.blocks.edit.textCursor().selectedText() == "middels"
    panel.tree.itemActivated.emit(rows["‘derhalve’ → ‘daarom’ (formeel woord)"], 0)
    cursor = editor.blocks.edit.textCursor()
    assert cursor.selectedText() == "derhalve"
    assert cursor.block().text() == "Tweede punt: derhalve later."
