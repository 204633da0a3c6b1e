"""The editor as an office uses it: the wheel scrolls the form and changes only a focused field,
problems stand under their fields without squeezing them, the same addressee twice is said, a
new block comes into view, the form fits a laptop, find and replace, a sent letter read-only."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from composer.core.models import Address, Addressee, Paragraph, Person, Quote
from composer.gui.editor import LetterEditor
from composer.gui.session import LetterSession
from composer.gui.wheel_guard import install_wheel_guard

AUTHOR = "Anna de Vries"
DAY = dt.date(2022, 10, 17)


@pytest.fixture
def make_editor(qtbot, library, tmp_path):
    sessions = []

    def make(width: int = 1000, height: int = 900) -> LetterEditor:
        session = LetterSession(library, author=AUTHOR, drafts_folder=tmp_path / "concepten")
        sessions.append(session)
        editor = LetterEditor(session)
        qtbot.addWidget(editor)
        editor.resize(width, height)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        session.new_from_template("brief", today=DAY)
        return editor

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def editor(make_editor):
    return make_editor()


def ksf() -> Addressee:
    return Addressee(
        organisation="Klantenservice Federatie",
        person=Person(form="neutraal", initials="N.", surname="Liemt"),
        address=Address(street="Stationsweg", house_number="12", postcode="3941 EK", city="Doorn"),
    )


def add_addressee(editor: LetterEditor, addressee: Addressee) -> None:
    editor.addressees.add(addressee)


def wheel(widget, steps: int = -1) -> None:
    """A turn of the mouse wheel over the middle of `widget` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


# The mouse wheel


def test_the_wheel_over_a_closed_dropdown_scrolls_the_form_and_changes_it_only_with_focus(
    make_editor, qtbot
):
    install_wheel_guard(QApplication.instance())
    editor = make_editor(700, 420)  # small: the form scrolls
    add_addressee(editor, ksf())
    form_of_address = editor.addressees.form.form
    assert form_of_address.currentText() == "neutraal"
    editor.focus_field("addressees[0].address.street")  # the cursor elsewhere
    scroll = editor.scroll.verticalScrollBar()
    scroll.setValue(scroll.minimum())
    editor.scroll.ensureWidgetVisible(form_of_address)
    before = scroll.value()
    assert not form_of_address.hasFocus()

    wheel(form_of_address, -1)
    assert form_of_address.currentText() == "neutraal"
    assert scroll.value() > before  # the form scrolled instead

    qtbot.mouseClick(form_of_address, Qt.MouseButton.LeftButton)
    form_of_address.hidePopup()
    form_of_address.setFocus()
    assert form_of_address.hasFocus()
    wheel(form_of_address, -1)
    assert form_of_address.currentText() == "onbekend"
    assert editor.session.letter.addressees[0].person.form == ""


def test_the_wheel_over_the_date_changes_it_only_with_focus(make_editor, qtbot):
    install_wheel_guard(QApplication.instance())
    editor = make_editor(700, 420)
    date_edit = editor.letter_form.date_edit
    editor.focus_field("subject")
    wheel(date_edit, 1)
    assert editor.session.letter.date == DAY
    date_edit.setFocus()
    wheel(date_edit, 1)
    assert editor.session.letter.date != DAY


def test_the_wheel_does_not_give_a_dropdown_the_focus(editor):
    install_wheel_guard(QApplication.instance())
    form_of_address = editor.addressees.form.form
    assert form_of_address.focusPolicy() == Qt.FocusPolicy.StrongFocus


# Problems beside their fields


def test_a_long_problem_wraps_under_its_field_and_never_squeezes_the_form(make_editor, qtbot):
    editor = make_editor(1024, 700)
    add_addressee(editor, ksf())
    postcode = editor.addressees.form.field("address.postcode")
    content = editor.scroll.widget()
    qtbot.waitUntil(lambda: postcode.width() > 0)
    widths = (content.width(), postcode.width())
    assert editor.scroll.horizontalScrollBar().maximum() == 0

    long_message = ("De postcode van geadresseerde 1 klopt niet met de plaats. " * 6)[:300]
    editor.show_problems([("addressees[0].address.postcode", long_message)])
    QApplication.processEvents()
    content.layout().activate()

    assert editor.problem_text("addressees[0].address.postcode") == long_message
    label = editor.addressees.form.findChild(type(editor.problem_summary), "postcode_probleem")
    assert label.isVisible() and label.wordWrap()
    assert (content.width(), postcode.width()) == widths
    assert editor.scroll.horizontalScrollBar().maximum() == 0
    assert label.geometry().top() >= postcode.geometry().bottom()  # under the field


