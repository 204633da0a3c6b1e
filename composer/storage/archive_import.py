"""Import of a library export (composer.storage.archive) into an empty library, all checked."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from composer.errors import ComposerError, LetterValidationError
from composer.fileio import write_bytes_atomic
from composer.i18n import _, ngettext
from composer.storage import office_words
from composer.storage.archive import (
    BIN_FIELDS,
    CATALOGUE_FIELDS,
    CHAIN_HEADS,
    DRAFTS,
    EXPORT_FORMAT,
    LETTER_FIELDS,
    MANIFEST,
    READABLE_FORMATS,
    REGISTER,
    REVIEW,
    REVIEW_TABLES,
    VERSION_FIELDS,
    letter_folder,
    register_file,
    version_name,
)
from composer.storage.letter_rows import letter_from_content, summary_values
from composer.storage.library_records import ImportReport
from composer.storage.review_chain import link_review
from composer.storage.review_rules import ReviewRules
from composer.storage.schema import (
    STATUS_CONCEPT,
    STATUSES,
    archive_files,
    catalogue_versions,
    drafts,
    kenmerk_register,
    kenmerk_sequences,
    letters,
    versions,
)
from composer.storage.verify import archive_location, verify_library
from composer.storage.verify_review import ReviewProblem

_LETTER_FILE = re.compile(r"brieven/(\d+)/brief\.json")
_VERSION_FILE = re.compile(r"brieven/(\d+)/versie-(\d+)\.json")
_CATALOGUE_META = re.compile(r"catalogi/([a-z0-9_-]+)/versie-(\d+)\.meta\.json")


@dataclass(frozen=True)
class LibraryImportReport(ImportReport):
    """An ImportReport that also counts the review history and the archived files."""

    events: int = 0
    approvals: int = 0
    comments: int = 0
    archive_files: int = 0
    sends: int = 0  # rows of the send register

    @property
    def message(self) -> str:
        text = super().message
        if self.events or self.comments or self.archive_files:
            events = ngettext("{count} gebeurtenis", "{count} gebeurtenissen", self.events)
            approvals = ngettext("{count} goedkeuring", "{count} goedkeuringen", self.approvals)
            comments = ngettext("{count} opmerking", "{count} opmerkingen", self.comments)
            files = ngettext(
                "{count} gearchiveerd bestand",
                "{count} gearchiveerde bestanden",
                self.archive_files,
            )
            review = _("Beoordeling: {events}, {approvals}, {comments} en {files}.").format(
                events=events.format(count=self.events),
                approvals=approvals.format(count=self.approvals),
                comments=comments.format(count=self.comments),
                files=files.format(count=self.archive_files),
            )
            text += f" {review}"
        if self.sends:
            sends = ngettext(
                "Verzendregister: {count} regel.", "Verzendregister: {count} regels.", self.sends
            )
            text += f" {sends.format(count=self.sends)}"
        return text


class _Reader:
    """Reads the members of an export, with a clear message for anything missing or broken."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path = archive, path
        self.names = set(archive.namelist())

    def text(self, name: str) -> str:
        try:
            return self.archive.read(name).decode("utf-8")
        except KeyError:
            raise self.broken(_("‘{name}’ ontbreekt").format(name=name)) from None
        except (UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
            why = _("‘{name}’ is onleesbaar ({error})").format(name=name, error=exc)
            raise self.broken(why) from None

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.text(name))
        except json.JSONDecodeError as exc:
            why = _("‘{name}’ is geen geldige JSON ({error})").format(name=name, error=exc.msg)
            raise self.broken(why) from None

    def broken(self, why: str) -> ComposerError:
        """`why`: a complete phrase, already translated."""
        return ComposerError(
            _(
                "‘{path}’ is geen bruikbare export van een Composer-bibliotheek: {why}. "
                "Er is niets geïmporteerd."
            ).format(path=self.path, why=why)
        )


def _require_empty(connection: Connection) -> None:
    counts = {
        table.name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in (letters, catalogue_versions, kenmerk_register, kenmerk_sequences)
    }
    if any(counts.values()):
        raise ComposerError(
            _(
                "De bibliotheek is niet leeg ({letters} brieven, {kenmerken} kenmerken, "
                "{catalogue_versions} catalogusversies). Importeer alleen in een nieuwe, lege "
                "bibliotheek, bijvoorbeeld met "
                "COMPOSER_DATABASE_URL=sqlite:////pad/naar/nieuwe-bibliotheek.sqlite. "
                "Er is niets geïmporteerd."
            ).format(
                letters=counts["letters"],
                kenmerken=counts["kenmerk_register"],
                catalogue_versions=counts["catalogue_versions"],
            )
        )


