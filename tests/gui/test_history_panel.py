"""The version history panel: versions of a real library, differences, restore, Word redline."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from lxml import etree
from PySide6.QtCore import Qt

from composer.core import rich_text
from composer.core.letterfile import load_letter
from composer.core.models import Heading, ListBlock, ListItem, Paragraph, Run
from composer.gui.diff_view import NO_DIFFERENCES, DiffView
from composer.gui.history_panel import FIRST_VERSION, HistoryPanel
from composer.gui.letter_table_model import format_moment
from composer.history.diff import FieldChange, WordChange
from composer.storage.library import Library

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SCREENSHOTS = REPO / "docs" / "screenshots"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEW_SUBJECT = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters & <partners>"
ADDED_PARAGRAPH = "Wij rekenen op {{ naam }} & co.\nTweede regel van de alinea."


@pytest.fixture
def library(tmp_path: Path):
    moments = iter(datetime(2026, 11, 24, 9, 30, tzinfo=UTC) + timedelta(hours=26) * n
                   for n in range(1000))  # fmt: skip
    url = f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
    with Library.open(url, clock=lambda: next(moments)) as library:
        yield library


@pytest.fixture
def letter_id(library: Library) -> int:
    """Version 1 the sample; version 2 with `zeer` inserted, `hoog` deleted and more."""
    letter = load_letter(SAMPLE)
    letter_id = library.add(letter, author="Marleen de Vries", message="Eerste opzet")
    text = letter.body[1].text
    assert "werknemerszijde grote dilemma" in text and "het hoog tijd" in text
    letter.body[1].text = text.replace(" grote ", " zeer grote ").replace(
        "het hoog tijd", "het tijd"
    )
    letter.subject = NEW_SUBJECT
    letter.body.insert(3, Paragraph(ADDED_PARAGRAPH))
    library.save(letter_id, letter, author="Jan Jansen", message="Toon aangescherpt")
    return letter_id


@pytest.fixture
def panel(qtbot, library: Library, letter_id: int) -> HistoryPanel:
    widget = HistoryPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 640)
    widget.set_author("Piet Pieters")
    widget.show_letter(library, letter_id)
    settle(qtbot, widget)
    return widget


def settle(qtbot, panel: HistoryPanel) -> None:
    """Wait until the history and the comparison asked for have been read (ops)."""
    qtbot.waitUntil(lambda: not panel.reading(), timeout=10000)


def version_rows(panel: HistoryPanel) -> list[list[str]]:
    tree = panel.version_list
    return [
        [tree.topLevelItem(row).text(column) for column in range(tree.columnCount())]
        for row in range(tree.topLevelItemCount())
    ]


def click_version(qtbot, panel: HistoryPanel, number: int, *, ctrl: bool = False) -> None:
    tree = panel.version_list
    row = [r[0] for r in version_rows(panel)].index(str(number))
    rect = tree.visualItemRect(tree.topLevelItem(row))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_lists_versions_newest_first_with_author_time_and_message(panel, library, letter_id):
    history = library.history(letter_id)
    assert version_rows(panel) == [
        ["2", "Jan Jansen", format_moment(history[1].created_at), "Toon aangescherpt"],
        ["1", "Marleen de Vries", format_moment(history[0].created_at), "Eerste opzet"],
    ]
    header = panel.version_list.headerItem()
    assert [header.text(c) for c in range(4)] == ["Versie", "Auteur", "Tijd", "Toelichting"]
    assert "Handreiking aan de onderhandelaars" in panel.title_label.text()


def test_selecting_two_versions_shows_the_marked_differences(qtbot, panel):
    panel.show()
    qtbot.waitExposed(panel)
    click_version(qtbot, panel, 1)
    assert panel.diff_view.toPlainText() == FIRST_VERSION
    assert not panel.compare_button.isEnabled()
    click_version(qtbot, panel, 2, ctrl=True)
    settle(qtbot, panel)
    assert panel.selected_versions() == [1, 2]
    assert panel.diff_heading.text() == "Verschillen tussen versie 1 en versie 2"
    html = panel.diff_view.toHtml()
    assert "text-decoration: underline" in html and "text-decoration: line-through" in html
    text = panel.diff_view.toPlainText()
    assert "Alinea 2 (gewijzigd)" in text
    assert "werknemerszijde [+zeer +]grote dilemma" in text
    assert "het [-hoog -]tijd" in text
    # User text is shown as typed: no markup, no template syntax, the line break kept.
    assert "Betreft (gewijzigd)" in text and "Contactcenters[+ & <partners>+]" in text
    assert "&amp; &lt;partners&gt;" in html
    assert "Alinea 4 (toegevoegd)" in text
    assert "[+Wij rekenen op {{ naam }} & co.\nTweede regel van de alinea.+]" in text
    assert panel.compare_button.isEnabled() and panel.export_button.isEnabled()
    assert not panel.restore_button.isEnabled()  # two versions: which one to restore?


def test_one_version_is_compared_with_the_one_before(qtbot, panel):
    panel.select_versions(1)
    panel.diff_view.clear()
    panel.select_versions(2)
    settle(qtbot, panel)
    assert panel.compared_pair() == (1, 2)
    assert "werknemerszijde [+zeer +]grote" in panel.diff_view.toPlainText()
    panel.diff_view.clear()
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert "werknemerszijde [+zeer +]grote" in panel.diff_view.toPlainText()


def test_restore_after_confirmation_makes_version_three(qtbot, panel, library, letter_id):
    questions = []
    panel.confirm = lambda title, text: questions.append((title, text)) or True
    panel.select_versions(2)
    assert not panel.restore_button.isEnabled()  # the latest version is the current content
    panel.select_versions(1)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.restored, timeout=5000) as restored:
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert restored.args == [letter_id, 3]
    assert questions[0][0] == "Versie herstellen"
    assert "Er komt een nieuwe versie 3 met de inhoud van versie 1" in questions[0][1]
    rows = version_rows(panel)
    assert [row[0] for row in rows] == ["3", "2", "1"]
    assert rows[0][1] == "Piet Pieters" and rows[0][3] == "Hersteld van versie 1"
    assert panel.selected_versions() == [3]
    assert library.version(letter_id, 3).subject == load_letter(SAMPLE).subject
    assert panel.message_label.text() == "Versie 1 is hersteld als versie 3."
    panel.select_versions(1, 3)
    settle(qtbot, panel)
    assert panel.diff_view.toPlainText().strip() == NO_DIFFERENCES


def test_restore_cancelled_changes_nothing(panel, library, letter_id):
    panel.confirm = lambda title, text: False
    panel.select_versions(1)
    panel.restore_button.click()
    assert len(library.history(letter_id)) == 2
    assert [row[0] for row in version_rows(panel)] == ["2", "1"]


def test_restore_without_author_says_what_to_do(qtbot, panel, library, letter_id):
    errors = []
    panel.confirm = lambda title, text: True
    panel.show_error = errors.append
    panel.set_author("")
    panel.select_versions(1)
    panel.restore_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "Er is geen auteur opgegeven" in errors[0]
    assert len(library.history(letter_id)) == 2
    assert panel.restore_button.isEnabled()


def test_redline_export_writes_a_word_document_with_tracked_changes(
    qtbot, panel, tmp_path, library, letter_id
):
    pytest.importorskip("composer.history.redline")
    offered = []
    panel.choose_path = lambda suggestion: offered.append(suggestion) or tmp_path / "vergelijking"
    panel.select_versions(1, 2)
    with qtbot.waitSignal(panel.redline_exported, timeout=30000) as exported:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "vergelijking.docx"
    assert exported.args == [str(out)]
    assert offered[0].name == f"vergelijking brief {letter_id} versie 1-2.docx"
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    inserted = "".join(root.xpath("//w:ins//w:t/text()", namespaces={"w": W[1:-1]}))
    deleted = "".join(root.xpath("//w:del//w:delText/text()", namespaces={"w": W[1:-1]}))
    assert "zeer" in inserted and "hoog" in deleted
    authors = {element.get(f"{W}author") for element in root.iter(f"{W}ins", f"{W}del")}
    assert authors == {"Jan Jansen"}
    assert panel.message_label.text() == f"Vergelijkingsdocument bewaard: {out}"


def test_enter_on_a_version_asks_to_open_it(qtbot, panel, letter_id):
    panel.select_versions(1)
    panel.version_list.setFocus()
    with qtbot.waitSignal(panel.version_activated) as activated:
        qtbot.keyClick(panel.version_list, Qt.Key.Key_Return)
    assert activated.args == [letter_id, 1]


def test_a_missing_letter_is_reported_not_shown(qtbot, panel, library):
    panel.show_letter(library, 999)
    settle(qtbot, panel)
    assert version_rows(panel) == []
    assert "999" in panel.message_label.text()
    assert not panel.compare_button.isEnabled() and not panel.restore_button.isEnabled()


def test_marks_list_items_and_headings_are_shown_in_words(qtbot, panel, library, letter_id):
    """Version 3 makes words bold, adds a heading and a list; version 4 edits the list."""
    letter = library.version(letter_id, 2)
    first = letter.body[0].text
    assert first.startswith("De Klantenservice Federatie (KSF)")
    letter.body[0] = rich_text.paragraph(
        [Run("De "), Run("Klantenservice Federatie", bold=True), Run(first[27:])]
    )
    letter.body[1:1] = [
        Heading("Wat wij vragen"),
        ListBlock(
            "bullet", [ListItem("Een code voor marktgedrag."), ListItem("Eerlijke tarieven.")]
        ),
    ]
    library.save(letter_id, letter, author="Jan Jansen", message="Opmaak")
    letter.body[2] = ListBlock(
        "number",
        [
            rich_text.list_item([Run("Een code voor verantwoord "),
                                 Run("marktgedrag", italic=True), Run(".")]),
            ListItem("Eerlijke tarieven & <afspraken>."),
            ListItem("Overleg in de keten."),
        ],
    )  # fmt: skip
    library.save(letter_id, letter, author="Jan Jansen", message="Lijst aangevuld")
    panel.show_letter(library, letter_id)
    settle(qtbot, panel)
    panel.select_versions(2, 3)
    settle(qtbot, panel)
    text = panel.diff_view.toPlainText()
    assert text.splitlines()[:3] == [
        "Alinea 1 (gewijzigd)",
        "‘Klantenservice Federatie’ vet gemaakt",
        "Kop (blok 2) (toegevoegd)",
    ]
    assert "zit zelf niet" not in text  # a change of marks alone does not repeat the paragraph
    assert "Lijst (blok 3) (toegevoegd)\n[+Een code voor marktgedrag.\nEerlijke tarieven.+]" in text
    panel.select_versions(3, 4)
    settle(qtbot, panel)
    assert panel.diff_view.toPlainText().splitlines() == [
        "Lijst (blok 3) (gewijzigd)",
        "[-opsomming-][+genummerde lijst+]",
        "Lijst (blok 3), punt 1 (gewijzigd)",
        "Een code voor [+verantwoord +]marktgedrag.",
        "‘marktgedrag’ cursief gemaakt",
        "Lijst (blok 3), punt 2 (gewijzigd)",
        "Eerlijke tarieven[+ & <afspraken>+].",
        "Lijst (blok 3), punt 3 (toegevoegd)",
        "[+Overleg in de keten.+]",
    ]


def test_diff_view_escapes_user_text_and_says_when_nothing_changed(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    view.show_changes([])
    assert view.toPlainText() == NO_DIFFERENCES
    runs = (WordChange("equal", "A & B <b>x</b> "), WordChange("insert", "{{ nieuw }}\x0bregel"))
    view.show_changes([FieldChange("subject", "Betreft", "changed", "a", "b", runs)])
    assert view.toPlainText().splitlines() == [
        "Betreft (gewijzigd)",
        "A & B <b>x</b> [+{{ nieuw }}",
        "regel+]",
    ]
    view.show_changes([FieldChange("body[2].number", "Servicebelofte (blok 3)", "changed", 2, 5)])
    assert "[-2-][+5+]" in view.toPlainText()


def test_screenshot(qtbot, panel):
    if os.environ.get("COMPOSER_SCREENSHOTS") != "1":
        pytest.skip("screenshots only with COMPOSER_SCREENSHOTS=1")
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_versions(1, 2)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / "verschillen.png"))
