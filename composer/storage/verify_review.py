"""Checks each letter's review history: events, status, approvals, comments, archive records."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.core.statuses import (
    EVENT_APPROVED,
    EVENT_LABELS,
    EVENT_SAVED_AFTER_APPROVAL,
    EVENT_SENT,
    STATUS_CONCEPT,
)
from composer.i18n import _
from composer.storage.hashing import archive_file_hash, comment_hash, event_hash
from composer.storage.library_records import VerifyProblem
from composer.storage.review_rules import NoReviewRules, ReviewRules
from composer.storage.schema import (
    APPROVAL_LAPSED,
    APPROVAL_VALID,
    ARCHIVE_KINDS,
    approvals,
    archive_files,
    comments,
    events,
    kenmerk_register,
    letters,
    versions,
)


@dataclass(frozen=True)
class ReviewProblem(VerifyProblem):
    """The first thing in a letter's review history that does not hold (`number`: 0)."""

    @property
    def message(self) -> str:
        return _("Brief {letter_id}: {reason}.").format(
            letter_id=self.letter_id, reason=self.reason
        )


def _grouped(connection: Connection, table: sa.Table, *order: Any) -> dict[int, list[Row[Any]]]:
    rows: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in connection.execute(sa.select(table).order_by(table.c.letter_id, *order)):
        rows[row.letter_id].append(row)
    return rows


def event_name(position: int, row: Row[Any]) -> str:
    """`gebeurtenis 3 (‘goedgekeurd’, versie 2)`."""
    label = _(EVENT_LABELS[row.kind]) if row.kind in EVENT_LABELS else row.kind
    return _("gebeurtenis {position} (‘{label}’, versie {version})").format(
        position=position, label=label, version=row.version_number
    )


def _event_chain(
    letter: Row[Any],
    rows: list[Row[Any]],
    version_hashes: dict[tuple[int, int], str],
    rules: ReviewRules | None,
) -> str | None:
    previous = ""
    for position, row in enumerate(rows, start=1):
        if row.prev_hash != previous:
            return _(
                "{event} volgt niet op de gebeurtenis ervoor: de keten van de beoordeling is "
                "onderbroken (een gebeurtenis is verwijderd, ingevoegd of verplaatst)"
            ).format(event=event_name(position, row))
        if event_hash(row._mapping) != row.hash:
            return _(
                "{event} past niet bij de hash (soort, versie, naam, tijd of tekst is veranderd)"
            ).format(event=event_name(position, row))
        if version_hashes.get((row.letter_id, row.version_number)) != row.version_hash:
            return _(
                "{event} hoort bij een andere versie {version} dan de versie die er nu staat"
            ).format(event=event_name(position, row), version=row.version_number)
        previous = row.hash
    if letter.last_event_hash != previous:
        return _(
            "de laatste gebeurtenis van de beoordeling ontbreekt: de brief noemt een andere "
            "laatste gebeurtenis dan er staat"
        )
    if rules is not None:
        return rules.status_problem(letter.status, rows)
    if rows or letter.status != STATUS_CONCEPT:
        raise NoReviewRules(
            f"letter {letter.id} has a review history: verify it with the review rules "
            "(composer.review.library_rules)"
        )
    return None


def _expected_approvals(rows: list[Row[Any]]) -> dict[str, tuple[str, int | None, str | None]]:
    """Per 'approved' event (by hash): the state of its approval that the events give."""
    expected: dict[str, tuple[str, int | None, str | None]] = {}
    for row in rows:
        if row.kind == EVENT_APPROVED:
            expected[row.hash] = (APPROVAL_VALID, None, None)
        elif row.kind == EVENT_SAVED_AFTER_APPROVAL:
            for key, (state, *_rest) in expected.items():
                if state == APPROVAL_VALID:
                    expected[key] = (APPROVAL_LAPSED, row.version_number, row.at)
    return expected


def _approval_problem(event_rows: list[Row[Any]], rows: list[Row[Any]]) -> str | None:
    by_hash = {row.hash: row for row in event_rows}
    expected = _expected_approvals(event_rows)
    bound: set[str] = set()
    for row in rows:
        who = {"version": row.version_number, "reviewer": row.reviewer}
        event = by_hash.get(row.event_hash)
        if (
            event is None
            or event.kind != EVENT_APPROVED
            or row.event_hash in bound
            or (event.version_number, event.version_hash, event.actor, event.at)
            != (row.version_number, row.version_hash, row.reviewer, row.at)
        ):
            return _(
                "de goedkeuring van versie {version} door {reviewer} hoort bij geen enkele "
                "gebeurtenis ‘goedgekeurd’ in de beoordelingsgeschiedenis"
            ).format(**who)
        bound.add(row.event_hash)
        state, lapsed_by, lapsed_at = expected[row.event_hash]
        if (row.status, row.lapsed_by_version, row.lapsed_at) != (state, lapsed_by, lapsed_at):
            should = (
                _("geldig")
                if state == APPROVAL_VALID
                else _("vervallen door versie {version}").format(version=lapsed_by)
            )
            return _(
                "de goedkeuring van versie {version} door {reviewer} staat op ‘{status}’, maar "
                "volgens de beoordelingsgeschiedenis is die {should}"
            ).format(status=row.status, should=should, **who)
    for position, event in enumerate(event_rows, start=1):
        if event.kind == EVENT_APPROVED and event.hash not in bound:
            return _("bij {event} ontbreekt de goedkeuring").format(
                event=event_name(position, event)
            )
    return None


