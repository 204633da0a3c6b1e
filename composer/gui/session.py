"""The letter being edited: one LetterSession holds it, its undo stack, problems and drafts."""

from __future__ import annotations

import copy
import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from composer.app import draft_files
from composer.app.letter_paths import get_list, get_value, set_value
from composer.app.new_letter import new_letter
from composer.app.window_fit import window_problems
from composer.core.letterfile import letter_to_dict
from composer.core.models import Letter, Paragraph
from composer.core.validation import letter_problems
from composer.errors import ComposerError
from composer.gui.changes import SAVED, changes
from composer.gui.editor.commands import ReplaceLetterCommand
from composer.gui.ops import Op
from composer.i18n import _, screen_moment
from composer.settings import Settings
from composer.storage.snapshot import SNAPSHOT_KEY

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.storage.library import Library

AUTOSAVE_INTERVAL_MS = 3000
CHECK_AFTER_TYPING_MS = 250  # the body's problems are checked after this pause in typing

DraftKey = int | str  # a letter id (library draft) or "nieuw-<uuid>" (a letter never saved)


@dataclass(frozen=True)
class PendingDraft:
    """Work left behind (after a crash): offer it back with restore_draft(key)."""

    key: DraftKey
    letter: Letter
    updated_at: dt.datetime  # aware, UTC
    base_version: int | None

    @property
    def is_new_letter(self) -> bool:
        return isinstance(self.key, str)

    @property
    def description(self) -> str:
        """`Brief 12 ‘Betreft’, automatisch bewaard op 17 oktober 2022 om 14:03`."""
        subject = self.letter.subject.strip() or _("zonder betreft")
        when = screen_moment(self.updated_at)
        if self.is_new_letter:
            return _("Nieuwe brief ‘{subject}’, automatisch bewaard op {date} om {time}").format(
                subject=subject, **when
            )
        return _("Brief {number} ‘{subject}’, automatisch bewaard op {date} om {time}").format(
            number=self.key, subject=subject, **when
        )


@dataclass(frozen=True)
class ReadLetter:
    letter_id: int
    version: int
    letter: Letter
    problems: list[tuple[str, str]]  # letter_problems of `letter`, worked out with the reading
    status: str  # its review status as stored (composer.core.statuses)


def checked_problems(letter: Letter, settings: Settings) -> list[tuple[str, str]]:
    """What the editor shows under the fields: the letter's problems and, for an address that
    would wrap or overflow the envelope's window, that address."""
    return letter_problems(letter_to_dict(letter)) + window_problems(letter, settings)


def read_latest(library: Library, letter_id: int, settings: Settings | None = None) -> ReadLetter:
    """The latest version of a letter, read from the library and checked (any thread)."""
    info = library.version_info(letter_id)
    letter = library.version(letter_id, info.number)
    problems = checked_problems(letter, settings if settings is not None else Settings())
    return ReadLetter(letter_id, info.number, letter, problems, library.summary(letter_id).status)


def _comparable(letter: Letter) -> dict[str, Any]:
    data = letter_to_dict(letter)
    data.pop(SNAPSHOT_KEY, None)
    return data


