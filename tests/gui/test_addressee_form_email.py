"""The editor's addressee form has a field "E-mailadres" and says beside it what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from composer.core.letterfile import dumps_letter
from composer.gui.editor import LetterEditor
from composer.gui.session import LetterSession

BAD = "Het e-mailadres ‘jan@voorbeeld’ is ongeldig. Schrijf het als naam@organisatie.nl."
PATH = "addressees[0].email"


@pytest.fixture
def editor(qtbot, library, tmp_path):
    session = LetterSession(library, author="Anna de Vries", drafts_folder=tmp_path / "concepten")
    editor = LetterEditor(session)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    session.new_from_template("brief", today=dt.date(2022, 10, 17))
    yield editor
    session.close()


def add_from_address_book(qtbot, editor: LetterEditor, search: str) -> None:
    picker = editor.addressees.picker
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, search)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)


def test_an_addressee_from_the_address_book_brings_its_email_address(qtbot, editor):
    add_from_address_book(qtbot, editor, "WFC")
    field = editor.addressees.form.field("email")
    assert field.text() == "n.vanliemt@wfc.voorbeeld.nl"
    assert editor.session.letter.addressees[0].email == "n.vanliemt@wfc.voorbeeld.nl"
    assert editor.problem_text(PATH) == ""


def test_a_bad_email_address_is_explained_beside_the_field(qtbot, editor):
    add_from_address_book(qtbot, editor, "WFC")
    field = editor.addressees.form.field("email")
    field.selectAll()
    field.setFocus()
    qtbot.keyClicks(field, "jan@voorbeeld")
    assert editor.session.letter.addressees[0].email == "jan@voorbeeld"
    assert editor.problem_text(PATH) == BAD
    label = editor.binding(PATH).mark.label
    assert label.isVisible()
    assert label.parentWidget() is field.parentWidget()  # with the field, in its row
    assert field.accessibleDescription() == BAD
    assert editor.session.problems == [(PATH, BAD)]
    qtbot.keyClicks(field, ".nl")
    assert editor.problem_text(PATH) == ""
    assert not label.isVisible()
    assert editor.session.problems == []
    assert '"email": "jan@voorbeeld.nl"' in dumps_letter(editor.session.letter)


def test_an_empty_email_address_is_no_problem_and_is_not_written(qtbot, editor):
    add_from_address_book(qtbot, editor, "WFC")
    field = editor.addressees.form.field("email")
    field.selectAll()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == ""
    assert editor.problem_text(PATH) == ""
    assert editor.session.problems == []
    assert '"email"' not in dumps_letter(editor.session.letter)