def _read_letter(
    reader: _Reader, letter_id: int, stored: set[int], *, chained: bool
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The letter's row and its versions; `stored`: the version numbers in the export.

    `chained` (format /3): brief.json carries the heads of the letter's chains.
    """
    folder = letter_folder(letter_id)
    info = reader.json(f"{folder}/brief.json")
    latest = int(info["latest_version"])
    beyond = sorted(number for number in stored if number > latest)
    if beyond:
        raise reader.broken(
            _(
                "brief {letter_id} noemt versie {latest} als laatste, maar de export bevat ook "
                "versie {number}"
            ).format(letter_id=letter_id, latest=latest, number=beyond[0])
        )
    rows = []
    for number in range(1, latest + 1):
        stem = f"{folder}/{version_name(number)}"
        meta = reader.json(f"{stem}.meta.json")
        rows.append(
            {**{f: meta[f] for f in VERSION_FIELDS}, "content": reader.text(f"{stem}.json")}
        )
    status = STATUS_CONCEPT if info["status"] == "definitief" else info["status"]  # export /1
    if status not in STATUSES:
        raise reader.broken(
            _("brief {letter_id} heeft een onbekende status ‘{status}’").format(
                letter_id=letter_id, status=info["status"]
            )
        )
    try:
        summary = summary_values(letter_from_content(rows[-1]["content"]), info["kenmerk"])
    except LetterValidationError as exc:
        raise reader.broken(
            _("de laatste versie van brief {letter_id} is geen geldige brief\n{problems}").format(
                letter_id=letter_id, problems=exc
            )
        ) from None
    fields = (*LETTER_FIELDS, *CHAIN_HEADS) if chained else LETTER_FIELDS
    values = {f: info[f] for f in fields if f not in summary and f != "status"}
    values.update({f: info.get(f) for f in BIN_FIELDS})  # absent before the prullenbak
    return {**values, **summary, "status": status}, rows


def import_zip(
    connection: Connection, path: Path, *, archive_root: Path, rules: ReviewRules | None = None
) -> ImportReport:
    """Load an export into the (empty) library of `connection`; verified before it commits.

    `rules` (the review workflow's) replay each letter's status from its events, as verify does.

    Runs in the caller's write transaction: anything wrong and nothing is imported. The
    archived files are written into `archive_root` last, after every check.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ComposerError(_("Het bestand ‘{path}’ bestaat niet.").format(path=path)) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ComposerError(
            _("‘{path}’ is geen leesbaar zip-bestand ({error}).").format(path=path, error=exc)
        ) from None
    with archive:
        reader = _Reader(archive, Path(path))
        try:
            return _import(connection, archive, reader, Path(archive_root), rules)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            why = _("onverwachte inhoud ({kind}: {error})").format(
                kind=type(exc).__name__, error=exc
            )
            raise reader.broken(why) from None
        except sa.exc.IntegrityError as exc:
            why = _("de gegevens spreken elkaar tegen ({error})").format(error=exc.orig)
            raise reader.broken(why) from None


def _read_review(reader: _Reader, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The review history per table (none in an export of format /1)."""
    review = reader.json(REVIEW) if REVIEW in names else {}
    rows = {table.name: list(review.get(table.name, [])) for table in REVIEW_TABLES}
    paths = [row["path"] for row in rows[archive_files.name]]
    paths += [row["attachment"] for row in rows["send_register"] if row["attachment"]]
    for path in paths:
        if archive_location(Path("."), path) is None:
            raise reader.broken(_("‘{path}’ is geen plaats in het archief").format(path=path))
    return rows


def _archived_files(review: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every file to restore (path and sha256): the archive records', then those only the send
    register names (each addressee's own PDF)."""
    files = {row["path"]: row for row in review[archive_files.name]}
    for row in review["send_register"]:
        if row["attachment"] and row["attachment"] not in files:
            named = register_file(row)
            files[named.path] = {"path": named.path, "sha256": named.sha256}
    return list(files.values())


def _restore_archive(reader: _Reader, rows: list[dict[str, Any]], root: Path) -> None:
    """Put the archived files in the data folder: all checked first, then written."""
    for row in rows:
        data = reader.archive.read(row["path"]) if row["path"] in reader.names else None
        if data is None:
            why = _("het archiefbestand ‘{path}’ ontbreekt").format(path=row["path"])
            raise reader.broken(why)
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            why = _("het archiefbestand ‘{path}’ past niet bij de sha256").format(path=row["path"])
            raise reader.broken(why)
        target = archive_location(root, row["path"])
        assert target is not None  # checked in _read_review
        if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() != row["sha256"]:
            raise ComposerError(
                _(
                    "In de gegevensmap staat al een ander bestand ‘{target}’. Verplaats het (of "
                    "kies met COMPOSER_DATA_DIR een lege gegevensmap) en importeer opnieuw. Er is "
                    "niets geïmporteerd."
                ).format(target=target)
            )
    for row in rows:
        target = archive_location(root, row["path"])
        assert target is not None
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(target, reader.archive.read(row["path"]))


def _continue_numbering(connection: Connection, highest: dict[str, int]) -> None:
    """PostgreSQL: ids were given explicitly; new rows must come after the highest."""
    if connection.dialect.name != "postgresql":
        return
    for table, value in highest.items():
        if value:
            connection.execute(
                sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :highest)"),
                {"highest": value},
            )


def _import(
    connection: Connection,
    archive: zipfile.ZipFile,
    reader: _Reader,
    root: Path,
    rules: ReviewRules | None,
) -> ImportReport:
    manifest = reader.json(MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
        raise reader.broken(_("het formaat is niet ‘{format}’").format(format=EXPORT_FORMAT))
    _require_empty(connection)
    names = archive.namelist()
    letter_ids = sorted(int(m[1]) for n in names if (m := _LETTER_FILE.fullmatch(n)))
    stored: dict[int, set[int]] = {letter_id: set() for letter_id in letter_ids}
    for name in names:
        if (m := _VERSION_FILE.fullmatch(name)) and int(m[1]) in stored:
            stored[int(m[1])].add(int(m[2]))
    chained = manifest["format"] == EXPORT_FORMAT
    loaded = [_read_letter(reader, i, stored[i], chained=chained) for i in letter_ids]
    review = _read_review(reader, names)
    if not chained:  # an export from before the chain: link it as migration 0004 does
        link_review(
            [row for row, _versions in loaded],
            {row["id"]: rows[-1]["hash"] for row, rows in loaded},
            events=review["events"],
            approvals=review["approvals"],
            comments=review["comments"],
            archive_files=review["archive_files"],
        )
    for row, rows in loaded:
        connection.execute(letters.insert().values(**row))
        connection.execute(versions.insert(), rows)
    version_count = sum(len(rows) for _row, rows in loaded)
    register = reader.json(REGISTER)
    if register["sequences"]:
        connection.execute(kenmerk_sequences.insert(), register["sequences"])
    if register["entries"]:
        connection.execute(kenmerk_register.insert(), register["entries"])
    catalogue_rows = []
    for name in sorted(names):
        if _CATALOGUE_META.fullmatch(name):
            meta = reader.json(name)
            content = reader.text(name.removesuffix(".meta.json") + ".json")
            catalogue_rows.append({**{f: meta[f] for f in CATALOGUE_FIELDS}, "content": content})
    if catalogue_rows:
        connection.execute(catalogue_versions.insert(), catalogue_rows)
    draft_rows = reader.json(DRAFTS)
    if draft_rows:
        connection.execute(drafts.insert(), draft_rows)
    if office_words.EXPORT_FILE in names:  # exports from before the word list have none
        try:
            office_words.import_rows(connection, reader.json(office_words.EXPORT_FILE))
        except ValueError:
            raise reader.broken(_("de woordenlijst is onleesbaar")) from None
    for table in REVIEW_TABLES:
        if review[table.name]:
            connection.execute(table.insert(), review[table.name])
    highest = {"letters": max(letter_ids, default=0)}
    for name in ("events", "approvals", "comments", "send_register"):
        highest[name] = max((row["id"] for row in review[name]), default=0)
    _continue_numbering(connection, highest)
    report = verify_library(connection, rules=rules)
    if report.problem is not None:
        problem = report.problem.message.rstrip(".")
        if isinstance(report.problem, ReviewProblem):
            raise reader.broken(
                _(
                    "de beoordelingsgeschiedenis klopt niet ({problem}); de export is na het "
                    "exporteren veranderd of beschadigd"
                ).format(problem=problem)
            )
        raise reader.broken(
            _("de versiegeschiedenis klopt niet: {problem}").format(problem=problem)
        )
    _restore_archive(reader, _archived_files(review), root)
    return LibraryImportReport(
        letters=len(letter_ids),
        versions=version_count,
        kenmerken=len(register["entries"]),
        catalogue_versions=len(catalogue_rows),
        drafts=len(draft_rows),
        events=len(review["events"]),
        approvals=len(review["approvals"]),
        comments=len(review["comments"]),
        archive_files=len(review["archive_files"]),
        sends=len(review["send_register"]),
    )
