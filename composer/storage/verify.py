"""Walks every hash chain, the review history and the archive; reports the first thing off."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.i18n import N_, _, ngettext
from composer.storage.hashing import catalogue_meta, version_hash, version_meta
from composer.storage.library_records import VerifyProblem, VerifyReport
from composer.storage.review_rules import ReviewRules
from composer.storage.schema import (
    archive_files,
    catalogue_versions,
    letters,
    send_register,
    versions,
)
from composer.storage.verify_review import ReviewProblem, check_review

# A reason for the screen: translate with _() where it is used.
HASH_MISMATCH = N_(
    "de inhoud past niet bij de hash (tekst, auteur, tijd of toelichting is veranderd)"
)
_BATCH = 500


def _gap(expected: int, found: int) -> str:
    return _("deze versie ontbreekt (na versie {previous} komt versie {found})").format(
        previous=expected - 1, found=found
    )


def _letter_chain(
    letter_id: int, latest: int, head_hash: str, rows: list[Row[Any]]
) -> VerifyProblem | None:
    parent_hash = ""
    for expected, row in enumerate(rows, start=1):
        if row.number != expected:
            return VerifyProblem(
                letter_id=letter_id, number=expected, reason=_gap(expected, row.number)
            )
        wanted_parent = expected - 1 if expected > 1 else None
        if row.parent_number != wanted_parent:
            return VerifyProblem(
                letter_id=letter_id,
                number=row.number,
                reason=(
                    _(
                        "de voorganger is versie {parent}, maar hoort versie {wanted} te zijn"
                    ).format(parent=row.parent_number, wanted=wanted_parent)
                    if wanted_parent is not None
                    else _("de eerste versie noemt versie {parent} als voorganger").format(
                        parent=row.parent_number
                    )
                ),
            )
        meta = version_meta(
            letter_id=row.letter_id,
            number=row.number,
            parent_number=row.parent_number,
            author=row.author,
            message=row.message,
            created_at=row.created_at,
        )
        if version_hash(parent_hash, row.content, meta) != row.hash:
            return VerifyProblem(letter_id=letter_id, number=row.number, reason=_(HASH_MISMATCH))
        parent_hash = row.hash
    if len(rows) < latest:
        return VerifyProblem(
            letter_id=letter_id,
            number=len(rows) + 1,
            reason=_("deze versie ontbreekt (de brief noemt versie {latest} als laatste)").format(
                latest=latest
            ),
        )
    if len(rows) > latest:
        return VerifyProblem(
            letter_id=letter_id,
            number=latest + 1,
            reason=_(
                "deze versie staat er, maar de brief noemt versie {latest} als laatste"
            ).format(latest=latest),
        )
    if rows and rows[-1].hash != head_hash:
        return VerifyProblem(
            letter_id=letter_id,
            number=latest,
            reason=_(
                "dit is niet de nieuwste versie die is opgeslagen: de brief is daarna nog "
                "opgeslagen en die latere versie ontbreekt (of de kop van de keten is veranderd)"
            ),
        )
    return None


def _grouped(rows: Iterable[Row[Any]], key: str) -> Iterable[tuple[Any, list[Row[Any]]]]:
    current: Any = None
    group: list[Row[Any]] = []
    for row in rows:
        value = getattr(row, key)
        if group and value != current:
            yield current, group
            group = []
        current = value
        group.append(row)
    if group:
        yield current, group


def _no_versions(letter_id: int) -> VerifyProblem:
    return VerifyProblem(
        letter_id=letter_id, number=1, reason=_("de brief heeft geen enkele versie")
    )


def _check_letters(connection: Connection) -> tuple[int, int, VerifyProblem | None]:
    heads = {
        row.id: (row.latest_version, row.head_hash)
        for row in connection.execute(
            sa.select(letters.c.id, letters.c.latest_version, letters.c.head_hash)
        )
    }
    latest = {letter_id: number for letter_id, (number, _head) in heads.items()}
    ids = sorted(latest)  # versions arrive in letter order; a letter skipped has none
    position = 0
    query = sa.select(versions).order_by(versions.c.letter_id, versions.c.number)
    counted = 0
    with connection.execute(query.execution_options(yield_per=_BATCH)) as rows:
        for letter_id, group in _grouped(rows, "letter_id"):
            if position < len(ids) and ids[position] < letter_id:
                return len(latest), counted, _no_versions(ids[position])
            if position < len(ids) and ids[position] == letter_id:
                position += 1
            counted += len(group)
            number, head = heads.get(letter_id, (0, ""))
            problem = _letter_chain(letter_id, number, head, group)
            if problem is not None:
                return len(latest), counted, problem
    if position < len(ids):
        return len(latest), counted, _no_versions(ids[position])
    return len(latest), counted, None


def _check_catalogues(connection: Connection) -> tuple[int, VerifyProblem | None]:
    query = sa.select(catalogue_versions).order_by(
        catalogue_versions.c.name, catalogue_versions.c.number
    )
    counted = 0
    for name, group in _grouped(connection.execute(query), "name"):
        parent_hash = ""
        for expected, row in enumerate(group, start=1):
            counted += 1
            if row.number != expected:
                return counted, VerifyProblem(
                    catalogue=name, number=expected, reason=_gap(expected, row.number)
                )
            meta = catalogue_meta(
                name=row.name, number=row.number, author=row.author, created_at=row.created_at
            )
            if version_hash(parent_hash, row.content, meta) != row.hash:
                return counted, VerifyProblem(
                    catalogue=name, number=row.number, reason=_(HASH_MISMATCH)
                )
            parent_hash = row.hash
    return counted, None


# Where an archived file may be: archief/<letter>/v<version>/<name>.docx|pdf, never outside.
ARCHIVE_PATH = re.compile(r"archief/\d+/v\d+/[A-Za-z0-9][A-Za-z0-9._-]*\.(docx|pdf)")


@dataclass(frozen=True)
class ArchiveProblem(VerifyProblem):
    """The first archived file of a sent letter that is missing or changed.

    Its `reason` names the file (`het archiefbestand ‘…’ ontbreekt …`), so the message is
    `Brief 3, versie 2: het archiefbestand ‘…’ ….`, as for a broken chain.
    """

    path: str = ""


@dataclass(frozen=True)
class LibraryVerifyReport(VerifyReport):
    """A VerifyReport that also counts the events and archived files it checked."""

    archive_files: int = 0
    events: int = 0
    sends: int = 0  # rows of the send register whose attachment was checked

    @property
    def message(self) -> str:
        if isinstance(self.problem, ReviewProblem):
            return _(
                "De beoordelingsgeschiedenis klopt niet. {problem} De beoordeling, een "
                "goedkeuring, het kenmerkregister of het archief is buiten Composer om veranderd "
                "(of beschadigd). Zet een reservekopie of export terug en meld het aan de "
                "beheerder."
            ).format(problem=self.problem.message)
        if isinstance(self.problem, ArchiveProblem):
            return _(
                "Het archief van verzonden brieven klopt niet. {problem} Het bestand is na het "
                "verzenden buiten Composer om veranderd, verplaatst of beschadigd. Zet het terug "
                "uit een reservekopie of export en meld het aan de beheerder."
            ).format(problem=self.problem.message)
        text = super().message
        if self.ok and self.events:
            also = ngettext(
                "Ook de beoordelingsgeschiedenis ({count} gebeurtenis) met de goedkeuringen, "
                "opmerkingen en de status van elke brief klopt.",
                "Ook de beoordelingsgeschiedenis ({count} gebeurtenissen) met de goedkeuringen, "
                "opmerkingen en de status van elke brief klopt.",
                self.events,
            ).format(count=self.events)
            text += f" {also}"
        if self.ok and self.archive_files:
            also = _(
                "Ook de {count} gearchiveerde bestanden van verzonden brieven zijn gecontroleerd "
                "en ongewijzigd."
            ).format(count=self.archive_files)
            text += f" {also}"
        if self.ok and self.sends:
            also = ngettext(
                "Ook de bijlage van {count} regel in het verzendregister is gecontroleerd en "
                "ongewijzigd.",
                "Ook de bijlagen van {count} regels in het verzendregister zijn gecontroleerd en "
                "ongewijzigd.",
                self.sends,
            ).format(count=self.sends)
            text += f" {also}"
        return text


def archive_location(root: Path, relative: str) -> Path | None:
    """The file for a recorded archive path; None for a path that is not an archive path."""
    if not ARCHIVE_PATH.fullmatch(relative):
        return None
    return Path(root).joinpath(*relative.split("/"))


def archive_file_problem(root: Path, row: Any) -> str | None:
    """Why the archived file of `row` (an archive_files row, or anything with `path` and
    `sha256`) is not the one recorded, if so.

    A phrase for the screen that names the file: `het archiefbestand ‘…’ ontbreekt (…)`.
    """
    location = archive_location(root, row.path)
    if location is None:
        return _(
            "het archiefbestand ‘{path}’ heeft een ongeldige plaats (geen pad onder archief/)"
        ).format(path=row.path)
    try:
        with location.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except FileNotFoundError:
        return _("het archiefbestand ‘{path}’ ontbreekt (gezocht als ‘{location}’)").format(
            path=row.path, location=location
        )
    except OSError as exc:
        return _("het archiefbestand ‘{path}’ is onleesbaar ({reason})").format(
            path=row.path, reason=exc.strerror or exc
        )
    if digest == row.sha256:
        return None
    return _(
        "het archiefbestand ‘{path}’ is veranderd: de sha256 past niet bij het verzonden bestand"
    ).format(path=row.path)


def _check_archive(connection: Connection, root: Path) -> tuple[int, ArchiveProblem | None]:
    query = sa.select(archive_files).order_by(
        archive_files.c.letter_id, archive_files.c.version_number, archive_files.c.kind
    )
    counted = 0
    for row in connection.execute(query):
        counted += 1
        reason = archive_file_problem(root, row)
        if reason is not None:
            problem = ArchiveProblem(
                letter_id=row.letter_id, number=row.version_number, reason=reason, path=row.path
            )
            return counted, problem
    return counted, None


def _check_register(connection: Connection, root: Path) -> tuple[int, ArchiveProblem | None]:
    """Each register row's attachment against the archive: it exists and has its sha256."""
    query = sa.select(send_register).where(send_register.c.attachment != "")
    counted = 0
    for row in connection.execute(query.order_by(send_register.c.id)):
        counted += 1
        reason = archive_file_problem(root, _AttachmentRow(row.attachment, row.attachment_sha256))
        if reason is not None:
            whose = _("de PDF voor geadresseerde {number} ({name}) in het verzendregister").format(
                number=row.addressee_index, name=row.addressee
            )
            problem = ArchiveProblem(
                letter_id=row.letter_id,
                number=row.version_number,
                reason=f"{whose}: {reason}",
                path=row.attachment,
            )
            return counted, problem
    return counted, None


