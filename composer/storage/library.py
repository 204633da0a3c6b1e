"""The letter library: one service for the command line and the desktop program (no printing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from composer.core.models import Letter
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import _
from composer.storage import (
    archive,
    archive_import,
    catalogue_rows,
    kenmerken,
    letter_bin,
    review_rules,
)
from composer.storage import drafts as draft_store
from composer.storage import send_register as sends
from composer.storage.engine import describe, open_engine, read_transaction, write_transaction
from composer.storage.letter_bin import BinnedLetter, LetterInBin, SentLetterKept
from composer.storage.letter_rows import (
    append_version,
    create_letter,
    letter_from_content,
    letter_row,
    letter_summary,
    lock_letter,
    stored_content,
    version_info,
    version_row,
)
from composer.storage.library_errors import LetterNotFound, SaveConflict, VersionNotFound
from composer.storage.library_records import (
    CatalogueVersionInfo,
    DraftInfo,
    ImportReport,
    KenmerkEntry,
    LetterSummary,
    VerifyReport,
    VersionInfo,
)
from composer.storage.migrate import head_revision, migrate_to_head
from composer.storage.schema import letters as letters_table
from composer.storage.schema import versions
from composer.storage.snapshot import SNAPSHOT_KEY
from composer.storage.timestamps import to_text, utc_now
from composer.storage.verify import verify_library

# finalize() without a pattern (tests, scripts); the faces pass the one in the settings, whose
# default this is (tests/test_workspace.py holds the two together).
DEFAULT_KENMERK_PATTERN = "KSF/{yyyy}/{seq:04d}"

__all__ = [
    "SNAPSHOT_KEY",
    "BinnedLetter",
    "CatalogueVersionInfo",
    "DraftInfo",
    "ImportReport",
    "KenmerkEntry",
    "LetterInBin",
    "LetterNotFound",
    "LetterSummary",
    "Library",
    "SaveConflict",
    "SentLetterKept",
    "VerifyReport",
    "VersionInfo",
    "VersionNotFound",
]


def _check_author(author: str) -> None:
    if not isinstance(author, str) or not author.strip():
        raise ComposerError(
            _("Er is geen auteur opgegeven."), remedy=Remedy(RemedyAction.GIVE_NAME)
        )


class Library:
    """Letters with their immutable versions, drafts, the kenmerk register and catalogues.

    Every method is one database transaction: it happens completely or not at all.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = utc_now,
        data_folder: Path | None = None,
        rules: review_rules.ReviewRules | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._data_folder = data_folder
        self._rules = rules

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        data_folder: Path | None = None,
        rules: review_rules.ReviewRules | None = None,
    ) -> Library:
        """Open (and create or upgrade) the library; None: COMPOSER_DATABASE_URL or the data dir.

        `data_folder` holds the archive of sent letters (default: the data folder). `rules` are
        the review workflow's (composer.review.library_rules.REVIEW_RULES): what a save does,
        and the status replay of verify; storage never decides those itself.
        """
        engine = open_engine(url)
        try:
            migrate_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, clock=clock, data_folder=data_folder, rules=rules)

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def rules(self) -> review_rules.ReviewRules | None:
        return self._rules

    def use_rules(self, rules: review_rules.ReviewRules) -> None:
        """Hand the library the review workflow's rules (when it was opened without them)."""
        self._rules = rules

    @property
    def clock(self) -> Callable[[], datetime]:
        return self._clock

    @property
    def data_folder(self) -> Path:
        """The folder the archive paths (`archief/…`) are relative to."""
        if self._data_folder is not None:
            return Path(self._data_folder)
        from composer.paths import data_dir

        return data_dir()

    @property
    def location(self) -> str:
        """Where the library is: the SQLite file, or server/database (no password)."""
        return describe(self._engine.url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _now(self) -> str:
        return to_text(self._clock())

    # Letters and versions

    def add(self, letter: Letter, *, author: str, message: str = "") -> int:
        """Store a new letter; returns its id. Its first version is number 1."""
        _check_author(author)
        content = stored_content(letter)
        with write_transaction(self._engine) as connection:
            return create_letter(
                connection, content, author=author, message=message, created_at=self._now()
            )

    def save(
        self,
        letter_id: int,
        letter: Letter,
        *,
        author: str,
        message: str = "",
        base: int | None = None,
    ) -> int:
        """A new version on top of the latest; returns its number.

        With `base` (the version the edit started from) a save on top of someone else's newer
        version is refused with SaveConflict and nothing is written. The author's draft of
        the letter is removed in the same transaction. A sent letter is refused (LetterSent);
        a save on a letter that is ter beoordeling or goedgekeurd makes it a concept again and
        its approval lapse (composer.review). A letter in the prullenbak is refused (LetterInBin).
        """
        _check_author(author)
        content = stored_content(letter)
        with write_transaction(self._engine) as connection:
            locked = lock_letter(connection, letter_id)
            letter_bin.refuse_if_in_bin(locked)
            effect = review_rules.save_effect(self._rules, locked)
            if base is not None and base != locked.latest_version:
                if not 1 <= base <= locked.latest_version:
                    raise VersionNotFound(letter_id, base, locked.latest_version)
                latest = version_info(version_row(connection, letter_id, None))
                raise SaveConflict(latest, base)
            now = self._now()
            number = append_version(
                connection, locked, content, author=author, message=message, created_at=now
            )
            review_rules.version_saved(connection, locked, number, effect, author=author, at=now)
            draft_store.discard(connection, letter_id, author)
            return number

    def restore(self, letter_id: int, number: int, *, author: str) -> int:
        """A new version with exactly the content of version `number`; returns its number."""
        _check_author(author)
        with write_transaction(self._engine) as connection:
            locked = lock_letter(connection, letter_id)
            letter_bin.refuse_if_in_bin(locked)
            effect = review_rules.save_effect(self._rules, locked)
            old = version_row(connection, letter_id, number)
            now = self._now()
            new = append_version(
                connection,
                locked,
                old.content,
                author=author,
                message=f"Hersteld van versie {number}",
                created_at=now,
            )
            review_rules.version_saved(connection, locked, new, effect, author=author, at=now)
            return new

    def letters(
        self,
        query: str = "",
        *,
        status: str | None = None,
        limit: int = 200,
        in_bin: bool = False,
    ) -> list[LetterSummary]:
        """Newest first; every word of `query` must occur in subject, addressees or kenmerk.

        The letters in the prullenbak are left out; `in_bin` lists only those (BinnedLetter,
        the most recently deleted first).
        """
        statement = letter_bin.listed(sa.select(letters_table), in_bin=in_bin)
        for word in query.lower().split():
            statement = statement.where(letters_table.c.search_text.contains(word, autoescape=True))
        if status is not None:
            statement = statement.where(letters_table.c.status == status)
        statement = statement.order_by(letters_table.c.updated_at.desc(), letters_table.c.id.desc())
        with read_transaction(self._engine) as connection:
            rows = connection.execute(statement.limit(limit)).all()
        if in_bin:
            return [letter_bin.binned_letter(row) for row in rows]
        return [letter_summary(row) for row in rows]

    def listed_letters(self, letter_ids: Iterable[int]) -> dict[int, LetterSummary]:
        """Of `letter_ids`, the letters that are in the list (they exist, not in the
        prullenbak), by id: for a list kept elsewhere, such as the recently opened letters."""
        wanted = sorted({int(letter_id) for letter_id in letter_ids})
        if not wanted:
            return {}
        statement = letter_bin.listed(
            sa.select(letters_table).where(letters_table.c.id.in_(wanted)), in_bin=False
        )
        with read_transaction(self._engine) as connection:
            rows = connection.execute(statement).all()
        return {row.id: letter_summary(row) for row in rows}

    # The prullenbak

    def move_to_bin(self, letter_id: int, *, author: str) -> None:
        """Put the letter in the prullenbak: out of the list, nothing erased (versions, review
        history, kenmerk, drafts and archive stay). A sent letter is refused (SentLetterKept)."""
        _check_author(author)
        with write_transaction(self._engine) as connection:
            locked = lock_letter(connection, letter_id)
            letter_bin.move_to_bin(connection, locked, by=author, at=self._now())

    def restore_from_bin(self, letter_id: int) -> bool:
        """Take the letter out of the prullenbak, back into the list as it was; False when it
        was not in the prullenbak."""
        with write_transaction(self._engine) as connection:
            return letter_bin.take_from_bin(connection, lock_letter(connection, letter_id))

    def in_bin(self, letter_id: int) -> BinnedLetter | None:
        """The letter as it stands in the prullenbak; None when it is not there."""
        with read_transaction(self._engine) as connection:
            row = letter_row(connection, letter_id)
        return None if row.deleted_at is None else letter_bin.binned_letter(row)

    def summary(self, letter_id: int) -> LetterSummary:
        with read_transaction(self._engine) as connection:
            return letter_summary(letter_row(connection, letter_id))

    def history(self, letter_id: int) -> list[VersionInfo]:
        """Every version, oldest first."""
        columns = [c for c in versions.c if c.name != "content"]
        with read_transaction(self._engine) as connection:
            letter_row(connection, letter_id)
            rows = connection.execute(
                sa.select(*columns)
                .where(versions.c.letter_id == letter_id)
                .order_by(versions.c.number)
            ).all()
        return [version_info(row) for row in rows]

    def version(self, letter_id: int, number: int | None = None) -> Letter:
        """The letter exactly as saved (None: the latest), with its snapshot in `.extra`."""
        with read_transaction(self._engine) as connection:
            content = version_row(connection, letter_id, number).content
        return letter_from_content(content)

    def version_info(self, letter_id: int, number: int | None = None) -> VersionInfo:
        with read_transaction(self._engine) as connection:
            return version_info(version_row(connection, letter_id, number))

    # Kenmerken

    def finalize(
        self,
        letter_id: int,
        *,
        author: str,
        pattern: str | None = None,
        today: date | None = None,
    ) -> str:
        """Give the letter the next kenmerk of the year and return it (an existing one as is).

        Saves a new version (the latest with our_reference = kenmerk) and registers the
        kenmerk, in one transaction. The workflow status stays as it is: a goedgekeurd letter
        stays goedgekeurd, because the new version differs from the approved one only in
        our_reference (see composer.review).
        """
        _check_author(author)
        # The pattern is the caller's (the Workspace's settings); storage never reads settings.
        pattern = DEFAULT_KENMERK_PATTERN if pattern is None else pattern
        kenmerken.check_pattern(pattern)
        year = (today or date.today()).year
        with write_transaction(self._engine) as connection:
            # Refused (before a number is taken) for a letter in the prullenbak or with problems.
            return kenmerken.finalize_letter(
                connection, letter_id, pattern=pattern, year=year, author=author, now=self._now()
            )

    def kenmerk_register(self, year: int | None = None) -> list[KenmerkEntry]:
        with read_transaction(self._engine) as connection:
            return kenmerken.entries(connection, year)

    # Drafts (autosave)

    def save_draft(
        self, letter_id: int, letter: Letter, *, author: str, base: int | None = None
    ) -> None:
        """Replace the author's draft of the letter; `base` is the version the edit started from."""
        _check_author(author)
        with write_transaction(self._engine) as connection:
            letter_row(connection, letter_id)
            draft_store.save(
                connection,
                letter_id,
                letter,
                author=author,
                base_version=base,
                updated_at=self._now(),
            )

    def draft(self, letter_id: int, *, author: str) -> Letter | None:
        info = self.draft_info(letter_id, author=author)
        return None if info is None else info.letter

    def draft_info(self, letter_id: int, *, author: str) -> DraftInfo | None:
        with read_transaction(self._engine) as connection:
            return draft_store.read(connection, letter_id, author)

    def drafts(self, *, author: str) -> list[DraftInfo]:
        """The author's drafts, newest first (to offer back after a crash).

        A draft of a letter in the prullenbak is kept but not offered until the letter is back.
        """
        with read_transaction(self._engine) as connection:
            found = draft_store.of_author(connection, author)
            binned = letter_bin.ids_in_bin(connection, {info.letter_id for info in found})
        return [info for info in found if info.letter_id not in binned]

    def discard_draft(self, letter_id: int, *, author: str) -> None:
        with write_transaction(self._engine) as connection:
            draft_store.discard(connection, letter_id, author)

    # The send register

    def record_sends(
        self, letter_id: int, version: int, entries: Iterable[sends.SendEntry], *, author: str
    ) -> list[sends.SendRecord]:
        """Add what happened to each addressee (one row each, never changed); returns the
        letter's whole register."""
        _check_author(author)
        with write_transaction(self._engine) as connection:
            letter_row(connection, letter_id)
            version_row(connection, letter_id, version)
            sends.add_entries(
                connection, letter_id, version, entries, author=author, at=self._now()
            )
            return sends.register_list(connection, letter_id)

    def send_register(self, letter_id: int) -> list[sends.SendRecord]:
        """Per addressee and attempt how the letter went out (post, e-mail, .eml), oldest first."""
        with read_transaction(self._engine) as connection:
            letter_row(connection, letter_id)
            return sends.register_list(connection, letter_id)

    # Checking, export and import

    def verify(self) -> VerifyReport:
        """Every hash chain, then every archived file of a sent letter against its sha256."""
        with read_transaction(self._engine) as connection:
            return verify_library(connection, archive_root=self.data_folder, rules=self._rules)

    def export_zip(self, path: Path) -> None:
        """The whole library (versions, register, review history, archived files) in one zip."""
        with read_transaction(self._engine) as connection:
            archive.export_zip(
                connection, Path(path), schema=head_revision(), archive_root=self.data_folder
            )

    def import_zip(self, path: Path) -> ImportReport:
        """Load an export into this library, which must be empty (else refused, nothing done).

        Archived files in the export are written into this library's data folder.
        """
        with write_transaction(self._engine) as connection:
            return archive_import.import_zip(
                connection, Path(path), archive_root=self.data_folder, rules=self._rules
            )

    # Catalogues

    def save_catalogue(self, name: str, content: dict[str, Any], *, author: str) -> int:
        _check_author(author)
        with write_transaction(self._engine) as connection:
            return catalogue_rows.save(
                connection, name, content, author=author, created_at=self._now()
            )

    def catalogue(self, name: str, number: int | None = None) -> dict[str, Any] | None:
        with read_transaction(self._engine) as connection:
            return catalogue_rows.content(connection, name, number)

    def catalogue_history(self, name: str) -> list[CatalogueVersionInfo]:
        with read_transaction(self._engine) as connection:
            return catalogue_rows.history(connection, name)

    def catalogue_names(self) -> list[str]:
        with read_transaction(self._engine) as connection:
            return catalogue_rows.names(connection)
