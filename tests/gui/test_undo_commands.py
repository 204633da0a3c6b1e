"""Undo commands on a bare QUndoStack: no widgets, only the session's letter changes."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QUndoStack

from composer.app.letter_paths import parse_path
from composer.core.models import Address, Addressee, Paragraph, Person, Promise, Quote
from composer.gui.editor.commands import (
    InsertAddresseeCommand,
    InsertBlockCommand,
    InsertItemCommand,
    MoveAddresseeCommand,
    MoveBlockCommand,
    RemoveAddresseeCommand,
    RemoveBlockCommand,
    ReplaceLetterCommand,
    SetValueCommand,
)
from composer.gui.session import LetterSession
from composer.storage.library import Library


@pytest.fixture
def session(qapp, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'b.sqlite'}")
    session = LetterSession(library, author="Anna de Vries", drafts_folder=tmp_path / "concepten")
    session.new_from_template("brief", today=dt.date(2022, 10, 17))
    session.autosave_interval_ms = 3_600_000  # these tests are about commands, not drafts
    yield session
    session.close()
    library.close()


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def typed(session, path, *texts):
    return [SetValueCommand(session, path, text, typing=True) for text in texts]


def test_paths_read_like_the_validation_paths():
    assert parse_path("addressees[0].address.postcode") == ["addressees", 0, "address", "postcode"]
    assert parse_path("body[12]") == ["body", 12]
    with pytest.raises(ValueError):
        parse_path("body[x]")


def test_set_value_push_undo_redo(session, stack):
    stack.push(SetValueCommand(session, "subject", "Handreiking cao"))
    assert session.letter.subject == "Handreiking cao"
    assert stack.undoText() == "betreft wijzigen"
    stack.undo()
    assert session.letter.subject == ""
    stack.redo()
    assert session.letter.subject == "Handreiking cao"


def test_keystrokes_in_one_field_merge_into_one_step(session, stack):
    for command in typed(session, "subject", "H", "Ha", "Han"):
        stack.push(command)
    assert stack.count() == 1
    stack.undo()
    assert session.letter.subject == ""
    stack.redo()
    assert session.letter.subject == "Han"


def test_another_field_or_leaving_the_field_starts_a_new_step(session, stack):
    stack.push(typed(session, "subject", "Ha")[0])
    stack.push(typed(session, "place", "Utrecht")[0])
    stack.push(typed(session, "subject", "Han")[0])
    assert stack.count() == 3
    session.seal_typing()  # focus left the field
    stack.push(typed(session, "subject", "Hand")[0])
    assert stack.count() == 4
    stack.undo()
    assert session.letter.subject == "Han"


def test_typing_and_erasing_again_leaves_nothing_to_undo(session, stack):
    for command in typed(session, "subject", "x", ""):
        stack.push(command)
    assert stack.count() == 0
    assert session.letter.subject == ""


def test_commands_keep_their_own_copies(session, stack):
    quote = Quote("Eerste tekst", speaker="Roel Masselink")
    stack.push(InsertBlockCommand(session, 1, quote))
    quote.text = "later veranderd buiten het commando"
    session.letter.body[1].text = "in de brief veranderd"
    stack.undo()
    stack.redo()
    assert session.letter.body[1].text == "Eerste tekst"


def test_a_person_comes_and_goes_with_its_fields(session, stack):
    stack.push(InsertAddresseeCommand(session, 0, Addressee(organisation="WFC")))
    assert session.letter.addressees[0].person is None
    stack.push(SetValueCommand(session, "addressees[0].person.surname", "Liemt"))
    assert session.letter.addressees[0].person == Person(surname="Liemt")
    stack.undo()
    assert session.letter.addressees[0].person is None  # back to exactly the start


def test_blocks_insert_move_remove(session, stack):
    session.letter.body[0].text = "Eerste alinea."
    stack.push(InsertBlockCommand(session, 1, Promise(4)))
    stack.push(InsertBlockCommand(session, 2, Paragraph("Slot.")))
    assert [b.type for b in session.letter.body] == ["paragraph", "promise", "paragraph"]
    assert stack.undoText() == "alinea toevoegen"
    stack.push(MoveBlockCommand(session, 1, 0))
    assert [b.type for b in session.letter.body] == ["promise", "paragraph", "paragraph"]
    stack.push(RemoveBlockCommand(session, 1))
    assert [getattr(b, "text", None) for b in session.letter.body] == [None, "Slot."]
    stack.undo()
    assert session.letter.body[1].text == "Eerste alinea."
    stack.undo()
    assert session.letter.body[1] == Promise(4)
    stack.setIndex(0)
    assert session.letter.body == [Paragraph("Eerste alinea.")]
    stack.setIndex(stack.count())
    assert session.letter.body == [Promise(4), Paragraph("Slot.")]


def test_addressees_insert_move_remove(session, stack):
    first = Addressee(organisation="FNV", address=Address(postcode="9999 ZX"))
    second = Addressee(organisation="CNV Vakmensen", address=Address(postcode="9998 ZX"))
    stack.push(InsertAddresseeCommand(session, 0, first))
    stack.push(InsertAddresseeCommand(session, 1, second))
    stack.push(MoveAddresseeCommand(session, 1, 0))
    assert [a.organisation for a in session.letter.addressees] == ["CNV Vakmensen", "FNV"]
    stack.push(RemoveAddresseeCommand(session, 0))
    assert [a.organisation for a in session.letter.addressees] == ["FNV"]
    assert stack.undoText() == "geadresseerde verwijderen"
    stack.undo()
    stack.undo()
    assert [a.organisation for a in session.letter.addressees] == ["FNV", "CNV Vakmensen"]


def test_items_of_plain_lists(session, stack):
    stack.push(InsertItemCommand(session, "attachments", 0, "Handreiking (pdf)"))
    stack.push(SetValueCommand(session, "attachments[0]", "Handreiking"))
    assert session.letter.attachments == ["Handreiking"]
    assert stack.undoText() == "bijlage wijzigen"
    stack.undo()
    stack.undo()
    assert session.letter.attachments == []


def test_replace_letter_is_one_step(session, stack):
    import copy

    other = copy.deepcopy(session.letter)
    other.subject = "Uit het concept"
    other.body = [Paragraph("Hersteld.")]
    stack.push(ReplaceLetterCommand(session, session.letter, other, "concept terugzetten"))
    assert session.letter.subject == "Uit het concept"
    stack.undo()
    assert session.letter.subject == ""
    assert session.letter.body == [Paragraph("")]


def test_every_change_validates_and_reports_problems(session, stack, qtbot):
    stack.push(InsertAddresseeCommand(session, 0, Addressee(address=Address(postcode="1234 AB"))))
    with qtbot.waitSignal(session.problems_changed) as blocker:
        stack.push(SetValueCommand(session, "addressees[0].address.postcode", "25110 AB"))
    assert blocker.args[0] == [
        (
            "addressees[0].address.postcode",
            "De postcode is ongeldig (‘25110 AB’). "
            "Gebruik vier cijfers en twee letters, zoals 2511 AB.",
        )
    ]
    stack.undo()
    assert session.problems == []