@dataclass(frozen=True)
class _AttachmentRow:
    path: str
    sha256: str


def verify_library(
    connection: Connection, *, archive_root: Path | None = None, rules: ReviewRules | None = None
) -> VerifyReport:
    """Recompute every hash from its parent; the first problem (by letter, then version) wins.

    After the version and catalogue chains: each letter's review history (events chain, the
    status they give, approvals, comments, archive records, kenmerk register). With
    `archive_root` (the data folder) every archived file of a sent letter is read and compared
    with its recorded sha256 as well, after all of that holds, and so is every attachment the
    send register names (each addressee's PDF). The status a letter's events
    give is replayed by `rules` (the review workflow's); without them a letter that has a
    review history raises NoReviewRules (a programming error).
    """
    letter_count, version_count, problem = _check_letters(connection)
    catalogue_count, catalogue_problem = (0, None) if problem else _check_catalogues(connection)
    problem = problem or catalogue_problem
    event_count = 0
    if problem is None:
        event_count, problem = check_review(connection, rules)
    archive_count = 0
    if problem is None and archive_root is not None:
        archive_count, problem = _check_archive(connection, archive_root)
    send_count = 0
    if problem is None and archive_root is not None:
        send_count, problem = _check_register(connection, archive_root)
    return LibraryVerifyReport(
        letters=letter_count,
        versions=version_count,
        catalogue_versions=catalogue_count,
        problem=problem,
        archive_files=archive_count,
        events=event_count,
        sends=send_count,
    )