# The same addressee twice


def test_the_same_addressee_twice_gets_a_warning_naming_them(editor):
    add_addressee(editor, ksf())
    add_addressee(editor, Addressee(organisation="WFC", address=Address(city="Utrecht")))
    assert editor.addressees.duplicates.isHidden()
    add_addressee(editor, ksf())
    assert editor.addressees.duplicates.isVisible()
    assert editor.addressees.duplicates.text() == "Geadresseerde 1 en 3 zijn dezelfde."
    editor.undo_action().trigger()
    assert editor.addressees.duplicates.isHidden()


# A new block comes into view


def visible_in(scroll: QScrollArea, widget) -> bool:
    top = widget.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + min(widget.height(), 40) <= scroll.viewport().height()


def cursor_visible(editor) -> bool:
    edit = editor.blocks.edit
    rect = edit.cursorRect()
    top = edit.viewport().mapTo(editor.scroll.viewport(), rect.topLeft()).y()
    return top >= 0 and top + rect.height() <= editor.scroll.viewport().height()


@pytest.mark.parametrize("kind", ["promise", "quote"])
def test_a_new_block_scrolls_into_view_with_the_cursor_in_it(make_editor, qtbot, kind):
    editor = make_editor(600, 400)
    editor.session.letter.body = [Paragraph(f"Alinea {n}") for n in range(30)]
    editor.reload()
    commands = editor.blocks.commands
    commands.choose_promise = lambda _current: 4
    commands.choose_quote = lambda _current: Quote("Een citaat.", speaker="Roel Masselink")
    editor.blocks.focus_block(25)  # far down the letter
    qtbot.waitUntil(lambda: cursor_visible(editor))
    scroll = editor.scroll.verticalScrollBar()
    scroll.setValue(scroll.minimum())  # the person scrolled back up; the cursor stays there
    (commands.promise if kind == "promise" else commands.quote).trigger()
    assert editor.session.letter.body[26].type == kind
    assert editor.blocks.current_block() == 26  # the cursor on the new block
    qtbot.waitUntil(lambda: cursor_visible(editor))
    assert editor.blocks.edit.hasFocus()


def test_undo_that_brings_a_block_back_scrolls_to_it(make_editor, qtbot):
    editor = make_editor(600, 400)
    editor.session.letter.body = [Paragraph(f"Alinea {n}") for n in range(30)]
    editor.reload()
    body = editor.session.letter.body
    editor.blocks.binding.set_blocks([*body[:1], *body[2:]], "blok verwijderen")
    editor.blocks.focus_block(27)  # far down the letter
    qtbot.waitUntil(lambda: cursor_visible(editor))
    scroll = editor.scroll.verticalScrollBar()
    assert scroll.value() > 0

    editor.undo_action().trigger()
    assert editor.blocks.current_block() == 1  # at the paragraph that came back
    assert editor.blocks.edit.textCursor().block().text() == "Alinea 1"
    qtbot.waitUntil(lambda: cursor_visible(editor))


# A laptop screen


def test_the_form_fits_480_pixels_without_a_horizontal_scroll_bar(make_editor, qtbot):
    editor = make_editor(1000, 700)
    add_addressee(editor, ksf())
    body = editor.session.letter.body
    editor.session.letter.body = [*body, Quote("Een citaat " * 30, speaker="Roel Masselink")]
    editor.reload()
    editor.blocks.commands.choose_promise = lambda _current: 4
    editor.blocks.commands.promise.trigger()
    outer = QScrollArea()  # 480 px: the editor's share of a 1024 px laptop screen
    outer.setWidgetResizable(True)
    outer.setWidget(editor)
    outer.resize(480, 700)
    outer.show()
    try:
        qtbot.waitUntil(lambda: editor.width() <= 480)
        assert outer.horizontalScrollBar().maximum() == 0
        assert editor.scroll.horizontalScrollBar().maximum() == 0
        assert editor.minimumSizeHint().width() <= 480
    finally:
        outer.takeWidget()  # the editor goes as the other tests' editors go
        outer.deleteLater()