def _comment_problem(rows: list[Row[Any]]) -> str | None:
    previous = ""
    for row in rows:
        if row.prev_hash != previous:
            return _(
                "opmerking {id} volgt niet op de opmerking ervoor (er is een opmerking "
                "verwijderd, ingevoegd of verplaatst)"
            ).format(id=row.id)
        if comment_hash(row._mapping) != row.hash:
            return _(
                "opmerking {id} past niet bij de hash (tekst, naam, tijd of blok is veranderd)"
            ).format(id=row.id)
        previous = row.hash
    return None


def _archive_problem(event_rows: list[Row[Any]], rows: list[Row[Any]]) -> str | None:
    sent = {row.hash: row for row in event_rows if row.kind == EVENT_SENT}
    recorded: set[tuple[str, str]] = set()
    for row in rows:
        if archive_file_hash(row._mapping) != row.hash:
            return _(
                "het archiefrecord van ‘{path}’ past niet bij de hash (sha256, grootte, plaats "
                "of tijd is veranderd)"
            ).format(path=row.path)
        event = sent.get(row.event_hash)
        if event is None or (event.version_number, event.at) != (row.version_number, row.at):
            return _(
                "het archiefbestand ‘{path}’ hoort bij geen verzending van versie {version} in "
                "de beoordelingsgeschiedenis"
            ).format(path=row.path, version=row.version_number)
        recorded.add((row.event_hash, row.kind))
    for position, row in enumerate(event_rows, start=1):
        for kind in ARCHIVE_KINDS if row.kind == EVENT_SENT else ():
            if (row.hash, kind) not in recorded:
                return _("bij {event} ontbreekt het archiefrecord van het {kind}-bestand").format(
                    event=event_name(position, row), kind=kind.upper()
                )
    return None


def _register_problem(
    connection: Connection, letter_rows: list[Row[Any]], version_hashes: dict[tuple[int, int], str]
) -> ReviewProblem | None:
    entries = connection.execute(
        sa.select(kenmerk_register).order_by(kenmerk_register.c.letter_id, kenmerk_register.c.seq)
    ).all()
    for entry in entries:
        if (entry.letter_id, entry.version_number) not in version_hashes:
            reason = _(
                "het kenmerk {kenmerk} is in het kenmerkregister toegekend aan versie {version}, "
                "maar die versie bestaat niet"
            ).format(kenmerk=entry.kenmerk, version=entry.version_number)
            return ReviewProblem(letter_id=entry.letter_id, number=0, reason=reason)
    owners = {entry.kenmerk: entry.letter_id for entry in entries}
    for letter in letter_rows:
        if letter.kenmerk and owners.get(letter.kenmerk) != letter.id:
            reason = _(
                "de brief heeft kenmerk {kenmerk}, maar dat staat in het kenmerkregister niet op "
                "naam van deze brief"
            ).format(kenmerk=letter.kenmerk)
            return ReviewProblem(letter_id=letter.id, number=0, reason=reason)
    return None


def check_review(
    connection: Connection, rules: ReviewRules | None = None
) -> tuple[int, ReviewProblem | None]:
    """Every letter's review history against its chains (by letter); the events counted.

    The status the events give is the review workflow's to say (`rules.status_problem`).
    """
    letter_rows = connection.execute(sa.select(letters).order_by(letters.c.id)).all()
    version_hashes = {
        (row.letter_id, row.number): row.hash
        for row in connection.execute(
            sa.select(versions.c.letter_id, versions.c.number, versions.c.hash)
        )
    }
    event_rows = _grouped(connection, events, events.c.id)
    approval_rows = _grouped(connection, approvals, approvals.c.id)
    comment_rows = _grouped(connection, comments, comments.c.id)
    archive_rows = _grouped(
        connection, archive_files, archive_files.c.version_number, archive_files.c.kind
    )
    counted = sum(len(rows) for rows in event_rows.values())
    for letter in letter_rows:
        history = event_rows.get(letter.id, [])
        reason = (
            _event_chain(letter, history, version_hashes, rules)
            or _approval_problem(history, approval_rows.get(letter.id, []))
            or _comment_problem(comment_rows.get(letter.id, []))
            or _archive_problem(history, archive_rows.get(letter.id, []))
        )
        if reason is not None:
            return counted, ReviewProblem(letter_id=letter.id, number=0, reason=reason)
    return counted, _register_problem(connection, letter_rows, version_hashes)
