"""The session: new letters from a template, open, save (versions), validation and drafts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytest.importorskip("PySide6")

from composer.core.models import Paragraph, Signatory
from composer.dutch.dates import format_date
from composer.gui.editor.commands import SetValueCommand
from composer.gui.session import LetterSession
from composer.storage.library import SaveConflict

AUTHOR = "Anna de Vries"
DAY = dt.date(2022, 10, 17)


@pytest.fixture
def make_session(qapp, library, tmp_path):
    sessions = []

    def make(author: str = AUTHOR) -> LetterSession:
        session = LetterSession(library, author=author, drafts_folder=tmp_path / "concepten")
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def session(make_session):
    session = make_session()
    session.new_from_template("brief", today=DAY)
    return session


def typed(session, path, text):
    session.apply(SetValueCommand(session, path, text, typing=True))


def test_a_new_brief_is_prefilled_from_the_organisation_profile(session):
    letter = session.letter
    assert letter.template == "brief"
    assert letter.date == DAY
    assert letter.place == "Doorn"
    assert letter.closing == "Met vriendelijke groet,"
    assert letter.signatories == [Signatory("Roel Masselink", "directeur")]
    assert letter.body == [Paragraph("")]
    assert (session.letter_id, session.base_version, session.dirty) == (None, None, False)
    assert session.problems == []


def test_a_new_press_release_has_no_closing_or_signatory(make_session):
    session = make_session()
    session.new_from_template("persbericht", today=DAY)
    assert session.letter.template == "persbericht"
    assert (session.letter.closing, session.letter.signatories) == ("", [])


def test_today_is_the_default_date(make_session):
    session = make_session()
    session.new_from_template("brief")
    assert session.letter.date == dt.date.today()


def test_save_adds_the_letter_then_saves_versions_on_top(session, library, qtbot):
    typed(session, "subject", "Handreiking cao")
    assert session.dirty
    with qtbot.waitSignal(session.saved) as blocker:
        assert session.save("Eerste opzet") == 1
    letter_id = session.letter_id
    assert blocker.args == [letter_id, 1]
    history = library.history(letter_id)
    assert [(v.number, v.author, v.message) for v in history] == [(1, AUTHOR, "Eerste opzet")]
    assert library.version(letter_id).subject == "Handreiking cao"
    assert not session.dirty

    typed(session, "subject", "Handreiking aan de onderhandelaars")
    assert session.save() == 2
    assert session.base_version == 2
    assert [v.number for v in library.history(letter_id)] == [1, 2]
    assert library.version(letter_id).subject == "Handreiking aan de onderhandelaars"


def test_open_shows_the_latest_version_with_a_clean_undo_stack(session, make_session, qtbot):
    typed(session, "subject", "Versie een")
    session.save()
    typed(session, "subject", "Versie twee")
    session.save()
    other = make_session()
    with qtbot.waitSignal(other.loaded):
        other.open(session.letter_id)
    assert other.letter.subject == "Versie twee"
    assert (other.letter_id, other.base_version) == (session.letter_id, 2)
    assert other.undo_stack.count() == 0 and not other.dirty
    assert not other.reference_assigned


def test_a_kenmerk_once_assigned_is_marked_as_such(session, library, make_session):
    session.save()
    kenmerk = library.finalize(session.letter_id, author=AUTHOR, today=DAY)
    other = make_session()
    other.open(session.letter_id)
    assert other.letter.our_reference == kenmerk
    assert other.reference_assigned


def test_a_save_on_top_of_a_newer_version_is_refused(session, make_session, library):
    session.save()
    colleague = make_session("Bert Jansen")
    colleague.open(session.letter_id)
    typed(colleague, "subject", "Door Bert")
    colleague.save()
    typed(session, "subject", "Door Anna")
    with pytest.raises(SaveConflict) as caught:
        session.save()
    assert "Bert Jansen" in caught.value.message
    assert [v.author for v in library.history(session.letter_id)] == [AUTHOR, "Bert Jansen"]
    assert session.dirty  # nothing is lost: the edit is still there to compare and save again


def test_an_unfinished_letter_is_saved_as_typed_and_keeps_its_problems(session, library):
    """A draft can always be saved; the problems block finalize, export and send instead."""
    from composer.core.models import Address, Addressee

    session.letter.addressees.append(Addressee(address=Address(postcode="25110 AB")))
    session.save()
    assert session.letter_id is not None
    stored = library.version(session.letter_id)
    assert stored.addressees[0].address.postcode == "25110 AB"
    session.open(session.letter_id)  # read back: the problem is shown beside the field again
    assert [path for path, _message in session.problems] == ["addressees[0].address.postcode"]


def test_autosave_keeps_a_draft_that_a_new_session_offers_back(
    session, make_session, library, qtbot
):
    session.save()
    letter_id = session.letter_id
    session.autosave_interval_ms = 50
    typed(session, "subject", "Nog niet opgeslagen tekst")
    qtbot.waitUntil(lambda: library.draft(letter_id, author=AUTHOR) is not None, timeout=3000)

    # The first session crashed: it was never closed. The next start finds the draft.
    restarted = make_session()
    pending = restarted.pending_drafts()
    assert [draft.key for draft in pending] == [letter_id]
    assert pending[0].letter.subject == "Nog niet opgeslagen tekst"
    assert pending[0].description.startswith(f"Brief {letter_id} ‘Nog niet opgeslagen tekst’")
    saved = pending[0].updated_at.astimezone()
    assert pending[0].description.endswith(
        f"automatisch bewaard op {format_date(saved.date())} om {saved:%H:%M}"
    )

    restarted.restore_draft(letter_id)
    assert restarted.letter.subject == "Nog niet opgeslagen tekst"
    assert (restarted.letter_id, restarted.base_version) == (letter_id, 1)
    assert restarted.dirty
    restarted.undo_stack.undo()  # the saved version is one undo away
    assert restarted.letter.subject == ""
    restarted.undo_stack.redo()

    assert restarted.save("Concept teruggezet") == 2
    assert library.draft(letter_id, author=AUTHOR) is None
    assert restarted.pending_drafts() == []


def test_a_new_letter_is_kept_as_a_draft_file_until_saved(session, make_session, library, tmp_path):
    typed(session, "subject", "Brief die nog nergens staat")
    assert session.autosave()  # what the timer does
    files = list((tmp_path / "concepten").glob("nieuw-*.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert (stored["author"], stored["letter"]["subject"]) == (
        AUTHOR,
        "Brief die nog nergens staat",
    )
    assert library.letters() == []  # a draft is never a letter in the library

    restarted = make_session()
    [draft] = restarted.pending_drafts()
    assert draft.is_new_letter and draft.key == files[0].stem
    assert make_session("Bert Jansen").pending_drafts() == []  # only the author's own
    restarted.restore_draft(draft.key)
    assert restarted.letter.subject == "Brief die nog nergens staat"
    assert restarted.letter_id is None and restarted.dirty
    restarted.save()
    assert list((tmp_path / "concepten").glob("nieuw-*.json")) == []
    assert [s.subject for s in library.letters()] == ["Brief die nog nergens staat"]


def test_undoing_everything_removes_the_draft(session, library):
    session.save()
    typed(session, "subject", "Even geprobeerd")
    session.autosave()
    assert library.draft(session.letter_id, author=AUTHOR) is not None
    session.undo_stack.undo()
    assert not session.dirty
    session.autosave()
    assert library.draft(session.letter_id, author=AUTHOR) is None


def test_close_writes_the_last_draft_at_once(session, library):
    session.save()
    typed(session, "subject", "Vlak voor het afsluiten")
    session.close()
    assert library.draft(session.letter_id, author=AUTHOR).subject == "Vlak voor het afsluiten"


def test_nothing_unsaved_means_no_draft(session, tmp_path):
    session.close()
    assert not (tmp_path / "concepten").exists()


def test_a_draft_equal_to_its_version_is_not_offered(session, library, make_session):
    session.save()
    library.save_draft(session.letter_id, session.letter, author=AUTHOR, base=1)
    assert make_session().pending_drafts() == []


def test_discarding_a_pending_draft(session, library, make_session):
    session.save()
    typed(session, "subject", "Weggooien")
    session.autosave()
    restarted = make_session()
    restarted.discard_draft(session.letter_id)
    assert library.draft(session.letter_id, author=AUTHOR) is None
    assert restarted.pending_drafts() == []


def test_problems_follow_every_change(session, qtbot):
    from composer.core.models import Address, Addressee
    from composer.gui.editor.commands import InsertAddresseeCommand

    session.apply(InsertAddresseeCommand(session, 0, Addressee(address=Address("Laan", "1"))))
    assert session.problems == [
        (
            "addressees[0].address.postcode",
            "De postcode ontbreekt. Gebruik vier cijfers en twee letters, zoals 2511 AB.",
        )
    ]
    with qtbot.waitSignal(session.problems_changed) as blocker:
        typed(session, "addressees[0].address.postcode", "2511 AB")
    assert blocker.args == [[]]