class LetterSession(QObject):
    """The one place the current letter lives. Edits arrive as commands on `undo_stack`."""

    changed = Signal()  # content changed by an edit, undo or redo
    loaded = Signal()  # another letter is now in the editor
    saved = Signal(int, int)  # letter id, version
    problems_changed = Signal(list)  # [(field path, Dutch message)]
    dirty_changed = Signal(bool)
    autosave_failed = Signal(str)  # Dutch message; the draft is tried again at the next edit

    def __init__(
        self,
        library: Library,
        *,
        author: str,
        drafts_folder: Path | None = None,
        workspace: Workspace | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.author = author
        if workspace is None:  # a session on its own (a test): the default settings
            from composer.app.workspace import Workspace

            workspace = Workspace(library=library)
        self.workspace = workspace  # its settings: the aanhef's placeholder; the ops' workspace
        self.drafts_folder = drafts_folder or draft_files.default_folder()
        self.letter = Letter(template="brief", date=dt.date.today(), body=[Paragraph("")])
        self.letter_id: int | None = None
        self.base_version: int | None = None
        self.status: str | None = None  # the review status read with the letter; None: new
        self.problems: list[tuple[str, str]] = []
        self.reference_assigned = False  # ons kenmerk given (finalize): no longer editable
        self.loading = False
        self.typing_generation = 0  # bumped by seal_typing: the next keystroke is a new step
        self.autosave_interval_ms = AUTOSAVE_INTERVAL_MS
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._draft_key: str | None = None  # file draft of a letter not yet in the library
        self._draft_pending = False  # edits since the last draft was written
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.autosave_in_background)
        self._check_timer = QTimer(self)  # the check after a pause in typing the body
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_AFTER_TYPING_MS)
        self._check_timer.timeout.connect(self.check_now)
        # Drafts are written in the background as well as at once (close): `_draft_lock` keeps
        # them in order, `_state` numbers every state of the letter, `_stored` the one stored.
        self._draft_lock = threading.Lock()
        self._state = 0
        self._stored = 0
        # The blank letter is checked at its first edit: no jsonschema before the window shows.

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    @property
    def dirty(self) -> bool:
        """Whether the letter has changes that are not saved as a version."""
        return not self.undo_stack.isClean()

    # Loading

    def new_from_template(self, name: str, *, today: dt.date | None = None) -> None:
        """A new letter from a template, prefilled from the organisation profile (the rule is
        composer.app.new_letter's)."""
        self._load(new_letter(name, today=today), letter_id=None, base_version=None)

    def open(self, letter_id: int) -> None:
        """The latest version of a library letter. Offering its draft back is the caller's."""
        self.show_read(read_latest(self.library, letter_id, self.workspace.settings))

    def show_read(self, read: ReadLetter) -> None:
        """A letter read with read_latest (perhaps off the GUI thread) is now the one edited."""
        self._load(
            read.letter,
            letter_id=read.letter_id,
            base_version=read.version,
            problems=read.problems,
            status=read.status,
        )

    def _load(
        self,
        letter: Letter,
        *,
        letter_id: int | None,
        base_version: int | None,
        draft_key: str | None = None,
        problems: list[tuple[str, str]] | None = None,
        status: str | None = None,
    ) -> None:
        self.loading = True  # nothing that happens now is an edit
        self.status = status
        try:
            self._timer.stop()
            self._state += 1
            self.letter = letter
            self.letter_id = letter_id
            self.base_version = base_version
            self._draft_key = draft_key
            self._draft_pending = False
            self.reference_assigned = bool(letter.our_reference.strip())
            self.typing_generation += 1
            self._check_timer.stop()
            self.undo_stack.clear()
            if problems is None:
                self._validate()
            else:
                self.problems = list(problems)
        finally:
            self.loading = False
        self.loaded.emit()
        self.problems_changed.emit(list(self.problems))

    # Saving

    def save(self, message: str = "") -> int:
        """Save a version; returns its number. SaveConflict and other errors reach the caller."""
        self._timer.stop()
        with self._draft_lock:  # a draft written in the background now would outlive the save
            if self.letter_id is None:
                letter_id = self.library.add(self.letter, author=self.author, message=message)
                number = 1
                self.letter_id = letter_id
                if self._draft_key is not None:
                    draft_files.remove(self.drafts_folder, self._draft_key)
                    self._draft_key = None
            else:
                # The library drops this author's draft in the same transaction.
                number = self.library.save(
                    self.letter_id,
                    self.letter,
                    author=self.author,
                    message=message,
                    base=self.base_version,
                )
            self._state += 1
            self._stored = self._state
        self.base_version = number
        self._draft_pending = False
        self.typing_generation += 1
        self.undo_stack.setClean()
        changes().changed.emit(self.letter_id, SAVED)  # the panels first, then the window
        self.saved.emit(self.letter_id, number)
        return number

    # Editing: commands call these; widgets never do.

    def apply(self, command: QUndoCommand) -> None:
        if self.loading:
            return
        self.undo_stack.push(command)

    def value(self, path: str) -> Any:
        return get_value(self.letter, path)

    def set_value(self, path: str, value: Any) -> None:
        set_value(self.letter, path, value)
        # The body changes with every keystroke: its check (the whole letter against the
        # schema, ~15 ms for two pages) waits for a pause in the typing.
        self._after_change(check_later=path == "body")

    def insert_item(self, list_path: str, index: int, item: Any) -> None:
        get_list(self.letter, list_path).insert(index, item)
        self._after_change()

    def remove_item(self, list_path: str, index: int) -> Any:
        item = get_list(self.letter, list_path).pop(index)
        self._after_change()
        return item

    def move_item(self, list_path: str, index: int, to: int) -> None:
        items = get_list(self.letter, list_path)
        items.insert(to, items.pop(index))
        self._after_change()

    def insert_block(self, index: int, block: Any) -> None:
        self.insert_item("body", index, block)

    def remove_block(self, index: int) -> Any:
        return self.remove_item("body", index)

    def move_block(self, index: int, to: int) -> None:
        self.move_item("body", index, to)

    def insert_addressee(self, index: int, addressee: Any) -> None:
        self.insert_item("addressees", index, addressee)

    def remove_addressee(self, index: int) -> Any:
        return self.remove_item("addressees", index)

    def move_addressee(self, index: int, to: int) -> None:
        self.move_item("addressees", index, to)

    def replace_letter(self, letter: Letter) -> None:
        self.letter = letter
        self._after_change()

    def seal_typing(self) -> None:
        """End the current typing step (focus left the field): the next keystroke is new."""
        self.typing_generation += 1

    def check_now(self) -> None:
        """Check the letter now (a check waiting for a pause in typing is done at once)."""
        self._check_timer.stop()
        self._validate()
        self.problems_changed.emit(list(self.problems))

    def _validate(self) -> None:
        self.problems = checked_problems(self.letter, self.workspace.settings)

    def _after_change(self, *, check_later: bool = False) -> None:
        if check_later and not self.loading:
            self.changed.emit()
            self._check_timer.start()
        else:
            self._check_timer.stop()
            self._validate()
            self.changed.emit()
            self.problems_changed.emit(list(self.problems))
        if not self.loading:
            self._state += 1
            self._draft_pending = True
            if not self._timer.isActive():
                self._timer.start(self.autosave_interval_ms)

    # Drafts (autosave)

    def autosave(self) -> bool:
        """Write the draft now (or remove it when nothing unsaved is left); False on failure.
        Closing does this; the timer writes in the background (autosave_in_background)."""
        self._timer.stop()
        if not self._draft_pending:
            return True
        try:
            self._store(self._draft_job())
        except ComposerError as exc:
            self.autosave_failed.emit(exc.message)
            return False
        self._draft_pending = False
        return True

    def autosave_in_background(self) -> None:
        """What the timer does: the draft is written off the GUI thread (the library may be a
        server far away); a failure is said in the status bar and tried again."""
        self._timer.stop()
        if not self._draft_pending:
            return
        job = self._draft_job()
        self._draft_pending = False

        def failed(error: BaseException) -> None:
            self._draft_pending = True  # the next edit, or closing, tries again
            if isinstance(error, ComposerError):
                self.autosave_failed.emit(error.message)

        Op(self, lambda _workspace: self._store(job), workspace=self.workspace).failure(
            failed
        ).run()

    def _draft_job(self) -> draft_files.DraftJob:
        """What to store, taken in the GUI thread: the letter as it is now."""
        if self.dirty and self.letter_id is None and self._draft_key is None:
            self._draft_key = draft_files.new_key()
        return draft_files.DraftJob(
            state=self._state,
            letter=copy.deepcopy(self.letter),
            letter_id=self.letter_id,
            base_version=self.base_version,
            draft_key=self._draft_key,
            keep=self.dirty,
            author=self.author,
            library=self.library,
            folder=self.drafts_folder,
        )

    def _store(self, job: draft_files.DraftJob) -> None:
        """Write (or remove) the draft of `job` unless a newer state is stored already."""
        with self._draft_lock:
            if job.state <= self._stored:
                return
            job.store()
            self._stored = job.state

    def _remove_draft(self) -> None:
        with self._draft_lock:
            if self.letter_id is not None:
                self.library.discard_draft(self.letter_id, author=self.author)
            elif self._draft_key is not None:
                draft_files.remove(self.drafts_folder, self._draft_key)
            self._state += 1  # a draft still being written in the background is dropped
            self._stored = self._state

    def pending_drafts(self) -> list[PendingDraft]:
        """Drafts of this author with work not saved as a version, newest first.

        The letter open in this session is left out; a draft equal to the version it
        started from (everything typed was undone) has nothing to offer and is left out too.
        """
        found: list[PendingDraft] = []
        for info in self.library.drafts(author=self.author):
            if info.letter_id == self.letter_id:
                continue
            try:
                start = self.library.version(info.letter_id, info.base_version)
            except ComposerError:
                start = None
            if start is not None and _comparable(start) == _comparable(info.letter):
                continue
            found.append(
                PendingDraft(info.letter_id, info.letter, info.updated_at, info.base_version)
            )
        for draft in draft_files.of_author(self.drafts_folder, self.author):
            if draft.key != self._draft_key:
                found.append(PendingDraft(draft.key, draft.letter, draft.updated_at, None))
        return sorted(found, key=lambda draft: draft.updated_at, reverse=True)

    def restore_draft(self, key: DraftKey) -> None:
        """Open a draft: the saved version it started from, then the draft as one undo step.

        A library letter keeps the draft's base version, so saving on top of a version
        someone saved meanwhile is refused (SaveConflict) instead of silently overwriting it.
        """
        if isinstance(key, int):
            info = self.library.draft_info(key, author=self.author)
            if info is None:
                raise ComposerError(
                    _("Er is geen automatisch bewaard concept van brief {number}.").format(
                        number=key
                    )
                )
            base = info.base_version or self.library.version_info(key).number
            self._load(self.library.version(key, base), letter_id=key, base_version=base)
            draft = info.letter
        else:
            read = draft_files.read(draft_files.draft_path(self.drafts_folder, key))
            if read is None:
                raise ComposerError(
                    _(
                        "Het automatisch bewaarde concept van deze nieuwe brief is er niet meer "
                        "of is onleesbaar."
                    )
                )
            draft = read.letter
            start = Letter(template=draft.template, date=draft.date, closing="")
            self._load(start, letter_id=None, base_version=None, draft_key=key)
        self.undo_stack.push(
            ReplaceLetterCommand(self, self.letter, draft, _("concept terugzetten"))
        )

    def discard_draft(self, key: DraftKey | None = None) -> None:
        """Throw a draft away: the current letter's (None), or one from pending_drafts."""
        if key is None:
            self._timer.stop()
            self._draft_pending = False
            self._remove_draft()
        elif isinstance(key, int):
            self.library.discard_draft(key, author=self.author)
        else:
            draft_files.remove(self.drafts_folder, key)

    def close(self) -> None:
        """Write the last draft (if there are unsaved edits) and stop autosaving."""
        self.autosave()
        self._timer.stop()
