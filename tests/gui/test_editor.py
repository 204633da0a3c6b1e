"""The letter editor as a user sees it: typing, the address book, blocks, undo, problems."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from composer.core.letterfile import load_letter
from composer.core.models import Run
from composer.gui.editor import LetterEditor
from composer.gui.editor.object_dialogs import PromiseDialog, QuoteDialog
from composer.gui.session import LetterSession

AUTHOR = "Anna de Vries"
DAY = dt.date(2022, 10, 17)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
BAD_POSTCODE = (
    "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, zoals 2511 AB."
)


@pytest.fixture
def make_editor(qtbot, library, tmp_path):
    sessions = []

    def make() -> LetterEditor:
        session = LetterSession(library, author=AUTHOR, drafts_folder=tmp_path / "concepten")
        sessions.append(session)
        editor = LetterEditor(session)
        qtbot.addWidget(editor)
        editor.resize(1000, 900)
        editor.show()
        return editor

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def editor(make_editor):
    editor = make_editor()
    editor.session.new_from_template("brief", today=DAY)
    return editor


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def add_from_address_book(qtbot, editor, search):
    picker = editor.addressees.picker
    type_into(qtbot, picker.search, search)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)


def test_a_new_brief_shows_its_prefilled_fields(editor):
    form = editor.letter_form
    assert form.template_label.text() == "Brief"
    assert form.long_date.text() == "17 oktober 2022"
    assert form.place.text() == "Doorn"
    assert editor.closing.edit.text() == "Met vriendelijke groet,"
    assert editor.signatories.cell_text(0, 0) == "Roel Masselink"
    assert editor.salutation.edit.placeholderText() == "Geachte dames en heren,"
    assert editor.blocks.edit.toPlainText() == ""  # one empty body to type in
    assert not form.our_reference.isReadOnly()
    assert editor.undo_action().text() == "&Ongedaan maken"
    assert not editor.undo_action().isEnabled()


def test_typing_changes_the_letter_and_undo_redo_restore_the_fields(editor, qtbot):
    subject = editor.letter_form.subject
    type_into(qtbot, subject, "Handreiking cao")
    assert editor.session.letter.subject == "Handreiking cao"
    assert editor.undo_action().text() == "&Ongedaan maken: betreft wijzigen"
    paragraph = editor.blocks.edit
    type_into(qtbot, paragraph, "Wij schrijven u.")
    assert editor.session.letter.body[0].text == "Wij schrijven u."

    editor.undo_action().trigger()  # the whole paragraph was one step
    assert paragraph.toPlainText() == ""
    assert editor.session.letter.body[0].text == ""
    editor.undo_action().trigger()
    assert subject.text() == ""
    assert editor.session.letter.subject == ""
    assert editor.session.undo_stack.count() == 2  # undo made no new commands
    editor.redo_action().trigger()
    editor.redo_action().trigger()
    assert subject.text() == "Handreiking cao"
    assert paragraph.toPlainText() == "Wij schrijven u."
    assert editor.redo_action().text() == "O&pnieuw"


def test_ctrl_z_in_a_field_undoes_in_the_letter(editor, qtbot):
    subject = editor.letter_form.subject
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    type_into(qtbot, subject, "Betreft")
    qtbot.keyClick(subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert subject.text() == ""
    assert editor.session.letter.subject == ""
    assert editor.session.undo_stack.canRedo()


def test_the_date_is_written_out_beside_the_date_field(editor, qtbot):
    date_edit = editor.letter_form.date_edit
    date_edit.setFocus()
    date_edit.setDate(date_edit.date().addDays(1))
    assert editor.session.letter.date == dt.date(2022, 10, 18)
    assert editor.letter_form.long_date.text() == "18 oktober 2022"
    editor.undo_action().trigger()
    assert editor.letter_form.long_date.text() == "17 oktober 2022"


def test_an_addressee_from_the_address_book(editor, qtbot):
    picker = editor.addressees.picker
    type_into(qtbot, picker.search, "WFC")
    assert picker.matches() == [
        "Werkgeversvereniging Facilitaire Contactcenters (WFC) — de heer N. van Liemt, "
        "Voorbeeldstad"
    ]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    [addressee] = editor.session.letter.addressees
    assert addressee.person.surname == "Liemt"
    assert "id" not in addressee.extra  # the address book's id stays out of the letter
    assert editor.addressees.list.item(0).text().startswith("Werkgeversvereniging")
    assert editor.addressees.form.field("address.postcode").text() == "1234 AB"
    assert editor.addressees.form.field("person.surname").text() == "Liemt"
    assert editor.salutation.edit.placeholderText() == "Geachte heer Van Liemt,"
    assert picker.search.text() == ""

    type_into(qtbot, editor.salutation.edit, "Beste Norbert,")
    assert editor.session.letter.salutation == "Beste Norbert,"


def test_editing_reordering_and_removing_addressees(editor, qtbot):
    add_from_address_book(qtbot, editor, "fnv")
    add_from_address_book(qtbot, editor, "cnv")
    assert editor.addressees.current() == 1
    # Each copy gets its own aanhef; the first one is the example.
    assert editor.salutation.edit.placeholderText() == (
        "Per geadresseerde, bijvoorbeeld: Geachte mevrouw Heemskerk,"
    )
    editor.addressees.up_button.click()
    organisations = [a.organisation for a in editor.session.letter.addressees]
    assert organisations == ["CNV Vakmensen", "FNV"]
    role = editor.addressees.form.field("role")
    assert role.text() == "bestuurder"
    role.selectAll()
    type_into(qtbot, role, "voorzitter")
    assert editor.session.letter.addressees[0].role == "voorzitter"
    editor.addressees.remove_button.click()
    assert [a.organisation for a in editor.session.letter.addressees] == ["FNV"]
    assert editor.addressees.list.count() == 1
    editor.undo_action().trigger()
    assert editor.addressees.list.count() == 2
    assert editor.addressees.form.field("role").text() == "voorzitter"


def test_a_bad_postcode_is_explained_beside_the_field(editor, qtbot):
    add_from_address_book(qtbot, editor, "WFC")
    postcode = editor.addressees.form.field("address.postcode")
    postcode.selectAll()
    type_into(qtbot, postcode, "25110 AB")
    path = "addressees[0].address.postcode"
    assert editor.problem_text(path) == BAD_POSTCODE
    label = editor.binding(path).mark.label
    assert label.isVisible()
    assert label.parentWidget() is postcode.parentWidget()  # with the field, in its row
    assert label.geometry().top() >= postcode.geometry().bottom()  # under it
    assert "#c00000" in postcode.styleSheet()
    assert postcode.accessibleDescription() == BAD_POSTCODE

    postcode.selectAll()
    qtbot.keyClicks(postcode, "2511 A")
    assert editor.problem_text(path).startswith("De postcode is ongeldig (‘2511 A’)")
    qtbot.keyClicks(postcode, "B")
    assert postcode.text() == "2511 AB"
    assert editor.problem_text(path) == ""
    assert not label.isVisible()
    assert postcode.styleSheet() == ""
    assert editor.session.problems == []


def test_problems_of_an_addressee_not_shown_go_in_the_summary(editor, qtbot):
    add_from_address_book(qtbot, editor, "WFC")
    postcode = editor.addressees.form.field("address.postcode")
    postcode.selectAll()
    type_into(qtbot, postcode, "0000")
    add_from_address_book(qtbot, editor, "FNV")  # the form now shows the second one
    assert editor.problem_summary.isVisible()
    assert (
        "• Postcode van geadresseerde 1: De postcode is ongeldig (‘0000’)"
        in editor.problem_summary.text()
    )
    assert editor.focus_field("addressees[0].address.postcode")
    assert editor.addressees.current() == 0
    assert editor.problem_text("addressees[0].address.postcode").startswith("De postcode is")
    assert not editor.problem_summary.isVisible()


def test_an_address_too_wide_for_the_window_is_explained_while_typing(editor, qtbot):
    add_from_address_book(qtbot, editor, "WFC")
    department = editor.addressees.form.field("department")
    type_into(qtbot, department, "Afdeling Arbeidsvoorwaarden en Sociale Zaken voor de Sector")
    assert editor.problem_summary.isVisible()
    summary = editor.problem_summary.text()
    assert "• Adres van geadresseerde 1: De adresregel ‘Afdeling Arbeidsvoorwaarden" in summary
    assert "is te lang voor het venster van de envelop" in summary
    department.selectAll()
    type_into(qtbot, department, "Afdeling Arbeidsvoorwaarden")
    assert not editor.problem_summary.isVisible()
    assert editor.session.problems == []


def _box(editor, index):
    """(title, text, problem) of the box that shows body block `index`."""
    number = editor.blocks.binding.read_body.spans[index][0]
    block = editor.blocks.edit.document().findBlockByNumber(number)
    return editor.blocks.objects._lines(block.begin().fragment().charFormat())


def test_a_promise_and_a_quote_from_the_bank(editor, qtbot, monkeypatch):
    type_into(qtbot, editor.blocks.edit, "Twee beloften raken dit gesprek:")
    seen = []

    def choose_promise(dialog):  # what a person does in the dialog
        seen.append(dialog.number.currentText())
        if len(seen) == 1:
            qtbot.keyClick(dialog.number, Qt.Key.Key_Down)  # 5
            qtbot.keyClick(dialog.number, Qt.Key.Key_Down)  # 6 has no text yet
        else:
            dialog.number.setCurrentIndex(dialog.number.findData(4))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PromiseDialog, "exec", choose_promise)
    editor.blocks.commands.promise.trigger()
    assert seen == ["4 – medewerkers en goed werkgeverschap"]
    assert editor.session.letter.body[1].number == 6
    title, text, problem = _box(editor, 1)
    assert problem and text.startswith("Servicebelofte 6 heeft nog geen tekst in de catalogus")
    assert "Servicebelofte 6 heeft nog geen tekst" in editor.blocks.problems.text()
    # Double-click on the box: choose another one.
    editor.blocks.commands.edit_object(editor.blocks.edit.textCursor().block().position())
    assert editor.session.letter.body[1].number == 4
    title, text, problem = _box(editor, 1)
    assert title == "Servicebelofte 4 – medewerkers en goed werkgeverschap" and not problem
    assert text.startswith("Servicebelofte 4 verplicht tot respectvolle omgang")
    assert editor.undo_action().text() == "&Ongedaan maken: servicebelofte kiezen"

    def choose_quote(dialog):
        assert dialog.bank.itemText(0).startswith("Eigen citaat")
        qtbot.keyClick(dialog.bank, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.bank, Qt.Key.Key_Up)  # the first of the bank
        assert dialog.speaker.text() == "Roel Masselink"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QuoteDialog, "exec", choose_quote)
    editor.blocks.commands.quote.trigger()
    block = editor.session.letter.body[2]
    assert block.text.startswith("Een behoorlijk en duurzaam arbeidsvoorwaardenpakket")
    assert (block.speaker, block.role) == ("Roel Masselink", "directeur van de KSF")
    title, text, _problem = _box(editor, 2)
    assert title.startswith("Citaat: “Een behoorlijk en duurzaam")
    assert text == "– Roel Masselink, directeur van de KSF"
    assert editor.undo_action().text() == "&Ongedaan maken: citaat invoegen"
    assert [b.type for b in editor.session.letter.body] == ["paragraph", "promise", "quote"]


def test_blocks_move_and_remove_with_undo(editor, qtbot):
    edit = editor.blocks.edit
    type_into(qtbot, edit, "Eerste.")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Tweede.")
    up = editor.blocks.toolbar.widgetForAction(editor.blocks.commands.up)
    assert up.toolTip() == "Blok omhoog (Alt+Shift+Pijl omhoog)"
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    assert [b.text for b in editor.session.letter.body] == ["Tweede.", "Eerste."]
    assert edit.toPlainText() == "Tweede.\nEerste."
    assert edit.textCursor().block().text() == "Tweede."  # the cursor went with it
    cursor = edit.textCursor()
    cursor.select(cursor.SelectionType.BlockUnderCursor)
    cursor.movePosition(cursor.MoveOperation.NextBlock, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.toPlainText() == "Eerste."
    assert [b.text for b in editor.session.letter.body] == ["Eerste."]
    editor.undo_action().trigger()
    editor.undo_action().trigger()
    assert edit.toPlainText() == "Eerste.\nTweede."


def test_attachments_and_copies_are_simple_lists(editor, qtbot):
    editor.attachments.add_button.click()
    editor.attachments.table.item(0, 0).setText("Handreiking cao (pdf)")
    assert editor.session.letter.attachments == ["Handreiking cao (pdf)"]
    editor.copies.add_button.click()
    editor.copies.table.item(0, 0).setText("FNV Callcenters")
    editor.signatories.table.item(0, 1).setText("directeur KSF")
    assert editor.session.letter.copies == ["FNV Callcenters"]
    assert editor.session.letter.signatories[0].role == "directeur KSF"
    editor.undo_action().trigger()
    assert editor.signatories.cell_text(0, 1) == "directeur"


def test_save_then_edit_and_save_again(editor, library, qtbot):
    type_into(qtbot, editor.letter_form.subject, "Handreiking cao")
    add_from_address_book(qtbot, editor, "WFC")
    assert editor.session.save("Eerste opzet") == 1
    letter_id = editor.session.letter_id
    [first] = library.history(letter_id)
    assert (first.number, first.author) == (1, AUTHOR)
    assert library.version(letter_id).addressees[0].person.surname == "Liemt"

    type_into(qtbot, editor.letter_form.subject, " Facilitaire Contactcenters")
    assert editor.session.save() == 2
    assert [v.number for v in library.history(letter_id)] == [1, 2]
    assert library.version(letter_id).subject == "Handreiking cao Facilitaire Contactcenters"


def test_an_assigned_kenmerk_is_read_only(editor, library, make_editor):
    editor.session.save()
    library.finalize(editor.session.letter_id, author=AUTHOR, today=DAY)
    other = make_editor()
    other.session.open(editor.session.letter_id)
    assert other.letter_form.our_reference.text() == "KSF/2022/0001"
    assert other.letter_form.our_reference.isReadOnly()


def test_autosaved_draft_comes_back_in_a_new_editor(editor, make_editor, library, qtbot):
    editor.session.save()
    letter_id = editor.session.letter_id
    editor.session.autosave_interval_ms = 50
    type_into(qtbot, editor.blocks.edit, "Tekst van voor de storing.")
    qtbot.waitUntil(lambda: library.draft(letter_id, author=AUTHOR) is not None, timeout=3000)

    restarted = make_editor()  # the first editor was never closed: a crash
    [draft] = restarted.session.pending_drafts()
    restarted.session.restore_draft(draft.key)
    assert restarted.blocks.edit.toPlainText() == "Tekst van voor de storing."
    assert restarted.session.dirty


def test_screenshot(editor, qtbot):
    """The sample letter with a bold word, a Kop and a list made with the toolbar."""
    if os.environ.get("COMPOSER_SCREENSHOTS") != "1":
        pytest.skip("only with COMPOSER_SCREENSHOTS=1")
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples"
    letter = load_letter(sample / "brief-cao-onderhandelaars.json")
    editor.session._load(letter, letter_id=None, base_version=None)
    postcode = editor.addressees.form.field("address.postcode")
    postcode.selectAll()
    type_into(qtbot, postcode, "25110 AB")
    edit = editor.blocks.edit
    commands = editor.blocks.commands
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(0)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "Waarom wij u schrijven")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.moveCursor(QTextCursor.MoveOperation.Up)
    commands.heading.trigger()
    first = edit.document().findBlockByNumber(1)
    start = first.position() + first.text().index("zelf niet")
    cursor.setPosition(start)
    cursor.setPosition(start + len("zelf niet"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    cursor.setPosition(first.position() + first.length() - 1)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    for item in ("inhouse contactcenters", "facilitaire contactcenters", "leveranciers"):
        qtbot.keyClicks(edit, item)
        if item == "inhouse contactcenters":
            commands.bullets.trigger()
        if item != "leveranciers":
            qtbot.keyClick(edit, Qt.Key.Key_Return)
    body = editor.session.letter.body
    assert [block.type for block in body[:3]] == ["heading", "paragraph", "list"]
    assert Run("zelf niet", bold=True) in body[1].runs
    editor.resize(1000, 1720)
    qtbot.wait(100)
    editor.scroll.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    assert editor.problem_text("addressees[0].address.postcode") == BAD_POSTCODE
    editor.grab().save(str(SCREENSHOTS / "briefeditor.png"))


def test_the_long_date_beside_the_field_is_the_one_in_the_letter():
    import datetime as dt

    from composer.dutch.dates import format_date
    from composer.gui.editor.letter_form import long_date

    days = [dt.date(2026, month, day) for month in range(1, 13) for day in (1, 9, 28)]
    assert [long_date(day) for day in days] == [format_date(day) for day in days]
    assert long_date(dt.date(2026, 3, 1)) == "1 maart 2026"


def test_in_english_the_message_beside_the_field_is_english_and_the_letter_dutch(
    make_editor, qtbot
):
    from composer import i18n

    i18n.set_language("en")
    try:
        editor = make_editor()
        editor.session.new_from_template("brief", today=DAY)
        add_from_address_book(qtbot, editor, "WFC")
        postcode = editor.addressees.form.field("address.postcode")
        postcode.selectAll()
        type_into(qtbot, postcode, "25110 AB")
        message = editor.problem_text("addressees[0].address.postcode")
        assert "(‘25110 AB’)" in message
        assert "Geadresseerde" not in message and "postcode" in message.lower()
        assert editor.session.letter.closing == "Met vriendelijke groet,"  # the letter stays Dutch
        assert editor.letter_form.long_date.text() == "17 oktober 2022"
    finally:
        i18n.set_language("nl")
