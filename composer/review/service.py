"""The review service: submit, approve, reject, comment, send and copy, each one transaction."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.core.readiness import Action, require_complete
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import _, screen_moment
from composer.review import transitions, workflow
from composer.review.library_rules import with_rules
from composer.review.review_records import ReviewStatus, SendResult
from composer.review.send_plan import SendPlan, send_plan
from composer.review.send_post import pdf_signer, post_entries
from composer.review.sending import (
    ArchivedFile,
    ConverterFactory,
    default_converter,
    not_sent,
    remove_files,
    write_archive,
)
from composer.review.statuses import (
    EVENT_COPIED_FROM,
    EVENT_REJECTED,
    STATUS_APPROVED,
)
from composer.review.transitions import Step
from composer.storage import kenmerken, letter_bin
from composer.storage import review_store as store
from composer.storage.engine import read_transaction, write_transaction
from composer.storage.hashing import canonical_json
from composer.storage.letter_rows import (
    create_letter,
    letter_from_content,
    letter_row,
    lock_letter,
    version_row,
)
from composer.storage.library import DEFAULT_KENMERK_PATTERN, Library
from composer.storage.review_store import Approval, ArchiveFile, Comment, Event
from composer.storage.schema import kenmerk_register
from composer.storage.send_register import SendEntry, add_entries
from composer.storage.timestamps import to_text

if TYPE_CHECKING:
    from composer.settings import Settings

__all__ = [
    "Approval",
    "ArchiveFile",
    "Comment",
    "Event",
    "ReviewService",
    "ReviewStatus",
    "SendPlan",
    "SendResult",
]


def _check_name(name: str, remedy: RemedyAction = RemedyAction.GIVE_NAME) -> None:
    """`remedy`: GIVE_NAME for an author, GIVE_REVIEWER_NAME for a reviewer."""
    if not isinstance(name, str) or not name.strip():
        raise ComposerError(_("Er is geen naam opgegeven."), remedy=Remedy(remedy))


class ReviewService:
    """The review workflow on top of a Library (same database, same clock, same data folder).

    Every step is checked against the transition table (composer.review.transitions), and the
    library is handed the review rules (what a save does, verify's status replay).
    """

    def __init__(self, library: Library) -> None:
        self.library = with_rules(library)

    def _now(self) -> str:
        return to_text(self.library.clock())

    def _write(self) -> Any:
        return write_transaction(self.library.engine)

    def _read(self) -> Any:
        return read_transaction(self.library.engine)

    # Reading

    def status(self, letter_id: int) -> ReviewStatus:
        with self._read() as connection:
            row = letter_row(connection, letter_id)
            approvals = store.approval_list(connection, letter_id)
            history = store.event_list(connection, letter_id)
            remarks = store.comment_list(connection, letter_id)
        open_comments = sum(1 for remark in remarks if not remark.resolved)
        version = row.latest_version
        valid = [a for a in approvals if a.valid]
        if row.status == STATUS_APPROVED and valid:
            version = valid[-1].version
        steps = [e for e in history if e.kind not in transitions.NEUTRAL_EVENTS]
        rejection = steps[-1] if steps and steps[-1].kind == EVENT_REJECTED else None
        return ReviewStatus(
            letter_id=letter_id,
            status=row.status,
            version=version,
            latest_version=row.latest_version,
            kenmerk=row.kenmerk,
            approvals=tuple(approvals),
            rejection=rejection,
            open_comments=open_comments,
        )

    def events(self, letter_id: int) -> list[Event]:
        with self._read() as connection:
            letter_row(connection, letter_id)
            return store.event_list(connection, letter_id)

    def approvals(self, letter_id: int) -> list[Approval]:
        with self._read() as connection:
            letter_row(connection, letter_id)
            return store.approval_list(connection, letter_id)

    def comments(self, letter_id: int) -> list[Comment]:
        """Open and resolved, oldest first."""
        with self._read() as connection:
            letter_row(connection, letter_id)
            return store.comment_list(connection, letter_id)

    def archive_files(self, letter_id: int) -> list[ArchiveFile]:
        with self._read() as connection:
            letter_row(connection, letter_id)
            return store.archive_file_list(connection, letter_id)

    # The steps of the workflow

    def submit(self, letter_id: int, *, author: str) -> ReviewStatus:
        """Concept -> ter beoordeling, for the latest version."""
        _check_name(author)
        with self._write() as connection:
            locked = lock_letter(connection, letter_id)
            letter_bin.refuse_if_in_bin(locked)  # not reviewed or sent from the prullenbak
            workflow.check_submit(letter_id, locked.status, locked.latest_version)
            row = transitions.require(locked.status, Step.SUBMIT)
            now = self._now()
            store.add_event(
                connection, letter_id, row.event, locked.latest_version, actor=author, at=now
            )
            store.set_status(connection, letter_id, row.target)
        return self.status(letter_id)

    def approve(self, letter_id: int, *, version: int, reviewer: str) -> ReviewStatus:
        """Ter beoordeling -> goedgekeurd; the approval belongs to `version` (by its hash)."""
        _check_name(reviewer, RemedyAction.GIVE_REVIEWER_NAME)
        with self._write() as connection:
            locked = lock_letter(connection, letter_id)
            letter_bin.refuse_if_in_bin(locked)  # not reviewed or sent from the prullenbak
            version_row(connection, letter_id, version)  # VersionNotFound for a wrong number
            workflow.check_approve(letter_id, locked.status, version, locked.latest_version)
            row = transitions.require(locked.status, Step.APPROVE)
            now = self._now()
            event = store.add_event(
                connection, letter_id, row.event, version, actor=reviewer, at=now
            )
            store.add_approval(
                connection, letter_id, version, reviewer=reviewer, at=now, event_hash=event
            )
            store.set_status(connection, letter_id, row.target)
        return self.status(letter_id)

    def reject(self, letter_id: int, *, reason: str, reviewer: str) -> ReviewStatus:
        """Ter beoordeling -> concept, with the reason in the history."""
        _check_name(reviewer, RemedyAction.GIVE_REVIEWER_NAME)
        with self._write() as connection:
            locked = lock_letter(connection, letter_id)
            workflow.check_reject(letter_id, locked.status, reason)
            row = transitions.require(locked.status, Step.REJECT)
            store.add_event(
                connection,
                letter_id,
                row.event,
                locked.latest_version,
                actor=reviewer,
                at=self._now(),
                text=reason.strip(),
            )
            store.set_status(connection, letter_id, row.target)
        return self.status(letter_id)

    # Comments

    def comment(
        self, letter_id: int, *, version: int, author: str, text: str, block: int | None = None
    ) -> int:
        """A remark on `version` (on body block `block`, counted from 1); returns its id."""
        _check_name(author)
        with self._write() as connection:
            row = version_row(connection, letter_id, version)
            blocks = len(json.loads(row.content).get("body", []))
            workflow.check_comment(text, block, blocks, version)
            return store.add_comment(
                connection,
                letter_id,
                version,
                block=block,
                author=author,
                text=text.strip(),
                at=self._now(),
            )

    def resolve(self, letter_id: int, comment_id: int, *, by: str) -> Comment:
        _check_name(by)
        with self._write() as connection:
            letter_row(connection, letter_id)
            found = store.find_comment(connection, letter_id, comment_id)
            if found.resolved and found.resolved_at is not None:
                raise workflow.WorkflowError(
                    _(
                        "Opmerking {comment_id} is al afgehandeld door {name} op {date} om "
                        "{time}; er is niets veranderd."
                    ).format(
                        comment_id=comment_id,
                        name=found.resolved_by,
                        **screen_moment(found.resolved_at),
                    )
                )
            store.resolve_comment(connection, comment_id, by=by, at=self._now())
            return store.find_comment(connection, letter_id, comment_id)

    # Sending and copying

    def _covering_approval(
        self, connection: Connection, locked: Row[Any], latest: Row[Any]
    ) -> Approval:
        """The valid approval of the latest version, or of the version before it when the
        latest differs from it only in the kenmerk finalize put in (else refused)."""
        letter_id = locked.id
        approval = store.valid_approval(connection, letter_id)
        if approval is None:
            raise workflow.approval_outdated(letter_id, None, latest.number)
        if approval.version_hash == latest.hash:
            return approval
        approved = version_row(connection, letter_id, approval.version)
        registered = connection.execute(
            sa.select(kenmerk_register.c.kenmerk).where(
                kenmerk_register.c.kenmerk == (locked.kenmerk or ""),
                kenmerk_register.c.letter_id == letter_id,
                kenmerk_register.c.version_number == latest.number,
            )
        ).first()
        if (
            registered is not None
            and latest.number == approval.version + 1
            and approved.hash == approval.version_hash
            and json.loads(latest.content).get(workflow.REFERENCE_FIELD) == locked.kenmerk
            and workflow.only_reference_differs(approved.content, latest.content)
        ):
            return approval
        raise workflow.approval_outdated(letter_id, approval.version, latest.number)

    def sendable(
        self, connection: Connection, letter_id: int, *, lock: bool = False
    ) -> tuple[Row[Any], Row[Any], Approval]:
        """The letter, its latest version and the approval covering it; refused (WorkflowError)
        when the letter cannot be sent in its status."""
        locked = (lock_letter if lock else letter_row)(connection, letter_id)
        letter_bin.refuse_if_in_bin(locked)  # not reviewed or sent from the prullenbak
        workflow.check_send(letter_id, locked.status, locked.latest_version, locked.kenmerk)
        latest = version_row(connection, letter_id, None)
        return locked, latest, self._covering_approval(connection, locked, latest)

    def send_plan(
        self, letter_id: int, pattern: str | None = None, today: date | None = None
    ) -> SendPlan:
        """What sending will do, for the confirmation (nothing is written, no number taken)."""
        return send_plan(self, letter_id, pattern=pattern, today=today)

    def save_effect(self, letter_id: int) -> str | None:
        """What saving a new version does to the review, as one Dutch sentence to show before
        saving; None when it changes nothing (a concept)."""
        with self._read() as connection:
            row = letter_row(connection, letter_id)
            valid = [a for a in store.approval_list(connection, letter_id) if a.valid]
        return workflow.save_warning(row.status, valid[-1].version if valid else None)

    def send(
        self,
        letter_id: int,
        *,
        author: str,
        pattern: str | None = None,
        today: date | None = None,
        converter: ConverterFactory | None = None,
        settings: Settings | None = None,
        reason: str = "",
        expected_kenmerk: str | None = None,
        signing_key: Any = None,
    ) -> SendResult:
        """Goedgekeurd -> verzonden: kenmerk (finalize, if none yet), DOCX and PDF of that
        version in the archive with their sha256, and the letter frozen.

        The archive also keeps each addressee's own PDF (a letter to several), and the send
        register gets one 'post' row per addressee with it. With `signing_key`
        (composer.sending.signing.SigningKey) every PDF is signed before it is archived.

        Refused before anything is done: a letter with problems or without Betreft, text or
        addressees; open comments without a `reason` (which is recorded in the 'sent' event);
        a kenmerk other than `expected_kenmerk` (the one the person confirmed: the plan went
        stale). If the PDF cannot be made, nothing is archived or recorded and the status stays
        goedgekeurd (a kenmerk given just before stays given).
        """
        _check_name(author)
        reason = reason.strip() if isinstance(reason, str) else ""
        with self._read() as connection:
            locked, latest, _approval = self.sendable(connection, letter_id)
            had_kenmerk = locked.kenmerk
            remarks = store.comment_list(connection, letter_id)
        require_complete(letter_from_content(latest.content), Action.SEND)
        open_comments = sum(1 for remark in remarks if not remark.resolved)
        workflow.check_open_comments(letter_id, open_comments, reason)
        if expected_kenmerk is not None and had_kenmerk and had_kenmerk != expected_kenmerk:
            raise kenmerken.kenmerk_changed(letter_id, expected_kenmerk, had_kenmerk)
        try:
            engine = (converter or default_converter)()
        except ComposerError as exc:
            raise not_sent(letter_id, exc, None) from None
        with engine:
            kenmerk = self._finalize(letter_id, author, pattern, today, expected_kenmerk)
            given = None if had_kenmerk else kenmerk
            with self._read() as connection:
                _locked, latest, approval = self.sendable(connection, letter_id)
            sent_letter = letter_from_content(latest.content)
            try:
                files, warnings = write_archive(
                    self.library.data_folder,
                    sent_letter,
                    letter_id=letter_id,
                    version=latest.number,
                    kenmerk=kenmerk,
                    converter=engine,
                    settings=settings,
                    signer=pdf_signer(signing_key, kenmerk, sent_letter.place),
                )
            except ComposerError as exc:
                raise not_sent(letter_id, exc, given) from None
        try:
            self._record_sent(
                letter_id,
                latest,
                approval,
                files,
                author=author,
                kenmerk=kenmerk,
                reason=workflow.sent_reason(open_comments, reason),
                posted=post_entries(sent_letter, files),
            )
        except BaseException:
            remove_files(files)
            raise
        return SendResult(
            letter_id=letter_id,
            version=latest.number,
            kenmerk=kenmerk,
            approved_version=approval.version,
            files=tuple(f for f in files if f.addressee is None),
            warnings=tuple(warnings),
            copies=tuple(f for f in files if f.addressee is not None),
            signed=signing_key is not None,
        )

    def _finalize(
        self,
        letter_id: int,
        author: str,
        pattern: str | None,
        today: date | None,
        expected: str | None,
    ) -> str:
        """The letter's kenmerk, given now if it has none (refused, number given back, when it
        is not `expected`)."""
        pattern = DEFAULT_KENMERK_PATTERN if pattern is None else pattern
        kenmerken.check_pattern(pattern)
        with self._write() as connection:
            return kenmerken.finalize_letter(
                connection,
                letter_id,
                pattern=pattern,
                year=(today or date.today()).year,
                author=author,
                now=self._now(),
                expected=expected,
            )

    def _record_sent(
        self,
        letter_id: int,
        latest: Row[Any],
        approval: Approval,
        files: list[ArchivedFile],
        *,
        author: str,
        kenmerk: str,
        reason: str = "",
        posted: list[SendEntry] | None = None,
    ) -> None:
        with self._write() as connection:
            locked, now_latest, now_approval = self.sendable(connection, letter_id, lock=True)
            row = transitions.require(locked.status, Step.SEND)
            if now_latest.hash != latest.hash or now_approval.id != approval.id:
                raise workflow.WorkflowError(
                    _(
                        "Brief {letter_id} is tijdens het verzenden veranderd (nu versie "
                        "{version}); er is niets verzonden. Bekijk de nieuwe versie en verzend "
                        "opnieuw."
                    ).format(letter_id=letter_id, version=now_latest.number)
                )
            now = self._now()
            text = (  # stored in the history as data: always Dutch
                f"Verzonden met kenmerk {kenmerk}; goedgekeurd door {approval.reviewer}: "
                f"versie {approval.version}"
            )
            if approval.version != latest.number:
                text += (
                    f" (versie {latest.number} verschilt daarvan alleen in het kenmerk, "
                    "toegekend bij het verzenden)"
                )
            if reason:
                text += f". {reason}"
            # The event first: each archive record carries its hash.
            event = store.add_event(
                connection, letter_id, row.event, latest.number, actor=author, at=now, text=text
            )
            for archived in (f for f in files if f.addressee is None):
                store.add_archive_file(
                    connection,
                    letter_id=letter_id,
                    version_number=latest.number,
                    kind=archived.kind,
                    path=archived.path,
                    sha256=archived.sha256,
                    size=archived.size,
                    engine=archived.engine,
                    at=now,
                    event_hash=event,
                )
            add_entries(connection, letter_id, latest.number, posted or [], author=author, at=now)
            store.set_status(connection, letter_id, row.target)

    def copy(self, letter_id: int, *, author: str) -> int:
        """A new letter whose version 1 is the latest (for a sent letter: the sent) version,
        without ons kenmerk; both letters get an event that links them. Returns the new id."""
        _check_name(author)
        with self._write() as connection:
            locked = lock_letter(connection, letter_id)
            latest = version_row(connection, letter_id, None)
            data = json.loads(latest.content)
            data[workflow.REFERENCE_FIELD] = ""
            now = self._now()
            # The version note and the events are stored as data: always Dutch.
            source = f"brief {letter_id}, versie {latest.number}"
            if locked.kenmerk:
                source += f" (kenmerk {locked.kenmerk})"
            new_id = create_letter(
                connection,
                canonical_json(data),
                author=author,
                message=f"Op basis van {source}",
                created_at=now,
            )
            store.add_event(
                connection,
                new_id,
                EVENT_COPIED_FROM,
                1,
                actor=author,
                at=now,
                text=f"Nieuwe brief op basis van {source}",
                related_letter_id=letter_id,
            )
            store.add_event(
                connection,
                letter_id,
                transitions.require(locked.status, Step.COPY).event,
                latest.number,
                actor=author,
                at=now,
                text=f"Brief {new_id} gemaakt op basis van versie {latest.number}",
                related_letter_id=new_id,
            )
        return new_id
