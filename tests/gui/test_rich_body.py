"""The body as one rich-text field: marks, lists, Kop, Enter, objects, undo, paste, typing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextListFormat

from composer.core import rich_text
from composer.core.letterfile import letter_from_dict, letter_to_dict
from composer.core.models import Heading, ListBlock, ListItem, Paragraph, Promise, Quote, Run
from composer.gui.editor.body_clipboard import BLOCKS_MIME
from composer.gui.editor.body_document import OBJECT_CHAR

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(active_editor):
    active_editor.session.new_from_template("brief", today=dt.date(2022, 10, 17))
    return active_editor


def show(editor, blocks):
    editor.session.letter.body = blocks
    editor.reload()
    return editor.blocks.edit


def body(editor):
    return editor.session.letter.body


def select(edit, start, end):
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def at(edit, position):
    select(edit, position, position)


def undo(editor):
    editor.undo_action().trigger()


def redo(editor):
    editor.redo_action().trigger()


def test_ctrl_b_i_u_on_a_selection_mark_the_runs_and_undo_each(editor, qtbot):
    edit = show(editor, [Paragraph("Wij danken u hartelijk.")])
    edit.setFocus()
    select(edit, 4, 10)  # "danken"
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert body(editor) == [
        rich_text.paragraph([Run("Wij "), Run("danken", bold=True), Run(" u hartelijk.")])
    ]
    assert editor.blocks.commands.marks["bold"].isChecked()
    select(edit, 13, 22)  # "hartelijk"
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL)
    runs = body(editor)[0].runs
    assert Run("hartelijk", italic=True, underline=True) in runs
    assert editor.undo_action().text() == "&Ongedaan maken: onderstrepen"
    undo(editor)
    assert Run("hartelijk", italic=True) in body(editor)[0].runs
    undo(editor)
    undo(editor)
    assert body(editor) == [Paragraph("Wij danken u hartelijk.")]
    # What the person sees: the document shows the letter again, without bold.
    assert edit.toPlainText() == "Wij danken u hartelijk."
    select(edit, 4, 10)
    assert edit.textCursor().charFormat().fontWeight() == QFont.Weight.Normal
    redo(editor)
    select(edit, 5, 6)
    assert edit.textCursor().charFormat().fontWeight() == QFont.Weight.Bold
    select(edit, 4, 10)
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)  # all bold: Ctrl+B takes it off, as in Word
    assert body(editor) == [Paragraph("Wij danken u hartelijk.")]


def test_list_buttons_and_kop_make_list_and_heading_blocks(editor, qtbot):
    edit = show(editor, [Paragraph("Punten"), Paragraph("een"), Paragraph("twee")])
    commands = editor.blocks.commands
    select(edit, 7, 15)  # "een" and "twee"
    commands.bullets.trigger()
    assert body(editor) == [
        Paragraph("Punten"),
        ListBlock("bullet", [ListItem("een"), ListItem("twee")]),
    ]
    assert edit.document().findBlockByNumber(1).textList().format().style() == (
        QTextListFormat.Style.ListDisc
    )
    commands.numbers.trigger()
    assert body(editor)[1] == ListBlock("number", [ListItem("een"), ListItem("twee")])
    at(edit, 2)
    commands.heading.trigger()
    assert body(editor)[0] == Heading("Punten")
    assert edit.document().firstBlock().blockFormat().headingLevel() > 0
    assert editor.undo_action().text() == "&Ongedaan maken: kop"
    commands.heading.trigger()  # Kop again: an Alinea again
    assert body(editor)[0] == Paragraph("Punten")
    undo(editor)
    undo(editor)
    undo(editor)
    assert body(editor)[1] == ListBlock("bullet", [ListItem("een"), ListItem("twee")])
    undo(editor)
    assert body(editor) == [Paragraph("Punten"), Paragraph("een"), Paragraph("twee")]
    assert edit.document().findBlockByNumber(1).textList() is None


def test_enter_makes_paragraphs_and_items_and_shift_enter_a_line_break(editor, qtbot):
    edit = show(editor, [])
    edit.setFocus()
    qtbot.keyClicks(edit, "Eerste")
    qtbot.keyClick(edit, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(edit, "regel")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Tweede")
    assert body(editor) == [Paragraph("Eerste\nregel"), Paragraph("Tweede")]
    editor.blocks.commands.bullets.trigger()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Derde")
    assert body(editor)[1] == ListBlock("bullet", [ListItem("Tweede"), ListItem("Derde")])
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on an empty item ends the list
    qtbot.keyClicks(edit, "Daarna")
    assert body(editor)[2] == Paragraph("Daarna")
    assert edit.textCursor().block().textList() is None
    # Enter twice leaves no empty paragraph in the letter.
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert len(body(editor)) == 3


def test_after_a_kop_enter_starts_an_alinea(editor, qtbot):
    edit = show(editor, [Heading("Kopje")])
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Gewone tekst")
    assert body(editor) == [Heading("Kopje"), Paragraph("Gewone tekst")]


def test_promise_and_quote_objects_insert_move_delete_with_undo(editor, qtbot):
    edit = show(editor, [Paragraph("Eerste."), Paragraph("Tweede.")])
    commands = editor.blocks.commands
    commands.choose_promise = lambda current: 4
    commands.choose_quote = lambda current: Quote("Wij gaan door.", speaker="Roel Masselink")
    at(edit, 2)
    commands.promise.trigger()
    assert body(editor) == [Paragraph("Eerste."), Promise(4), Paragraph("Tweede.")]
    assert edit.document().findBlockByNumber(1).text() == OBJECT_CHAR  # alone on its line
    assert editor.undo_action().text() == "&Ongedaan maken: servicebelofte invoegen"
    at(edit, len("Eerste.\n") + 2 + 3)  # in "Tweede."
    commands.quote.trigger()
    assert body(editor)[3] == Quote("Wij gaan door.", speaker="Roel Masselink")
    # Alt+Shift+Up on the quote: it moves above the promise.
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up, ALT_SHIFT)
    assert [block.type for block in body(editor)] == ["paragraph", "promise", "quote", "paragraph"]
    assert editor.undo_action().text() == "&Ongedaan maken: blok verplaatsen"
    qtbot.keyClick(edit, Qt.Key.Key_Up, ALT_SHIFT)
    assert [block.type for block in body(editor)] == ["paragraph", "quote", "promise", "paragraph"]
    # Delete with the cursor on the promise removes it, like a character.
    at(edit, edit.document().findBlockByNumber(2).position())
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert [block.type for block in body(editor)] == ["paragraph", "quote", "paragraph"]
    undo(editor)
    assert body(editor)[2] == Promise(4)
    undo(editor)
    undo(editor)
    undo(editor)
    assert body(editor) == [Paragraph("Eerste."), Promise(4), Paragraph("Tweede.")]
    undo(editor)
    assert body(editor) == [Paragraph("Eerste."), Paragraph("Tweede.")]
    redo(editor)
    assert body(editor)[1] == Promise(4)


def test_backspace_after_an_object_removes_it_and_editing_a_quote(editor, qtbot):
    quote = Quote("Oud citaat.", speaker="Roel", extra={"eigen": 1})
    edit = show(editor, [quote, Paragraph("Tekst.")])
    commands = editor.blocks.commands
    commands.choose_quote = lambda current: Quote(
        "Nieuw citaat.", speaker=current.speaker, role="directeur", extra=current.extra
    )
    at(edit, 0)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on the object: edit it
    assert body(editor)[0] == Quote(
        "Nieuw citaat.", speaker="Roel", role="directeur", extra={"eigen": 1}
    )
    at(edit, edit.document().findBlockByNumber(1).position())
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert body(editor) == [Paragraph("Tekst.")]


def test_an_unknown_promise_number_is_shown_with_its_problem(editor, qtbot):
    show(editor, [Paragraph("Tekst."), Promise(99)])
    problems = editor.blocks.problems
    assert problems.isVisible()
    assert problems.text() == (
        "• Servicebelofte (blok 2): Servicebelofte 99 bestaat niet in de catalogus. "
        "Kies een servicebelofte uit de lijst."
    )
    box = editor.blocks.edit.document().findBlockByNumber(1).begin().fragment().charFormat()
    title, text, problem = editor.blocks.objects._lines(box)
    assert problem and title == "Servicebelofte 99" and "bestaat niet" in text
    # A problem the letter's check finds on a body path is shown beside the body too.
    editor.show_problems([("body[0].text", "Deze alinea is te lang.")])
    assert editor.problem_text("body[0].text") == "Deze alinea is te lang."
    assert problems.text().startswith(
        "• Tekst van alinea 1: Deze alinea is te lang.\n• Servicebelofte (blok 2):"
    )
    editor.blocks.commands.choose_promise = lambda current: 4
    editor.blocks.commands.edit_object(
        editor.blocks.edit.document().findBlockByNumber(1).position()
    )
    assert editor.session.letter.body[1] == Promise(4)
    editor.show_problems([])
    assert problems.isHidden()


def test_word_like_html_paste_keeps_marks_and_lists_and_drops_the_rest(editor, qtbot):
    edit = show(editor, [Paragraph("Begin.")])
    edit.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setHtml(
        "<p>Een <b>vet</b> en <i>schuin</i> woord, "
        '<span style="color:red;font-family:Arial;font-size:20pt">rood</span>.</p>'
        "<ul><li>appel</li><li><u>peer</u></li></ul>"
        "<h2>Een kop</h2>"
        "<table><tr><td>cel een</td><td>cel twee</td></tr></table>"
    )
    edit.insertFromMimeData(mime)
    assert body(editor) == [
        Paragraph("Begin."),
        rich_text.paragraph(
            [
                Run("Een "),
                Run("vet", bold=True),
                Run(" en "),
                Run("schuin", italic=True),
                Run(" woord, rood."),
            ]
        ),
        ListBlock(
            "bullet", [ListItem("appel"), rich_text.list_item([Run("peer", underline=True)])]
        ),
        Heading("Een kop"),
        Paragraph("cel een"),
        Paragraph("cel twee"),
    ]
    assert editor.undo_action().text() == "&Ongedaan maken: plakken"
    undo(editor)
    assert body(editor) == [Paragraph("Begin.")]


def test_plain_text_paste_makes_one_paragraph_per_line(editor, qtbot):
    edit = show(editor, [])
    mime = QMimeData()
    mime.setText("Regel een\nRegel twee & <drie> {{ x }}\n")
    edit.insertFromMimeData(mime)
    assert body(editor) == [Paragraph("Regel een"), Paragraph("Regel twee & <drie> {{ x }}")]


def test_copy_and_paste_inside_the_body_keeps_objects(editor, qtbot):
    edit = show(editor, [Paragraph("Voor."), Promise(4, extra={"x": 1}), Paragraph("Na.")])
    select(edit, 0, edit.document().findBlockByNumber(1).position() + 1)
    mime = edit.createMimeDataFromSelection()
    assert mime.hasFormat(BLOCKS_MIME)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.insertFromMimeData(mime)
    assert body(editor) == [
        Paragraph("Voor."),
        Promise(4, extra={"x": 1}),
        Paragraph("Na."),
        Paragraph("Voor."),
        Promise(4, extra={"x": 1}),
    ]


def test_typing_makes_curly_quotes_and_dashes_and_ctrl_z_undoes_only_that(editor, qtbot):
    edit = show(editor, [])
    edit.setFocus()
    qtbot.keyClicks(edit, "Hij zei \"ja\" -- het is Jan's boek ('t is zo)")
    assert body(editor) == [Paragraph("Hij zei “ja” – het is Jan’s boek (‘t is zo)")]
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, ' "')
    assert body(editor)[0].text.endswith(" “")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)  # just the replacement goes
    assert body(editor)[0].text.endswith(' "')


def test_a_file_with_marks_lists_and_heading_is_shown_and_read_back_equal(editor, tmp_path):
    data = {
        "format": "composer-letter/2",
        "template": "brief",
        "date": "2022-10-17",
        "subject": "Rijke tekst",
        "body": [
            {"type": "heading", "text": "Wat wij vragen"},
            {
                "type": "paragraph",
                "runs": [
                    {"text": "Wij vragen "},
                    {"text": "drie", "bold": True},
                    {"text": " dingen:"},
                ],
            },
            {"type": "list", "style": "bullet", "items": [{"text": "tijd"}, {"text": "geld"}]},
            {
                "type": "list",
                "style": "number",
                "items": [{"runs": [{"text": "eerst", "italic": True}]}, {"text": "dan"}],
            },
            {"type": "paragraph", "text": "Met “quotes” & <tags> 😀", "eigen_sleutel": [1, 2]},
        ],
    }
    letter = letter_from_dict(data)
    editor.session._load(letter, letter_id=None, base_version=None)
    document = editor.blocks.edit.document()
    assert document.findBlockByNumber(0).blockFormat().headingLevel() > 0
    second = document.findBlockByNumber(1)
    bold = [f.fragment() for f in _fragments(second) if f.fragment().text() == "drie"]
    assert bold and bold[0].charFormat().fontWeight() == QFont.Weight.Bold
    styles = [document.findBlockByNumber(n).textList().format().style() for n in (2, 4)]
    assert styles == [QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListDecimal]
    assert document.findBlockByNumber(2).textList() is document.findBlockByNumber(3).textList()
    read = editor.blocks.binding.read()
    assert read == letter.body
    assert letter_to_dict(letter)["body"] == json.loads(json.dumps(data["body"]))


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator
        iterator += 1


def test_select_body_text_selects_in_a_paragraph_and_in_a_list(editor):
    edit = show(
        editor,
        [
            Paragraph("Een 😀 woord hier."),
            ListBlock("bullet", [ListItem("appel"), ListItem("peer")]),
        ],
    )
    editor.select_body_text(0, 6, 11)
    assert edit.textCursor().selectedText() == "woord"
    editor.select_body_text(1, 6, 10)  # "appel\npeer"
    assert edit.textCursor().selectedText() == "peer"
    assert edit.hasFocus()


def test_typing_merges_into_one_undo_step_and_extra_keys_survive(editor, qtbot):
    edit = show(editor, [Paragraph("Tekst", extra={"eigen": "ja"})])
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " erbij")
    assert body(editor) == [Paragraph("Tekst erbij", extra={"eigen": "ja"})]
    assert editor.session.undo_stack.count() == 1
    undo(editor)
    assert body(editor) == [Paragraph("Tekst", extra={"eigen": "ja"})]
    assert edit.toPlainText() == "Tekst"


def test_the_context_menu_asks_every_provider_and_offers_bewerken_on_an_object(
    editor, qtbot, monkeypatch
):
    from PySide6.QtGui import QContextMenuEvent

    edit = show(editor, [Paragraph("Tekst."), Quote("Citaat.", speaker="Roel")])
    asked = []
    edit.menu_providers.append(lambda cursor, menu: asked.append(cursor.block().text()))
    shown = []
    monkeypatch.setattr(
        edit, "show_menu", lambda menu, _at: shown.append([a.text() for a in menu.actions()])
    )
    cursor = QTextCursor(edit.document().findBlockByNumber(1))
    point = edit.cursorRect(cursor).center()
    point.setX(point.x() + 20)  # inside the box
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, edit.mapToGlobal(point))
    edit.contextMenuEvent(event)
    assert asked == [OBJECT_CHAR]  # the provider got the cursor at the click
    assert "Bewerken…" in shown[0]
    assert "Omhoog" in shown[0] and "Omlaag" in shown[0]
